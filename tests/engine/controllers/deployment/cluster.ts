// A cluster with the ReplicaSet and Deployment controllers and the fake scheduler + kubelet, plus
// readers used by the rollout tests.

import type { KObject } from '../../../../src/engine/api/types';
import { createCluster, type Cluster } from '../../../../src/engine/cluster';
import { deploymentControllerFactory } from '../../../../src/engine/controllers/deployment/controller';
import { replicaSetControllerFactory } from '../../../../src/engine/controllers/replicaset/controller';
import { fakeNodes, type FakeNodeOptions } from '../replicaset/fake-node';

export function deploymentCluster(opts: FakeNodeOptions = {}): Cluster {
  let c: Cluster | undefined = undefined;
  c = createCluster({ seed: 11, components: [replicaSetControllerFactory, deploymentControllerFactory, fakeNodes(() => c!, opts)] });
  return c;
}

export interface DeploymentOpts {
  replicas?: number;
  image?: string;
  strategy?: Record<string, unknown>;
  minReadySeconds?: number;
  labels?: Record<string, string>;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
}

export function deployment(name: string, o: DeploymentOpts = {}): KObject {
  const labels = o.labels ?? { app: name };
  const spec: Record<string, unknown> = {
    replicas: o.replicas ?? 1,
    selector: { matchLabels: labels },
    template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: o.image ?? 'nginx:1.7.9' }] } },
  };
  if (o.strategy) spec.strategy = o.strategy;
  if (o.minReadySeconds !== undefined) spec.minReadySeconds = o.minReadySeconds;
  if (o.revisionHistoryLimit !== undefined) spec.revisionHistoryLimit = o.revisionHistoryLimit;
  if (o.progressDeadlineSeconds !== undefined) spec.progressDeadlineSeconds = o.progressDeadlineSeconds;
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' }, spec };
}

export function getDeploy(c: Cluster, name: string): KObject {
  return c.client.get(c.type('apps', 'Deployment'), 'default', name)!;
}

export function replicaSets(c: Cluster): KObject[] {
  return c.store.list('apps/replicasets', 'default').items;
}

export function pods(c: Cluster): KObject[] {
  return c.store.list('/pods', 'default').items;
}

/** `kubectl get deploy` READY / UP-TO-DATE / AVAILABLE. */
export function readyColumns(c: Cluster, name: string): string {
  const d = getDeploy(c, name);
  const s = (d.status ?? {}) as Record<string, number>;
  const spec = d.spec as { replicas: number };
  return `${s.readyReplicas ?? 0}/${spec.replicas} ${s.updatedReplicas ?? 0} ${s.availableReplicas ?? 0}`;
}

export function isReady(p: KObject): boolean {
  const conds = ((p.status as { conditions?: Array<{ type: string; status: string }> })?.conditions ?? []);
  return conds.some((x) => x.type === 'Ready' && x.status === 'True');
}

export function eventMessages(c: Cluster, reason: string): string[] {
  return c.store
    .list('/events', 'default')
    .items.filter((e) => e.reason === reason)
    .map((e) => e.message as string);
}
