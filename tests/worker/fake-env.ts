// A hand-driven real-time source for worker tests: `advance(ms)` moves the fake wall clock and
// runs the timers that fall due, in order (like vitest's fake timers, but injected).

import type { TimeSource } from '../../src/worker/clock-driver';

export class FakeTime implements TimeSource {
  private now = 0;
  private seq = 0;
  private timers: { at: number; seq: number; fn: () => void; cancelled: boolean }[] = [];

  wallNow(): number {
    return this.now;
  }

  schedule(fn: () => void, ms: number): () => void {
    const t = { at: this.now + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(t);
    return () => void (t.cancelled = true);
  }

  /** Moves the wall clock without running timers (a throttled background tab). */
  jump(ms: number): void {
    this.now += ms;
  }

  /** Moves the wall clock forward, running due timers (and the promise jobs they start) in order. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      this.now = Math.max(this.now, due.at);
      due.fn();
      await flushPromises();
    }
    this.now = end;
    await flushPromises();
  }
}

export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((r) => setImmediate(r));
}
