// Per-key exponential back-off as client-go util/flowcontrol.Backoff works for the kubelet:
// image pulls and container restarts both start at 10 s and double to 5 min; an entry untouched
// for twice the maximum (10 min) starts over, which is why a container that ran 10 minutes
// crash-loops from 10 s again.

/** The kubelet's back-off shape (pkg/kubelet: backOffPeriod 10 s, MaxContainerBackOff 300 s). */
export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export class Backoff {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = INITIAL_BACKOFF_MS,
    private readonly maxMs = MAX_BACKOFF_MS,
  ) {}

  /** The current back-off of `key` (0 when none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /**
   * Records one more failure at `now`: 10 s the first time, then 20, 40, ... capped at 5 min.
   * Example: failures at 0 s, 15 s, 40 s give 10 s, 20 s, 40 s; a failure 11 min after the last
   * update gives 10 s again (the entry expired after 2 x 5 min).
   */
  next(key: string, now: number): number {
    const e = this.entries.get(key);
    if (!e || this.expired(e, now)) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: now });
      return this.initialMs;
    }
    e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
    e.lastUpdate = now;
    return e.backoffMs;
  }

  /** Whether `now` is still inside the back-off window that started at `eventTime` (IsInBackOffSince). */
  inBackoffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(e, now)) return false;
    return now - eventTime < e.backoffMs;
  }

  /** Whether `now` is inside the window that started at the last update (IsInBackOffSinceUpdate). */
  inBackoffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(e, now)) return false;
    return now - e.lastUpdate < e.backoffMs;
  }

  /** When the window that started at the last update ends (ms), or undefined. */
  releaseAt(key: string): number | undefined {
    const e = this.entries.get(key);
    return e ? e.lastUpdate + e.backoffMs : undefined;
  }

  /** Every entry as `[key, backoffMs, lastUpdate]` (a cluster snapshot keeps the kubelet's back-offs). */
  entriesState(): [string, number, number][] {
    return [...this.entries].map(([k, e]) => [k, e.backoffMs, e.lastUpdate]);
  }

  /** Takes back what entriesState() gave. */
  restoreEntries(list: [string, number, number][]): void {
    this.entries = new Map(list.map(([k, backoffMs, lastUpdate]) => [k, { backoffMs, lastUpdate }]));
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  private expired(e: Entry, now: number): boolean {
    return now - e.lastUpdate > 2 * this.maxMs;
  }
}
