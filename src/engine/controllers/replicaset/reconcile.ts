// The pure half of the ReplicaSet controller (replica_set.go manageReplicas, replica_set_utils.go
// calculateStatus): how many pods to create or which to delete, the pod to create from the
// template, and the status the ReplicaSet should report.

import { selectorFromSet, type Selector } from '../../api/labels';
import { clone, type KObject } from '../../api/types';
import { rfc3339 } from '../../util/time';
import {
  availableAt,
  isPodAvailable,
  isPodReady,
  newControllerRef,
  specReplicas,
  type PodView,
  type ReplicaSetCondition,
  type ReplicaSetView,
} from './pods';
import { podsToDelete } from './ranking';

/** Upstream's --replicaset-burst-replicas default: at most this many creates/deletes per sync. */
export const BURST_REPLICAS = 500;
/** controller.SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH = 1;

export interface ReplicaSetPlan {
  /** Pods to create from the template (0 when none). */
  create: number;
  /** Pods to delete, best candidates first. */
  delete: PodView[];
}

/**
 * manageReplicas' decision: `active` are the RS's active, claimed pods; `related` the pods of
 * every ReplicaSet with the same controller (for the colocation rank). At most BURST_REPLICAS
 * either way per sync; the next sync does the rest.
 */
export function reconcileReplicaSet(rs: ReplicaSetView, active: readonly PodView[], related: readonly PodView[], now: number): ReplicaSetPlan {
  const diff = active.length - specReplicas(rs);
  if (diff < 0) return { create: Math.min(-diff, BURST_REPLICAS), delete: [] };
  if (diff > 0) return { create: 0, delete: podsToDelete(active, related, Math.min(diff, BURST_REPLICAS), now) };
  return { create: 0, delete: [] };
}

/**
 * slowStartBatch's batch sizes for `count` calls: 1, 2, 4, ... until done. A batch with a failure
 * stops the rest (a quota or admission error would fail them all alike).
 * E.g. 10 -> [1, 2, 4, 3].
 */
export function slowStartBatches(count: number, initial = SLOW_START_INITIAL_BATCH): number[] {
  const out: number[] = [];
  let remaining = count;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    out.push(size);
    remaining -= size;
  }
  return out;
}

/**
 * controller.GetPodFromTemplate: a pod named `<owner>-` + generated suffix, with the template's
 * labels, annotations, finalizers and spec, controlled by the owner.
 */
export function podFromTemplate(owner: ReplicaSetView): KObject {
  const tpl = owner.spec.template ?? {};
  const md = tpl.metadata ?? {};
  const metadata: KObject['metadata'] = { generateName: `${owner.metadata.name}-`, namespace: owner.metadata.namespace };
  if (md.labels && Object.keys(md.labels).length) metadata.labels = { ...md.labels };
  if (md.annotations && Object.keys(md.annotations).length) metadata.annotations = { ...md.annotations };
  const fin = md.finalizers as string[] | undefined;
  if (fin?.length) metadata.finalizers = [...fin];
  metadata.ownerReferences = [newControllerRef(owner)];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(tpl.spec ?? {}) };
}

export type ReplicaSetStatus = NonNullable<ReplicaSetView['status']>;

/**
 * calculateStatus' counts over claimed pods: fully labeled (the template's labels), ready, and
 * available. The controller adds each pod as it claims it, so a sync visits its 10,000 pods once
 * instead of once to claim and again to count.
 */
export class ReplicaCounts {
  fully = 0;
  ready = 0;
  available = 0;
  /** The template's labels as a selector (what fullyLabeledReplicas counts). */
  readonly template: Selector;
  private readonly minReady: number;

  constructor(
    rs: ReplicaSetView,
    private readonly now: number,
  ) {
    this.template = selectorFromSet(rs.spec.template?.metadata?.labels);
    this.minReady = rs.spec.minReadySeconds ?? 0;
  }

  add(p: PodView): void {
    this.addKnown(p, this.template.matches(p.metadata.labels), isPodReady(p));
  }

