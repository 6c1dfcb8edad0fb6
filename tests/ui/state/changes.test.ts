// Object changes reported on the timeline from consecutive feed batches.
import { describe, expect, it } from 'vitest';
import { changesOf, describeChange } from '../../../src/ui/state/changes';
import type { ObjectView } from '../../../src/worker/protocol';
import { event, node, pod, service } from '../map/fixtures';

const withStatus = <T extends ObjectView>(v: T, o: Partial<T>): T => ({ ...v, ...o });

describe('describeChange', () => {
  const p = pod('web-1');
  const n = node('w1');
  const s = service('web', { type: 'LoadBalancer' });
  const rows: [string, ObjectView, ObjectView, { reason: string; message: string } | undefined][] = [
    ['pod status', withStatus(p, { status: 'Pending' }), withStatus(p, { status: 'ContainerCreating' }), { reason: 'StatusChanged', message: 'Pending → ContainerCreating' }],
    ['pod same status', withStatus(p, { status: 'Running' }), withStatus(p, { status: 'Running', restarts: 1 }), undefined],
    ['node not ready', withStatus(n, { status: 'Ready' }), withStatus(n, { status: 'NotReady' }), { reason: 'StatusChanged', message: 'Ready → NotReady' }],
    ['lb address', s, withStatus(s, { externalAddress: '203.0.113.5' }), { reason: 'AddressAssigned', message: 'address 203.0.113.5' }],
    ['lb unchanged', withStatus(s, { externalAddress: '203.0.113.5' }), withStatus(s, { externalAddress: '203.0.113.5' }), undefined],
  ];
  for (const [name, before, after, want] of rows) it(name, () => expect(describeChange(before, after)).toEqual(want));
});

describe('changesOf', () => {
  it('reports creations, moves and deletions, never Events themselves', () => {
    let seq = 0;
    const a = withStatus(pod('a'), { status: 'Pending' });
    const b = withStatus(pod('b'), { status: 'Running' });
    const prev = new Map<string, ObjectView>([[a.uid, a], [b.uid, b]]);
    const c = pod('c');
    const rows = changesOf(prev, [withStatus(a, { status: 'Running' }), c, event('e1')], [b.uid], 1000, () => ++seq);
    expect(rows.map((r) => [r.reason, r.object, r.message, r.type, r.last])).toEqual([
      ['StatusChanged', 'pod/a', 'Pending → Running', 'Change', 1000],
      ['Created', 'pod/c', 'Pod created', 'Change', 1000],
      ['Deleted', 'pod/b', 'Pod deleted', 'Change', 1000],
    ]);
    expect(new Set(rows.map((r) => r.uid)).size).toBe(3);
  });
});
