// Table tests for the DaemonSet placement predicates, the node pin, rounding and the revision hash.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { nodeShouldRunDaemonPod, pinToNode, targetNodeName, daemonTolerations } from '../../../../src/engine/controllers/daemonset/placement';
import { scaledUp } from '../../../../src/engine/controllers/daemonset/reconcile';
import { computeHash } from '../../../../src/engine/controllers/daemonset/revision';

const node = (labels: Record<string, string>, taints: unknown[] = []): KObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels }, spec: { taints } });
const base = { tolerations: daemonTolerations(false) };

describe('nodeShouldRunDaemonPod', () => {
  const rows: { spec: Record<string, unknown>; node: KObject; want: [boolean, boolean] }[] = [
    { spec: base, node: node({}), want: [true, true] },
    { spec: { ...base, nodeSelector: { a: 'b' } }, node: node({ a: 'b' }), want: [true, true] },
    { spec: { ...base, nodeSelector: { a: 'b' } }, node: node({ a: 'c' }), want: [false, false] },
    { spec: { ...base, nodeName: 'other' }, node: node({}), want: [false, false] },
    { spec: base, node: node({}, [{ key: 'x', effect: 'NoSchedule' }]), want: [false, true] },
    { spec: base, node: node({}, [{ key: 'x', effect: 'NoExecute' }]), want: [false, false] },
    { spec: base, node: node({}, [{ key: 'x', effect: 'PreferNoSchedule' }]), want: [true, true] },
    { spec: base, node: node({}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), want: [true, true] },
    { spec: base, node: node({}, [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]), want: [true, true] },
    { spec: base, node: node({}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), want: [false, true] },
    { spec: { tolerations: daemonTolerations(true) }, node: node({}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), want: [true, true] },
    { spec: { ...base, tolerations: [{ operator: 'Exists' }] }, node: node({}, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]), want: [true, true] },
    {
      spec: { ...base, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }] } } } },
      node: node({ zone: 'b' }),
      want: [true, true],
    },
    {
      spec: { ...base, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }] } } } },
      node: node({ zone: 'a' }),
      want: [false, false],
    },
    {
      spec: { ...base, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }] } } } },
      node: node({ cores: '8' }),
      want: [true, true],
    },
    {
      spec: { ...base, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }] } } } },
      node: node({}),
      want: [false, false],
    },
  ];
  it.each(rows)('row %#', ({ spec, node, want }) => {
    const r = nodeShouldRunDaemonPod(spec, node);
    expect([r.shouldRun, r.shouldContinueRunning]).toEqual(want);
  });
});

describe('pinToNode / targetNodeName', () => {
  const rows: { affinity: Record<string, unknown> | undefined; want: unknown }[] = [
    { affinity: undefined, want: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } } },
    {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }] } } },
      want: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } },
    },
    {
      affinity: { podAntiAffinity: { x: 1 } },
      want: { podAntiAffinity: { x: 1 }, nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } },
    },
  ];
  it.each(rows)('row %#', ({ affinity, want }) => {
    const a = pinToNode(affinity, 'n1');
    expect(a).toEqual(want);
    expect(targetNodeName({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { affinity: a } })).toBe('n1');
  });
  it('prefers spec.nodeName', () => expect(targetNodeName({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { nodeName: 'x' } })).toBe('x'));
});

describe('scaledUp', () => {
  const rows: { v: unknown; total: number; want: number }[] = [
    { v: 1, total: 10, want: 1 },
    { v: '25%', total: 10, want: 3 },
    { v: '10%', total: 3, want: 1 },
    { v: '0%', total: 5, want: 0 },
    { v: '100%', total: 7, want: 7 },
    { v: '50%', total: 5, want: 3 },
  ];
  it.each(rows)('$v of $total -> $want', ({ v, total, want }) => expect(scaledUp(v, total)).toBe(want));
});

describe('computeHash', () => {
  it('is stable, key-order independent, and changes with content or collision count', () => {
    const a = computeHash({ spec: { containers: [{ image: 'a', name: 'c' }] }, metadata: { labels: { x: '1' } } });
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(computeHash({ metadata: { labels: { x: '1' } }, spec: { containers: [{ name: 'c', image: 'a' }] } })).toBe(a);
    expect(computeHash({ spec: { containers: [{ image: 'b', name: 'c' }] }, metadata: { labels: { x: '1' } } })).not.toBe(a);
    expect(computeHash({ spec: { containers: [{ image: 'a', name: 'c' }] }, metadata: { labels: { x: '1' } } }, 1)).not.toBe(a);
  });
});
