// A cluster's whole state as JSON: its objects with their resourceVersions, and the few things
// that are not objects (clock, seeds and PRNG states, event correlator, each node's kubelet
// state). createCluster({ restore }) loads one the way a control plane restarts on its etcd.

import type { KObject } from './api/types';
import type { RecorderState } from './client/events';
import type { Cluster } from './cluster';
import type { KubeletState } from './kubelet/kubelet';

export const SNAPSHOT_FORMAT = 1;

/** Everything of a snapshot but the objects: small, saved in one record. */
export interface SnapshotMeta {
  format: typeof SNAPSHOT_FORMAT;
  seed: number;
  startTime: number;
  /** The simulated instant of the snapshot. */
  now: number;
  /** The store's resourceVersion counter. */
  rv: number;
  /** The cluster PRNG's state (names, uids, container IDs, scheduling ties). */
  random: [number, number, number, number];
  /** The network's PRNG state (load balancing), when the cluster has a network. */
  networkRandom?: [number, number, number, number];
  events: RecorderState;
  kubelets: KubeletState[];
}

/** One stored object and the store key of its resource (`/pods`, `apps/deployments`...). */
export interface SnapshotObject {
  resource: string;
  object: KObject;
}

export interface ClusterSnapshot extends SnapshotMeta {
  objects: SnapshotObject[];
}

/**
 * The non-object part of the cluster's state now. Clock tasks are not part of it: a restored
 * cluster's components re-derive them. Take it after `settle()`, so work due now is done.
 */
export function snapshotMeta(cluster: Cluster): SnapshotMeta {
  const meta: SnapshotMeta = {
    format: SNAPSHOT_FORMAT,
    seed: cluster.seed,
    startTime: cluster.startTime,
    now: cluster.clock.now(),
    rv: cluster.store.currentRV(),
    random: cluster.random.state(),
    events: cluster.deps.events.state(),
    kubelets: cluster.kubeletStates(),
  };
  if (cluster.networkRandom) meta.networkRandom = cluster.networkRandom.state();
  return meta;
}

/** The cluster's whole state; JSON round trips it unchanged (objects are shared, frozen). */
export function snapshotCluster(cluster: Cluster): ClusterSnapshot {
  return { ...snapshotMeta(cluster), objects: cluster.store.objects() };
}
