// The worker's API in two phases. A first visit's fresh cluster comes from the build-time snapshot
// (fresh/cluster.ts) into a read-only cluster: the change feed draws it and a plain `kubectl get`
// is answered at once. The full engine (host.ts, its own chunk) is imported at idle time
// (prefetch) or by the first call that needs it, builds the same cluster, takes over the feed and
// gets what was typed meanwhile. Reloads, share links and imports go straight to the full engine.

import type { ClusterSnapshot } from '../engine/snapshot';
import { ChangeFeed } from './feed/feed';
import { freshSnapshot } from './fresh/cluster';
import { ReadOnlyCluster } from './first/read-cluster';
import { plainGet, runPlainGet } from './first/get-line';
import type { CarryOver, PlaygroundHost, WorkerEnv } from './host';
import { LESSONS } from '../lessons/index';
import { LessonRunner } from './lesson-runner';
import { acquireClusterLock } from './lock';
import { memoryKV, Persistence } from './persistence/index';
import type * as P from './protocol';

/** The first phase: what it shows and what it answered, for the full engine to take over. */
interface FirstPhase {
  opts: P.BootOptions;
  onFeed: (b: P.FeedBatch) => void;
  cluster: ReadOnlyCluster;
  feed: ChangeFeed;
  lessons: LessonRunner;
  carried: CarryOver;
  history: string[];
}

export class BootFacade implements P.PlaygroundApi {
  private readonly storage: Persistence;
  private first: FirstPhase | undefined;
  private host: PlaygroundHost | undefined;
  private loading: Promise<PlaygroundHost> | undefined;
  /** The first phase's commands still running: the full engine waits for them to be carried over. */
  private running: Promise<unknown> = Promise.resolve();
  private lockHeld = false;
  /** The page's sink for kept answers, handed to the full engine (the first phase keeps none). */
  private answerSink: ((updates: P.AnswerUpdate[]) => void) | undefined;
  /** Settles once a cluster runs (either phase): calls that arrive while it boots wait, as the host's do. */
  private markBooted!: () => void;
  private readonly booted = new Promise<void>((r) => (this.markBooted = r));

  constructor(private readonly env: WorkerEnv) {
    this.storage = env.storage ?? new Persistence({ kv: memoryKV(), schedule: (fn, ms) => env.schedule(fn, ms), clock: () => env.wallNow() });
  }

  async boot(opts: P.BootOptions, onFeed: (batch: P.FeedBatch) => void): Promise<P.BootResult> {
    const result = await this.start(opts, onFeed);
    if (result.ok) this.markBooted();
    return result;
  }

  private async start(opts: P.BootOptions, onFeed: (batch: P.FeedBatch) => void): Promise<P.BootResult> {
    if (this.env.locks && !this.lockHeld) {
      if (!(await acquireClusterLock(this.env.locks, this.env.schedule))) {
        return { ok: false, problem: 'locked', message: 'kubeplay is open in another tab: close it (or use that tab), then reload this one.' };
      }
      this.lockHeld = true;
    }
    // A link or a save is the full engine's: its import starts while the save is read. What is
    // saved decides (the full engine is given what was read, not made to read it again). Once the
    // full engine exists (a call that needed it came before a retried boot), it boots.
    // (A failed import is reported by the boot below, which awaits the same promise.)
    if (opts.link !== undefined || (!opts.fresh && (await this.storage.hasSaved()))) this.full().catch(() => {});
    const loaded = opts.link === undefined && !opts.fresh ? await this.storage.load() : undefined;
    if (!this.loading && opts.link === undefined && (opts.fresh || (loaded?.ok && !loaded.scenario))) {
      this.startFirst(opts, onFeed, freshSnapshot(opts.now));
      return { ok: true, source: 'fresh' };
    }
    return (await this.full()).boot(opts, onFeed, undefined, loaded);
  }

  private startFirst(opts: P.BootOptions, onFeed: (b: P.FeedBatch) => void, snap: ClusterSnapshot): void {
    const cluster = new ReadOnlyCluster(snap);
    // Time stands still until the full engine runs it.
    const feed = new ChangeFeed(cluster, this.env, () => ({ now: snap.now, speed: 1, paused: false }), onFeed);
    // The lesson a fresh cluster starts with, checked once (nothing changes until the full engine runs).
    const lessons = new LessonRunner(this.env.lessons ?? LESSONS, this.env, (s) => s && feed.setLesson(s), () => {});
    this.first = { opts, onFeed, cluster, feed, lessons, carried: { commands: [] }, history: [] };
    feed.start();
    lessons.attach(cluster);
  }

  /** The full engine, imported and booted once (on the first phase's cluster when there is one). */
  private full(): Promise<PlaygroundHost> {
    this.loading ??= (async () => {
      const { PlaygroundHost } = await import('./host');
      // This worker holds the lock already.
      const host = new PlaygroundHost({ ...this.env, storage: this.storage, locks: undefined });
      if (this.answerSink) host.keepAnswers(this.answerSink);
      const first = this.first;
      if (first) {
        await this.running;
        first.feed.stop();
        first.lessons.dispose();
        await host.boot({ ...first.opts, link: undefined, fresh: true }, first.onFeed, first.carried);
        this.first = undefined;
      }
      return (this.host = host);
    })();
    return this.loading;
  }

