// The pure half of the StatefulSet controller (stateful_set_control.go updateStatefulSet): which
// pod to create, replace or delete next, in ordinal order (OrderedReady) or all at once
// (Parallel), rolling updates from the highest ordinal down to the partition, and the status.

import type { KObject } from '../../api/types';
import { isPodAvailable, isPodReady, specReplicas, type PodTemplate, type PodView } from '../replicaset/pods';
import { claimsFor, newStatefulPod, ordinalOf, revisionOf, type StatefulSetView } from './identity';

export interface Revisions {
  current: string;
  update: string;
  currentTemplate: PodTemplate;
  updateTemplate: PodTemplate;
}

export interface StatefulSetPlan {
  /** PVCs to create (missing claims of pods about to be created). */
  createClaims: KObject[];
  createPods: KObject[];
  deletePods: PodView[];
  status: Record<string, unknown>;
}

function runningAndReady(p: PodView): boolean {
  return p.status?.phase === 'Running' && isPodReady(p);
}

function isFailed(p: PodView): boolean {
  return p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';
}

/**
 * One pass of updateStatefulSet. `pods` are the set's pods, `claims` the names of existing PVCs.
 * OrderedReady creates ordinal i only once 0..i-1 are Running and Ready, and deletes (scale
 * down, update) one pod at a time from the highest ordinal. E.g. replicas 3, web-0 Ready and
 * web-1 Pending: nothing happens until web-1 is Ready, then web-2 is created.
 */
export function reconcileStatefulSet(set: StatefulSetView, pods: readonly PodView[], claims: { has(name: string): boolean }, rev: Revisions, now: number): StatefulSetPlan {
  const name = set.metadata.name ?? '';
  const replicas = specReplicas(set);
  const start = set.spec.ordinals?.start ?? 0;
  const ordered = (set.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
  const partition = set.spec.updateStrategy?.type === 'OnDelete' ? Infinity : (set.spec.updateStrategy?.rollingUpdate?.partition ?? 0);
  const plan: StatefulSetPlan = { createClaims: [], createPods: [], deletePods: [], status: {} };

  const replicasByOrd = new Map<number, PodView>();
  const condemned: PodView[] = [];
  for (const p of pods) {
    const o = ordinalOf(name, p.metadata.name ?? '');
    if (o < 0) continue;
    if (o >= start && o < start + replicas) replicasByOrd.set(o, p);
    else condemned.push(p);
  }
  condemned.sort((a, b) => ordinalOf(name, b.metadata.name ?? '') - ordinalOf(name, a.metadata.name ?? ''));

  const createAt = (o: number) => {
    const useCurrent = rev.current !== rev.update && o - start < partition;
    const pod = newStatefulPod(set, useCurrent ? rev.currentTemplate : rev.updateTemplate, useCurrent ? rev.current : rev.update, o);
    for (const c of claimsFor(set, o)) if (!claims.has(c.metadata.name ?? '')) plan.createClaims.push(c);
    plan.createPods.push(pod);
  };

  let blocked = false;
  for (let o = start; o < start + replicas && !blocked; o++) {
    const p = replicasByOrd.get(o);
    if (!p) {
      createAt(o);
      if (ordered) blocked = true;
      continue;
    }
    if (isFailed(p) && !p.metadata.deletionTimestamp) {
      // A failed pod is deleted and recreated with the same identity.
      plan.deletePods.push(p);
      if (ordered) blocked = true;
      continue;
    }
    if (ordered && (p.metadata.deletionTimestamp || !runningAndReady(p))) blocked = true;
  }

  // Scale down: highest ordinal first; OrderedReady waits for each to go and for the rest to be Ready.
  if (!blocked && condemned.length) {
    if (!ordered) {
      for (const p of condemned) if (!p.metadata.deletionTimestamp) plan.deletePods.push(p);
    } else if (!condemned.some((p) => p.metadata.deletionTimestamp)) {
      plan.deletePods.push(condemned[0]);
    }
    blocked = ordered;
  }

  // Rolling update: from the highest ordinal down to the partition, one pod at a time.
  const all = [...replicasByOrd.values()];
  if (!blocked && partition !== Infinity && all.length === replicas && all.every((p) => runningAndReady(p) && !p.metadata.deletionTimestamp)) {
    for (let o = start + replicas - 1; o >= start + partition; o--) {
      const p = replicasByOrd.get(o)!;
      if (revisionOf(p) !== rev.update) {
        plan.deletePods.push(p);
        break;
      }
    }
  }

  plan.status = statefulSetStatus(set, pods.filter((p) => ordinalOf(name, p.metadata.name ?? '') >= 0), rev, now);
  return plan;
}

/** updateStatus: counts over the pods, in StatefulSetStatus field order. */
export function statefulSetStatus(set: StatefulSetView, pods: readonly PodView[], rev: Revisions, now: number): Record<string, unknown> {
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp && !isPodReady(p)) continue;
    replicas++;
    if (isPodReady(p) && !isFailed(p)) {
      ready++;
      if (isPodAvailable(p, set.spec.minReadySeconds ?? 0, now)) available++;
    }
    if (revisionOf(p) === rev.current) current++;
    if (revisionOf(p) === rev.update) updated++;
  }
  let currentRevision = rev.current;
  // The update is complete once every replica runs the update revision.
  if (updated === specReplicas(set) && ready === specReplicas(set)) {
    currentRevision = rev.update;
    current = updated;
  }
  const prev = set.status ?? {};
  const out: Record<string, unknown> = {};
  const gen = set.metadata.generation;
  if (gen) out.observedGeneration = gen;
  out.replicas = replicas;
  if (ready) out.readyReplicas = ready;
  if (current) out.currentReplicas = current;
  if (updated) out.updatedReplicas = updated;
  out.currentRevision = currentRevision;
  out.updateRevision = rev.update;
  out.collisionCount = (prev.collisionCount as number | undefined) ?? 0;
  if (prev.conditions) out.conditions = prev.conditions;
  out.availableReplicas = available;
  return out;
}
