// Small builders shared by the ReplicaSet and Deployment controller tests.

import type { KObject } from '../../../../src/engine/api/types';
import type { Cluster } from '../../../../src/engine/cluster';

/** All pods in a namespace straight from the store (no controller cache involved). */
export function podsIn(c: Cluster, ns = 'default'): KObject[] {
  return c.store.list('/pods', ns).items;
}

/** A ReplicaSet manifest selecting app=<name>. */
export function replicaSet(name: string, replicas: number, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ...extra,
    },
  };
}
