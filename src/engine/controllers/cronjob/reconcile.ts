// The pure half of the CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go
// syncCronJob, utils.go): which schedule time is due, whether to start a Job for it under the
// concurrency policy, which finished Jobs to forget or delete, and the status to report.

import { clone, type KObject } from '../../api/types';

import { parseTime, rfc3339 } from '../../util/time';
import { newControllerRef } from '../replicaset/pods';
import { nextTime, parseSchedule, ScheduleParseError, validZone, zoneOffset, type Schedule } from './schedule';

/** corev1.ObjectReference as CronJob status.active holds it (field order kept). */
export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
}
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

export interface CronJobView extends KObject {
  spec: {
    schedule: string;
    timeZone?: string;
    startingDeadlineSeconds?: number;
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    suspend?: boolean;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    jobTemplate: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
  };
  status?: { active?: ObjectReference[]; lastScheduleTime?: string; lastSuccessfulTime?: string };
}

export interface CronEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface CronJobPlan {
  /** Jobs to delete (Background): replaced active ones and those beyond the history limits. */
  deletes: KObject[];
  /** The Job to create, if one is due. */
  create?: KObject;
  status: NonNullable<CronJobView['status']>;
  events: CronEvent[];
  /** Sync again after this many ms (the next schedule time), if set. */
  requeueAfter?: number;
}

