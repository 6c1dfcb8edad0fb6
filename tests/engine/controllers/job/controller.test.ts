import { describe, expect, it } from 'vitest';
import { jobControllerFactory } from '../../../../src/engine/controllers/job';
import { eventsOf, fullCluster, get, jobManifest, list, podLog } from './cluster';

describe('Job controller in a full cluster', () => {
  it('runs busybox echo to completion (1/1) and keeps its logs', () => {
    const c = fullCluster(jobControllerFactory);
    c.client.create(c.type('batch', 'Job'), jobManifest('hello', ['sh', '-c', 'echo done']));
    c.advance(60_000);
    const job = get(c, 'batch', 'Job', 'hello')!;
    const st = job.status as Record<string, unknown>;
    expect(st.succeeded).toBe(1);
    expect((st.conditions as Array<{ type: string }>).map((x) => x.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(st.completionTime).toBeDefined();
    expect(st.uncountedTerminatedPods).toEqual({});
    const pods = list(c, '', 'Pod').filter((p) => p.metadata.labels?.['job-name'] === 'hello');
    expect(pods).toHaveLength(1);
    expect(pods[0].metadata.name).toMatch(/^hello-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods[0].metadata.finalizers ?? []).toEqual([]);
    expect(pods[0].metadata.labels?.['batch.kubernetes.io/job-name']).toBe('hello');
    expect(podLog(c, pods[0].metadata.name!)).toBe('done\n');
    expect(eventsOf(c, 'hello')).toEqual([`SuccessfulCreate Created pod: ${pods[0].metadata.name}`, 'Completed Job completed']);
  });

  it('a failing job stops at backoffLimit with BackoffLimitExceeded', () => {
    const c = fullCluster(jobControllerFactory);
    c.client.create(c.type('batch', 'Job'), jobManifest('fail', ['sh', '-c', 'exit 1'], { backoffLimit: 2 }));
    c.advance(10 * 60_000);
    const st = get(c, 'batch', 'Job', 'fail')!.status as Record<string, unknown>;
    expect(st.failed).toBe(3);
    const conds = st.conditions as Array<{ type: string; reason: string; message: string }>;
    expect(conds.map((x) => `${x.type}/${x.reason}`)).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
    expect(conds[1].message).toBe('Job has reached the specified backoff limit');
    const pods = list(c, '', 'Pod').filter((p) => p.metadata.labels?.['job-name'] === 'fail');
    expect(pods).toHaveLength(3);
    expect(eventsOf(c, 'fail').at(-1)).toBe('BackoffLimitExceeded Job has reached the specified backoff limit');
  });

  it('waits 10 s then 20 s before re-creating failed pods', () => {
    const c = fullCluster(jobControllerFactory);
    c.client.create(c.type('batch', 'Job'), jobManifest('slow', ['sh', '-c', 'exit 1'], { backoffLimit: 5 }));
    const created = () => list(c, '', 'Pod').filter((p) => p.metadata.labels?.['job-name'] === 'slow').map((p) => Date.parse(p.metadata.creationTimestamp!));
    c.advance(120_000);
    const times = created().sort((a, b) => a - b);
    expect(times.length).toBeGreaterThanOrEqual(3);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(10_000);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(20_000);
  });

  it('deletes a finished job after ttlSecondsAfterFinished', () => {
    const c = fullCluster(jobControllerFactory);
    c.client.create(c.type('batch', 'Job'), jobManifest('ttl', ['sh', '-c', 'echo hi'], { ttlSecondsAfterFinished: 30 }));
    c.advance(20_000);
    expect(get(c, 'batch', 'Job', 'ttl')).toBeDefined();
    c.advance(60_000);
    expect(get(c, 'batch', 'Job', 'ttl')).toBeUndefined();
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds', () => {
    const c = fullCluster(jobControllerFactory);
    c.client.create(c.type('batch', 'Job'), jobManifest('dl', ['sh', '-c', 'sleep 3600'], { activeDeadlineSeconds: 20 }));
    c.advance(90_000);
    const st = get(c, 'batch', 'Job', 'dl')!.status as Record<string, unknown>;
    expect((st.conditions as Array<{ type: string; reason: string }>).map((x) => `${x.type}/${x.reason}`)).toEqual(['FailureTarget/DeadlineExceeded', 'Failed/DeadlineExceeded']);
    expect(st.active).toBeUndefined();
  });

  it('runs completions 3 with parallelism 2', () => {
    const c = fullCluster(jobControllerFactory);
    c.client.create(c.type('batch', 'Job'), jobManifest('par', ['sh', '-c', 'echo x'], { completions: 3, parallelism: 2 }));
    c.advance(120_000);
    const st = get(c, 'batch', 'Job', 'par')!.status as Record<string, unknown>;
    expect(st.succeeded).toBe(3);
    expect(list(c, '', 'Pod').filter((p) => p.metadata.labels?.['job-name'] === 'par')).toHaveLength(3);
  });
});
