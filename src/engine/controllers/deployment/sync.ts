// Deployment sync steps shared by every strategy (pkg/controller/deployment/sync.go): finding or
// creating the new ReplicaSet and syncing revisions, scaling (proportionally during a rollout),
// paused conditions, old ReplicaSet cleanup and the status computed from the ReplicaSets.

import { clone } from '../../api/types';
import { newControllerRef, specReplicas, type ReplicaSetView } from '../replicaset/pods';
import { getCondition, newCondition, setCondition } from './conditions';
import { canonicalJson, computeHash } from './hash';
import type { DeploymentPlan } from './plan';
import { MAX_REV_HISTORY_CHARS, POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, Reason, type DeploymentStatus } from './types';
import {
  activeReplicaSets,
  actualTotal,
  availableTotal,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  desiredReplicasAnnotation,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getProportion,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  readyTotal,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  specTotal,
} from './util';

/**
 * getNewReplicaSet: the ReplicaSet whose template matches, with its annotations and
 * minReadySeconds brought up to date and the Deployment's revision synced; or, when
 * `create` is set and there is none, a new one `<deployment>-<hash>` sized by NewRSNewReplicas.
 */
export function getNewReplicaSet(p: DeploymentPlan, rsList: ReplicaSetView[], oldRSs: ReplicaSetView[], create: boolean): ReplicaSetView | undefined {
  const d = p.d;
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) {
    const annotationsUpdated = setNewReplicaSetAnnotations(d, existing, newRevision, true, MAX_REV_HISTORY_CHARS);
    const minReady = d.spec.minReadySeconds ?? 0;
    if (annotationsUpdated || (existing.spec.minReadySeconds ?? 0) !== minReady) {
      if (minReady) existing.spec.minReadySeconds = minReady;
      else delete existing.spec.minReadySeconds;
      // Upstream returns the updated RS here, skipping the revision sync until the next pass.
      p.updateReplicaSet(existing);
      return existing;
    }
    let needsUpdate = setDeploymentRevision(d, existing.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
    if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
      d.status ??= {};
      setCondition(d.status, newCondition('Progressing', 'True', Reason.FoundNewRS, `Found new replica set "${existing.metadata.name}"`, p.now));
      needsUpdate = true;
    }
    if (needsUpdate) p.updateStatus();
    return existing;
  }
  if (!create) return undefined;

  const template = clone(d.spec.template ?? {});
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
  const selector = clone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const newRS: ReplicaSetView = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      annotations: {},
      ownerReferences: [newControllerRef(d)],
    },
    spec: { replicas: 0, selector, template },
  };
  if (d.spec.minReadySeconds) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
  const count = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = count;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, MAX_REV_HISTORY_CHARS);
  p.createReplicaSet(newRS);
  rsList.push(newRS);
  if (count > 0) p.event('ScalingReplicaSet', `Scaled up replica set ${newRS.metadata.name} from 0 to ${count}`);
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (hasProgressDeadline(d)) {
    d.status ??= {};
    setCondition(d.status, newCondition('Progressing', 'True', Reason.NewReplicaSet, `Created new replica set "${newRS.metadata.name}"`, p.now));
    needsUpdate = true;
  }
  if (needsUpdate) p.updateStatus();
  return newRS;
}

/** getAllReplicaSetsAndSyncRevision: [new RS (maybe undefined), every old RS]. */
export function allReplicaSetsAndSyncRevision(p: DeploymentPlan, rsList: ReplicaSetView[], create: boolean): [ReplicaSetView | undefined, ReplicaSetView[]] {
  const [, allOld] = findOldReplicaSets(p.d, rsList);
  const newRS = getNewReplicaSet(p, rsList, allOld, create);
  return [newRS, allOld];
}

/**
 * scale: a Deployment whose size changed. One active RS takes the whole size; a saturated new RS
 * means the old ones go to 0; during a rolling update every active RS grows or shrinks in
 * proportion to its size, the largest taking the rounding leftover.
 * E.g. 10 -> 20 replicas (25% surge: 13 -> 25 allowed) with old 8 and new 5 (max-replicas 13):
 * old +round(8*25/13)-8 = +7 -> 15, new +min(round(5*25/13)-5, 12-7) = +5 -> 10: 25 in total.
 */
export function scale(p: DeploymentPlan, newRS: ReplicaSetView | undefined, oldRSs: ReplicaSetView[]): void {
  const d = p.d;
  const target = specReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) !== target) p.scaleAndRecord(activeOrLatest, target);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) p.scaleAndRecord(old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = target > 0 ? target + maxSurge(d) : 0;
  const toAdd = allowed - specTotal(all);
  let operation = '';
  if (toAdd > 0) {
    all.sort(bySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    all.sort(bySizeOlder);
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<ReplicaSetView, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const proportion = getProportion(rs, d, toAdd, added);
      sizes.set(rs, specReplicas(rs) + proportion);
      added += proportion;
    } else {
      sizes.set(rs, specReplicas(rs));
    }
  }
  all.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) sizes.set(rs, Math.max(0, sizes.get(rs)! + toAdd - added));
    p.scaleReplicaSet(rs, sizes.get(rs)!, operation);
  });
}

