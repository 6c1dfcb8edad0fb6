// Test helpers for the scheduler: a cluster running only the scheduler, pod and node builders.
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { KObject } from '../../../src/engine/api/types';
import { Scheduler, schedulerFactory } from '../../../src/engine/scheduler';

export interface SchedCluster {
  c: Cluster;
  s: Scheduler;
}

export function schedCluster(opts: { seed?: number; nodes?: number; worker?: { cpu?: string; memory?: string; pods?: string } } = {}): SchedCluster {
  let s: Scheduler | undefined;
  const c = createCluster({ seed: opts.seed ?? 1, nodes: opts.nodes ?? 3, worker: opts.worker, components: [schedulerFactory({ onCreate: (x) => (s = x) })] });
  return { c, s: s! };
}

export function pod(name: string, extra: { ns?: string; labels?: Record<string, string>; spec?: Record<string, unknown>; cpu?: string; memory?: string } = {}): KObject {
  const resources: Record<string, unknown> = {};
  if (extra.cpu || extra.memory) {
    resources.requests = { ...(extra.cpu ? { cpu: extra.cpu } : {}), ...(extra.memory ? { memory: extra.memory } : {}) };
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: extra.ns ?? 'default', labels: extra.labels ?? { app: name } },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources }], ...(extra.spec ?? {}) },
  };
}

export function createPod(sc: SchedCluster, p: KObject): KObject {
  const out = sc.c.client.create(sc.c.type('', 'Pod'), p);
  sc.c.settle();
  return out;
}

export function getPod(sc: SchedCluster, name: string, ns = 'default'): KObject {
  return sc.c.client.get(sc.c.type('', 'Pod'), ns, name)!;
}

export function nodeOf(sc: SchedCluster, name: string, ns = 'default'): string | undefined {
  return (getPod(sc, name, ns).spec as { nodeName?: string }).nodeName;
}

export function events(sc: SchedCluster, name: string, reason?: string): { reason: string; message: string; count: number; type: string; source: { component: string } }[] {
  const list = sc.c.client.list(sc.c.type('', 'Event'), 'default').items as unknown as { involvedObject: { name: string }; reason: string; message: string; count: number; type: string; source: { component: string } }[];
  return list.filter((e) => e.involvedObject.name === name && (!reason || e.reason === reason));
}

export function podScheduledCondition(sc: SchedCluster, name: string): Record<string, unknown> | undefined {
  const conds = ((getPod(sc, name).status as { conditions?: Record<string, unknown>[] }).conditions ?? []);
  return conds.find((c) => c.type === 'PodScheduled');
}
