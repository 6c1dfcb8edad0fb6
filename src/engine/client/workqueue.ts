// A deduplicating work queue driven by the virtual clock (client-go util/workqueue): a key
// added several times before it is processed is processed once; a failed key is retried with
// per-item exponential back-off (5 ms doubling, capped at 1000 s), and forgotten on success.

import type { Clock } from '../clock';

export class WorkQueue {
  /** Keys waiting, in order, from `head` on; `waiting` says which keys are in there. */
  private order: string[] = [];
  private head = 0;
  private readonly waiting = new Set<string>();
  private failures = new Map<string, number>();
  private scheduled = false;
  private processing = false;

  constructor(
    private readonly clock: Clock,
    private readonly sync: (key: string) => void,
    private readonly onError: (key: string, err: unknown) => void = () => {},
  ) {}

  /** Queues a key for processing at the current instant (after what is already due). */
  add(key: string): void {
    // A key already waiting keeps its place (what Set.add does). The order lives in an array:
    // taking a Set's first key and deleting it gets slower as deleted slots pile up at the front.
    if (!this.waiting.has(key)) {
      this.waiting.add(key);
      this.order.push(key);
    }
    this.kick();
  }

  /** Queues a key after a delay (a requeue-after, e.g. for a deadline). */
  addAfter(key: string, delayMs: number): void {
    this.clock.schedule(delayMs, () => this.add(key));
  }

  get length(): number {
    return this.waiting.size;
  }

  private kick(): void {
    if (this.scheduled || this.processing) return;
    this.scheduled = true;
    this.clock.schedule(0, () => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    this.processing = true;
    try {
      // Keys added while draining go to the back and run in this same pass.
      while (this.head < this.order.length) {
        const key = this.order[this.head++];
        this.waiting.delete(key);
        if (this.head === this.order.length) {
          this.order = [];
          this.head = 0;
        } else if (this.head > 1024 && this.head * 2 > this.order.length) {
          this.order = this.order.slice(this.head);
          this.head = 0;
        }
        try {
          this.sync(key);
          this.failures.delete(key);
        } catch (e) {
          const n = (this.failures.get(key) ?? 0) + 1;
          this.failures.set(key, n);
          this.onError(key, e);
          this.addAfter(key, Math.min(5 * 2 ** (n - 1), 1_000_000));
        }
      }
    } finally {
      this.processing = false;
    }
  }
}
