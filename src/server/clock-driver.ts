// Drives the simulated clock in real time x speed: a timer advances the cluster by the wall time
// elapsed since the last tick, times the speed (0 pauses); explicit advances jump ahead.
import type { Cluster } from '../engine/cluster';
import { rfc3339 } from '../engine/util/time';

/** What GET /kubeplay/v1/clock answers. */
export interface ClockReport {
  /** Simulated now, RFC 3339. */
  now: string;
  /** Simulated now in ms since the epoch. */
  nowMs: number;
  speed: number;
}

/** Advances a cluster's clock from the wall clock; `wallNow` is injectable for tests. */
export class ClockDriver {
  private last: number;
  private carry = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly cluster: Cluster,
    private speedValue: number,
    private readonly wallNow: () => number = Date.now,
  ) {
    this.last = wallNow();
  }

  get speed(): number {
    return this.speedValue;
  }

  /** Moves simulated time by the wall time since the last tick times the speed (whole ms; the rest carries over). */
  tick(): void {
    const now = this.wallNow();
    const want = (now - this.last) * this.speedValue + this.carry;
    this.last = now;
    const ms = Math.floor(want);
    this.carry = want - ms;
    if (ms > 0) this.cluster.advance(ms);
    else this.cluster.settle();
  }

  /** Changes the speed (0 pauses), first accounting the time elapsed at the old speed. */
  setSpeed(value: number): void {
    this.tick();
    this.speedValue = value;
    this.carry = 0;
  }

  /** Jumps simulated time ahead by `ms`, running everything due on the way. */
  advance(ms: number): void {
    this.tick();
    this.cluster.advance(ms);
  }

  report(): ClockReport {
    const nowMs = this.cluster.clock.now();
    return { now: rfc3339(nowMs), nowMs, speed: this.speedValue };
  }

  start(tickMs: number): void {
    this.stop();
    this.last = this.wallNow();
    this.timer = setInterval(() => this.tick(), tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
