// Tables for the pure ReplicaSet functions: deletion ranking (controller_utils_test.go
// TestSortingActivePodsWithRanks facts), slow-start batches, diff and status.

import { describe, expect, it } from 'vitest';
import type { PodView, ReplicaSetView } from '../../../../src/engine/controllers/replicaset/pods';
import { deleteBefore, logRankDiff, podsToDelete } from '../../../../src/engine/controllers/replicaset/ranking';
import { calculateReplicaSetStatus, podFromTemplate, ReplicaCounts, reconcileReplicaSet, replicaSetStatusToWrite, slowStartBatches } from '../../../../src/engine/controllers/replicaset/reconcile';
import { Expectations } from '../../../../src/engine/controllers/expectations';

const NOW = Date.parse('2025-01-01T12:00:00Z');
const T = (s: number) => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');

interface PodOpts {
  node?: string;
  phase?: string;
  ready?: number; // seconds ago it became ready
  created?: number; // seconds ago
  restarts?: number;
  cost?: string;
  uid?: string;
  labels?: Record<string, string>;
}

function pod(name: string, o: PodOpts = {}): PodView {
  const conditions = o.ready !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: T(o.ready) }] : [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: o.uid ?? name,
      creationTimestamp: o.created !== undefined ? T(o.created) : T(1000),
      labels: o.labels ?? { app: 'web' },
      ...(o.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
    },
    spec: { nodeName: o.node ?? '' },
    status: { phase: o.phase ?? 'Running', conditions, containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0 }] },
  };
}

describe('deletion ranking (ActivePodsWithRanks.Less)', () => {
  const rows: Array<{ name: string; a: PodView; b: PodView; ra?: number; rb?: number }> = [
    { name: 'unassigned < assigned', a: pod('a', { phase: 'Pending' }), b: pod('b', { node: 'n1', phase: 'Pending' }) },
    { name: 'Pending < Unknown', a: pod('a', { node: 'n', phase: 'Pending' }), b: pod('b', { node: 'n', phase: 'Unknown' }) },
    { name: 'Unknown < Running', a: pod('a', { node: 'n', phase: 'Unknown' }), b: pod('b', { node: 'n', phase: 'Running' }) },
    { name: 'not ready < ready', a: pod('a', { node: 'n' }), b: pod('b', { node: 'n', ready: 100 }) },
    { name: 'lower deletion cost < higher', a: pod('a', { node: 'n', ready: 100, cost: '-10' }), b: pod('b', { node: 'n', ready: 100, cost: '5' }) },
    { name: 'invalid deletion cost counts as 0', a: pod('a', { node: 'n', ready: 100, cost: 'x' }), b: pod('b', { node: 'n', ready: 100, cost: '1' }) },
    { name: 'doubled up < not doubled up', a: pod('a', { node: 'n1', ready: 100 }), b: pod('b', { node: 'n2', ready: 100 }), ra: 2, rb: 1 },
    { name: 'ready for less time < more (different log2 bucket)', a: pod('a', { node: 'n', ready: 10 }), b: pod('b', { node: 'n', ready: 1000 }) },
    { name: 'same log2 bucket of ready time: uid order', a: pod('a', { node: 'n', ready: 10, uid: '1' }), b: pod('b', { node: 'n', ready: 11, uid: '2' }) },
    { name: 'more restarts < fewer', a: pod('a', { node: 'n', ready: 100, restarts: 3 }), b: pod('b', { node: 'n', ready: 100, restarts: 1 }) },
    { name: 'newer < older', a: pod('a', { node: 'n', created: 10 }), b: pod('b', { node: 'n', created: 10000 }) },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const A = { pod: r.a, rank: r.ra ?? 0 };
      const B = { pod: r.b, rank: r.rb ?? 0 };
      expect(deleteBefore(A, B, NOW)).toBe(true);
      expect(deleteBefore(B, A, NOW)).toBe(false);
    });
  }
  it('equal pods are not ordered', () => {
    const p = pod('a', { node: 'n', ready: 100 });
    expect(deleteBefore({ pod: p, rank: 0 }, { pod: p, rank: 0 }, NOW)).toBe(false);
  });
  it('logRankDiff buckets by powers of two of nanoseconds', () => {
    expect(logRankDiff(NOW - 3000, NOW - 3500, NOW)).toBe(0);
    expect(logRankDiff(NOW - 1000, NOW - 5000, NOW)).toBeLessThan(0);
    expect(logRankDiff(NOW, NOW - 1, NOW)).toBeLessThan(0);
  });
  it('podsToDelete prefers pods doubled up on a node with related pods', () => {
    const a = pod('a', { node: 'n1', ready: 100 });
    const b = pod('b', { node: 'n2', ready: 100 });
    const sibling = pod('s', { node: 'n2', ready: 100 });
    expect(podsToDelete([a, b], [a, b, sibling], 1, NOW).map((p) => p.metadata.name)).toEqual(['b']);
  });
});

