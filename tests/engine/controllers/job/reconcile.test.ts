import { describe, expect, it } from 'vitest';
import { backoffRemaining, pastBackoffLimitOnFailure, reconcileJob } from '../../../../src/engine/controllers/job/reconcile';
import type { JobView } from '../../../../src/engine/controllers/job/types';
import type { PodView } from '../../../../src/engine/controllers/replicaset/pods';

const NOW = Date.parse('2025-01-01T00:10:00Z');
const at = (s: number) => new Date(NOW - 600_000 + s * 1000).toISOString().replace('.000', '');

function job(spec: Partial<JobView['spec']> = {}, status: JobView['status'] = { startTime: at(0) }): JobView {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default', uid: 'ju' }, spec: { parallelism: 1, completions: 1, backoffLimit: 6, template: { spec: { restartPolicy: 'Never' } }, ...spec }, status };
}

let n = 0;
function pod(phase: string, o: { finishedAt?: number; finalizer?: boolean; ready?: boolean; deleting?: boolean; restarts?: number } = {}): PodView {
  n++;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `j-${n}`, namespace: 'default', uid: `u${n}`, finalizers: o.finalizer === false ? undefined : ['batch.kubernetes.io/job-tracking'], ...(o.deleting ? { deletionTimestamp: at(500) } : {}) },
    spec: { nodeName: 'n1' },
    status: {
      phase,
      conditions: o.ready ? [{ type: 'Ready', status: 'True' }] : [],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0, ...(o.finishedAt !== undefined ? { state: { terminated: { finishedAt: at(o.finishedAt) } } } : {}) }],
    },
  } as PodView;
}

