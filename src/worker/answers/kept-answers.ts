// Kept answers: the plain `kubectl get` lines a terminal ran lately, with their current output,
// kept up to date in the page, so that running one again prints at once instead of waiting for a
// round trip through the worker (Chromium holds a worker's reply to a key press until after the
// next frame). An answer is recomputed when a resource it read changes or when an age it printed
// turns, and the page is told at once when it no longer holds: what it prints is what the shell
// would have printed at that instant, give or take the latency of a message.

import type { AnswerUpdate } from '../protocol';
import type { Computed } from './compute';

/** Lines kept at most (the most recently run or answered). */
export const MAX_KEPT = 8;
/**
 * An answer costing more than this to compute twice in a row (a list of thousands) is not worth
 * keeping; once may be a cold start or a collection.
 */
export const MAX_COST_MS = 6;
/** Nor one longer than this. */
export const MAX_TEXT = 64 * 1024;
/**
 * A line whose run in the shell took longer than this is not taken on: keeping it would cost as
 * much again at each change. (Generous: a first run pays for cold code; the strikes above judge.)
 */
export const MAX_RUN_MS = 50;
/** Recomputing may use this much of each real second (at 60x everything changes all the time). */
export const BUDGET_MS = 40;
/**
 * A changed answer is recomputed this long after the change (real ms), so a burst of changes (a
 * rollout updates its Deployment many times a second) costs one computation and two messages.
 */
export const SETTLE_MS = 100;
const WINDOW_MS = 1000;

export interface KeptAnswersDeps {
  compute(argv: string[]): Promise<Computed | undefined>;
  /** Simulated time. */
  now(): number;
  wallNow(): number;
  schedule(fn: () => void, ms: number): () => void;
}

interface Entry {
  line: string;
  argv: string[];
  /** What the page holds for this line; undefined once it was told the line is out of date. */
  shown: { text: string; code: number } | undefined;
  /** Whether `shown` is still what the line prints (until `validUntil`). */
  fresh: boolean;
  reads: Set<string>;
  /** Simulated instant from which an age in the text may read differently. */
  validUntil: number;
  /** Bumped by every change that makes the entry stale: a computation that saw one is retried. */
  gen: number;
  /** Computations in a row that took more than MAX_COST_MS. */
  slow: number;
}

/** What changed while a computation ran (it may have read the old or the new state). */
interface Meanwhile {
  resources: Set<string>;
  all: boolean;
}

export class KeptAnswers {
  /** In order of use, oldest first. */
  private readonly entries = new Map<string, Entry>();
  private push: ((updates: AnswerUpdate[]) => unknown) | undefined;
  private pending: AnswerUpdate[] = [];
  private flushQueued = false;
  private lastDelivery: Promise<unknown> = Promise.resolve();
  private refreshing = false;
  private again = false;
  private cancelRefresh: (() => void) | undefined;
  private windowStart = -Infinity;
  private spent = 0;
  private meanwhile: Meanwhile | undefined;
  /** Updates sent so far (a command waits only for those it caused). */
  private sent = 0;

  constructor(private readonly deps: KeptAnswersDeps) {}

  /** The page's sink: it starts from nothing and gets every current answer. */
  connect(push: (updates: AnswerUpdate[]) => unknown): void {
    this.push = push;
    this.pending = [{ clear: true }];
    for (const e of this.entries.values()) if (e.shown) this.pending.push({ line: e.line, ...e.shown });
    this.flush();
  }

  /** Another cluster (reset, import): nothing kept holds. */
  reset(): void {
    this.entries.clear();
    this.send({ clear: true });
  }

  /**
   * `line` (argv: its plain get) just ran in a terminal, taking `ms` and printing `chars`: keep
   * its answer from now on, unless that run says it is too big to keep.
   */
  remember(line: string, argv: string[], run: { ms: number; chars: number }): void {
    if (run.ms > MAX_RUN_MS || run.chars > MAX_TEXT) return;
    const e = this.entries.get(line);
    if (e) return this.touch(e);
    this.entries.set(line, { line, argv, shown: undefined, fresh: false, reads: new Set(), validUntil: -Infinity, gen: 0, slow: 0 });
    if (this.entries.size > MAX_KEPT) this.forget(this.entries.values().next().value as Entry);
    this.scheduleRefresh();
  }

  /** The page printed the kept answer of `line`. */
  used(line: string): void {
    const e = this.entries.get(line);
    if (e) this.touch(e);
  }

  /** An object of store resource `resource` changed. */
  changed(resource: string): void {
    this.meanwhile?.resources.add(resource);
    for (const e of this.entries.values()) if (e.reads.has(resource)) this.invalidate(e);
  }

