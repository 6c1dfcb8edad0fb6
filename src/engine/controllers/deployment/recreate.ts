// The Recreate strategy (pkg/controller/deployment/recreate.go): scale every old ReplicaSet to 0,
// wait until none of their pods is left running, then create / scale up the new one.

import type { PodView, ReplicaSetView } from '../replicaset/pods';
import type { DeploymentPlan } from './plan';
import { syncRolloutStatus } from './progress';
import { allReplicaSetsAndSyncRevision, cleanupDeployment } from './sync';
import { activeReplicaSets, actualTotal, deploymentComplete } from './util';

/** Pods of the Deployment's ReplicaSets, by RS uid (getPodMapForDeployment). */
export type PodMap = ReadonlyMap<string, readonly PodView[]>;

/** oldPodsRunning: old RSs still report pods, or a pod of an old RS is not Succeeded/Failed. */
export function oldPodsRunning(newRS: ReplicaSetView | undefined, oldRSs: readonly ReplicaSetView[], podMap: PodMap): boolean {
  if (actualTotal(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}

/** rolloutRecreate. */
export function rolloutRecreate(p: DeploymentPlan, rsList: ReplicaSetView[], podMap: PodMap): void {
  let [newRS, oldRSs] = allReplicaSetsAndSyncRevision(p, rsList, false);
  let all = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) if (p.scaleAndRecord(rs, 0)) scaledDown = true;
  if (scaledDown) return syncRolloutStatus(p, all, newRS);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(p, all, newRS);
  if (!newRS) {
    [newRS, oldRSs] = allReplicaSetsAndSyncRevision(p, rsList, true);
    all = [...oldRSs, newRS];
  }
  if (newRS) p.scaleAndRecord(newRS, p.d.spec.replicas ?? 1);
  if (deploymentComplete(p.d, p.d.status ?? {})) cleanupDeployment(p, oldRSs);
  syncRolloutStatus(p, all, newRS);
}
