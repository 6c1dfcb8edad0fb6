// Tables ported from upstream sync_test.go TestScale (proportional scaling) and rolling_test.go
// (reconcileNewReplicaSet, scale-down bounds), run on plain objects through DeploymentPlan.

import { describe, expect, it } from 'vitest';
import { DeploymentPlan } from '../../../../src/engine/controllers/deployment/plan';
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from '../../../../src/engine/controllers/deployment/rolling';
import { scale } from '../../../../src/engine/controllers/deployment/sync';
import { maxSurge, setReplicasAnnotations } from '../../../../src/engine/controllers/deployment/util';
import { reconcileDeployment } from '../../../../src/engine/controllers/deployment/reconcile';
import { dep, rs } from './fixtures';

const OLDER = '2025-01-01T00:00:00Z';
const OLD = '2025-01-01T00:01:00Z';
const NEW = '2025-01-01T00:02:00Z';

interface ScaleRow {
  name: string;
  replicas: number;
  surge?: number;
  oldReplicas: number;
  oldSurge?: number;
  newRS?: [string, number];
  olds: Array<[string, number, string]>;
  wantNew?: number;
  wantOld: number[];
}

const rows: ScaleRow[] = [
  { name: 'normal scaling event: 10 -> 12', replicas: 12, oldReplicas: 10, newRS: ['foo-v1', 10], olds: [], wantNew: 12, wantOld: [] },
  { name: 'normal scaling event: 10 -> 5', replicas: 5, oldReplicas: 10, newRS: ['foo-v1', 10], olds: [], wantNew: 5, wantOld: [] },
  { name: 'proportional scaling: 5 -> 10', replicas: 10, oldReplicas: 5, newRS: ['foo-v2', 2], olds: [['foo-v1', 3, OLD]], wantNew: 4, wantOld: [6] },
  { name: 'proportional scaling: 5 -> 3', replicas: 3, oldReplicas: 5, newRS: ['foo-v2', 2], olds: [['foo-v1', 3, OLD]], wantNew: 1, wantOld: [2] },
  { name: 'proportional scaling: 9 -> 4', replicas: 4, oldReplicas: 9, newRS: ['foo-v2', 8], olds: [['foo-v1', 1, OLD]], wantNew: 4, wantOld: [0] },
  { name: 'proportional scaling: 7 -> 10', replicas: 10, oldReplicas: 7, newRS: ['foo-v3', 2], olds: [['foo-v2', 3, OLD], ['foo-v1', 2, OLDER]], wantNew: 3, wantOld: [4, 3] },
  { name: 'proportional scaling: 13 -> 8', replicas: 8, oldReplicas: 13, newRS: ['foo-v3', 2], olds: [['foo-v2', 8, OLD], ['foo-v1', 3, OLDER]], wantNew: 1, wantOld: [5, 2] },
  { name: 'leftover distribution: 3 -> 4', replicas: 4, oldReplicas: 3, newRS: ['foo-v3', 1], olds: [['foo-v2', 1, OLD], ['foo-v1', 1, OLDER]], wantNew: 2, wantOld: [1, 1] },
  { name: 'leftover distribution: 3 -> 2', replicas: 2, oldReplicas: 3, newRS: ['foo-v3', 1], olds: [['foo-v2', 1, OLD], ['foo-v1', 1, OLDER]], wantNew: 1, wantOld: [1, 0] },
  { name: 'proportional scaling (no new rs): 4 -> 5', replicas: 5, oldReplicas: 4, olds: [['foo-v2', 2, OLD], ['foo-v1', 2, OLDER]], wantOld: [3, 2] },
  { name: 'proportional scaling: 6 -> 0', replicas: 0, oldReplicas: 6, newRS: ['foo-v3', 3], olds: [['foo-v2', 2, OLD], ['foo-v1', 1, OLDER]], wantNew: 0, wantOld: [0, 0] },
  { name: 'proportional scaling: 0 -> 6', replicas: 6, oldReplicas: 0, newRS: ['foo-v3', 0], olds: [['foo-v2', 0, OLD], ['foo-v1', 0, OLDER]], wantNew: 6, wantOld: [0, 0] },
  { name: 'deployment with surge pods', replicas: 20, surge: 2, oldReplicas: 10, oldSurge: 2, newRS: ['foo-v2', 6], olds: [['foo-v1', 6, OLD]], wantNew: 11, wantOld: [11] },
  { name: 'change both surge and size', replicas: 50, surge: 6, oldReplicas: 10, oldSurge: 3, newRS: ['foo-v2', 5], olds: [['foo-v1', 8, OLD]], wantNew: 22, wantOld: [34] },
];

