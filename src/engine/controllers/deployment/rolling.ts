// The RollingUpdate strategy (pkg/controller/deployment/rolling.go): grow the new ReplicaSet
// within maxSurge, shrink old ones within maxUnavailable, one step per sync, then report status.

import { specReplicas, type ReplicaSetView } from '../replicaset/pods';
import type { DeploymentPlan } from './plan';
import { syncRolloutStatus } from './progress';
import { allReplicaSetsAndSyncRevision, cleanupDeployment } from './sync';
import { activeReplicaSets, availableTotal, byCreation, deploymentComplete, maxUnavailable, newRSNewReplicas, specTotal } from './util';

/** rolloutRolling. */
export function rolloutRolling(p: DeploymentPlan, rsList: ReplicaSetView[]): void {
  const [newRS, oldRSs] = allReplicaSetsAndSyncRevision(p, rsList, true);
  const all = [...oldRSs, newRS];
  if (newRS && reconcileNewReplicaSet(p, all, newRS)) return syncRolloutStatus(p, all, newRS);
  if (newRS && reconcileOldReplicaSets(p, all, activeReplicaSets(oldRSs), newRS)) return syncRolloutStatus(p, all, newRS);
  if (deploymentComplete(p.d, p.d.status ?? {})) cleanupDeployment(p, oldRSs);
  syncRolloutStatus(p, all, newRS);
}

/** reconcileNewReplicaSet: scale the new RS down to replicas, or up as far as the surge allows. */
export function reconcileNewReplicaSet(p: DeploymentPlan, all: ReadonlyArray<ReplicaSetView | undefined>, newRS: ReplicaSetView): boolean {
  const target = specReplicas(p.d);
  if (specReplicas(newRS) === target) return false;
  if (specReplicas(newRS) > target) return p.scaleAndRecord(newRS, target);
  return p.scaleAndRecord(newRS, newRSNewReplicas(p.d, all, newRS));
}

/**
 * reconcileOldReplicaSets: how far old ReplicaSets may shrink now.
 *
 * maxScaledDown = allPods - minAvailable - newRSUnavailable. With 10 replicas, maxUnavailable 2
 * and maxSurge 3: the new RS is created at 3 and the old one scaled to 8, then the new one to 5.
 * If the new pods never become available, allPods = 13, minAvailable = 8, newRSUnavailable = 5:
 * 13 - 8 - 5 = 0, nothing more is scaled down and the rollout holds at 8 old + 5 new. Counting
 * the new RS's unavailable pods is what stops a broken rollout from eating the old pods.
 */
export function reconcileOldReplicaSets(p: DeploymentPlan, all: ReadonlyArray<ReplicaSetView | undefined>, oldRSs: ReplicaSetView[], newRS: ReplicaSetView): boolean {
  if (specTotal(oldRSs) === 0) return false;
  const allPods = specTotal(all);
  const minAvailable = specReplicas(p.d) - maxUnavailable(p.d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(p, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(p, [...oldRSs, newRS], oldRSs);
  return cleaned + scaledDown > 0;
}

/**
 * cleanupUnhealthyReplicas: first remove old pods that are not available anyway (oldest RS
 * first), since that costs no availability. Returns how many were scaled down.
 */
export function cleanupUnhealthyReplicas(p: DeploymentPlan, oldRSs: ReplicaSetView[], maxCleanup: number): number {
  oldRSs.sort(byCreation);
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= maxCleanup) break;
    const size = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (size === 0 || size === available) continue;
    const count = Math.min(maxCleanup - total, size - available);
    p.scaleAndRecord(rs, size - count);
    total += count;
  }
  return total;
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: shrink old ReplicaSets (oldest first) by what is
 * available beyond minAvailable. E.g. 10 replicas, maxUnavailable 2, 11 available (8 old + 3
 * new): 11 - 8 = 3 old pods may go.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(p: DeploymentPlan, all: ReadonlyArray<ReplicaSetView | undefined>, oldRSs: ReplicaSetView[]): number {
  const minAvailable = specReplicas(p.d) - maxUnavailable(p.d);
  const available = availableTotal(all);
  if (available <= minAvailable) return 0;
  oldRSs.sort(byCreation);
  const toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= toScaleDown) break;
    const size = specReplicas(rs);
    if (size === 0) continue;
    const count = Math.min(size, toScaleDown - total);
    p.scaleAndRecord(rs, size - count);
    total += count;
  }
  return total;
}