describe('reconcileJob', () => {
  const rows: Array<{ name: string; job: JobView; pods: PodView[]; want: { create?: number; delete?: number; conds?: string[]; succeeded?: number; failed?: number; active?: number; requeue?: number; events?: string[] } }> = [
    { name: 'new job creates parallelism pods', job: job({ parallelism: 3, completions: 5 }, {}), pods: [], want: { create: 3, active: 3 } },
    { name: 'creates no more than completions left', job: job({ parallelism: 3, completions: 5 }, { startTime: at(0), succeeded: 4 }), pods: [], want: { create: 1, succeeded: 4 } },
    { name: 'running pod: nothing to do', job: job(), pods: [pod('Running', { ready: true })], want: { create: 0, active: 1 } },
    { name: 'succeeded pod gives SuccessCriteriaMet then Complete', job: job(), pods: [pod('Succeeded', { finishedAt: 100 })], want: { conds: ['SuccessCriteriaMet', 'Complete'], succeeded: 1, events: ['Completed Job completed'] } },
    { name: 'success waits for remaining pods', job: job({ completions: 1, parallelism: 2 }), pods: [pod('Succeeded', { finishedAt: 100 }), pod('Running')], want: { conds: ['SuccessCriteriaMet'], delete: 1, succeeded: 1 } },
    { name: 'failure backs off 10 s', job: job(), pods: [pod('Failed', { finishedAt: 595 })], want: { create: 0, failed: 1, requeue: 5000 } },
    { name: 'back-off over: re-create', job: job(), pods: [pod('Failed', { finishedAt: 580 })], want: { create: 1, failed: 1 } },
    { name: 'second failure waits 20 s', job: job({}, { startTime: at(0), failed: 1 }), pods: [pod('Failed', { finishedAt: 500, finalizer: false }), pod('Failed', { finishedAt: 590 })], want: { create: 0, failed: 2, requeue: 10_000 } },
    { name: 'failed > backoffLimit fails the job', job: job({ backoffLimit: 1 }, { startTime: at(0), failed: 1 }), pods: [pod('Failed', { finishedAt: 590 })], want: { conds: ['FailureTarget', 'Failed'], failed: 2, events: ['BackoffLimitExceeded Job has reached the specified backoff limit'] } },
    { name: 'failed == backoffLimit keeps going', job: job({ backoffLimit: 2 }, { startTime: at(0), failed: 1 }), pods: [pod('Failed', { finishedAt: 300 })], want: { create: 1, failed: 2 } },
    { name: 'OnFailure restarts reach the limit', job: job({ backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure' } } }), pods: [pod('Running', { restarts: 2 })], want: { conds: ['FailureTarget'], delete: 1 } },
    { name: 'deadline passed', job: job({ activeDeadlineSeconds: 60 }), pods: [pod('Running')], want: { conds: ['FailureTarget'], delete: 1 } },
    { name: 'deadline ahead: requeue at it', job: job({ activeDeadlineSeconds: 900 }), pods: [pod('Running')], want: { create: 0, requeue: 300_000 } },
    { name: 'terminating pod counts failed', job: job(), pods: [pod('Running', { deleting: true })], want: { create: 1, failed: 1 } },
    { name: 'work queue: one success, others done, completes', job: job({ completions: null, parallelism: 2 }), pods: [pod('Succeeded', { finishedAt: 100 }), pod('Succeeded', { finishedAt: 120 })], want: { conds: ['SuccessCriteriaMet', 'Complete'], succeeded: 2, events: ['Completed Job completed'] } },
    { name: 'suspended: deletes active', job: job({ suspend: true }), pods: [pod('Running')], want: { delete: 1, create: 0 } },
    { name: 'parallelism lowered: delete extra', job: job({ parallelism: 1, completions: 4 }), pods: [pod('Running', { ready: true }), pod('Pending')], want: { delete: 1, active: 1 } },
  ];
  it.each(rows)('$name', ({ job: j, pods, want }) => {
    const plan = reconcileJob(j, pods, NOW);
    if (want.create !== undefined) expect(plan.create).toBe(want.create);
    if (want.delete !== undefined) expect(plan.delete).toHaveLength(want.delete);
    expect((plan.status.conditions ?? []).map((c) => c.type)).toEqual(want.conds ?? []);
    expect(plan.status.succeeded).toBe(want.succeeded);
    expect(plan.status.failed).toBe(want.failed);
    if (want.active !== undefined) expect(plan.status.active).toBe(want.active);
    expect(plan.requeueAfter).toBe(want.requeue);
    expect(plan.events.map((e) => `${e.reason} ${e.message}`)).toEqual(want.events ?? []);
    expect(plan.status.uncountedTerminatedPods).toEqual({});
  });

  it('never counts a released pod twice', () => {
    const p = pod('Succeeded', { finishedAt: 100 });
    const plan = reconcileJob(job({ completions: 2, parallelism: 1 }, { startTime: at(0), succeeded: 1 }), [p], NOW, (uid) => uid === p.metadata.uid);
    expect(plan.status.succeeded).toBe(1);
    expect(plan.removeFinalizers).toHaveLength(0);
  });

  it('lists newly finished pods as uncounted before release', () => {
    const a = pod('Succeeded', { finishedAt: 100 });
    const b = pod('Failed', { finishedAt: 100 });
    const plan = reconcileJob(job({ completions: 3, parallelism: 2 }), [a, b], NOW);
    expect(plan.uncounted).toEqual({ succeeded: [a.metadata.uid], failed: [b.metadata.uid] });
    expect(plan.removeFinalizers).toEqual([a, b]);
  });

  it('status keeps JobStatus field order', () => {
    const plan = reconcileJob(job(), [pod('Running', { ready: true })], NOW);
    expect(Object.keys(plan.status)).toEqual(['startTime', 'active', 'terminating', 'uncountedTerminatedPods', 'ready']);
  });
});

describe('backoffRemaining', () => {
  const rows: Array<{ finished: Array<[string, number]>; want: number }> = [
    { finished: [], want: 0 },
    { finished: [['Failed', 600]], want: 10_000 },
    { finished: [['Failed', 590], ['Failed', 595]], want: 15_000 },
    { finished: [['Failed', 560], ['Failed', 570], ['Failed', 580]], want: 20_000 },
    { finished: [['Failed', 100], ['Succeeded', 200], ['Failed', 599]], want: 9_000 },
    { finished: Array.from({ length: 12 }, (_, i): [string, number] => ['Failed', 590 + (i === 11 ? 10 : 0)]), want: 600_000 },
  ];
  it.each(rows)('$finished', ({ finished, want }) => {
    expect(backoffRemaining(finished.map(([ph, t]) => pod(ph, { finishedAt: t })), NOW)).toBe(want);
  });
});

describe('pastBackoffLimitOnFailure', () => {
  const onFailure = (limit: number) => job({ backoffLimit: limit, template: { spec: { restartPolicy: 'OnFailure' } } });
  const rows = [
    { j: onFailure(0), restarts: 0, want: false },
    { j: onFailure(0), restarts: 1, want: true },
    { j: onFailure(3), restarts: 2, want: false },
    { j: onFailure(3), restarts: 3, want: true },
    { j: job({ backoffLimit: 0 }), restarts: 5, want: false },
  ];
  it.each(rows)('limit $j.spec.backoffLimit restarts $restarts', ({ j, restarts, want }) => {
    expect(pastBackoffLimitOnFailure(j, [pod('Running', { restarts })])).toBe(want);
  });
});
