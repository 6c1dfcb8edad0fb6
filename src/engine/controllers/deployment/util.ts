// Deployment arithmetic and bookkeeping (pkg/controller/deployment/util/deployment_util.go):
// maxSurge / maxUnavailable fenceposts, revisions and replica annotations, finding the new and
// old ReplicaSets, replica counts, proportions for scaling, completeness and progress tests.

import { clone } from '../../api/types';
import { parseTime } from '../../util/time';
import { specReplicas, type PodTemplate, type ReplicaSetView } from '../replicaset/pods';
import {
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  Reason,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
  type DeploymentStatus,
  type DeploymentView,
  type IntOrString,
} from './types';
import { getCondition } from './conditions';

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is, `N%` of `total` rounded up or down.
 * Throws for anything else (upstream returns an error).
 */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down; both 0 means unavailable 1 (so a
 * rollout can always make progress). 10 replicas at 25%/25% -> surge 3 (2.5 up), unavailable 2
 * (2.5 down); 1 replica at 25%/25% -> 1 and 0.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function isRollingUpdate(d: DeploymentView): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** MaxUnavailable: 0 for Recreate or 0 replicas, never more than the replicas. */
export function maxUnavailable(d: DeploymentView): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  const [, u] = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas);
  return Math.min(u, replicas);
}

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: DeploymentView): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, specReplicas(d))[0];
}

/** Revision: the revision annotation as a number (0 when absent or malformed). */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  return Number(v);
}

export function maxRevision(rss: readonly ReplicaSetView[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

const SKIP_ANNOTATIONS = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
]);

