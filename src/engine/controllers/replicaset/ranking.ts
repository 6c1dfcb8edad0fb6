// Which pods a ReplicaSet deletes first on scale-down (pkg/controller/controller_utils.go
// ActivePodsWithRanks, replica_set.go getPodsToDelete), with the PodDeletionCost and
// LogarithmicScaleDown features on, as they are by default in v1.32.

import { isPodActive, isPodReady, podReadyCondition, type PodView } from './pods';
import { parseTime } from '../../util/time';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** helper.GetDeletionCostFromPodAnnotations: an int32 annotation, 0 when absent or invalid. */
export function deletionCost(pod: PodView): number {
  const v = pod.metadata.annotations?.[DELETION_COST];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** The highest restart count among regular containers and among restartable (sidecar) init containers. */
function maxRestarts(pod: PodView): [number, number] {
  let regular = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let sidecar = 0;
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return [regular, sidecar];
}

/**
 * logarithmicRankDiff: compares how long ago two instants were on a log2 scale of nanoseconds,
 * so pods of similar age (same power of two) rank alike. E.g. now-t1 = 3 s (2^31.5 ns -> 31)
 * and now-t2 = 5 s (2^32.2 ns -> 32) differ by -1; 3 s and 3.5 s both give 31 -> 0.
 */
export function logRankDiff(t1: number, t2: number, now: number): number {
  const r = (t: number) => {
    const d = (now - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return r(t1) - r(t2);
}

/** afterOrZero: a zero time is "smallest"; otherwise the later one is. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

export interface RankedPod {
  pod: PodView;
  /** Active pods of the same owner (and its siblings) on the same node: doubled-up pods go first. */
  rank: number;
}

/** ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. */
export function deleteBefore(a: RankedPod, b: RankedPod, now: number): boolean {
  const pi = a.pod;
  const pj = b.pod;
  const ni = pi.spec?.nodeName ?? '';
  const nj = pj.spec?.nodeName ?? '';
  // 1. Unassigned < assigned.
  if (ni !== nj && (ni === '' || nj === '')) return ni === '';
  // 2. Pending < Unknown < Running.
  const oi = PHASE_ORDINAL[pi.status?.phase ?? ''] ?? 0;
  const oj = PHASE_ORDINAL[pj.status?.phase ?? ''] ?? 0;
  if (oi !== oj) return oi < oj;
  // 3. Not ready < ready.
  const ri = isPodReady(pi);
  const rj = isPodReady(pj);
  if (ri !== rj) return !ri;
  // 4. Lower pod-deletion-cost < higher.
  const ci = deletionCost(pi);
  const cj = deletionCost(pj);
  if (ci !== cj) return ci < cj;
  // 5. Doubled up (more colocated pods) < not doubled up.
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. Ready for a shorter time < longer (log scale).
  if (ri && rj) {
    const ti = parseTime(podReadyCondition(pi)?.lastTransitionTime);
    const tj = parseTime(podReadyCondition(pj)?.lastTransitionTime);
    if (ti !== tj) {
      if (ti === undefined || tj === undefined) return afterOrZero(ti, tj);
      const d = logRankDiff(ti, tj, now);
      if (d === 0) return (pi.metadata.uid ?? '') < (pj.metadata.uid ?? '');
      return d < 0;
    }
  }
  // 7. Higher restart counts < lower.
  const [rgi, sci] = maxRestarts(pi);
  const [rgj, scj] = maxRestarts(pj);
  if (rgi !== rgj) return rgi > rgj;
  if (sci !== scj) return sci > scj;
  // 8. Empty creation time < newer < older (log scale).
  const ci8 = parseTime(pi.metadata.creationTimestamp);
  const cj8 = parseTime(pj.metadata.creationTimestamp);
  if (ci8 !== cj8) {
    if (ci8 === undefined || cj8 === undefined) return afterOrZero(ci8, cj8);
    const d = logRankDiff(ci8, cj8, now);
    if (d === 0) return (pi.metadata.uid ?? '') < (pj.metadata.uid ?? '');
    return d < 0;
  }
  return false;
}

/**
 * getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active related pods
 * (pods of any ReplicaSet with the same controller, the pod itself included) on its node.
 */
export function rankByRelatedPodsOnSameNode(pods: readonly PodView[], related: readonly PodView[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const n = p.spec?.nodeName ?? '';
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  return pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
}

/**
 * getPodsToDelete: the `diff` pods to delete, best candidates first. Upstream's sort.Sort is not
 * stable; a stable sort is used here so equal pods keep their listing order (deterministic).
 */
export function podsToDelete(pods: readonly PodView[], related: readonly PodView[], diff: number, now: number): PodView[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const ranked = rankByRelatedPodsOnSameNode(pods, related);
  ranked.sort((a, b) => (deleteBefore(a, b, now) ? -1 : deleteBefore(b, a, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
