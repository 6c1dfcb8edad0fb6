import { describe, expect, it } from 'vitest';
import { ordinalOf } from '../../../../src/engine/controllers/statefulset/identity';
import { reconcileStatefulSet, type Revisions } from '../../../../src/engine/controllers/statefulset/reconcile';
import type { StatefulSetView } from '../../../../src/engine/controllers/statefulset/identity';
import type { PodView } from '../../../../src/engine/controllers/replicaset/pods';

const NOW = Date.parse('2025-01-01T00:10:00Z');
const REV: Revisions = { current: 'web-old', update: 'web-new', currentTemplate: { spec: { v: 'old' } }, updateTemplate: { spec: { v: 'new' } } };
const SAME: Revisions = { ...REV, current: 'web-new' };

function set(spec: Partial<StatefulSetView['spec']> = {}): StatefulSetView {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default', uid: 'su', generation: 1 }, spec: { replicas: 3, podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, ...spec } };
}

/** `web-0:R:new` = Running+Ready at revision web-new; P = Pending; F = Failed; D = deleting. */
function pods(spec: string): PodView[] {
  if (!spec) return [];
  return spec.split(' ').map((s) => {
    const [name, st, rev] = s.split(':');
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { 'controller-revision-hash': `web-${rev}` }, ...(st === 'D' ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
      status: { phase: st === 'R' || st === 'D' ? 'Running' : st === 'F' ? 'Failed' : 'Pending', conditions: [{ type: 'Ready', status: st === 'R' || st === 'D' ? 'True' : 'False' }] },
    } as PodView;
  });
}

describe('reconcileStatefulSet', () => {
  const rows: Array<{ name: string; set: StatefulSetView; pods: string; rev?: Revisions; want: { create: string[]; del: string[] } }> = [
    { name: 'OrderedReady creates web-0 only', set: set(), pods: '', want: { create: ['web-0'], del: [] } },
    { name: 'waits for web-0 to be ready', set: set(), pods: 'web-0:P:new', want: { create: [], del: [] } },
    { name: 'then web-1', set: set(), pods: 'web-0:R:new', want: { create: ['web-1'], del: [] } },
    { name: 'Parallel creates all', set: set({ podManagementPolicy: 'Parallel' }), pods: '', want: { create: ['web-0', 'web-1', 'web-2'], del: [] } },
    { name: 'Parallel fills holes', set: set({ podManagementPolicy: 'Parallel' }), pods: 'web-1:P:new', want: { create: ['web-0', 'web-2'], del: [] } },
    { name: 'failed pod is deleted for recreation', set: set(), pods: 'web-0:F:new', want: { create: [], del: ['web-0'] } },
    { name: 'scale down from the top', set: set({ replicas: 1 }), pods: 'web-0:R:new web-1:R:new web-2:R:new', want: { create: [], del: ['web-2'] } },
    { name: 'scale down waits for the terminating one', set: set({ replicas: 1 }), pods: 'web-0:R:new web-1:R:new web-2:D:new', want: { create: [], del: [] } },
    { name: 'Parallel scale down deletes all condemned', set: set({ replicas: 1, podManagementPolicy: 'Parallel' }), pods: 'web-0:R:new web-1:R:new web-2:R:new', want: { create: [], del: ['web-2', 'web-1'] } },
    { name: 'rolling update starts at the highest ordinal', set: set(), pods: 'web-0:R:old web-1:R:old web-2:R:old', rev: REV, want: { create: [], del: ['web-2'] } },
    { name: 'rolling update continues down', set: set(), pods: 'web-0:R:old web-1:R:old web-2:R:new', rev: REV, want: { create: [], del: ['web-1'] } },
    { name: 'rolling update waits for readiness', set: set(), pods: 'web-0:R:old web-1:R:old web-2:P:new', rev: REV, want: { create: [], del: [] } },
    { name: 'partition stops the update', set: set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }), pods: 'web-0:R:old web-1:R:old web-2:R:new', rev: REV, want: { create: [], del: [] } },
    { name: 'OnDelete never deletes', set: set({ updateStrategy: { type: 'OnDelete' } }), pods: 'web-0:R:old web-1:R:old web-2:R:old', rev: REV, want: { create: [], del: [] } },
  ];
  it.each(rows)('$name', ({ set: s, pods: p, rev, want }) => {
    const plan = reconcileStatefulSet(s, pods(p), new Set(), rev ?? SAME, NOW);
    expect(plan.createPods.map((x) => x.metadata.name)).toEqual(want.create);
    expect(plan.deletePods.map((x) => x.metadata.name)).toEqual(want.del);
  });

  it('below the partition a recreated pod keeps the current revision', () => {
    const s = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    const plan = reconcileStatefulSet(s, pods('web-1:R:old web-2:R:new'), new Set(), REV, NOW);
    expect(plan.createPods[0].metadata.labels?.['controller-revision-hash']).toBe('web-old');
    expect(plan.createPods[0].spec).toMatchObject({ v: 'old', hostname: 'web-0' });
  });

  it('status in StatefulSetStatus order, current revision moves when all are updated', () => {
    const st = reconcileStatefulSet(set(), pods('web-0:R:new web-1:R:new web-2:R:new'), new Set(), REV, NOW).status;
    expect(Object.keys(st)).toEqual(['observedGeneration', 'replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'currentRevision', 'updateRevision', 'collisionCount', 'availableReplicas']);
    expect(st).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, currentRevision: 'web-new' });
    const mid = reconcileStatefulSet(set(), pods('web-0:R:old web-1:R:old web-2:R:new'), new Set(), REV, NOW).status;
    expect(mid).toMatchObject({ currentReplicas: 2, updatedReplicas: 1, currentRevision: 'web-old', updateRevision: 'web-new' });
  });
});

describe('ordinalOf', () => {
  const rows = [
    { set: 'web', pod: 'web-0', want: 0 },
    { set: 'web', pod: 'web-12', want: 12 },
    { set: 'web', pod: 'web-01', want: -1 },
    { set: 'web', pod: 'web-x', want: -1 },
    { set: 'web', pod: 'webapp-1', want: -1 },
    { set: 'my-web', pod: 'my-web-3', want: 3 },
  ];
  it.each(rows)('$pod', ({ set: s, pod, want }) => expect(ordinalOf(s, pod)).toBe(want));
});