/** copyDeploymentAnnotationsToReplicaSet (mutates `rs`): e.g. kubernetes.io/change-cause. */
export function copyDeploymentAnnotations(d: DeploymentView, rs: ReplicaSetView): boolean {
  let changed = false;
  const ann = (rs.metadata.annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_ANNOTATIONS.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations (mutates): desired-replicas and max-replicas. */
export function setReplicasAnnotations(rs: ReplicaSetView, desired: number, max: number): boolean {
  const ann = (rs.metadata.annotations ??= {});
  let changed = false;
  if (ann[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    ann[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (ann[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    ann[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSetView, desired: number, max: number): boolean {
  const ann = rs.metadata.annotations ?? {};
  return ann[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || ann[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations (mutates `rs`): copies the Deployment's annotations, raises the
 * revision to `newRevision`, and when an existing revision is raised (a rollback to this
 * template) appends the old one to revision-history, trimmed from the front to fit
 * MAX_REV_HISTORY_CHARS. A ReplicaSet about to be created also gets the replica annotations.
 */
export function setNewReplicaSetAnnotations(d: DeploymentView, rs: ReplicaSetView, newRevision: string, exists: boolean, limit: number): boolean {
  let changed = copyDeploymentAnnotations(d, rs);
  const ann = (rs.metadata.annotations ??= {});
  const had = REVISION_ANNOTATION in ann;
  const oldRevision = ann[REVISION_ANNOTATION] ?? '';
  let oldInt = 0;
  if (oldRevision !== '') {
    if (!/^\d+$/.test(oldRevision)) return false;
    oldInt = Number(oldRevision);
  }
  const newInt = /^\d+$/.test(newRevision) ? Number(newRevision) : 0;
  if (oldInt < newInt) {
    ann[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (had && oldInt < newInt) {
    const history = ann[REVISION_HISTORY_ANNOTATION] ?? '';
    const old = history.split(',');
    if (old[0].length === 0) {
      ann[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let total = history.length + oldRevision.length + 1;
      let start = 0;
      while (total > limit && start < old.length) {
        total -= old[start].length + 1;
        start++;
      }
      if (total <= limit) ann[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(',');
    }
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** SetDeploymentRevision (mutates): true when the Deployment's revision annotation changed. */
export function setDeploymentRevision(d: DeploymentView, revision: string): boolean {
  const ann = (d.metadata.annotations ??= {});
  if (ann[REVISION_ANNOTATION] === revision) return false;
  ann[REVISION_ANNOTATION] = revision;
  return true;
}

/** The integer value of an annotation, if present and valid. */
function intAnnotation(rs: ReplicaSetView, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

export function desiredReplicasAnnotation(rs: ReplicaSetView): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

/** Semantic equality of JSON values where empty maps/lists equal missing ones (Semantic.DeepEqual). */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
  if (empty(a) && empty(b)) return true;
  // A missing struct equals its zero value on the other side (Go structs are never nil).
  if ((a === undefined || a === null) && typeof b === 'object') return semanticEqual(Array.isArray(b) ? [] : {}, b);
  if ((b === undefined || b === null) && typeof a === 'object') return semanticEqual(a, Array.isArray(a) ? [] : {});
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => semanticEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) if (!semanticEqual(ao[k], bo[k])) return false;
  return true;
}

/** EqualIgnoreHash: templates equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(t1: PodTemplate | undefined, t2: PodTemplate | undefined): boolean {
  const strip = (t: PodTemplate | undefined) => {
    const c = clone(t ?? {}) as PodTemplate;
    if (c.metadata?.labels) delete c.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    return c;
  };
  return semanticEqual(strip(t1), strip(t2));
}

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreation(a: ReplicaSetView, b: ReplicaSetView): number {
  const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** ReplicaSetsBySizeOlder: larger first, then older first. */
export function bySizeOlder(a: ReplicaSetView, b: ReplicaSetView): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreation(a, b);
}

/** ReplicaSetsBySizeNewer: larger first, then newer first. */
export function bySizeNewer(a: ReplicaSetView, b: ReplicaSetView): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreation(b, a);
}

/** ReplicaSetsByRevision: lower revision first, then by creation. */
export function byRevision(a: ReplicaSetView, b: ReplicaSetView): number {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreation(a, b);
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: DeploymentView, rss: readonly ReplicaSetView[]): ReplicaSetView | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** FindOldReplicaSets: [old ones with replicas, all old ones]. */
export function findOldReplicaSets(d: DeploymentView, rss: readonly ReplicaSetView[]): [ReplicaSetView[], ReplicaSetView[]] {
  const n = findNewReplicaSet(d, rss);
  const all = rss.filter((rs) => !n || rs.metadata.uid !== n.metadata.uid);
  return [all.filter((rs) => specReplicas(rs) !== 0), all];
}

/** FilterActiveReplicaSets: those with spec.replicas > 0 (undefined entries dropped). */
export function activeReplicaSets(rss: ReadonlyArray<ReplicaSetView | undefined>): ReplicaSetView[] {
  return rss.filter((rs): rs is ReplicaSetView => !!rs && specReplicas(rs) > 0);
}

type Counted = ReadonlyArray<ReplicaSetView | undefined>;
/** GetReplicaCountForReplicaSets: sum of spec.replicas. */
export const specTotal = (rss: Counted) => rss.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
/** GetActualReplicaCountForReplicaSets: sum of status.replicas. */
export const actualTotal = (rss: Counted) => rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
export const readyTotal = (rss: Counted) => rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
export const availableTotal = (rss: Counted) => rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);

/**
 * NewRSNewReplicas: how big the new ReplicaSet may get now. Rolling: up to replicas + maxSurge
 * pods in total across all ReplicaSets, and never past replicas. E.g. 10 replicas, surge 3, old
 * RS at 10 and new at 0: 13 - 10 = 3 -> new RS 3. Recreate: all replicas at once.
 */
export function newRSNewReplicas(d: DeploymentView, all: Counted, newRS: ReplicaSetView): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? 0, replicas, true);
  const current = specTotal(all);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  const up = Math.min(maxTotal - current, replicas - specReplicas(newRS));
  return specReplicas(newRS) + up;
}

/** IsSaturated: the new RS runs all replicas, all available, and knows the desired count. */
export function isSaturated(d: DeploymentView, rs: ReplicaSetView | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const r = specReplicas(d);
  return specReplicas(rs) === r && desired === r && (rs.status?.availableReplicas ?? 0) === r;
}

/** Go's math.Round for the halves that arise here (away from zero). */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * getReplicaSetFraction: how many replicas this RS gains or loses when the Deployment's size
 * changes, in proportion to its share of the max-replicas it was sized for. E.g. RS at 5 of
 * max-replicas 13, Deployment now 20 + surge 5 = 25: round(5 * 25 / 13) - 5 = 10 - 5 = 5.
 */
export function replicaSetFraction(rs: ReplicaSetView, d: DeploymentView): number {
  const r = specReplicas(d);
  if (r === 0) return -specReplicas(rs);
  const deploymentReplicas = r + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  const size = (specReplicas(rs) * deploymentReplicas) / annotated;
  return roundHalfAway(size) - specReplicas(rs);
}

/** GetProportion: the RS's share, capped by what is left to add (or remove). */
export function getProportion(rs: ReplicaSetView | undefined, d: DeploymentView, toAdd: number, added: number): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** FindActiveOrLatest: the one active RS, or the newest when none is active; none when several are. */
export function findActiveOrLatest(newRS: ReplicaSetView | undefined, olds: readonly ReplicaSetView[]): ReplicaSetView | undefined {
  if (!newRS && olds.length === 0) return undefined;
  const sorted = [...olds].sort((a, b) => byCreation(b, a));
  const active = activeReplicaSets([...sorted, newRS]);
  if (active.length === 0) return newRS ?? sorted[0];
  if (active.length === 1) return active[0];
  return undefined;
}

export function hasProgressDeadline(d: DeploymentView): boolean {
  const p = d.spec.progressDeadlineSeconds;
  return p !== undefined && p !== null && p !== 2147483647;
}

export function hasRevisionHistoryLimit(d: DeploymentView): boolean {
  const l = d.spec.revisionHistoryLimit;
  return l !== undefined && l !== null && l !== 2147483647;
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: DeploymentView, s: DeploymentStatus): boolean {
  const r = specReplicas(d);
  return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated/ready/available pods, or fewer old ones, than last time. */
export function deploymentProgressing(d: DeploymentView, s: DeploymentStatus): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
  );
}

/**
 * DeploymentTimedOut: the Progressing condition was last updated more than
 * progressDeadlineSeconds ago (strictly), unless the rollout already completed.
 */
export function deploymentTimedOut(d: DeploymentView, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, 'Progressing');
  if (!c) return false;
  if (c.reason === Reason.NewRSAvailable) return false;
  if (c.reason === Reason.TimedOut) return true;
  const from = parseTime(c.lastUpdateTime) ?? 0;
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < now;
}
