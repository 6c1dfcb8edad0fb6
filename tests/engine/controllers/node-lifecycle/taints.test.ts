// Table tests for toleration matching (ported as facts from core/v1 toleration_test.go and the taint
// eviction controller's getMinTolerationTime) and the node lifecycle's pure decisions.

import { describe, expect, it } from 'vitest';
import { matchingTolerations, minTolerationMs, swapTaints, toleratesTaint, type Taint, type Toleration } from '../../../../src/engine/controllers/node-lifecycle/taints';
import { computeZoneState, markNodeStatusUnknown, noExecuteAction, reconcileNoScheduleTaints } from '../../../../src/engine/controllers/node-lifecycle/health';
import { evictionPlan } from '../../../../src/engine/controllers/node-lifecycle/taint-eviction';
import type { KObject } from '../../../../src/engine/api/types';

const taint: Taint = { key: 'foo', value: 'bar', effect: 'NoSchedule' };

describe('toleratesTaint', () => {
  const rows: { t: Toleration; want: boolean }[] = [
    { t: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }, want: true },
    { t: { key: 'foo', value: 'bar', effect: 'NoSchedule' }, want: true },
    { t: { key: 'foo', operator: 'Exists', effect: 'NoSchedule' }, want: true },
    { t: { operator: 'Exists' }, want: true },
    { t: { key: 'foo', operator: 'Exists' }, want: true },
    { t: { key: 'foo', operator: 'Equal', value: 'baz', effect: 'NoSchedule' }, want: false },
    { t: { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoExecute' }, want: false },
    { t: { key: 'other', operator: 'Exists' }, want: false },
    { t: { key: 'foo', operator: 'Equal', value: 'bar' }, want: true },
    { t: { operator: 'Exists', effect: 'NoExecute' }, want: false },
    { t: { key: 'foo', operator: 'Bogus', value: 'bar' }, want: false },
  ];
  it.each(rows)('$t -> $want', ({ t, want }) => expect(toleratesTaint(t, taint)).toBe(want));
});

describe('matchingTolerations / minTolerationMs', () => {
  const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
  const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
  const rows: { taints: Taint[]; tols: Toleration[]; ok: boolean; min: number }[] = [
    { taints: [unreachable], tols: [], ok: false, min: -1 },
    { taints: [unreachable], tols: [{ key: unreachable.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], ok: true, min: 300_000 },
    { taints: [unreachable], tols: [{ operator: 'Exists' }], ok: true, min: -1 },
    { taints: [unreachable, notReady], tols: [{ key: unreachable.key, operator: 'Exists', tolerationSeconds: 300 }], ok: false, min: -1 },
    { taints: [unreachable, notReady], tols: [{ key: unreachable.key, operator: 'Exists', tolerationSeconds: 300 }, { key: notReady.key, operator: 'Exists', tolerationSeconds: 60 }], ok: true, min: 60_000 },
    { taints: [unreachable], tols: [{ key: unreachable.key, operator: 'Exists', tolerationSeconds: -5 }], ok: true, min: 0 },
  ];
  it.each(rows)('row %#', ({ taints, tols, ok, min }) => {
    const m = matchingTolerations(taints, tols);
    expect(m.ok).toBe(ok);
    if (ok) expect(minTolerationMs(m.used)).toBe(min);
  });
});

describe('evictionPlan', () => {
  const pod = (tolerations: Toleration[]): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { tolerations } });
  const T = Date.UTC(2025, 0, 1);
  const u = (timeAdded?: string): Taint => ({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded });
  const rows: { pod: KObject; taints: Taint[]; want: unknown }[] = [
    { pod: pod([]), taints: [], want: { kind: 'keep' } },
    { pod: pod([]), taints: [{ key: 'x', effect: 'NoSchedule' }], want: { kind: 'keep' } },
    { pod: pod([]), taints: [u('2025-01-01T00:00:00Z')], want: { kind: 'evict', at: T + 1000 } },
    { pod: pod([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]), taints: [u('2025-01-01T00:00:00Z')], want: { kind: 'evict', at: T + 300_000 } },
    { pod: pod([{ operator: 'Exists' }]), taints: [u('2025-01-01T00:00:00Z')], want: { kind: 'keep' } },
    { pod: pod([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 30 }]), taints: [u()], want: { kind: 'evict', at: T + 1000 + 30_000 } },
  ];
  it.each(rows)('row %#', ({ pod, taints, want }) => expect(evictionPlan(pod, taints, T + 1000)).toEqual(want));
});

function node(conds: [string, string][], taints: Taint[] = [], unschedulable = false): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { taints, ...(unschedulable ? { unschedulable } : {}) },
    status: { conditions: conds.map(([type, status]) => ({ type, status, reason: 'R', message: 'M', lastHeartbeatTime: 'H', lastTransitionTime: 'T' })) },
  };
}

