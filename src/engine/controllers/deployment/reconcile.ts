// One Deployment sync as a pure function (deployment_controller.go syncDeployment after the
// claim step): given the Deployment, the ReplicaSets it owns and their pods, decide the writes.

import { clone } from '../../api/types';
import type { ReplicaSetView } from '../replicaset/pods';
import { DeploymentPlan, type DeploymentAction } from './plan';
import { rolloutRecreate, type PodMap } from './recreate';
import { rolloutRolling } from './rolling';
import { allReplicaSetsAndSyncRevision, checkPausedConditions, isScalingEvent, syncDeploymentStatus, syncScaling } from './sync';
import type { DeploymentView } from './types';

export interface DeploymentReconcile {
  actions: DeploymentAction[];
  /** The Deployment as the sync left it (status and annotations included). */
  deployment: DeploymentView;
}

/**
 * reconcileDeployment: `rsList` are the ReplicaSets the Deployment owns (after adoption),
 * `podMap` their pods by RS uid (only Recreate reads it). Nothing is mutated.
 *
 * Order as upstream: an all-selecting selector only records observedGeneration; a Deployment
 * being deleted only gets status; paused ones are scaled but never rolled; a changed replica
 * count is a scaling event handled before any rollout step (so replicas and template changed
 * together first resize the old ReplicaSets, then roll); otherwise the strategy runs.
 */
export function reconcileDeployment(d: DeploymentView, rsList: readonly ReplicaSetView[], podMap: PodMap, now: number): DeploymentReconcile {
  const p = new DeploymentPlan(d, now);
  const rss = rsList.map((rs) => clone(rs));
  const sel = d.spec.selector;
  const selectsAll = !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
  if (selectsAll) {
    p.event('SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', 'Warning');
    if ((p.d.status?.observedGeneration ?? 0) < (p.d.metadata.generation ?? 0)) {
      p.d.status = { ...(p.d.status ?? {}), observedGeneration: p.d.metadata.generation };
      p.updateStatus();
    }
  } else if (p.d.metadata.deletionTimestamp) {
    const [newRS, oldRSs] = allReplicaSetsAndSyncRevision(p, rss, false);
    syncDeploymentStatus(p, [...oldRSs, newRS], newRS);
  } else {
    checkPausedConditions(p);
    if (p.d.spec.paused || isScalingEvent(p, rss)) syncScaling(p, rss);
    else if (p.d.spec.strategy?.type === 'Recreate') rolloutRecreate(p, rss, podMap);
    else rolloutRolling(p, rss);
  }
  return { actions: p.actions, deployment: p.d };
}
