// Drives the engine's virtual clock in real time times a speed factor (the browser's time
// controls): ticks about every 50 ms with the real time elapsed, pause/play, single steps, a jump
// to the next event, and waits that resolve when the *driven* clock reaches an instant.

import type { ClockState } from './protocol';

/** What the driver needs from the engine clock (Clock satisfies it). */
export interface DrivenClock {
  now(): number;
  runUntil(target: number): void;
  nextEventTime(): number | undefined;
}

/** Real time and timers, injected so tests drive them by hand. */
export interface TimeSource {
  /** Real milliseconds (performance.now in the worker). */
  wallNow(): number;
  /** Runs `fn` after `ms` real milliseconds; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
}

export const TICK_MS = 50;
/**
 * Real time one tick may account for at most. A hidden tab's timers are throttled to once a
 * minute; catching a minute up at 60x in one go would freeze the worker, so the simulation
 * slows down instead (a real cluster would not wait, but a learner does not notice).
 */
export const MAX_TICK_REAL_MS = 1000;

interface Waiter {
  target: number;
  resolve: () => void;
}

export class ClockDriver {
  private speed = 1;
  private paused = false;
  private lastWall = 0;
  private cancelTick: (() => void) | undefined;
  private waiters: Waiter[] = [];
  private disposed = false;

  /**
   * @param onAdvance called after every advance of the clock (tick, step, skip).
   * @param onState called when speed or pause changes.
   */
  constructor(
    private clock: DrivenClock,
    private readonly time: TimeSource,
    private readonly hooks: { onAdvance?: () => void; onState?: () => void } = {},
  ) {}

  state(): ClockState {
    return { now: this.clock.now(), speed: this.speed, paused: this.paused };
  }

  /** Starts ticking (unless paused). */
  start(): void {
    if (this.disposed || this.paused || this.cancelTick) return;
    this.lastWall = this.time.wallNow();
    this.scheduleTick();
  }

  /** Points the driver at another cluster's clock (reset, import); waits on the old one are dropped. */
  retarget(clock: DrivenClock): void {
    this.clock = clock;
    this.waiters = [];
    this.lastWall = this.time.wallNow();
  }

  play(): void {
    if (!this.paused) return;
    this.paused = false;
    this.hooks.onState?.();
    this.start();
  }

  pause(): void {
    if (this.paused) return;
    // Account for the real time since the last tick, so pausing keeps what was already shown.
    this.tick();
    this.paused = true;
    this.cancelTick?.();
    this.cancelTick = undefined;
    this.hooks.onState?.();
  }

  isPaused(): boolean {
    return this.paused;
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`invalid speed ${speed}`);
    if (speed === this.speed) return;
    // Time so far ran at the old speed.
    if (!this.paused) this.tick();
    this.speed = speed;
    this.hooks.onState?.();
  }

  /** Advances simulated time by `ms` at once (the step button; also works while paused). */
  step(ms: number): void {
    this.advanceTo(this.clock.now() + Math.max(0, ms));
  }

  /** Jumps to the next scheduled event; nothing happens when the queue is empty. */
  skipToNextEvent(): void {
    const next = this.clock.nextEventTime();
    if (next === undefined) return;
    this.advanceTo(Math.max(next, this.clock.now()));
  }

  /** Resolves once the driven clock has reached `target` (at once when it already has). */
  waitUntil(target: number): Promise<void> {
    if (this.clock.now() >= target) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ target, resolve }));
  }

  /** Drops a pending wait (the command waiting was interrupted). */
  cancelWaits(filter: (target: number) => boolean = () => true): void {
    this.waiters = this.waiters.filter((w) => !filter(w.target));
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTick?.();
    this.cancelTick = undefined;
    this.waiters = [];
  }

  private scheduleTick(): void {
    this.cancelTick = this.time.schedule(() => {
      this.cancelTick = undefined;
      if (this.disposed || this.paused) return;
      this.tick();
      this.scheduleTick();
    }, TICK_MS);
  }

  /** Advances by the real time since the last tick times the speed. */
  private tick(): void {
    const wall = this.time.wallNow();
    const elapsed = Math.min(Math.max(0, wall - this.lastWall), MAX_TICK_REAL_MS);
    this.lastWall = wall;
    if (this.paused || elapsed === 0) return;
    // Whole milliseconds keep simulated instants (and so journals) integral.
    const target = this.clock.now() + Math.round(elapsed * this.speed);
    this.advanceTo(target);
  }

  private advanceTo(target: number): void {
    this.clock.runUntil(target);
    const now = this.clock.now();
    const due = this.waiters.filter((w) => w.target <= now);
    if (due.length) {
      this.waiters = this.waiters.filter((w) => w.target > now);
      for (const w of due) w.resolve();
    }
    this.hooks.onAdvance?.();
  }
}
