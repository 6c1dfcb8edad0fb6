import { describe, expect, it } from 'vitest';
import { Clock, Random } from '../../src/engine/clock';

describe('Clock', () => {
  it('runs zero-delay tasks after what is already due at the same instant, in (time, sequence) order', () => {
    const c = new Clock(0);
    const seen: string[] = [];
    c.schedule(10, () => {
      seen.push('a');
      c.schedule(0, () => {
        seen.push('d');
        c.schedule(0, () => seen.push('f'));
      });
    });
    c.schedule(10, () => {
      seen.push('b');
      c.schedule(0, () => seen.push('e'));
    });
    c.schedule(0, () => seen.push('z'));
    const cancelled = c.schedule(0, () => seen.push('never'));
    cancelled.cancel();
    c.schedule(11, () => seen.push('later'));
    c.advance(10);
    expect(seen).toEqual(['z', 'a', 'b', 'd', 'e', 'f']);
    expect(c.nextEventTime()).toBe(11);
    c.advance(1);
    expect(seen.at(-1)).toBe('later');
    expect(c.nextEventTime()).toBeUndefined();
  });

  it('runs due tasks in (time, sequence) order and lands on the target time', () => {
    const c = new Clock(1000);
    const seen: string[] = [];
    c.schedule(50, () => seen.push(`b@${c.now()}`));
    c.schedule(10, () => seen.push(`a@${c.now()}`));
    c.schedule(50, () => seen.push(`c@${c.now()}`));
    c.schedule(200, () => seen.push('late'));
    c.advance(100);
    expect(seen).toEqual(['a@1010', 'b@1050', 'c@1050']);
    expect(c.now()).toBe(1100);
    expect(c.nextEventTime()).toBe(1200);
  });

  it('runs tasks scheduled by tasks inside the window, and skips cancelled ones', () => {
    const c = new Clock(0);
    const seen: number[] = [];
    const h = c.schedule(5, () => seen.push(-1));
    c.schedule(10, () => {
      seen.push(c.now());
      c.schedule(10, () => seen.push(c.now()));
    });
    h.cancel();
    c.advance(25);
    expect(seen).toEqual([10, 20]);
    expect(c.nextEventTime()).toBeUndefined();
  });

  it('gives the same result advancing at once or in small steps', () => {
    const run = (steps: number[]) => {
      const c = new Clock(0);
      const seen: number[] = [];
      const tick = () => {
        seen.push(c.now());
        if (c.now() < 30_000) c.schedule(1_700, tick);
      };
      c.schedule(0, tick);
      for (const s of steps) c.advance(s);
      return seen;
    };
    expect(run([30_000])).toEqual(run(Array(600).fill(50)));
  });
});

describe('Random', () => {
  it('is deterministic for a seed and resumable from its state', () => {
    const a = new Random(42);
    const b = new Random(42);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    const saved = a.state();
    const next = a.nextUint32();
    expect(new Random(saved).nextUint32()).toBe(next);
    expect(new Random(43).nextUint32()).not.toBe(xs[0]);
  });

  it('fillCodes makes the same draws as intn per character', () => {
    const a = new Random(11);
    const b = new Random(11);
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    const codes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    a.fillCodes(codes, 2, 9, alphabet);
    const expected = [0, 0, ...Array.from({ length: 7 }, () => alphabet.charCodeAt(b.intn(alphabet.length))), 0];
    expect(codes).toEqual(expected);
    expect(a.state()).toEqual(b.state());
  });

  it('draws names from the alphabet, roughly uniformly', () => {
    const r = new Random(7);
    const counts = new Map<string, number>();
    for (let i = 0; i < 27_000; i++) {
      const ch = r.string(1, 'abc');
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    for (const ch of 'abc') expect(counts.get(ch)).toBeGreaterThan(8_500);
  });
});