describe('reconcileNoScheduleTaints', () => {
  const now = '2025-01-01T00:01:00Z';
  const keys = (t: Taint[] | undefined) => t?.map((x) => `${x.key}:${x.effect}`);
  const rows: { node: KObject; want: string[] | undefined }[] = [
    { node: node([['Ready', 'True']]), want: undefined },
    { node: node([['Ready', 'Unknown']]), want: ['node.kubernetes.io/unreachable:NoSchedule'] },
    { node: node([['Ready', 'False']]), want: ['node.kubernetes.io/not-ready:NoSchedule'] },
    { node: node([['Ready', 'True'], ['MemoryPressure', 'True'], ['DiskPressure', 'True'], ['PIDPressure', 'True']]), want: ['node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/disk-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule'] },
    { node: node([['Ready', 'True']], [], true), want: ['node.kubernetes.io/unschedulable:NoSchedule'] },
    { node: node([['Ready', 'True']], [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]), want: [] },
    { node: node([['Ready', 'True']], [{ key: 'custom', effect: 'NoSchedule' }]), want: undefined },
    { node: node([['Ready', 'False']], [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]), want: ['node-role.kubernetes.io/control-plane:NoSchedule', 'node.kubernetes.io/not-ready:NoSchedule'] },
  ];
  it.each(rows)('row %#', ({ node, want }) => expect(keys(reconcileNoScheduleTaints(node, now))).toEqual(want));
  it('stamps timeAdded on what it adds', () => {
    expect(reconcileNoScheduleTaints(node([['Ready', 'Unknown']]), now)).toEqual([{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: now }]);
  });
});

describe('noExecuteAction', () => {
  const un = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
  const nr = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
  const rows: { taints: Taint[]; ready: string; want: unknown }[] = [
    { taints: [], ready: 'True', want: { kind: 'none' } },
    { taints: [un], ready: 'True', want: { kind: 'untaint' } },
    { taints: [], ready: 'Unknown', want: { kind: 'taint', add: un, remove: nr, immediate: false } },
    { taints: [nr], ready: 'Unknown', want: { kind: 'taint', add: un, remove: nr, immediate: true } },
    { taints: [un], ready: 'Unknown', want: { kind: 'none' } },
    { taints: [], ready: 'False', want: { kind: 'taint', add: nr, remove: un, immediate: false } },
    { taints: [un], ready: 'False', want: { kind: 'taint', add: nr, remove: un, immediate: true } },
  ];
  it.each(rows)('row %#', ({ taints, ready, want }) => expect(noExecuteAction(node([['Ready', ready]], taints), ready)).toEqual(want));
});

describe('computeZoneState', () => {
  const rows: { s: (string | undefined)[]; want: string }[] = [
    { s: ['True', 'True', 'True', 'True'], want: 'Normal' },
    { s: ['True', 'True', 'True', 'Unknown'], want: 'Normal' },
    { s: ['True', 'False', 'Unknown'], want: 'Normal' },
    { s: ['True', 'False', 'Unknown', 'Unknown'], want: 'PartialDisruption' },
    { s: ['True', 'True', 'False', 'Unknown', 'Unknown'], want: 'PartialDisruption' },
    { s: ['True', 'True', 'True', 'False', 'Unknown', 'Unknown'], want: 'Normal' },
    { s: ['Unknown', undefined], want: 'FullDisruption' },
    { s: [], want: 'Normal' },
  ];
  it.each(rows)('$s -> $want', ({ s, want }) => expect(computeZoneState(s).state).toBe(want));
});

describe('markNodeStatusUnknown / swapTaints', () => {
  it('sets every monitored condition Unknown, keeps heartbeats, adds missing ones as never updated', () => {
    const n = markNodeStatusUnknown(node([['Ready', 'True'], ['MemoryPressure', 'False'], ['NetworkUnavailable', 'False']]), 'NOW')!;
    const conds = (n.status as { conditions: Record<string, string>[] }).conditions;
    expect(conds.map((c) => [c.type, c.status, c.reason, c.lastHeartbeatTime, c.lastTransitionTime])).toEqual([
      ['Ready', 'Unknown', 'NodeStatusUnknown', 'H', 'NOW'],
      ['MemoryPressure', 'Unknown', 'NodeStatusUnknown', 'H', 'NOW'],
      ['NetworkUnavailable', 'False', 'R', 'H', 'T'],
      ['DiskPressure', 'Unknown', 'NodeStatusNeverUpdated', '2025-01-01T00:00:00Z', 'NOW'],
      ['PIDPressure', 'Unknown', 'NodeStatusNeverUpdated', '2025-01-01T00:00:00Z', 'NOW'],
    ]);
    expect(markNodeStatusUnknown(n, 'LATER')).toBeUndefined();
  });
  it('swaps without touching what is already there', () => {
    const a = { key: 'a', effect: 'NoExecute', timeAdded: 'OLD' };
    expect(swapTaints([a], [{ key: 'a', effect: 'NoExecute' }], [], 'NOW')).toBeUndefined();
    expect(swapTaints([a], [{ key: 'b', effect: 'NoExecute' }], [a], 'NOW')).toEqual([{ key: 'b', effect: 'NoExecute', timeAdded: 'NOW' }]);
  });
});
