// A busy cluster for snapshot tests: a Deployment mid-rollout, a crash-looping pod, a Job, a
// CronJob and a failed node, on a default 3-worker cluster.

import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { KObject } from '../../../src/engine/api/types';

type Json = Record<string, unknown>;

export function create(c: Cluster, obj: KObject): KObject {
  const [group] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : [''];
  const out = c.client.create(c.type(group, obj.kind), obj);
  c.settle();
  return out;
}

export const podTemplate = (app: string, image: string, extra: Json = {}) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: app, image, ...extra }] },
});

export function deployment(name: string, replicas: number, image: string): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: podTemplate(name, image, { readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } }) },
  };
}

/** The busy cluster, `ms` after its start, with web's rollout to nginx:1.27 under way. */
export function busyCluster(seed = 7): Cluster {
  const c = createCluster({ seed });
  create(c, deployment('web', 4, 'nginx:1.26'));
  create(c, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'crash', namespace: 'default' },
    spec: { nodeName: 'kubeplay-worker', containers: [{ name: 'crash', image: 'busybox', command: ['sh', '-c', 'echo boom; sleep 2; exit 1'] }] },
  });
  create(c, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'batch', namespace: 'default' },
    spec: { completions: 3, parallelism: 1, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'w', image: 'busybox', command: ['sh', '-c', 'sleep 20'] }] } } },
  });
  create(c, {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'tick', namespace: 'default' },
    spec: { schedule: '*/2 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 't', image: 'busybox', command: ['sh', '-c', 'date'] }] } } } } },
  });
  c.advance(60_000);
  c.nodes.fail('kubeplay-worker3');
  c.settle();
  c.advance(5_000);
  const t = c.type('apps', 'Deployment');
  const d = c.client.get(t, 'default', 'web')!;
  const spec = structuredClone(d.spec) as Json;
  ((spec.template as Json).spec as { containers: Json[] }).containers[0].image = 'nginx:1.27';
  c.client.update(t, { ...d, spec } as KObject);
  c.settle();
  c.advance(3_000);
  return c;
}

/** Pods of `ns` as `name phase ready restarts`, for comparing observable outcomes. */
export function pods(c: Cluster, ns = 'default'): KObject[] {
  return c.store.list('/pods', ns).items;
}

export function restarts(p: KObject): number {
  const cs = ((p.status as Json | undefined)?.containerStatuses ?? []) as Json[];
  return cs.reduce((n, s) => n + Number(s.restartCount ?? 0), 0);
}

export function ready(p: KObject): boolean {
  const conds = ((p.status as Json | undefined)?.conditions ?? []) as Json[];
  return conds.some((x) => x.type === 'Ready' && x.status === 'True');
}