describe('scale (sync_test TestScale)', () => {
  for (const r of rows) {
    it(r.name, () => {
      const d = dep(r.replicas, r.surge ?? 0, 0);
      const oldD = dep(r.oldReplicas, r.oldSurge ?? 0, 0);
      const annotate = (x: ReturnType<typeof rs>) => setReplicasAnnotations(x, r.oldReplicas, r.oldReplicas + maxSurge(oldD));
      const newRS = r.newRS ? rs(r.newRS[0], r.newRS[1], NEW) : undefined;
      if (newRS) annotate(newRS);
      const olds = r.olds.map(([n, size, t]) => {
        const x = rs(n, size, t);
        annotate(x);
        return x;
      });
      const p = new DeploymentPlan(d, Date.parse(NEW) + 60_000);
      scale(p, newRS, olds);
      if (newRS) expect(newRS.spec.replicas).toBe(r.wantNew);
      expect(olds.map((o) => o.spec.replicas)).toEqual(r.wantOld);
    });
  }

  it('records ScalingReplicaSet events in v1.32 wording', () => {
    const d = dep(10, 0, 0);
    const newRS = rs('foo-v2', 2, NEW);
    const old = rs('foo-v1', 3, OLD);
    setReplicasAnnotations(newRS, 5, 5);
    setReplicasAnnotations(old, 5, 5);
    const p = new DeploymentPlan(d, 0);
    scale(p, newRS, [old]);
    expect(p.actions.filter((a) => a.type === 'event').map((a) => (a as { message: string }).message)).toEqual([
      'Scaled up replica set foo-v1 from 3 to 6',
      'Scaled up replica set foo-v2 from 2 to 4',
    ]);
  });
});

describe('reconcileNewReplicaSet (rolling_test)', () => {
  const table = [
    { replicas: 10, surge: 0, old: 10, neu: 0, scaled: false, want: 0 },
    { replicas: 10, surge: 2, old: 10, neu: 0, scaled: true, want: 2 },
    { replicas: 10, surge: 2, old: 5, neu: 0, scaled: true, want: 7 },
    { replicas: 10, surge: 2, old: 10, neu: 2, scaled: false, want: 2 },
    { replicas: 2, surge: 0, old: 2, neu: 4, scaled: true, want: 2 },
  ];
  for (const t of table) {
    it(`${t.replicas} replicas surge ${t.surge}: old ${t.old} new ${t.neu} -> ${t.want}`, () => {
      const d = dep(t.replicas, t.surge, 0);
      const newRS = rs('foo-v2', t.neu, NEW);
      const oldRS = rs('foo-v1', t.old, OLD);
      const p = new DeploymentPlan(d, 0);
      expect(reconcileNewReplicaSet(p, [newRS, oldRS], newRS)).toBe(t.scaled);
      expect(newRS.spec.replicas).toBe(t.want);
    });
  }
});