/** A job's terminal condition type (Complete/Failed) or undefined while it runs. */
export function finishedType(job: KObject): string | undefined {
  const conds = (job.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? [];
  return conds.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type;
}

/** getJobName: `<cronjob>-<scheduled time in unix minutes>`. E.g. 2025-01-01T00:05:00Z (1735689900 s) -> x-28928165. */
export function jobName(cj: KObject, scheduled: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
}

/** RFC 3339 in the zone with its offset, as Go's time.Format(time.RFC3339) in that location. */
export function zonedRfc3339(ms: number, zone: string | undefined): string {
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return rfc3339(ms);
  const off = zoneOffset(ms, zone);
  const local = rfc3339(ms + off).replace(/Z$/, '');
  if (off === 0) return `${local}Z`;
  const a = Math.abs(off) / 60_000;
  return `${local}${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/**
 * mostRecentScheduleTime: the latest schedule time in (earliest, now] and how many were missed;
 * earliest is the last schedule (or creation), moved up to now - startingDeadlineSeconds.
 */
export function mostRecentScheduleTime(cj: CronJobView, sched: Schedule, now: number): { time?: number; missed: number } {
  let earliest = parseTime(cj.status?.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now;
  const sds = cj.spec.startingDeadlineSeconds;
  if (sds !== undefined && sds !== null) earliest = Math.max(earliest, now - sds * 1000);
  let missed = 0;
  let last: number | undefined;
  for (let t = nextTime(sched, earliest, cj.spec.timeZone); t !== undefined && t <= now; t = nextTime(sched, t, cj.spec.timeZone)) {
    last = t;
    missed++;
  }
  return { time: last, missed };
}

/** getJobFromTemplate2: the Job for one scheduled time. */
export function jobFromTemplate(cj: CronJobView, scheduled: number): KObject {
  const tpl = cj.spec.jobTemplate ?? {};
  const annotations = { ...(tpl.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: zonedRfc3339(scheduled, cj.spec.timeZone) };
  const metadata: KObject['metadata'] = { name: jobName(cj, scheduled), namespace: cj.metadata.namespace };
  if (tpl.metadata?.labels) metadata.labels = { ...tpl.metadata.labels };
  metadata.annotations = annotations;
  metadata.ownerReferences = [newControllerRef(cj)];
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: clone(tpl.spec ?? {}) } as KObject;
}

function ref(job: KObject): ObjectReference {
  return { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion };
}

function startOf(job: KObject): number {
  return parseTime((job.status as { startTime?: string } | undefined)?.startTime) ?? parseTime(job.metadata.creationTimestamp) ?? 0;
}

/** syncCronJob for one CronJob; `jobs` are the Jobs it controls. */
export function reconcileCronJob(cj: CronJobView, jobs: readonly KObject[], now: number): CronJobPlan {
  const events: CronEvent[] = [];
  const status = { ...(cj.status ?? {}) };
  let active = [...(status.active ?? [])];
  const byUid = new Map(jobs.map((j) => [j.metadata.uid, j]));
  const plan: CronJobPlan = { deletes: [], status, events };

  for (const j of jobs) {
    const inActive = active.some((a) => a.uid === j.metadata.uid);
    const done = finishedType(j);
    if (!inActive && !done) {
      const scheduled = parseTime(j.metadata.annotations?.[SCHEDULED_TIMESTAMP_ANNOTATION]);
      if (scheduled === undefined || scheduled !== parseTime(status.lastScheduleTime)) {
        events.push({ type: 'Warning', reason: 'UnexpectedJob', message: `Saw a job that the controller did not create or forgot: ${j.metadata.name}` });
      }
      active.push(ref(j));
    } else if (inActive && done) {
      events.push({ type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${j.metadata.name}, condition: ${done}` });
      active = active.filter((a) => a.uid !== j.metadata.uid);
    }
    if (done === 'Complete') {
      const t = parseTime((j.status as { completionTime?: string } | undefined)?.completionTime);
      if (t !== undefined && (parseTime(status.lastSuccessfulTime) ?? -1) < t) status.lastSuccessfulTime = rfc3339(t);
    }
  }
  // Active entries whose Job is gone are dropped.
  active = active.filter((a) => byUid.has(a.uid));

  // cleanupFinishedJobs: keep the newest N successful and M failed.
  const finish = (type: string, limit: number | undefined) => {
    if (limit === undefined || limit === null) return;
    const done = jobs.filter((j) => finishedType(j) === type).sort((a, b) => startOf(a) - startOf(b));
    for (const j of done.slice(0, Math.max(0, done.length - limit))) {
      plan.deletes.push(j);
      events.push({ type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted job ${j.metadata.name}` });
    }
  };
  if (!cj.metadata.deletionTimestamp) {
    finish('Complete', cj.spec.successfulJobsHistoryLimit);
    finish('Failed', cj.spec.failedJobsHistoryLimit);
  }
  const finishStatus = () => {
    if (active.length) status.active = active;
    else delete status.active;
    plan.status = orderStatus(status);
    return plan;
  };

  if (cj.metadata.deletionTimestamp) return finishStatus();
  const zone = cj.spec.timeZone ?? undefined;
  if (zone && !validZone(zone)) {
    events.push({ type: 'Warning', reason: 'UnknownTimeZone', message: `invalid timeZone: "${zone}": unknown time zone ${zone}` });
    return finishStatus();
  }
  if (cj.spec.suspend) return finishStatus();
  let sched: Schedule;
  try {
    sched = parseSchedule(cj.spec.schedule);
  } catch (e) {
    const msg = e instanceof ScheduleParseError ? e.message : String(e);
    events.push({ type: 'Warning', reason: 'UnparseableSchedule', message: `unparseable schedule: "${cj.spec.schedule}" : ${msg}` });
    return finishStatus();
  }
  const next = nextTime(sched, now, zone);
  // Upstream wakes 100 ms after the schedule time.
  if (next !== undefined) plan.requeueAfter = next - now + 100;
  const { time, missed } = mostRecentScheduleTime(cj, sched, now);
  if (time === undefined) return finishStatus();
  if (missed > 100) {
    events.push({ type: 'Warning', reason: 'TooManyMissedTimes', message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew' });
  }
  const sds = cj.spec.startingDeadlineSeconds;
  if (sds !== undefined && sds !== null && time + sds * 1000 < now) {
    events.push({ type: 'Warning', reason: 'MissSchedule', message: `Missed scheduled time to start a job: ${zonedRfc3339(time, zone)}` });
    return finishStatus();
  }
  const name = jobName(cj, time);
  if (active.some((a) => a.name === name) || status.lastScheduleTime === rfc3339(time)) return finishStatus();
  const policy = cj.spec.concurrencyPolicy ?? 'Allow';
  if (policy === 'Forbid' && active.length > 0) {
    events.push({ type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid' });
    return finishStatus();
  }
  if (policy === 'Replace') {
    for (const a of active) {
      const j = byUid.get(a.uid);
      if (!j) continue;
      plan.deletes.push(j);
      events.push({ type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted job ${j.metadata.name}` });
    }
    active = [];
  }
  plan.create = jobFromTemplate(cj, time);
  status.lastScheduleTime = rfc3339(time);
  return finishStatus();
}

/** CronJobStatus field order: active, lastScheduleTime, lastSuccessfulTime. */
function orderStatus(s: NonNullable<CronJobView['status']>): NonNullable<CronJobView['status']> {
  const out: NonNullable<CronJobView['status']> = {};
  if (s.active?.length) out.active = s.active;
  if (s.lastScheduleTime) out.lastScheduleTime = s.lastScheduleTime;
  if (s.lastSuccessfulTime) out.lastSuccessfulTime = s.lastSuccessfulTime;
  return out;
}
