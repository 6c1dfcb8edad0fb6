// kubectl apply's three-way strategic merge on real objects: original = last-applied
// configuration, modified = the new manifest, current = the live object.

import { describe, expect, it } from 'vitest';
import { patchMetaFor } from '../../../src/engine/patch/patch-meta';
import { applyStrategicMergePatch, createThreeWayMergePatch } from '../../../src/engine/patch/strategic';

const meta = patchMetaFor('apps/v1', 'Deployment');

function manifest(opts: { replicas?: number; env?: { name: string; value: string }[]; image?: string } = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: opts.replicas ?? 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: opts.image ?? 'nginx:1.25',
              ports: [{ containerPort: 80 }],
              env: opts.env ?? [
                { name: 'A', value: '1' },
                { name: 'B', value: '2' },
              ],
            },
          ],
        },
      },
    },
  };
}

// The live object: the manifest plus what the server and controllers add.
function live(applied: Record<string, unknown>, extra: (o: any) => void = () => {}): Record<string, unknown> {
  const o = structuredClone(applied) as any;
  o.metadata.uid = 'u-1';
  o.metadata.generation = 1;
  o.metadata.annotations = { 'deployment.kubernetes.io/revision': '1' };
  o.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  o.spec.template.spec.containers[0].imagePullPolicy = 'IfNotPresent';
  o.spec.template.spec.restartPolicy = 'Always';
  o.status = { replicas: 2, conditions: [{ type: 'Available', status: 'True' }] };
  extra(o);
  return o;
}

function apply(original: Record<string, unknown>, modified: Record<string, unknown>, current: Record<string, unknown>) {
  const patch = createThreeWayMergePatch(original, modified, current, meta);
  return { patch, result: applyStrategicMergePatch(current, patch, meta) as any };
}

