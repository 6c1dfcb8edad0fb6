import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { cronJobControllerFactory } from '../../../../src/engine/controllers/cronjob';
import { jobControllerFactory } from '../../../../src/engine/controllers/job';
import { eventsOf, fullCluster, get, list } from '../job/cluster';

function cronJob(name: string, schedule: string, extra: Record<string, unknown> = {}, command = ['sh', '-c', 'date']): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: { schedule, ...extra, jobTemplate: { metadata: { name }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name, image: 'busybox', command }] } } } } },
  } as KObject;
}

describe('CronJob controller in a full cluster', () => {
  it('creates a job each minute named <cj>-<unix minutes>, keeps 3 successful', () => {
    const c = fullCluster(jobControllerFactory, cronJobControllerFactory);
    c.client.create(c.type('batch', 'CronJob'), cronJob('tick', '*/1 * * * *'));
    const t0 = c.clock.now();
    c.advance(5 * 60_000 + 30_000);
    const jobs = list(c, 'batch', 'Job').map((j) => j.metadata.name!).sort();
    const firstMinute = Math.floor(t0 / 60_000) + 1;
    expect(jobs).toEqual([`tick-${firstMinute + 2}`, `tick-${firstMinute + 3}`, `tick-${firstMinute + 4}`]);
    const st = get(c, 'batch', 'CronJob', 'tick')!.status as Record<string, unknown>;
    expect(st.lastScheduleTime).toBe(new Date((firstMinute + 4) * 60_000).toISOString().replace('.000', ''));
    expect(st.lastSuccessfulTime).toBeDefined();
    expect(st.active).toBeUndefined();
    const ev = eventsOf(c, 'tick');
    expect(ev).toContain(`SuccessfulCreate Created job tick-${firstMinute}`);
    expect(ev).toContain(`SawCompletedJob Saw completed job: tick-${firstMinute}, condition: Complete`);
    expect(ev).toContain(`SuccessfulDelete Deleted job tick-${firstMinute}`);
    const job = get(c, 'batch', 'Job', `tick-${firstMinute + 4}`)!;
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(st.lastScheduleTime);
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
  });

  it('Forbid skips runs while one is active; suspend stops scheduling', () => {
    const c = fullCluster(jobControllerFactory, cronJobControllerFactory);
    c.client.create(c.type('batch', 'CronJob'), cronJob('busy', '*/1 * * * *', { concurrencyPolicy: 'Forbid' }, ['sh', '-c', 'sleep 3600']));
    c.advance(3 * 60_000 + 30_000);
    expect(list(c, 'batch', 'Job')).toHaveLength(1);
    const st = get(c, 'batch', 'CronJob', 'busy')!.status as { active: Array<{ name: string }> };
    expect(st.active).toHaveLength(1);
  });

  it('Replace deletes the running job for the new one', () => {
    const c = fullCluster(jobControllerFactory, cronJobControllerFactory);
    c.client.create(c.type('batch', 'CronJob'), cronJob('rep', '*/1 * * * *', { concurrencyPolicy: 'Replace' }, ['sh', '-c', 'sleep 3600']));
    c.advance(2 * 60_000 + 30_000);
    const live = list(c, 'batch', 'Job').filter((j) => !j.metadata.deletionTimestamp);
    expect(live).toHaveLength(1);
    expect(eventsOf(c, 'rep').filter((e) => e.startsWith('SuccessfulDelete'))).toHaveLength(1);
  });

  it('a suspended CronJob creates nothing', () => {
    const c = fullCluster(jobControllerFactory, cronJobControllerFactory);
    c.client.create(c.type('batch', 'CronJob'), cronJob('off', '*/1 * * * *', { suspend: true }));
    c.advance(3 * 60_000);
    expect(list(c, 'batch', 'Job')).toHaveLength(0);
  });
});
