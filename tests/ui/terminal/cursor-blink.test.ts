// The terminal cursor's blink: hidden every other half second while focused, shown at once (and
// for a full phase) when the user types or the cursor moves, steady and timer-free when blurred.
import { describe, expect, it } from 'vitest';
import { BLINK_PHASE_MS, CursorBlinker, type BlinkTimers } from '../../../src/ui/terminal/cursor-blink';

function fakeTimers() {
  const live = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const timers: BlinkTimers = {
    setInterval: (fn, ms) => (live.set(++next, { fn, ms }), next),
    clearInterval: (id) => void live.delete(id as number),
  };
  const tick = () => [...live.values()].forEach((t) => t.fn());
  return { timers, live, tick };
}

describe('CursorBlinker', () => {
  it('alternates hidden and shown every phase while focused', () => {
    const { timers, live, tick } = fakeTimers();
    const shown: boolean[] = [];
    const b = new CursorBlinker((v) => shown.push(v), timers);
    b.restart();
    expect([...live.values()].map((t) => t.ms)).toEqual([BLINK_PHASE_MS]);
    tick();
    tick();
    tick();
    expect(shown).toEqual([false, true, false]);
  });

  it('shows the cursor at once and starts a fresh phase when restarted (typing)', () => {
    const { timers, live, tick } = fakeTimers();
    const shown: boolean[] = [];
    const b = new CursorBlinker((v) => shown.push(v), timers);
    b.restart();
    tick();
    b.restart();
    expect(shown).toEqual([false, true]);
    expect(live.size).toBe(1);
  });

  it('stops with the cursor shown and no timer left', () => {
    const { timers, live, tick } = fakeTimers();
    const shown: boolean[] = [];
    const b = new CursorBlinker((v) => shown.push(v), timers);
    b.restart();
    tick();
    b.stop();
    expect(shown).toEqual([false, true]);
    expect(live.size).toBe(0);
    b.stop();
    expect(shown).toEqual([false, true]);
  });
});
