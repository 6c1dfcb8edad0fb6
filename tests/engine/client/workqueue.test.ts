// The work queue processes keys in first-added order, once per pass even when added again while
// waiting, and keys added during a pass run in that same pass.
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../src/engine/clock';
import { WorkQueue } from '../../../src/engine/client/workqueue';

describe('WorkQueue order', () => {
  it('dedups waiting keys, keeps their first place, and runs keys added mid-pass', () => {
    const clock = new Clock(0);
    const seen: string[] = [];
    const q: WorkQueue = new WorkQueue(clock, (k) => {
      seen.push(k);
      if (k === 'b') q.add('a');
    });
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
    expect(q.length).toBe(3);
    clock.settle();
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
    expect(q.length).toBe(0);
  });

  it('keeps order across thousands of keys (the array compaction path)', () => {
    const clock = new Clock(0);
    const seen: number[] = [];
    const q: WorkQueue = new WorkQueue(clock, (k) => {
      const n = Number(k);
      seen.push(n);
      if (n < 3000) q.add(String(n + 3000));
    });
    for (let i = 0; i < 3000; i++) q.add(String(i));
    clock.settle();
    expect(seen).toEqual(Array.from({ length: 6000 }, (_, i) => i));
  });
});
