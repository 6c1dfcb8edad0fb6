// Change-feed batches coalesced per frame, and several batches applied to the mirror as one.
import { describe, expect, it } from 'vitest';
import { FRAME_FALLBACK_MS, frameQueue, type FrameScheduler } from '../../../src/ui/state/frame-queue';
import { Playground } from '../../../src/ui/state/playground.svelte';
import type { FeedBatch, ObjectView } from '../../../src/worker/protocol';
import { pod } from '../map/fixtures';

/** A scheduler the test drives: frames and timeouts fire when told. */
function manual() {
  const frames = new Set<() => void>();
  const timers = new Map<() => void, number>();
  const s: FrameScheduler = {
    frame(cb) {
      frames.add(cb);
      return () => frames.delete(cb);
    },
    timeout(cb, ms) {
      timers.set(cb, ms);
      return () => timers.delete(cb);
    },
  };
  return { s, frame: () => [...frames].forEach((f) => f()), timeout: () => [...timers.keys()].forEach((f) => f()), timers };
}

describe('frameQueue', () => {
  it('hands what arrived between two frames over once, in order, on the next frame', () => {
    const m = manual();
    const got: number[][] = [];
    const push = frameQueue<number>((xs) => got.push(xs), m.s);
    push(1);
    push(2);
    push(3);
    expect(got).toEqual([]);
    m.frame();
    expect(got).toEqual([[1, 2, 3]]);
    m.frame();
    expect(got).toEqual([[1, 2, 3]]);
    push(4);
    m.frame();
    expect(got).toEqual([[1, 2, 3], [4]]);
  });

  it('flushes after the fallback delay when no frame comes (hidden tab)', () => {
    const m = manual();
    const got: string[][] = [];
    const push = frameQueue<string>((xs) => got.push(xs), m.s);
    push('a');
    expect([...m.timers.values()]).toEqual([FRAME_FALLBACK_MS]);
    m.timeout();
    expect(got).toEqual([['a']]);
    // The frame that comes later has nothing left to apply.
    m.frame();
    expect(got).toEqual([['a']]);
  });
});

const clock = (now: number) => ({ now, speed: 1, paused: false });
const batch = (b: Partial<FeedBatch>): FeedBatch => ({ reset: false, clock: clock(0), upserts: [], deletes: [], ...b });

describe('Playground.applyBatches', () => {
  const a = pod('a', { status: 'Pending' });
  const b = pod('b', { status: 'Running' });
  const c = pod('c');

  it('gives the same mirror and change rows as applying the batches one by one', () => {
    const batches: FeedBatch[] = [
      batch({ reset: true, upserts: [a, b] }),
      batch({ clock: clock(1000), upserts: [{ ...a, status: 'Running' } as ObjectView, c] }),
      batch({ clock: clock(2000), deletes: [b.uid], filesChanged: true }),
      batch({ clock: clock(3000), upserts: [{ ...c, status: 'Terminating' } as ObjectView], filesChanged: true }),
    ];
    const one = new Playground({} as never);
    for (const x of batches) one.applyBatch(x);
    const all = new Playground({} as never);
    all.applyBatches(batches);
    expect([...all.objects.entries()]).toEqual([...one.objects.entries()]);
    expect(all.changes).toEqual(one.changes);
    expect(all.changes.map((r) => `${r.reason} ${r.object}`)).toEqual(['StatusChanged pod/a', 'Created pod/c', 'Deleted pod/b', 'StatusChanged pod/c']);
    expect(all.clock.now).toBe(3000);
    expect(all.filesVersion).toBe(1);
  });

  it('starts over from the last reset batch in the group', () => {
    const pg = new Playground({} as never);
    pg.applyBatch(batch({ reset: true, upserts: [a] }));
    pg.applyBatches([batch({ upserts: [b] }), batch({ reset: true, upserts: [c] }), batch({ upserts: [{ ...c, status: 'Terminating' } as ObjectView] })]);
    expect([...pg.objects.keys()]).toEqual([c.uid]);
    expect(pg.changes.map((r) => r.reason)).toEqual(['StatusChanged']);
  });
});
