// The pure half of the Job controller (pkg/controller/job/job_controller.go syncJob,
// trackJobStatusAndRemoveFinalizers, manageJob, backoff_utils.go) for NonIndexed jobs: what to
// count, which finalizers to drop, how many pods to create or delete, and the status to report.

import { parseTime, rfc3339 } from '../../util/time';
import { isPodReady, type PodView } from '../replicaset/pods';
import {
  DEFAULT_BACKOFF_MS,
  MAX_BACKOFF_MS,
  hasTrackingFinalizer,
  isFinishedPod,
  isJobFinished,
  podFinishTime,
  trueCondition,
  type JobCondition,
  type JobStatus,
  type JobView,
} from './types';

/** Upstream's MaxPodCreateDeletePerSync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

export const MSG_BACKOFF = 'Job has reached the specified backoff limit';
export const MSG_DEADLINE = 'Job was active longer than specified deadline';
export const MSG_COMPLETIONS = 'Reached expected number of succeeded pods';

export interface JobEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface JobPlan {
  /** Pods that lose the tracking finalizer once counted (their uids are in `uncounted`). */
  removeFinalizers: PodView[];
  /** uncountedTerminatedPods to write before removing finalizers (crash-safe counting). */
  uncounted: { succeeded: string[]; failed: string[] };
  create: number;
  delete: PodView[];
  /** The status after counting, with the finalizers removed. */
  status: JobStatus;
  events: JobEvent[];
  /** Sync again after this many ms (back-off, active deadline), if set. */
  requeueAfter?: number;
}

function cond(type: string, reason: string, message: string, now: number): JobCondition {
  const t = rfc3339(now);
  return { type, status: 'True', lastProbeTime: t, lastTransitionTime: t, reason, message };
}

/**
 * getRemainingTime: failed pods after the last success, the first waiting 10 s, each next one
 * twice as long (capped at 10 min), counted from the last failure.
 * E.g. 3 failures, the last at t=100 s: wait 10*2^2 = 40 s, so at t=120 s 20 s remain.
 */
export function backoffRemaining(pods: readonly PodView[], now: number): number {
  let lastSuccess = -Infinity;
  for (const p of pods) if (p.status?.phase === 'Succeeded') lastSuccess = Math.max(lastSuccess, podFinishTime(p));
  let failures = 0;
  let lastFailure = -Infinity;
  for (const p of pods) {
    if (p.status?.phase !== 'Failed') continue;
    const t = podFinishTime(p);
    if (t < lastSuccess) continue;
    failures++;
    lastFailure = Math.max(lastFailure, t);
  }
  if (failures === 0) return 0;
  const delay = Math.min(DEFAULT_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS);
  return Math.max(0, lastFailure + delay - now);
}

/** pastBackoffLimitOnFailure: container restarts of running pods reached the limit (OnFailure). */
export function pastBackoffLimitOnFailure(job: JobView, pods: readonly PodView[]): boolean {
  if ((job.spec.template?.spec as { restartPolicy?: string } | undefined)?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of [...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])]) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** Pods to delete when scaling down: not-yet-running first, then not ready (controller.ActivePods order, simplified). */
function deletionOrder(pods: PodView[]): PodView[] {
  const rank = (p: PodView) => (!p.spec?.nodeName ? 0 : p.status?.phase === 'Pending' ? 1 : isPodReady(p) ? 3 : 2);
  return [...pods].sort((a, b) => rank(a) - rank(b));
}

/**
 * syncJob for one NonIndexed job. `pods` are the pods it owns (any phase); `skip` tells which
 * pods' finalizers were already removed but the informer has not caught up (never count twice).
 */
