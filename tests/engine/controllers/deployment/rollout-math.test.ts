// Integration: rollout invariants sampled every 100 ms of simulated time (issue 3 "Rollout math"),
// the never-ready steady state and the progress deadline.

import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../../src/engine/cluster';
import { deployment, deploymentCluster, getDeploy, isReady, pods, readyColumns, replicaSets } from './cluster';

function rollTo(c: Cluster, name: string, image: string): void {
  c.client.patch(c.type('apps', 'Deployment'), 'default', name, { spec: { template: { spec: { containers: [{ name: 'c', image }] } } } });
}

/** Samples the pods every 100 ms for `ms`: max live pods, min ready pods, old+new overlap (terminating included). */
function sample(c: Cluster, ms: number, oldImage: string): { maxPods: number; minReady: number; overlap: boolean } {
  let maxPods = 0;
  let minReady = Infinity;
  let overlap = false;
  for (let t = 0; t < ms; t += 100) {
    c.advance(100);
    const ps = pods(c);
    // Terminating pods are not counted against maxSurge upstream (v1.32), so not here either.
    maxPods = Math.max(maxPods, ps.filter((p) => !p.metadata.deletionTimestamp).length);
    minReady = Math.min(minReady, ps.filter(isReady).length);
    const images = new Set(ps.map((p) => (p.spec as { containers: Array<{ image: string }> }).containers[0].image));
    if (images.size > 1 && images.has(oldImage)) overlap = true;
  }
  return { maxPods, minReady, overlap };
}

const rows = [
  { replicas: 10, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } }, maxPods: 13, minReady: 8 },
  { replicas: 4, strategy: undefined, maxPods: 5, minReady: 3 },
  { replicas: 1, strategy: undefined, maxPods: 2, minReady: 1 },
  { replicas: 10, strategy: undefined, maxPods: 13, minReady: 8 },
];

describe('rolling update bounds', () => {
  for (const row of rows) {
    it(`${row.replicas} replicas ${JSON.stringify(row.strategy ?? '25%/25%')}: <= ${row.maxPods} pods, >= ${row.minReady} ready`, () => {
      const c = deploymentCluster({ readyMs: 1500, terminateMs: 700 });
      c.client.create(c.type('apps', 'Deployment'), deployment('web', { replicas: row.replicas, strategy: row.strategy }));
      c.advance(10_000);
      expect(readyColumns(c, 'web')).toBe(`${row.replicas}/${row.replicas} ${row.replicas} ${row.replicas}`);
      rollTo(c, 'web', 'httpd');
      const s = sample(c, 60_000, 'nginx:1.7.9');
      expect(s.maxPods).toBeLessThanOrEqual(row.maxPods);
      expect(s.maxPods).toBe(row.maxPods);
      expect(s.minReady).toBeGreaterThanOrEqual(row.minReady);
      expect(readyColumns(c, 'web')).toBe(`${row.replicas}/${row.replicas} ${row.replicas} ${row.replicas}`);
      expect(pods(c).every((p) => (p.spec as { containers: Array<{ image: string }> }).containers[0].image === 'httpd')).toBe(true);
    });
  }

  it('Recreate never runs old and new pods together', () => {
    const c = deploymentCluster({ readyMs: 1500, terminateMs: 700 });
    c.client.create(c.type('apps', 'Deployment'), deployment('web', { replicas: 4, strategy: { type: 'Recreate' } }));
    c.advance(10_000);
    rollTo(c, 'web', 'httpd');
    const s = sample(c, 30_000, 'nginx:1.7.9');
    expect(s.overlap).toBe(false);
    expect(s.minReady).toBe(0);
    expect(readyColumns(c, 'web')).toBe('4/4 4 4');
    const newRS = replicaSets(c).find((r) => (r.spec as { replicas: number }).replicas === 4)!;
    expect(newRS.metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('4');
  });
});

describe('a never-ready image', () => {
  const cases = [
    { replicas: 10, strategy: undefined, want: '8/10 5 8', old: 8, neu: 5 },
    { replicas: 4, strategy: undefined, want: '3/4 2 3', old: 3, neu: 2 },
    { replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '10%' } }, want: '2/3 1 2', old: 2, neu: 1 },
  ];
  for (const k of cases) {
    it(`holds at ${k.want} and times out after progressDeadlineSeconds`, () => {
      const c = deploymentCluster({ readyMs: 1000 });
      c.client.create(c.type('apps', 'Deployment'), deployment('web', { replicas: k.replicas, strategy: k.strategy }));
      c.advance(10_000);
      rollTo(c, 'web', 'bad');
      c.advance(30_000);
      expect(readyColumns(c, 'web')).toBe(k.want);
      const sizes = replicaSets(c)
        .map((r) => (r.spec as { replicas: number }).replicas)
        .sort((a, b) => b - a);
      expect(sizes).toEqual([k.old, k.neu]);
      const st = getDeploy(c, 'web').status as { replicas: number; unavailableReplicas: number; conditions: Array<{ type: string; status: string; reason: string }> };
      expect(st.replicas).toBe(k.old + k.neu);
      expect(st.unavailableReplicas).toBe(k.old + k.neu - k.old);
      expect(st.conditions.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
      c.advance(600_000);
      const after = getDeploy(c, 'web').status as typeof st;
      expect(after.conditions.map((x) => [x.type, x.status, x.reason])).toEqual([
        ['Available', 'True', 'MinimumReplicasAvailable'],
        ['Progressing', 'False', 'ProgressDeadlineExceeded'],
      ]);
      expect(readyColumns(c, 'web')).toBe(k.want);
    });
  }
});
