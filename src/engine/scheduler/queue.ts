// The scheduling queue (internal/queue PriorityQueue): activeQ ordered by priority then queue time,
// backoffQ for pods that failed recently (1 s doubling to 10 s per attempt), and unschedulablePods
// that wait for a cluster event (or 5 minutes) before they are tried again.

import type { Clock, TimerHandle } from '../clock';
import type { PodInfo } from './pod-info';

export const INITIAL_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration, checked every 30 s (flushUnschedulablePodsLeftover). */
export const MAX_UNSCHEDULABLE_MS = 5 * 60_000;
const UNSCHEDULABLE_FLUSH_MS = 30_000;

export type QueueName = 'active' | 'backoff' | 'unschedulable' | 'inflight';

export interface QueuedPod {
  key: string;
  info: PodInfo;
  attempts: number;
  /** When it was (re)queued, ms: the activeQ tie-break and the back-off base. */
  timestamp: number;
  seq: number;
  where: QueueName;
  /** Plugins that rejected it in its last attempt (what events can help it). */
  unschedulablePlugins: Set<string>;
  /** The scheduling cycle it was popped in. */
  cycle: number;
  timer?: TimerHandle;
}

/** calculateBackoffDuration: 1 s, 2 s, 4 s, 8 s, then 10 s. */
export function backoffDuration(attempts: number): number {
  let d = INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > MAX_BACKOFF_MS) return MAX_BACKOFF_MS;
  }
  return d;
}

/** PrioritySort: higher priority first, then earlier timestamp, then arrival order. */
function before(a: QueuedPod, b: QueuedPod): boolean {
  if (a.info.priority !== b.info.priority) return a.info.priority > b.info.priority;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.seq < b.seq;
}

export class SchedulingQueue {
  private readonly pods = new Map<string, QueuedPod>();
  private heap: QueuedPod[] = [];
  private seq = 0;
  private cycle = 0;
  private moveRequestCycle = -1;
  private flushTimer: TimerHandle | undefined;
  private unschedulableCount = 0;

  constructor(
    private readonly clock: Clock,
    /** Called when activeQ gains a pod (the scheduler schedules a run). */
    private readonly onActive: () => void,
  ) {}

  get activeLength(): number {
    return this.heap.length;
  }

  get(key: string): QueuedPod | undefined {
    return this.pods.get(key);
  }

  /** Number of pods in each queue. */
  counts(): Record<QueueName, number> {
    const c = { active: 0, backoff: 0, unschedulable: 0, inflight: 0 };
    for (const q of this.pods.values()) c[q.where]++;
    return c;
  }

  /** A new pending pod goes to activeQ; a known one has its info refreshed. */
  add(info: PodInfo): void {
    const q = this.pods.get(info.key);
    if (q) {
      q.info = info;
      return;
    }
    const qp: QueuedPod = { key: info.key, info, attempts: 0, timestamp: this.clock.now(), seq: this.seq++, where: 'active', unschedulablePlugins: new Set(), cycle: -1 };
    this.pods.set(info.key, qp);
    this.pushActive(qp);
  }

  /** A pending pod whose spec or labels changed: an unschedulable one gets another try. */
  updated(info: PodInfo): void {
    const q = this.pods.get(info.key);
    if (!q) return this.add(info);
    q.info = info;
    if (q.where === 'unschedulable') this.requeue(q);
  }

  delete(key: string): void {
    const q = this.pods.get(key);
    if (!q) return;
    this.pods.delete(key);
    q.timer?.cancel();
    if (q.where === 'unschedulable') this.unschedulableCount--;
    if (q.where === 'active') this.removeFromHeap(q);
  }

  /** The next pod to schedule (marked in flight), or undefined. */
  pop(): QueuedPod | undefined {
    const q = this.popHeap();
    if (!q) return undefined;
    q.where = 'inflight';
    q.attempts++;
    q.cycle = ++this.cycle;
    return q;
  }

  /** After a successful binding (or when the pod went away). */
  done(key: string): void {
    const q = this.pods.get(key);
    if (q && q.where === 'inflight') this.pods.delete(key);
  }

  /**
   * After a failed attempt: unschedulable pods wait in unschedulablePods unless a cluster event
   * arrived during their cycle; errors and such pods go to backoffQ.
   */
  failed(q: QueuedPod, unschedulable: boolean, plugins: Set<string>): void {
    if (this.pods.get(q.key) !== q) return;
    q.timestamp = this.clock.now();
    q.unschedulablePlugins = plugins;
    if (unschedulable && this.moveRequestCycle < q.cycle) {
      q.where = 'unschedulable';
      this.unschedulableCount++;
      this.armFlush();
    } else {
      this.toBackoff(q);
    }
  }

  /**
   * A cluster event that may make pods schedulable (MoveAllToActiveOrBackoffQueue): unschedulable
   * pods the event can help (all when no filter is given) go to activeQ, or backoffQ while backing off.
   */
  moveAll(canHelp?: (plugins: Set<string>) => boolean): void {
    this.moveRequestCycle = this.cycle;
    if (this.unschedulableCount === 0) return;
    for (const q of [...this.pods.values()]) {
      if (q.where !== 'unschedulable') continue;
      if (canHelp && q.unschedulablePlugins.size > 0 && !canHelp(q.unschedulablePlugins)) continue;
      this.requeue(q);
    }
  }

  private requeue(q: QueuedPod): void {
    if (q.where === 'unschedulable') this.unschedulableCount--;
    const expiry = q.timestamp + backoffDuration(q.attempts);
    if (q.attempts > 0 && expiry > this.clock.now()) this.toBackoff(q);
    else {
      q.timer?.cancel();
      this.pushActive(q);
    }
  }

  private toBackoff(q: QueuedPod): void {
    q.where = 'backoff';
    q.timer?.cancel();
    const wait = q.timestamp + backoffDuration(q.attempts) - this.clock.now();
    q.timer = this.clock.schedule(wait, () => {
      q.timer = undefined;
      if (this.pods.get(q.key) === q && q.where === 'backoff') this.pushActive(q);
    });
  }

  private armFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = this.clock.schedule(UNSCHEDULABLE_FLUSH_MS, () => {
      this.flushTimer = undefined;
      const now = this.clock.now();
      for (const q of [...this.pods.values()]) {
        if (q.where === 'unschedulable' && now - q.timestamp > MAX_UNSCHEDULABLE_MS) this.requeue(q);
      }
      if (this.unschedulableCount > 0) this.armFlush();
    });
  }

  // --- activeQ: a binary heap -------------------------------------------------------------

  private pushActive(q: QueuedPod): void {
    q.where = 'active';
    const h = this.heap;
    h.push(q);
    this.siftUp(h.length - 1);
    this.onActive();
  }

  private popHeap(): QueuedPod | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private removeFromHeap(q: QueuedPod): void {
    const i = this.heap.indexOf(q);
    if (i < 0) return;
    const last = this.heap.pop()!;
    if (i < this.heap.length) {
      this.heap[i] = last;
      this.siftDown(i);
      this.siftUp(i);
    }
  }

  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l], h[m])) m = l;
      if (r < h.length && before(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