export function reconcileJob(job: JobView, pods: readonly PodView[], now: number, skip: (uid: string) => boolean = () => false): JobPlan {
  const prev = job.status ?? {};
  const events: JobEvent[] = [];
  const plan: JobPlan = { removeFinalizers: [], uncounted: { succeeded: [], failed: [] }, create: 0, delete: [], status: {}, events };
  if (isJobFinished(job)) {
    // A finished job only lets go of leftover finalizers.
    for (const p of pods) if (hasTrackingFinalizer(p) && !skip(p.metadata.uid ?? '')) plan.removeFinalizers.push(p);
    plan.status = prev;
    return plan;
  }
  const conditions = [...(prev.conditions ?? [])];
  const successTarget = !!trueCondition(job, 'SuccessCriteriaMet');
  let interim = trueCondition(job, 'FailureTarget') ?? trueCondition(job, 'SuccessCriteriaMet');

  const active = pods.filter((p) => !isFinishedPod(p) && !p.metadata.deletionTimestamp);
  const terminating = pods.filter((p) => !isFinishedPod(p) && p.metadata.deletionTimestamp);

  // Count newly finished pods: they enter uncountedTerminatedPods, lose the finalizer, then the counters.
  const uncS = new Set(prev.uncountedTerminatedPods?.succeeded ?? []);
  const uncF = new Set(prev.uncountedTerminatedPods?.failed ?? []);
  for (const p of pods) {
    const uid = p.metadata.uid ?? '';
    if (!hasTrackingFinalizer(p) || skip(uid)) continue;
    const finished = isFinishedPod(p);
    if (!finished && !p.metadata.deletionTimestamp) continue;
    plan.removeFinalizers.push(p);
    if (uncS.has(uid) || uncF.has(uid)) continue;
    if (p.status?.phase === 'Succeeded') uncS.add(uid);
    else if (p.status?.phase === 'Failed' || !successTarget) uncF.add(uid);
  }
  plan.uncounted = { succeeded: [...uncS], failed: [...uncF] };
  const succeeded = (prev.succeeded ?? 0) + uncS.size;
  const failed = (prev.failed ?? 0) + uncF.size;

  const startTime = prev.startTime ?? (job.spec.suspend ? undefined : rfc3339(now));
  const startMs = parseTime(startTime);
  const limit = job.spec.backoffLimit ?? 6;
  const deadline = job.spec.activeDeadlineSeconds;
  if (!interim) {
    if (failed > limit || pastBackoffLimitOnFailure(job, active)) interim = cond('FailureTarget', 'BackoffLimitExceeded', MSG_BACKOFF, now);
    else if (deadline !== undefined && startMs !== undefined && now - startMs >= deadline * 1000) interim = cond('FailureTarget', 'DeadlineExceeded', MSG_DEADLINE, now);
    else {
      const completions = job.spec.completions;
      const done = completions === undefined || completions === null ? succeeded > 0 && active.length === 0 : succeeded >= completions;
      if (done) interim = cond('SuccessCriteriaMet', 'CompletionsReached', MSG_COMPLETIONS, now);
    }
    if (interim) conditions.push(interim);
  }

  let completionTime = prev.completionTime;
  if (interim) {
    // Terminate what still runs; the terminal condition waits until no pod is left running.
    plan.delete = active;
    if (active.length === 0 && terminating.length === 0) {
      const terminal = interim.type === 'SuccessCriteriaMet' ? 'Complete' : 'Failed';
      conditions.push(cond(terminal, interim.reason ?? '', interim.message ?? '', now));
      if (terminal === 'Complete') {
        completionTime = rfc3339(now);
        events.push({ type: 'Normal', reason: 'Completed', message: 'Job completed' });
      } else {
        events.push({ type: 'Warning', reason: interim.reason ?? '', message: interim.message ?? '' });
      }
    }
  } else if (job.spec.suspend) {
    plan.delete = active;
  } else {
    const parallelism = job.spec.parallelism ?? 1;
    const completions = job.spec.completions;
    let want: number;
    if (completions === undefined || completions === null) want = succeeded > 0 ? active.length : parallelism;
    else want = Math.max(0, Math.min(parallelism, completions - succeeded));
    if (active.length > want) {
      plan.delete = deletionOrder(active).slice(0, Math.min(active.length - want, MAX_POD_CREATE_DELETE_PER_SYNC));
    } else if (active.length < want) {
      const wait = backoffRemaining(pods, now);
      if (wait > 0) plan.requeueAfter = wait;
      else plan.create = Math.min(want - active.length, MAX_POD_CREATE_DELETE_PER_SYNC);
    }
    if (deadline !== undefined && startMs !== undefined) {
      const left = startMs + deadline * 1000 - now;
      plan.requeueAfter = plan.requeueAfter === undefined ? left : Math.min(plan.requeueAfter, left);
    }
  }

  const remaining = interim ? 0 : active.length - plan.delete.length + plan.create;
  const status: JobStatus = {};
  if (conditions.length) status.conditions = conditions;
  if (startTime) status.startTime = startTime;
  if (completionTime) status.completionTime = completionTime;
  if (remaining) status.active = remaining;
  if (succeeded) status.succeeded = succeeded;
  if (failed) status.failed = failed;
  status.terminating = terminating.length;
  status.uncountedTerminatedPods = {};
  status.ready = active.filter((p) => isPodReady(p) && !plan.delete.includes(p)).length;
  plan.status = status;
  return plan;
}

/** The intermediate status naming the pods counted but not yet released (written first). */
export function uncountedStatus(job: JobView, uncounted: JobPlan['uncounted']): JobStatus {
  const u: { succeeded?: string[]; failed?: string[] } = {};
  if (uncounted.succeeded.length) u.succeeded = uncounted.succeeded;
  if (uncounted.failed.length) u.failed = uncounted.failed;
  return { ...(job.status ?? {}), uncountedTerminatedPods: u };
}