describe('kubectl apply three-way patches on a Deployment', () => {
  it('reapplying the same manifest is an empty patch ("unchanged")', () => {
    const m = manifest();
    expect(apply(m, m, live(m)).patch).toEqual({});
  });

  it('changing replicas only touches replicas', () => {
    const m = manifest();
    const { patch, result } = apply(m, manifest({ replicas: 5 }), live(m));
    expect(patch).toEqual({ spec: { replicas: 5 } });
    expect(result.spec.replicas).toBe(5);
    expect(result.spec.strategy.type).toBe('RollingUpdate');
    expect(result.status.replicas).toBe(2);
  });

  it('an env var removed from the config is deleted, keeping the others and their order', () => {
    const m = manifest();
    const next = manifest({ env: [{ name: 'B', value: '2' }] });
    const { patch, result } = apply(m, next, live(m));
    const c = (patch as any).spec.template.spec;
    expect(c['$setElementOrder/containers']).toEqual([{ name: 'nginx' }]);
    expect(c.containers).toEqual([
      { name: 'nginx', env: [{ name: 'A', $patch: 'delete' }], '$setElementOrder/env': [{ name: 'B' }] },
    ]);
    expect(result.spec.template.spec.containers[0].env).toEqual([{ name: 'B', value: '2' }]);
    expect(result.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  it('an env var added lands in the config order', () => {
    const m = manifest();
    const next = manifest({ env: [{ name: 'A', value: '1' }, { name: 'Z', value: '9' }, { name: 'B', value: '2' }] });
    const { result } = apply(m, next, live(m));
    expect(result.spec.template.spec.containers[0].env.map((e: any) => e.name)).toEqual(['A', 'Z', 'B']);
  });

  it('a label added by `kubectl label` survives a later apply', () => {
    const m = manifest();
    const current = live(m, (o) => (o.metadata.labels.team = 'blue'));
    const { patch, result } = apply(m, manifest({ image: 'nginx:1.26' }), current);
    expect(patch).toEqual({
      spec: {
        template: {
          spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ name: 'nginx', image: 'nginx:1.26' }] },
        },
      },
    });
    expect(result.metadata.labels).toEqual({ app: 'web', team: 'blue' });
  });

  it('an annotation the controller added is kept', () => {
    const m = manifest();
    const { result } = apply(m, manifest({ replicas: 3 }), live(m));
    expect(result.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
  });

  it('a label removed from the config is deleted, one added by someone else stays', () => {
    const m = manifest();
    const next = manifest() as any;
    delete next.metadata.labels;
    const current = live(m, (o) => (o.metadata.labels.team = 'blue'));
    const { patch, result } = apply(m, next, current);
    expect(patch).toEqual({ metadata: { labels: null } });
    expect(result.metadata.labels).toBeUndefined();
  });

  it('live drift in a field of the config is reverted', () => {
    const m = manifest();
    const current = live(m, (o) => (o.spec.replicas = 7));
    expect(apply(m, m, current).patch).toEqual({ spec: { replicas: 2 } });
  });

  it('switching strategy to Recreate clears rollingUpdate through retainKeys', () => {
    const m = manifest();
    const next = manifest() as any;
    next.spec.strategy = { type: 'Recreate' };
    const { patch, result } = apply(m, next, live(m));
    expect((patch as any).spec.strategy).toEqual({ $retainKeys: ['type'], type: 'Recreate' });
    expect(result.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('a sidecar injected by someone else is kept when the app container changes', () => {
    const m = manifest();
    const current = live(m, (o) => o.spec.template.spec.containers.push({ name: 'proxy', image: 'envoy' }));
    const { result } = apply(m, manifest({ image: 'nginx:2' }), current);
    expect(result.spec.template.spec.containers.map((c: any) => [c.name, c.image])).toEqual([
      ['nginx', 'nginx:2'],
      ['proxy', 'envoy'],
    ]);
  });

  it('tolerations have no strategy: replaced as a whole', () => {
    const m = manifest() as any;
    m.spec.template.spec.tolerations = [{ key: 'a', operator: 'Exists' }];
    const next = structuredClone(m);
    next.spec.template.spec.tolerations = [{ key: 'b', operator: 'Exists' }];
    const { patch } = apply(m, next, live(m));
    expect((patch as any).spec.template.spec.tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
  });
});

describe('applyStrategicMergePatch on a Service and a Pod', () => {
  it('service ports merge by port', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 8080, nodePort: 30001 }, { port: 443 }] } };
    const out = applyStrategicMergePatch(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }] } }, patchMetaFor('v1', 'Service')) as any;
    expect(out.spec.ports).toEqual([{ port: 80, targetPort: 9090, nodePort: 30001 }, { port: 443 }]);
  });

  it('pod status conditions merge by type (kubelet status patch)', () => {
    const pod = { status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] } };
    const out = applyStrategicMergePatch(
      pod,
      { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      patchMetaFor('v1', 'Pod'),
    ) as any;
    expect(out.status.conditions).toEqual([{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }]);
  });

  // Without $setElementOrder, upstream puts the patch's new items before the live ones.
  it('finalizers merge as a set; ownerReferences merge by uid', () => {
    const obj = { metadata: { finalizers: ['a'], ownerReferences: [{ uid: '1', name: 'x' }] } };
    const out = applyStrategicMergePatch(
      obj,
      { metadata: { finalizers: ['b'], ownerReferences: [{ uid: '2', name: 'y' }] } },
      patchMetaFor('v1', 'ConfigMap'),
    ) as any;
    expect(out.metadata.finalizers).toEqual(['b', 'a']);
    expect(out.metadata.ownerReferences.map((r: any) => r.uid)).toEqual(['2', '1']);
  });
});

describe('lists of 1,000 items', () => {
  it('merges and diffs a 1,000-item list by key', () => {
    const env = Array.from({ length: 1000 }, (_, i) => ({ name: `V${i}`, value: String(i) }));
    const m = manifest({ env });
    const next = manifest({ env: env.filter((_, i) => i % 10 !== 0).map((e, i) => (i % 7 === 0 ? { ...e, value: 'x' } : e)) });
    const { result } = apply(m, next, live(m));
    const got = result.spec.template.spec.containers[0].env;
    expect(got).toHaveLength(900);
    expect(got).toEqual((next as any).spec.template.spec.containers[0].env);
  });
});
