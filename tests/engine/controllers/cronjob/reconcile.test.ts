import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { jobName, reconcileCronJob, zonedRfc3339, type CronJobView } from '../../../../src/engine/controllers/cronjob/reconcile';

const T = (s: string) => Date.parse(s);

function cj(spec: Partial<CronJobView['spec']> = {}, status: CronJobView['status'] = {}): CronJobView {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'cj', namespace: 'default', uid: 'cu', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { schedule: '*/1 * * * *', concurrencyPolicy: 'Allow', successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, jobTemplate: { spec: {} }, ...spec },
    status,
  };
}

function job(name: string, done?: 'Complete' | 'Failed', start = '2025-01-01T00:00:00Z'): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default', uid: `u-${name}`, creationTimestamp: start, annotations: {} },
    status: { startTime: start, ...(done ? { conditions: [{ type: done, status: 'True' }], ...(done === 'Complete' ? { completionTime: start } : {}) } : {}) },
  } as KObject;
}

const active = (name: string) => ({ kind: 'Job', namespace: 'default', name, uid: `u-${name}`, apiVersion: 'batch/v1' });

describe('reconcileCronJob', () => {
  const rows: Array<{ name: string; cj: CronJobView; jobs: KObject[]; now: string; want: { create?: string; deletes?: string[]; events?: string[]; requeue?: number; active?: string[] } }> = [
    { name: 'nothing due yet', cj: cj(), jobs: [], now: '2025-01-01T00:00:30Z', want: { requeue: 30_100 } },
    { name: 'first minute due', cj: cj(), jobs: [], now: '2025-01-01T00:01:00Z', want: { create: jobName({ metadata: { name: 'cj' } } as KObject, T('2025-01-01T00:01:00Z')), requeue: 60_100 } },
    { name: 'missed several: only the most recent', cj: cj(), jobs: [], now: '2025-01-01T00:05:10Z', want: { create: 'cj-28928165', requeue: 50_100 } },
    { name: 'already scheduled', cj: cj({}, { lastScheduleTime: '2025-01-01T00:05:00Z' }), jobs: [], now: '2025-01-01T00:05:10Z', want: { requeue: 50_100 } },
    { name: 'suspended', cj: cj({ suspend: true }), jobs: [], now: '2025-01-01T00:05:10Z', want: {} },
    { name: 'too late for startingDeadlineSeconds', cj: cj({ schedule: '0 * * * *', startingDeadlineSeconds: 10 }), jobs: [], now: '2025-01-01T01:00:20Z', want: { requeue: 3_580_100 } },
    { name: 'within startingDeadlineSeconds', cj: cj({ schedule: '0 * * * *', startingDeadlineSeconds: 30 }), jobs: [], now: '2025-01-01T01:00:20Z', want: { create: 'cj-28928220', requeue: 3_580_100 } },
    {
      name: 'Forbid with an active job',
      cj: cj({ concurrencyPolicy: 'Forbid' }, { active: [active('cj-1')], lastScheduleTime: '2025-01-01T00:01:00Z' }),
      jobs: [job('cj-1')],
      now: '2025-01-01T00:02:00Z',
      want: { events: ['Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid'], active: ['cj-1'], requeue: 60_100 },
    },
    {
      name: 'Replace deletes the active job',
      cj: cj({ concurrencyPolicy: 'Replace' }, { active: [active('cj-1')], lastScheduleTime: '2025-01-01T00:01:00Z' }),
      jobs: [job('cj-1')],
      now: '2025-01-01T00:02:00Z',
      want: { create: 'cj-28928162', deletes: ['cj-1'], events: ['Normal SuccessfulDelete Deleted job cj-1'], active: [], requeue: 60_100 },
    },
    {
      name: 'completed job leaves active',
      cj: cj({}, { active: [active('cj-1')], lastScheduleTime: '2025-01-01T00:01:00Z' }),
      jobs: [job('cj-1', 'Complete')],
      now: '2025-01-01T00:01:30Z',
      want: { events: ['Normal SawCompletedJob Saw completed job: cj-1, condition: Complete'], active: [], requeue: 30_100 },
    },
    {
      name: 'history limit deletes the oldest successful',
      cj: cj({ successfulJobsHistoryLimit: 1 }, { lastScheduleTime: '2025-01-01T00:01:00Z' }),
      jobs: [job('a', 'Complete', '2025-01-01T00:00:00Z'), job('b', 'Complete', '2025-01-01T00:01:00Z')],
      now: '2025-01-01T00:01:30Z',
      want: { deletes: ['a'], events: ['Normal SuccessfulDelete Deleted job a'], requeue: 30_100 },
    },
    {
      name: 'failed history limit 0',
      cj: cj({ failedJobsHistoryLimit: 0 }, { lastScheduleTime: '2025-01-01T00:01:00Z' }),
      jobs: [job('f', 'Failed')],
      now: '2025-01-01T00:01:30Z',
      want: { deletes: ['f'], events: ['Normal SuccessfulDelete Deleted job f'], requeue: 30_100 },
    },
    { name: 'bad schedule', cj: cj({ schedule: '* * *' }), jobs: [], now: '2025-01-01T00:01:30Z', want: { events: ['Warning UnparseableSchedule unparseable schedule: "* * *" : expected exactly 5 fields, found 3: [* * *]'] } },
    { name: 'unknown time zone', cj: cj({ timeZone: 'Mars/Olympus' }), jobs: [], now: '2025-01-01T00:01:30Z', want: { events: ['Warning UnknownTimeZone invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus'] } },
  ];
  it.each(rows)('$name', ({ cj: c, jobs, now, want }) => {
    const plan = reconcileCronJob(c, jobs, T(now));
    expect(plan.create?.metadata.name).toBe(want.create);
    expect(plan.deletes.map((j) => j.metadata.name)).toEqual(want.deletes ?? []);
    expect(plan.events.map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual(want.events ?? []);
    expect(plan.requeueAfter).toBe(want.requeue);
    if (want.active) expect((plan.status.active ?? []).map((a) => a.name)).toEqual(want.active);
  });

  it('the created job carries template labels, the scheduled-timestamp annotation and the owner', () => {
    const plan = reconcileCronJob(cj({ timeZone: 'Europe/Paris', jobTemplate: { metadata: { labels: { a: 'b' } }, spec: { backoffLimit: 2 } } }), [], T('2025-01-01T00:01:00Z'));
    expect(plan.create).toMatchObject({
      metadata: { name: 'cj-28928161', labels: { a: 'b' }, annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-01T01:01:00+01:00' }, ownerReferences: [{ kind: 'CronJob', name: 'cj', uid: 'cu', controller: true, blockOwnerDeletion: true }] },
      spec: { backoffLimit: 2 },
    });
    expect(plan.status.lastScheduleTime).toBe('2025-01-01T00:01:00Z');
  });
});

describe('zonedRfc3339', () => {
  const rows = [
    { ms: T('2025-01-01T00:00:00Z'), zone: undefined, want: '2025-01-01T00:00:00Z' },
    { ms: T('2025-01-01T00:00:00Z'), zone: 'Asia/Kolkata', want: '2025-01-01T05:30:00+05:30' },
    { ms: T('2025-07-01T12:00:00Z'), zone: 'America/New_York', want: '2025-07-01T08:00:00-04:00' },
    { ms: T('2025-07-01T12:00:00Z'), zone: 'Etc/UTC', want: '2025-07-01T12:00:00Z' },
  ];
  it.each(rows)('$zone', ({ ms, zone, want }) => expect(zonedRfc3339(ms, zone)).toBe(want));
});
