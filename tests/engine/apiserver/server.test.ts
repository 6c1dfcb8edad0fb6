import { describe, expect, it } from 'vitest';
import { call, cluster, configMap, deployment } from './helpers';

const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments';
const CMS = '/api/v1/namespaces/default/configmaps';

describe('apiserver: create and read', () => {
  it('creates with server-set metadata and defaults, and reads it back', () => {
    const c = cluster();
    const res = call(c, 'POST', DEPLOYS, deployment('web'));
    expect(res.status).toBe(201);
    const obj = res.body as any;
    expect(obj.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(obj.metadata.creationTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(obj.metadata.generation).toBe(1);
    expect(obj.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(obj.spec.template.metadata.creationTimestamp).toBeNull();
    expect(obj.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    const got = call(c, 'GET', `${DEPLOYS}/web`);
    expect(got.status).toBe(200);
    expect((got.body as any).metadata.resourceVersion).toBe(obj.metadata.resourceVersion);
  });

  it('answers NotFound, AlreadyExists and a missing namespace with upstream Status', () => {
    const c = cluster();
    const nf = call(c, 'GET', `${DEPLOYS}/nope`);
    expect(nf.status).toBe(404);
    expect(nf.body).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'deployments.apps "nope" not found', details: { name: 'nope', group: 'apps', kind: 'deployments' } });
    call(c, 'POST', DEPLOYS, deployment('web'));
    const dup = call(c, 'POST', DEPLOYS, deployment('web'));
    expect(dup.status).toBe(409);
    expect((dup.body as any).message).toBe('deployments.apps "web" already exists');
    const ghost = call(c, 'POST', '/api/v1/namespaces/ghost/configmaps', configMap('x'));
    expect(ghost.status).toBe(404);
    expect((ghost.body as any).message).toBe('namespaces "ghost" not found');
  });

  it('refuses an invalid object with 422 and stores nothing', () => {
    const c = cluster();
    const bad = deployment('web');
    bad.spec.template.metadata.labels = { app: 'other' };
    const res = call(c, 'POST', DEPLOYS, bad);
    expect(res.status).toBe(422);
    expect((res.body as any).message).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
    expect(call(c, 'GET', `${DEPLOYS}/web`).status).toBe(404);
  });

  it('generates names from generateName with the seeded alphabet', () => {
    const c = cluster();
    const res = call(c, 'POST', CMS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cm-' } });
    expect((res.body as any).metadata.name).toMatch(/^cm-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('does not store anything on dryRun=All', () => {
    const c = cluster();
    const res = call(c, 'POST', CMS, configMap('dry'), { query: { dryRun: 'All' } });
    expect(res.status).toBe(200);
    expect(call(c, 'GET', `${CMS}/dry`).status).toBe(404);
  });
});

describe('apiserver: updates', () => {
  it('conflicts on a stale resourceVersion with upstream message', () => {
    const c = cluster();
    const created = call(c, 'POST', DEPLOYS, deployment('web')).body as any;
    const first = { ...created, spec: { ...created.spec, replicas: 3 } };
    expect(call(c, 'PUT', `${DEPLOYS}/web`, first).status).toBe(200);
    const stale = call(c, 'PUT', `${DEPLOYS}/web`, { ...created, spec: { ...created.spec, replicas: 4 } });
    expect(stale.status).toBe(409);
    expect((stale.body as any).message).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('bumps generation on spec changes only, and keeps status on spec writes', () => {
    const c = cluster();
    const created = call(c, 'POST', DEPLOYS, deployment('web')).body as any;
    const withStatus = call(c, 'PUT', `${DEPLOYS}/web/status`, { ...created, status: { replicas: 2 } }).body as any;
    expect(withStatus.metadata.generation).toBe(1);
    expect(withStatus.status).toEqual({ replicas: 2 });
    const labelled = call(c, 'PATCH', `${DEPLOYS}/web`, { metadata: { labels: { a: 'b' } }, status: { replicas: 99 } }, { contentType: 'application/merge-patch+json' }).body as any;
    expect(labelled.metadata.generation).toBe(1);
    expect(labelled.status).toEqual({ replicas: 2 });
    const scaled = call(c, 'PATCH', `${DEPLOYS}/web`, { spec: { replicas: 5 } }, { contentType: 'application/strategic-merge-patch+json' }).body as any;
    expect(scaled.metadata.generation).toBe(2);
  });

  it('patches with strategic merge (containers by name), JSON merge and JSON patch', () => {
    const c = cluster();
    call(c, 'POST', DEPLOYS, deployment('web'));
    const smp = call(c, 'PATCH', `${DEPLOYS}/web`, { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'httpd' }] } } } }, { contentType: 'application/strategic-merge-patch+json' });
    const containers = (smp.body as any).spec.template.spec.containers;
    expect(containers).toHaveLength(1);
    // Defaults only fill what is missing: the pull policy set for nginx:1.27 stays.
    expect(containers[0]).toMatchObject({ name: 'nginx', image: 'httpd', imagePullPolicy: 'IfNotPresent' });
    const jp = call(c, 'PATCH', `${DEPLOYS}/web`, [{ op: 'replace', path: '/spec/replicas', value: 7 }], { contentType: 'application/json-patch+json' });
    expect((jp.body as any).spec.replicas).toBe(7);
    const bad = call(c, 'PATCH', `${DEPLOYS}/web`, {}, { contentType: 'text/plain' });
    expect(bad.status).toBe(415);
  });

  it('serves the scale subresource', () => {
    const c = cluster();
    call(c, 'POST', DEPLOYS, deployment('web'));
    const scale = call(c, 'GET', `${DEPLOYS}/web/scale`).body as any;
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 }, status: { replicas: 0, selector: 'app=web' } });
    call(c, 'PATCH', `${DEPLOYS}/web/scale`, { spec: { replicas: 4 } }, { contentType: 'application/merge-patch+json' });
    expect((call(c, 'GET', `${DEPLOYS}/web`).body as any).spec.replicas).toBe(4);
  });
});

