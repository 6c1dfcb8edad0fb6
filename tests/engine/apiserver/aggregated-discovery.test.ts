// Aggregated discovery (apidiscovery.k8s.io/v2): Accept negotiation and the document's shape.
import { describe, expect, it } from 'vitest';
import { Registry } from '../../../src/engine/api/registry';
import { aggregatedDiscovery, wantsAggregatedDiscovery } from '../../../src/engine/apiserver/aggregated-discovery';

describe('wantsAggregatedDiscovery', () => {
  const rows: { input: string | undefined; want: boolean }[] = [
    { input: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json', want: true },
    { input: 'application/json; g=apidiscovery.k8s.io; v=v2; as=APIGroupDiscoveryList', want: true },
    { input: 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json', want: false },
    { input: 'application/json', want: false },
    { input: 'application/json;as=Table;v=v1;g=meta.k8s.io', want: false },
    { input: '', want: false },
    { input: undefined, want: false },
  ];
  for (const { input, want } of rows) it(String(input), () => expect(wantsAggregatedDiscovery(input)).toBe(want));
});

describe('aggregatedDiscovery', () => {
  const reg = new Registry();
  const find = (doc: any, group: string | undefined, resource: string) =>
    doc.items.find((i: any) => i.metadata.name === group).versions[0].resources.find((r: any) => r.resource === resource);

  it('serves the core group alone under /api', () => {
    const doc: any = aggregatedDiscovery(reg, 'api');
    expect(doc).toMatchObject({ kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {} });
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].metadata).toEqual({ creationTimestamp: null });
    expect(doc.items[0].versions.map((v: any) => [v.version, v.freshness])).toEqual([['v1', 'Current']]);
  });
  it('serves every named group under /apis, none twice', () => {
    const doc: any = aggregatedDiscovery(reg, 'apis');
    const names = doc.items.map((i: any) => i.metadata.name);
    expect(names).toContain('apps');
    expect(names).not.toContain(undefined);
    expect(new Set(names).size).toBe(names.length);
    const count = doc.items.reduce((n: number, i: any) => n + i.versions.reduce((m: number, v: any) => m + v.resources.length, 0), 0);
    expect(count).toBe(reg.types.filter((t) => t.group !== '').length);
  });
  const rows: { root: 'api' | 'apis'; group?: string; resource: string; want: object }[] = [
    { root: 'api', resource: 'pods', want: { scope: 'Namespaced', singularResource: 'pod', shortNames: ['po'], categories: ['all'], responseKind: { group: '', version: '', kind: 'Pod' } } },
    { root: 'api', resource: 'nodes', want: { scope: 'Cluster', singularResource: 'node', shortNames: ['no'] } },
    { root: 'api', resource: 'namespaces', want: { scope: 'Cluster', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] } },
    { root: 'apis', group: 'apps', resource: 'deployments', want: { scope: 'Namespaced', shortNames: ['deploy'], responseKind: { group: '', version: '', kind: 'Deployment' } } },
  ];
  for (const { root, group, resource, want } of rows) {
    it(`${root} ${resource}`, () => expect(find(aggregatedDiscovery(reg, root), group, resource)).toMatchObject(want));
  }
  const subs: { root: 'api' | 'apis'; group?: string; resource: string; sub: string; want: object }[] = [
    { root: 'apis', group: 'apps', resource: 'deployments', sub: 'scale', want: { responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] } },
    { root: 'apis', group: 'apps', resource: 'deployments', sub: 'status', want: { responseKind: { group: '', version: '', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] } },
    { root: 'api', resource: 'pods', sub: 'eviction', want: { responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] } },
    { root: 'api', resource: 'pods', sub: 'exec', want: { responseKind: { group: '', version: '', kind: 'PodExecOptions' }, verbs: ['create', 'get'] } },
    { root: 'api', resource: 'pods', sub: 'log', want: { responseKind: { group: '', version: '', kind: 'Pod' }, verbs: ['get'] } },
  ];
  for (const { root, group, resource, sub, want } of subs) {
    it(`${resource}/${sub}`, () => {
      const r = find(aggregatedDiscovery(reg, root), group, resource);
      expect(r.subresources.find((s: any) => s.subresource === sub)).toMatchObject(want);
    });
  }
});