  /** Something else a get may depend on changed (a command that may have switched the namespace). */
  invalidateAll(): void {
    if (this.meanwhile) this.meanwhile.all = true;
    for (const e of this.entries.values()) this.invalidate(e);
  }

  /** The clock moved: answers whose ages turned are recomputed now (the page is told only of changes). */
  clockMoved(): void {
    const now = this.deps.now();
    for (const e of this.entries.values()) {
      if (e.fresh && now >= e.validUntil) {
        void this.refresh();
        return;
      }
    }
  }

  /** Stops the pending recomputation (tests; the worker lives until the tab closes). */
  dispose(): void {
    this.cancelRefresh?.();
    this.cancelRefresh = undefined;
    this.entries.clear();
  }

  /** How many updates were sent so far: `deliveredSince` takes it. */
  get mark(): number {
    return this.sent;
  }

  /**
   * Resolves once the page has applied the updates sent since `mark` (a command's reply waits for
   * those it caused; none sent: at once, without waiting behind earlier ones).
   */
  deliveredSince(mark: number): Promise<unknown> {
    if (this.sent === mark) return Promise.resolve();
    this.flush();
    return this.lastDelivery;
  }

  private touch(e: Entry): void {
    this.entries.delete(e.line);
    this.entries.set(e.line, e);
  }

  private invalidate(e: Entry): void {
    e.gen++;
    if (!e.fresh && !e.shown) return;
    this.dropShown(e);
    this.scheduleRefresh(SETTLE_MS);
  }

  private forget(e: Entry): void {
    this.entries.delete(e.line);
    if (e.shown) this.send({ line: e.line });
  }

  private scheduleRefresh(delay = 0): void {
    if (this.cancelRefresh) return;
    this.cancelRefresh = this.deps.schedule(() => {
      this.cancelRefresh = undefined;
      void this.refresh();
    }, delay);
  }

  /** Recomputes the entries that are out of date, most recently used first, within the budget. */
  private async refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return;
    }
    this.refreshing = true;
    try {
      do {
        this.again = false;
        for (const e of [...this.entries.values()].reverse()) {
          if (e.fresh && this.deps.now() < e.validUntil) continue;
          if (!this.withinBudget()) {
            // Out of time this second: unused until it is recomputed.
            this.dropShown(e);
            this.scheduleRefresh(this.windowStart + WINDOW_MS - this.deps.wallNow());
            continue;
          }
          await this.recompute(e);
        }
      } while (this.again);
    } finally {
      this.refreshing = false;
    }
  }

  private async recompute(e: Entry): Promise<void> {
    const gen = e.gen;
    const t0 = this.deps.wallNow();
    const meanwhile: Meanwhile = (this.meanwhile = { resources: new Set(), all: false });
    let c: Computed | undefined;
    try {
      c = await this.deps.compute(e.argv);
    } finally {
      this.meanwhile = undefined;
    }
    const cost = this.deps.wallNow() - t0;
    this.spent += cost;
    if (this.entries.get(e.line) !== e) return;
    e.slow = cost > MAX_COST_MS ? e.slow + 1 : 0;
    if (!c || e.slow >= 2 || c.text.length > MAX_TEXT) return this.forget(e);
    // Something it read changed while it ran: its text may mix two states.
    const reads = c.reads;
    if (e.gen !== gen || meanwhile.all || [...meanwhile.resources].some((r) => reads.has(r))) {
      this.again = true;
      return;
    }
    e.reads = c.reads;
    e.validUntil = c.at + c.stableFor;
    e.fresh = true;
    if (e.shown?.text !== c.text || e.shown.code !== c.code) {
      e.shown = { text: c.text, code: c.code };
      this.send({ line: e.line, text: c.text, code: c.code });
    }
  }

  /** Out of date: the page stops using it. */
  private dropShown(e: Entry): void {
    e.fresh = false;
    if (e.shown) {
      e.shown = undefined;
      this.send({ line: e.line });
    }
  }

  private withinBudget(): boolean {
    const wall = this.deps.wallNow();
    if (wall - this.windowStart >= WINDOW_MS) {
      this.windowStart = wall;
      this.spent = 0;
    }
    return this.spent < BUDGET_MS;
  }

  private send(u: AnswerUpdate): void {
    if (!this.push) return;
    this.sent++;
    this.pending.push(u);
    if (this.flushQueued) return;
    this.flushQueued = true;
    // Updates made in one task go out together, before anything the task awaits replies.
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    if (!this.push || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.lastDelivery = Promise.resolve(this.push(batch)).catch(() => {});
  }
}