describe('apiserver: lists, selectors, tables', () => {
  it('filters by labels and fields and pages with limit/continue', () => {
    const c = cluster();
    for (const n of ['a', 'b', 'c', 'd']) call(c, 'POST', CMS, configMap(n, { labels: { tier: n < 'c' ? 'front' : 'back' } }));
    const front = call(c, 'GET', CMS, undefined, { query: { labelSelector: 'tier=front' } }).body as any;
    expect(front.items.map((o: any) => o.metadata.name)).toEqual(['a', 'b']);
    const named = call(c, 'GET', CMS, undefined, { query: { fieldSelector: 'metadata.name=c' } }).body as any;
    expect(named.items.map((o: any) => o.metadata.name)).toEqual(['c']);
    const page1 = call(c, 'GET', CMS, undefined, { query: { limit: '3' } }).body as any;
    expect(page1.items).toHaveLength(3);
    expect(page1.metadata.remainingItemCount).toBe(1);
    const page2 = call(c, 'GET', CMS, undefined, { query: { limit: '3', continue: page1.metadata.continue } }).body as any;
    expect(page2.items.map((o: any) => o.metadata.name)).toEqual(['d']);
    const bad = call(c, 'GET', CMS, undefined, { query: { fieldSelector: 'spec.foo=bar' } });
    expect(bad.status).toBe(400);
  });

  it('answers a Table when asked, with the kind columns and row metadata', () => {
    const c = cluster();
    call(c, 'POST', DEPLOYS, deployment('web'));
    const t = call(c, 'GET', DEPLOYS, undefined, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' }).body as any;
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.map((d: any) => d.name)).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']);
    expect(t.rows[0].cells.slice(0, 5)).toEqual(['web', '0/2', 0, 0, '0s']);
    expect(t.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it('serves discovery like upstream', () => {
    const c = cluster();
    expect((call(c, 'GET', '/api').body as any).versions).toEqual(['v1']);
    const apps = call(c, 'GET', '/apis/apps/v1').body as any;
    const names = apps.resources.map((r: any) => r.name);
    expect(names).toContain('deployments');
    expect(names).toContain('deployments/scale');
    const dep = apps.resources.find((r: any) => r.name === 'deployments');
    expect(dep).toMatchObject({ kind: 'Deployment', namespaced: true, shortNames: ['deploy'], categories: ['all'] });
    expect(call(c, 'GET', '/apis/nope/v1').status).toBe(404);
  });
});

describe('apiserver: watch', () => {
  it('resumes from a resourceVersion and turns selector changes into ADDED/DELETED', () => {
    const c = cluster();
    const a = call(c, 'POST', CMS, configMap('a', { labels: { x: '1' } })).body as any;
    const seen: string[] = [];
    const w = c.server.watch({ method: 'GET', path: CMS, query: { labelSelector: 'x=1', resourceVersion: a.metadata.resourceVersion } }, {
      onEvent: (e) => seen.push(`${e.type} ${(e.object as any).metadata.name}`),
    });
    call(c, 'POST', CMS, configMap('b', { labels: { x: '1' } }));
    call(c, 'PATCH', `${CMS}/b`, { metadata: { labels: { x: '2' } } }, { contentType: 'application/merge-patch+json' });
    call(c, 'PATCH', `${CMS}/a`, { data: { k: 'changed' } }, { contentType: 'application/merge-patch+json' });
    call(c, 'PATCH', `${CMS}/b`, { metadata: { labels: { x: '1' } } }, { contentType: 'application/merge-patch+json' });
    w.stop();
    expect(seen).toEqual(['ADDED b', 'DELETED b', 'MODIFIED a', 'ADDED b']);
  });
});