describe('manageReplicas decisions', () => {
  const rs = (replicas: number): ReplicaSetView => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default', uid: 'rs-uid', generation: 2 },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [] } } },
    status: { replicas: 0, observedGeneration: 1 },
  });
  const table = [
    { replicas: 3, have: 0, create: 3, del: 0 },
    { replicas: 3, have: 3, create: 0, del: 0 },
    { replicas: 1, have: 3, create: 0, del: 2 },
    { replicas: 10000, have: 0, create: 500, del: 0 },
    { replicas: 0, have: 700, create: 0, del: 500 },
  ];
  for (const t of table) {
    it(`replicas ${t.replicas} with ${t.have} pods`, () => {
      const pods = Array.from({ length: t.have }, (_, i) => pod(`p${i}`, { node: 'n' }));
      const plan = reconcileReplicaSet(rs(t.replicas), pods, pods, NOW);
      expect(plan.create).toBe(t.create);
      expect(plan.delete).toHaveLength(t.del);
    });
  }
  const batches = [
    { n: 0, want: [] },
    { n: 1, want: [1] },
    { n: 3, want: [1, 2] },
    { n: 10, want: [1, 2, 4, 3] },
    { n: 500, want: [1, 2, 4, 8, 16, 32, 64, 128, 245] },
  ];
  for (const b of batches) it(`slow start batches of ${b.n}`, () => expect(slowStartBatches(b.n)).toEqual(b.want));

  it('the pod from the template', () => {
    expect(podFromTemplate(rs(1))).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: 'web-',
        namespace: 'default',
        labels: { app: 'web', tier: 'fe' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
      },
      spec: { containers: [] },
    });
  });

  it('status counts, fully labeled, ReplicaFailure and observedGeneration', () => {
    const r = rs(3);
    const pods = [pod('a', { ready: 100, labels: { app: 'web', tier: 'fe' } }), pod('b', { ready: 1, labels: { app: 'web' } }), pod('c', { labels: { app: 'web', tier: 'fe' } })];
    r.spec.minReadySeconds = 10;
    const st = calculateReplicaSetStatus(r, pods, 'pods "x" is forbidden', NOW);
    expect(st).toMatchObject({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1 });
    expect(st.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: T(0), message: 'pods "x" is forbidden' }]);
    const w = replicaSetStatusToWrite(r, st)!;
    expect(Object.keys(w)).toEqual(['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration', 'conditions']);
    expect(w.observedGeneration).toBe(2);
    const healed = calculateReplicaSetStatus({ ...r, status: st }, pods, undefined, NOW);
    expect(healed.conditions).toBeUndefined();
    const steady = { ...r, metadata: { ...r.metadata, generation: 1 }, status: { replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 1 } };
    expect(replicaSetStatusToWrite(steady, calculateReplicaSetStatus(steady, pods, undefined, NOW))).toBeUndefined();
  });

  it('counts gathered pod by pod (as claiming does) give the same status', () => {
    const r = rs(3);
    r.spec.minReadySeconds = 10;
    const pods = [pod('a', { ready: 100, labels: { app: 'web', tier: 'fe' } }), pod('b', { ready: 1, labels: { app: 'web' } }), pod('c', { labels: { app: 'web', tier: 'fe' } })];
    const counts = new ReplicaCounts(r, NOW);
    for (const p of pods) counts.add(p);
    expect({ fully: counts.fully, ready: counts.ready, available: counts.available }).toEqual({ fully: 2, ready: 2, available: 1 });
    expect(calculateReplicaSetStatus(r, pods, undefined, NOW, counts)).toEqual(calculateReplicaSetStatus(r, pods, undefined, NOW));
  });
});

describe('expectations', () => {
  it('satisfied when fulfilled or expired; deletions counted once per pod', () => {
    let now = 0;
    const e = new Expectations(() => now);
    expect(e.satisfied('k')).toBe(true);
    e.expectCreations('k', 2);
    expect(e.satisfied('k')).toBe(false);
    e.creationObserved('k');
    e.creationObserved('k');
    expect(e.satisfied('k')).toBe(true);
    e.expectDeletions('k', ['ns/a', 'ns/b']);
    e.deletionObserved('k', 'ns/a');
    e.deletionObserved('k', 'ns/a');
    expect(e.pending('k')).toEqual([0, 1]);
    expect(e.satisfied('k')).toBe(false);
    now = 5 * 60 * 1000 + 1;
    expect(e.satisfied('k')).toBe(true);
  });
});
