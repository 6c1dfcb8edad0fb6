// Rollout progress (pkg/controller/deployment/progress.go): the Progressing condition
// (ReplicaSetUpdated while pods move, NewReplicaSetAvailable when done, ProgressDeadlineExceeded
// after progressDeadlineSeconds without progress), ReplicaFailure copied from the ReplicaSets,
// and a requeue at the deadline so a stuck rollout is noticed without any other event.

import { parseTime } from '../../util/time';
import type { ReplicaSetView } from '../replicaset/pods';
import { getCondition, newCondition, removeCondition, setCondition } from './conditions';
import type { DeploymentPlan } from './plan';
import { calculateStatus, writeStatusIfChanged } from './sync';
import { Reason, type DeploymentCondition, type DeploymentStatus } from './types';
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, hasProgressDeadline } from './util';

/** getReplicaFailures: the new RS's ReplicaFailure condition first, then any old RS's. */
function replicaFailure(allRSs: ReadonlyArray<ReplicaSetView | undefined>, newRS: ReplicaSetView | undefined): DeploymentCondition | undefined {
  const order = newRS ? [newRS, ...allRSs.filter((r) => r !== newRS)] : allRSs;
  for (const rs of order) {
    const c = rs?.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
    if (c) {
      // ReplicaSetToDeploymentCondition: both times from the RS's transition time.
      return { type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
    }
  }
  return undefined;
}

/**
 * requeueStuckDeployment: ms until the progress deadline passes (plus a second, as upstream),
 * or undefined when there is nothing to watch for (no deadline, complete, already timed out).
 */
export function stuckRequeueMs(p: DeploymentPlan, next: DeploymentStatus): number | undefined {
  const d = p.d;
  const cur = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !cur) return undefined;
  if (deploymentComplete(d, next) || cur.reason === Reason.TimedOut) return undefined;
  const after = (parseTime(cur.lastUpdateTime) ?? 0) + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - p.now;
  return after < 1000 ? 0 : after + 1000;
}

/** syncRolloutStatus. */
export function syncRolloutStatus(p: DeploymentPlan, allRSs: ReadonlyArray<ReplicaSetView | undefined>, newRS: ReplicaSetView | undefined): void {
  const d = p.d;
  const next = calculateStatus(p, allRSs, newRS);
  if (!hasProgressDeadline(d)) removeCondition(next, 'Progressing');
  const cur = getCondition(d.status, 'Progressing');
  const isComplete = (next.replicas ?? 0) === (next.updatedReplicas ?? 0) && cur?.reason === Reason.NewRSAvailable;
  if (hasProgressDeadline(d) && !isComplete) {
    if (deploymentComplete(d, next)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setCondition(next, newCondition('Progressing', 'True', Reason.NewRSAvailable, msg, p.now));
    } else if (deploymentProgressing(d, next)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const cond = newCondition('Progressing', 'True', Reason.ReplicaSetUpdated, msg, p.now);
      // Progress refreshes lastUpdateTime even with the same reason (SetDeploymentCondition alone would not).
      if (cur) {
        if (cur.status === 'True') cond.lastTransitionTime = cur.lastTransitionTime;
        removeCondition(next, 'Progressing');
      }
      setCondition(next, cond);
    } else if (deploymentTimedOut(d, next, p.now)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(next, newCondition('Progressing', 'False', Reason.TimedOut, msg, p.now));
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) setCondition(next, failure);
  else removeCondition(next, 'ReplicaFailure');
  if (next.collisionCount !== undefined) {
    const c = next.collisionCount;
    delete next.collisionCount;
    next.collisionCount = c;
  }
  if (!writeStatusIfChanged(p, next)) {
    const ms = stuckRequeueMs(p, next);
    if (ms !== undefined) p.actions.push({ type: 'requeueAfter', ms });
  }
}
