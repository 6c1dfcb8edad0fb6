// Shared pieces of the persistence tests: a fresh fake IndexedDB store per test, a scheduler the
// test fires by hand, a store wrapper that logs writes and can fail them, and sample scenarios.

import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { idbKV, type KV } from '../../../src/worker/persistence/kv';
import type { Scheduler } from '../../../src/worker/persistence/persistence';
import type { JournalEntry, Scenario } from '../../../src/worker/scenario';

let dbCount = 0;
/** A store in a database of its own, so tests never see each other's data. */
export function freshStore() {
  return createStore(`kubeplay-test-${++dbCount}`, 'state');
}

export interface ManualScheduler {
  schedule: Scheduler;
  /** Timers set and not cancelled or fired. */
  pending(): number;
  /** Fires the timers that are set, as if their delay passed. */
  fire(): void;
  delays: number[];
}

export function manualScheduler(): ManualScheduler {
  let timers: { fn: () => void; cancelled: boolean }[] = [];
  const delays: number[] = [];
  return {
    delays,
    schedule: (fn, ms) => {
      const t = { fn, cancelled: false };
      timers.push(t);
      delays.push(ms);
      return () => void (t.cancelled = true);
    },
    pending: () => timers.filter((t) => !t.cancelled).length,
    fire: () => {
      const due = timers;
      timers = [];
      for (const t of due) if (!t.cancelled) t.fn();
    },
  };
}

/** Wraps a store: logs the keys of each write, and fails writes with `failWith` while it is set. */
export class SpyKV implements KV {
  writes: string[][] = [];
  failWith: (() => unknown) | undefined;

  constructor(readonly inner: KV) {}

  get(key: string) {
    return this.inner.get(key);
  }
  getMany(keys: string[]) {
    return this.inner.getMany(keys);
  }
  entries() {
    return this.inner.entries();
  }
  async write(puts: [string, unknown][], dels?: string[]) {
    if (this.failWith) throw this.failWith();
    this.writes.push([...puts.map(([k]) => k), ...(dels ?? []).map((k) => `-${k}`)]);
    return this.inner.write(puts, dels);
  }
  async replaceAll(puts: [string, unknown][]) {
    if (this.failWith) throw this.failWith();
    this.writes.push(['*replace*', ...puts.map(([k]) => k)]);
    return this.inner.replaceAll(puts);
  }
  clear() {
    return this.inner.clear();
  }
}

export function spyStore(): { spy: SpyKV; store: ReturnType<typeof createStore> } {
  const store = freshStore();
  return { spy: new SpyKV(idbKV(store)), store };
}

export const T0 = Date.UTC(2026, 4, 1, 12, 0, 0);

export function entries(n: number, from = 0): JournalEntry[] {
  return Array.from({ length: n }, (_, i) => ({ t: T0 + (from + i) * 1000, op: 'command', tab: 't1', line: `kubectl get pods # ${from + i}` }));
}

export function scenario(journal: JournalEntry[] = entries(3)): Scenario {
  return {
    v: 1,
    seed: 99,
    startTime: T0,
    nodes: 3,
    lesson: 'first-deployment',
    files: { 'web.yaml': 'kind: Deployment\n' },
    journal,
    now: T0 + 60_000,
  };
}

export function quotaError(): unknown {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}