describe('reconcileOldReplicaSets', () => {
  // [replicas, maxUnavailable, old size, old available, new size, new available] -> old size after
  const table: Array<{ name: string; d: [number, number, number]; old: [number, number]; neu: [number, number]; want: number; scaled: boolean }> = [
    { name: 'worked example: new pods never available, nothing more goes', d: [10, 3, 2], old: [8, 8], neu: [5, 0], want: 8, scaled: false },
    { name: 'rollback: broken new RS pods do not block scaling old available ones beyond minAvailable', d: [10, 3, 2], old: [10, 10], neu: [3, 3], want: 5, scaled: true },
    { name: 'unhealthy old replicas are cleaned up first, within maxScaledDown (10 - 8 - 0 = 2)', d: [10, 0, 2], old: [10, 6], neu: [0, 0], want: 8, scaled: true },
    { name: 'maxUnavailable 0: one new available lets one old go', d: [3, 1, 0], old: [3, 3], neu: [1, 1], want: 2, scaled: true },
    { name: 'maxUnavailable 0: new not yet available', d: [3, 1, 0], old: [3, 3], neu: [1, 0], want: 3, scaled: false },
  ];
  for (const t of table) {
    it(t.name, () => {
      const d = dep(t.d[0], t.d[1], t.d[2]);
      const oldRS = rs('foo-v1', t.old[0], OLD, t.old[1]);
      const newRS = rs('foo-v2', t.neu[0], NEW, t.neu[1]);
      const p = new DeploymentPlan(d, 0);
      expect(reconcileOldReplicaSets(p, [oldRS, newRS], [oldRS], newRS)).toBe(t.scaled);
      expect(oldRS.spec.replicas).toBe(t.want);
    });
  }
});

describe('reconcileDeployment', () => {
  it('a change of replicas and template at once scales the old RS first, then rolls', () => {
    const d = dep(5, 1, 1);
    d.spec.template!.spec = { containers: [{ name: 'c', image: 'httpd' }] };
    const old = rs('foo-v1', 3, OLD, 3);
    old.spec.template = { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    old.metadata.annotations = { 'deployment.kubernetes.io/revision': '1' };
    setReplicasAnnotations(old, 3, 4);
    const first = reconcileDeployment(d, [old], new Map(), 0);
    expect(first.actions.filter((a) => a.type === 'createReplicaSet')).toHaveLength(0);
    const upd = first.actions.find((a) => a.type === 'updateReplicaSet') as { rs: { spec: { replicas: number } } };
    expect(upd.rs.spec.replicas).toBe(5);
    expect(first.actions.find((a) => a.type === 'event')).toMatchObject({ message: 'Scaled up replica set foo-v1 from 3 to 5' });
    // Next sync (old RS at 5, annotated 5/6): the rollout creates the new RS within the surge.
    const old2 = { ...old, spec: { ...old.spec, replicas: 5 }, status: { replicas: 5, availableReplicas: 5 } };
    setReplicasAnnotations(old2, 5, 6);
    const second = reconcileDeployment(first.deployment, [old2], new Map(), 0);
    const created = second.actions.find((a) => a.type === 'createReplicaSet') as { rs: { spec: { replicas: number }; metadata: { annotations: Record<string, string> } } };
    expect(created.rs.spec.replicas).toBe(1);
    expect(created.rs.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('a paused Deployment is scaled but never rolled', () => {
    const d = dep(3, 1, 0);
    d.spec.paused = true;
    d.spec.progressDeadlineSeconds = 600;
    d.spec.template!.spec = { containers: [{ name: 'c', image: 'httpd' }] };
    const old = rs('foo-v1', 3, OLD, 3);
    setReplicasAnnotations(old, 3, 4);
    const r = reconcileDeployment(d, [old], new Map(), 0);
    expect(r.actions.some((a) => a.type === 'createReplicaSet')).toBe(false);
    expect(r.deployment.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
  });

  it('cleans up old ReplicaSets beyond revisionHistoryLimit, oldest revision first', () => {
    const d = dep(1, 1, 0);
    d.spec.revisionHistoryLimit = 1;
    const cur = rs('foo-v3', 1, NEW, 1);
    cur.spec.template = d.spec.template;
    cur.metadata.annotations = { 'deployment.kubernetes.io/revision': '3' };
    setReplicasAnnotations(cur, 1, 2);
    const olds = ['1', '2'].map((n, i) => {
      const o = rs(`foo-v${n}`, 0, i ? OLD : OLDER);
      o.spec.template = { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'c', image: `v${n}` }] } };
      o.metadata.annotations = { 'deployment.kubernetes.io/revision': n };
      return o;
    });
    d.status = { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 };
    const r = reconcileDeployment(d, [cur, ...olds], new Map(), 0);
    expect(r.actions.filter((a) => a.type === 'deleteReplicaSet').map((a) => (a as { rs: { metadata: { name: string } } }).rs.metadata.name)).toEqual(['foo-v1']);
  });
});