/** isScalingEvent: an active RS was sized for a different replica count than the Deployment's. */
export function isScalingEvent(p: DeploymentPlan, rsList: ReplicaSetView[]): boolean {
  const [newRS, oldRSs] = allReplicaSetsAndSyncRevision(p, rsList, false);
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== specReplicas(p.d)) return true;
  }
  return false;
}

/**
 * cleanupDeployment: deletes the oldest old ReplicaSets beyond revisionHistoryLimit, skipping
 * any that still have pods, a size, an unobserved generation or a deletion in progress.
 */
export function cleanupDeployment(p: DeploymentPlan, oldRSs: ReplicaSetView[]): void {
  if (!hasRevisionHistoryLimit(p.d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - (p.d.spec.revisionHistoryLimit ?? 0);
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    p.deleteReplicaSet(rs);
  }
}

/**
 * calculateStatus: counts summed over the ReplicaSets (updated = the new RS's pods), and the
 * Available condition: True once available >= replicas - maxUnavailable.
 * E.g. 10 replicas, 25%: old 8 + new 5 pods, 8 available -> replicas 13, updated 5,
 * available 8, unavailable 13 - 8 = 5; 8 >= 10 - 2 so MinimumReplicasAvailable.
 */
export function calculateStatus(p: DeploymentPlan, allRSs: ReadonlyArray<ReplicaSetView | undefined>, newRS: ReplicaSetView | undefined): DeploymentStatus {
  const d = p.d;
  const available = availableTotal(allRSs);
  const unavailable = Math.max(0, specTotal(allRSs) - available);
  const s: DeploymentStatus = {};
  if (d.metadata.generation) s.observedGeneration = d.metadata.generation;
  const put = (k: 'replicas' | 'updatedReplicas' | 'readyReplicas' | 'availableReplicas' | 'unavailableReplicas', v: number) => {
    if (v) s[k] = v;
  };
  put('replicas', actualTotal(allRSs));
  put('updatedReplicas', actualTotal([newRS]));
  put('readyReplicas', readyTotal(allRSs));
  put('availableReplicas', available);
  put('unavailableReplicas', unavailable);
  if (d.status?.conditions?.length) s.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (d.status?.collisionCount !== undefined) s.collisionCount = d.status.collisionCount;
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setCondition(s, newCondition('Available', 'True', Reason.MinimumReplicasAvailable, 'Deployment has minimum availability.', p.now));
  } else {
    setCondition(s, newCondition('Available', 'False', Reason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', p.now));
  }
  // Keep the Go struct's field order: collisionCount comes after conditions.
  if (s.collisionCount !== undefined) {
    const c = s.collisionCount;
    delete s.collisionCount;
    s.collisionCount = c;
  }
  return s;
}

/** Writes `next` as the status when it differs from the current one. */
export function writeStatusIfChanged(p: DeploymentPlan, next: DeploymentStatus): boolean {
  if (canonicalJson(p.d.status ?? {}) === canonicalJson(next)) return false;
  p.d.status = next;
  p.updateStatus();
  return true;
}

/** syncDeploymentStatus. */
export function syncDeploymentStatus(p: DeploymentPlan, allRSs: ReadonlyArray<ReplicaSetView | undefined>, newRS: ReplicaSetView | undefined): void {
  writeStatusIfChanged(p, calculateStatus(p, allRSs, newRS));
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
export function checkPausedConditions(p: DeploymentPlan): void {
  const d = p.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, 'Progressing');
  if (cond?.reason === Reason.TimedOut) return;
  const pausedExists = cond?.reason === Reason.PausedDeploy;
  d.status ??= {};
  if (d.spec.paused && !pausedExists) {
    setCondition(d.status, newCondition('Progressing', 'Unknown', Reason.PausedDeploy, 'Deployment is paused', p.now));
  } else if (!d.spec.paused && pausedExists) {
    setCondition(d.status, newCondition('Progressing', 'Unknown', Reason.ResumedDeploy, 'Deployment is resumed', p.now));
  } else {
    return;
  }
  p.updateStatus();
}

/** sync: scaling events and paused Deployments (no new ReplicaSet is created here). */
export function syncScaling(p: DeploymentPlan, rsList: ReplicaSetView[]): void {
  const [newRS, oldRSs] = allReplicaSetsAndSyncRevision(p, rsList, false);
  scale(p, newRS, oldRSs);
  if (p.d.spec.paused) cleanupDeployment(p, oldRSs);
  syncDeploymentStatus(p, [...oldRSs, newRS], newRS);
}
