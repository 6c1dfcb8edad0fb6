// Connects the running cluster to persistence: what the object records are read from, which
// objects a restore changed, and the store observer that marks each change for the next save.

import type { Cluster } from '../engine/cluster';
import { snapshotMeta, type ClusterSnapshot } from '../engine/snapshot';
import { objectKey, parseObjectKey, type ClusterSource } from './persistence/objects';
import type { Persistence } from './persistence/index';

/** Reads the live cluster for persistence. */
export function clusterSource(cluster: Cluster): ClusterSource {
  return {
    meta: () => snapshotMeta(cluster),
    get: (key) => {
      const parts = parseObjectKey(key);
      const object = parts && cluster.store.get(parts[0], parts[1], parts[2]);
      return parts && object ? { resource: parts[0], object } : undefined;
    },
    all: () => cluster.store.objects(),
  };
}

/**
 * The object keys that differ between `snapshot` and the cluster restored from it: written since
 * (a higher resourceVersion than the snapshot's counter) or gone. Restoring itself writes (leases,
 * node status, adopted pods' statuses) before anything can observe it.
 */
export function changedSince(snapshot: ClusterSnapshot, cluster: Cluster): string[] {
  const keys: string[] = [];
  const live = new Set<string>();
  for (const { resource, object } of cluster.store.objects()) {
    const key = objectKey(resource, object.metadata.namespace ?? '', object.metadata.name ?? '');
    live.add(key);
    if (Number(object.metadata.resourceVersion) > snapshot.rv) keys.push(key);
  }
  for (const { resource, object } of snapshot.objects) {
    const key = objectKey(resource, object.metadata.namespace ?? '', object.metadata.name ?? '');
    if (!live.has(key)) keys.push(key);
  }
  return keys;
}

/** Marks every store change for the next save; returns the function that stops it. */
export function observeCluster(cluster: Cluster, storage: Persistence): () => void {
  return cluster.store.observe((e) => storage.objectChanged(e.resource, e.namespace, e.object.metadata.name ?? ''));
}
