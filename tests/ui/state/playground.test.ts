// The page's mirror of the change feed: which batches replace the object map (every component
// deriving from it recomputes then) and which only move the clock or report a save.
import { describe, expect, it } from 'vitest';
import { Playground } from '../../../src/ui/state/playground.svelte';
import type { FeedBatch, ObjectView } from '../../../src/worker/protocol';

const clock = (now: number) => ({ now, speed: 1, paused: false });
const node = (uid: string, status = 'Ready'): ObjectView => ({ kind: 'Node', uid, name: uid, created: 0, labels: {}, ready: 'True', status, roles: [], controlPlane: false, unschedulable: false, taints: [], cpu: '4', memory: '8Gi' });
const batch = (b: Partial<FeedBatch>): FeedBatch => ({ reset: false, clock: clock(1000), upserts: [], deletes: [], ...b });

describe('Playground.applyBatch', () => {
  it('keeps the same object map for a batch that only moves the clock or reports a save', () => {
    const pg = new Playground({} as never);
    pg.applyBatch(batch({ reset: true, upserts: [node('a')] }));
    const before = pg.objects;
    pg.applyBatch(batch({ clock: clock(1250) }));
    pg.applyBatch(batch({ clock: clock(1500), storage: { state: 'saved', at: 1 } }));
    expect(pg.objects).toBe(before);
    expect(pg.clock.now).toBe(1500);
    expect(pg.storage).toEqual({ state: 'saved', at: 1 });
  });

  it('replaces the map when objects change, are deleted, or on a reset', () => {
    const pg = new Playground({} as never);
    pg.applyBatch(batch({ reset: true, upserts: [node('a'), node('b')] }));
    const first = pg.objects;
    pg.applyBatch(batch({ upserts: [node('a', 'NotReady')] }));
    expect(pg.objects).not.toBe(first);
    expect((pg.objects.get('a') as { status: string }).status).toBe('NotReady');
    const second = pg.objects;
    pg.applyBatch(batch({ deletes: ['b'] }));
    expect(pg.objects).not.toBe(second);
    expect([...pg.objects.keys()]).toEqual(['a']);
    const third = pg.objects;
    pg.applyBatch(batch({ reset: true }));
    expect(pg.objects).not.toBe(third);
    expect(pg.objects.size).toBe(0);
  });
});
