// Shared fixture for the batch/apps controller integration tests: a full default cluster (with
// scheduler and kubelets) plus the controller under test started on top of it.

import { CONTROL_PLANE, createCluster, type Cluster } from '../../../../src/engine/cluster';
import type { KObject } from '../../../../src/engine/api/types';
import type { ComponentFactory } from '../../../../src/engine/controllers/deps';

export function fullCluster(...factories: ComponentFactory[]): Cluster {
  const cluster = createCluster({ seed: 3 });
  // Controllers the default cluster already runs are not started twice.
  for (const f of factories) if (!CONTROL_PLANE.includes(f)) f(cluster.deps).start();
  cluster.settle();
  return cluster;
}

export function get(c: Cluster, group: string, kind: string, name: string, ns = 'default'): KObject | undefined {
  return c.client.get(c.type(group, kind), ns, name);
}

export function list(c: Cluster, group: string, kind: string, ns = 'default'): KObject[] {
  return c.client.list(c.type(group, kind), ns).items;
}

/** `reason message` of the events about one object. */
export function eventsOf(c: Cluster, name: string, ns = 'default'): string[] {
  return list(c, '', 'Event', ns)
    .filter((e) => (e.involvedObject as { name: string }).name === name)
    .map((e) => `${e.reason as string} ${e.message as string}`);
}

export function podLog(c: Cluster, name: string, ns = 'default'): string {
  const res = c.server.handle({ method: 'GET', path: `/api/v1/namespaces/${ns}/pods/${name}/log` });
  return String(res.body);
}

export function jobManifest(name: string, command: string[], extra: Record<string, unknown> = {}, restartPolicy = 'Never'): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { ...extra, template: { spec: { restartPolicy, containers: [{ name, image: 'busybox', command }] } } },
  } as KObject;
}
