// Test harness: a cluster with one kubelet (on kubeplay-worker) and the fake catalog; pods are
// created already bound to the node, as if scheduled.

import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { KObject } from '../../../src/engine/api/types';
import { NodeAgents } from '../../../src/engine/kubelet/agents';
import { kubeletFactory, type Kubelet } from '../../../src/engine/kubelet/kubelet';
import type { ImageCatalog } from '../../../src/engine/kubelet/process';
import { summarizePod } from '../../../src/engine/apiserver/printers/pod';
import { fakeCatalog } from './fake-catalog';

export const NODE = 'kubeplay-worker';

export interface Harness {
  cluster: Cluster;
  kubelet: Kubelet;
  agents: NodeAgents;
  create(pod: Record<string, unknown>): KObject;
  pod(name: string): KObject | undefined;
  /** The STATUS column of `kubectl get pods`. */
  status(name: string): string;
  events(name: string): string[];
}

export function harness(catalog: ImageCatalog = fakeCatalog()): Harness {
  const agents = new NodeAgents();
  let kubelet!: Kubelet;
  const cluster = createCluster({ seed: 7, nodes: 1, components: [kubeletFactory(NODE, catalog, { agents, onCreate: (k) => (kubelet = k) })] });
  const podType = cluster.type('', 'Pod');
  return {
    cluster,
    kubelet,
    agents,
    create(pod) {
      const spec = { nodeName: NODE, ...(pod.spec as object) };
      const obj = cluster.client.create(podType, { apiVersion: 'v1', kind: 'Pod', ...pod, metadata: { namespace: 'default', ...(pod.metadata as object) }, spec } as KObject);
      cluster.settle();
      return obj;
    },
    pod: (name) => cluster.client.get(podType, 'default', name),
    status(name) {
      const p = cluster.client.get(podType, 'default', name);
      return p ? summarizePod(p, cluster.clock.now()).status : '<gone>';
    },
    events(name) {
      const list = cluster.client.list(cluster.type('', 'Event'), 'default').items;
      return list
        .filter((e) => (e.involvedObject as { name: string }).name === name)
        .map((e) => `${e.reason as string} ${e.message as string}${(e.count as number) > 1 ? ` (x${e.count as number})` : ''}`);
    },
  };
}

export function podSpec(name: string, container: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { metadata: { name }, spec: { containers: [{ name: 'main', ...container }], ...extra } };
}