  /** add() with the pod's template match and readiness already known (a ClaimMemo's). */
  addKnown(p: PodView, fully: boolean, ready: boolean): void {
    if (fully) this.fully++;
    if (ready) {
      this.ready++;
      // isPodAvailable without its second Ready lookup when minReadySeconds is 0 (the usual case).
      if (this.minReady === 0 || isPodAvailable(p, this.minReady, this.now)) this.available++;
    }
  }
}

/** ReplicaCounts of `pods`. */
export function countReplicas(rs: ReplicaSetView, pods: readonly PodView[], now: number): ReplicaCounts {
  const c = new ReplicaCounts(rs, now);
  for (let i = 0; i < pods.length; i++) c.add(pods[i]);
  return c;
}

/**
 * calculateStatus: counts over the claimed active pods (`counts`, gathered while claiming them or
 * here), and the ReplicaFailure condition set
 * when managing replicas failed (FailedCreate / FailedDelete) and cleared once it works again.
 * Zero counts are left out, as the JSON of the Go struct omits them (`replicas` always shows).
 */
export function calculateReplicaSetStatus(
  rs: ReplicaSetView,
  pods: readonly PodView[],
  manageError: string | undefined,
  now: number,
  counts: ReplicaCounts = countReplicas(rs, pods, now),
): ReplicaSetStatus {
  const { fully, ready, available } = counts;
  let conditions: ReplicaSetCondition[] = [...(rs.status?.conditions ?? [])];
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (manageError !== undefined && !failure) {
    const diff = pods.length - specReplicas(rs);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const cond: ReplicaSetCondition = { type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(now) };
    if (reason) cond.reason = reason;
    cond.message = manageError;
    conditions = [...conditions.filter((c) => c.type !== 'ReplicaFailure'), cond];
  } else if (manageError === undefined && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fully) status.fullyLabeledReplicas = fully;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  const og = rs.status?.observedGeneration;
  if (og) status.observedGeneration = og;
  if (conditions.length) status.conditions = conditions;
  return status;
}

/**
 * updateReplicaSetStatus' steady-state test: nothing to write when the counts and conditions are
 * unchanged and the generation was already observed. Otherwise the new status carries
 * observedGeneration = metadata.generation.
 */
export function replicaSetStatusToWrite(rs: ReplicaSetView, next: ReplicaSetStatus): ReplicaSetStatus | undefined {
  const cur = rs.status ?? {};
  const gen = rs.metadata.generation ?? 0;
  if (
    (cur.replicas ?? 0) === (next.replicas ?? 0) &&
    (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    gen === (cur.observedGeneration ?? 0) &&
    JSON.stringify(cur.conditions ?? []) === JSON.stringify(next.conditions ?? [])
  ) {
    return undefined;
  }
  // Rebuilt in the Go struct's field order (json output keeps it).
  const out: ReplicaSetStatus = { replicas: next.replicas ?? 0 };
  if (next.fullyLabeledReplicas) out.fullyLabeledReplicas = next.fullyLabeledReplicas;
  if (next.readyReplicas) out.readyReplicas = next.readyReplicas;
  if (next.availableReplicas) out.availableReplicas = next.availableReplicas;
  if (gen) out.observedGeneration = gen;
  if (next.conditions?.length) out.conditions = next.conditions;
  return out;
}

/**
 * When the status must be recomputed because a ready pod passes minReadySeconds (the earliest
 * such instant after `now`), or undefined when no pod is waiting for it.
 */
export function nextAvailabilityCheck(rs: ReplicaSetView, pods: readonly PodView[], now: number): number | undefined {
  const minReady = rs.spec.minReadySeconds ?? 0;
  if (minReady === 0) return undefined;
  let next: number | undefined;
  for (const p of pods) {
    const at = availableAt(p, minReady);
    if (at !== undefined && at > now && (next === undefined || at < next)) next = at;
  }
  return next;
}