  /** The full engine once a cluster runs: the calls the host makes wait for its boot wait here too. */
  private async ready(): Promise<PlaygroundHost> {
    await this.booted;
    return this.full();
  }

  // ---- terminal ----

  async shellInput(tab: string, line: string, out: (text: string) => void): Promise<P.ShellReply> {
    await this.booted;
    const first = this.first;
    const argv = first && !this.loading ? plainGet(line) : undefined;
    if (first && argv) {
      const run = runPlainGet(first.cluster, argv, out);
      this.running = Promise.all([this.running, run]);
      const code = await run;
      if (code !== undefined) {
        first.carried.commands.push({ tab, line });
        first.history.push(line);
        return { kind: 'done', code };
      }
    }
    return (await this.ready()).shellInput(tab, line, out);
  }

  keepAnswers(onUpdate: (updates: P.AnswerUpdate[]) => void): void {
    this.answerSink = onUpdate;
    this.host?.keepAnswers(onUpdate);
  }

  shellAnswered(tab: string, line: string): void {
    // Kept answers come from the full engine only, so it runs: recorded at once, in order.
    if (this.host) this.host.shellAnswered(tab, line);
    else void this.full().then((h) => h.shellAnswered(tab, line));
  }

  shellInterrupt(tab: string): void {
    this.host?.shellInterrupt(tab);
  }

  async complete(tab: string, line: string, cursor: number): Promise<P.Completion> {
    return (await this.ready()).complete(tab, line, cursor);
  }

  async history(): Promise<string[]> {
    await this.booted;
    if (this.first && !this.loading) return [...this.first.history];
    return (await this.ready()).history();
  }

  // ---- files ----

  async listFiles(): Promise<string[]> {
    await this.booted;
    // A fresh cluster has no session files yet.
    if (this.first && !this.loading) return [];
    return (await this.ready()).listFiles();
  }

  async readFile(path: string): Promise<string | undefined> {
    return (await this.ready()).readFile(path);
  }

  async writeFile(path: string, text: string): Promise<void> {
    return (await this.ready()).writeFile(path, text);
  }

  async removeFile(path: string): Promise<void> {
    return (await this.ready()).removeFile(path);
  }

  // ---- time: applied once the full engine runs the clock ----
  // (These and the state calls below go to the full engine at once, as they went to the host.)

  setSpeed(speed: number): void {
    void this.full().then((h) => h.setSpeed(speed));
  }

  pause(): void {
    void this.full().then((h) => h.pause());
  }

  play(): void {
    void this.full().then((h) => h.play());
  }

  step(ms: number): void {
    void this.full().then((h) => h.step(ms));
  }

  skipToNextEvent(): void {
    void this.full().then((h) => h.skipToNextEvent());
  }

  // ---- objects ----

  async inspect(ref: P.ObjectRef, what: P.Inspect): Promise<string> {
    return (await this.ready()).inspect(ref, what);
  }

  async saveEdited(yaml: string): Promise<{ ok: true; message: string } | { ok: false; message: string }> {
    return (await this.ready()).saveEdited(yaml);
  }

  async nodeAction(action: P.NodeAction, name?: string): Promise<string> {
    return (await this.ready()).nodeAction(action, name);
  }

  async http(url: string, host?: string): Promise<P.HttpResult> {
    return (await this.ready()).http(url, host);
  }

  // ---- lessons, sharing, state ----

  async selectLesson(id: string | undefined): Promise<void> {
    return (await this.full()).selectLesson(id);
  }

  async shareLink(): Promise<{ ok: true; payload: string } | { ok: false; message: string }> {
    return (await this.ready()).shareLink();
  }

  async exportState(): Promise<string> {
    return (await this.full()).exportState();
  }

  async importState(text: string): Promise<{ ok: true } | { ok: false; message: string }> {
    return (await this.full()).importState(text);
  }

  async reset(now: number): Promise<void> {
    return (await this.full()).reset(now);
  }

  async flush(): Promise<void> {
    // The first phase writes nothing: a tab closed before the full engine ran leaves no save.
    if (this.host) await this.host.flush();
  }

  saveLayout(layout: Record<string, unknown>): void {
    if (this.first && !this.loading) this.first.carried.layout = { ...layout };
    else void this.full().then((h) => h.saveLayout(layout));
  }

  async layout(): Promise<Record<string, unknown>> {
    await this.booted;
    if (this.first && !this.loading) return { ...(this.first.carried.layout ?? {}) };
    return (await this.ready()).layout();
  }

  async prefetch(): Promise<void> {
    await (await this.full()).prefetch();
  }

  /** Stops timers (tests; the worker lives until the tab closes). */
  dispose(): void {
    this.first?.feed.stop();
    this.first?.lessons.dispose();
    this.host?.dispose();
  }
}
