// ClusterObjects over a live cluster: what lesson checks read, straight from the store through the
// engine's client (the preferred version of each kind, as kubectl would see it).

import type { Cluster } from '../engine/cluster';
import type { ResourceType } from '../engine/api/registry';
import type { ClusterObjects } from './types';

/** `cluster`: a running one, or the worker's read-only first phase (the same registry and client). */
export function clusterObjects(cluster: Pick<Cluster, 'registry' | 'client'>): ClusterObjects {
  const types = new Map<string, ResourceType | undefined>();
  const typeOf = (kind: string): ResourceType | undefined => {
    if (!types.has(kind)) {
      // Several versions can serve a kind: take the first one the registry lists (its preferred).
      types.set(kind, cluster.registry.types.find((t) => t.kind === kind));
    }
    return types.get(kind);
  };
  return {
    list(kind, namespace) {
      const t = typeOf(kind);
      return t ? cluster.client.list(t, namespace).items : [];
    },
    get(kind, namespace, name) {
      const t = typeOf(kind);
      return t ? cluster.client.get(t, t.namespaced ? namespace : undefined, name) : undefined;
    },
  };
}
