// The worker's side of PlaygroundApi: owns the cluster, its scenario and journal, the clock
// driver, the change feed, the terminal tabs' shells and the lesson runner. Everything that
// touches real time or storage comes in through WorkerEnv, so Vitest drives it in Node.

import { createCluster, type Cluster } from '../engine/cluster';
import { Session } from '../headless/session';
import { currentNamespace } from '../kubectl/env';
import { LESSONS } from '../lessons/index';
import type { Lesson } from '../lessons/types';
import { ClockDriver, type TimeSource } from './clock-driver';
import { completeLine } from './completion';
import { ChangeFeed } from './feed/feed';
import { httpRequest, inspect, nodeAction } from './inspect';
import { prepareReplay, recordingTransport, replayJournal, restartCluster } from './journal';
import { loadYamlReader } from '../engine/codec/yaml-reader';
import { prefetchCommands } from '../kubectl/cli/command';
import type { ClusterSnapshot } from '../engine/snapshot';
import { changedSince, clusterSource as persistedSource, observeCluster } from './persist-cluster';
import { LessonRunner } from './lesson-runner';
import { memoryKV, Persistence, type LoadResult } from './persistence/index';
import type * as P from './protocol';
import type { JournalEntry, Scenario } from './scenario';
import { SCENARIO_VERSION } from './scenario';
import { clusterSource } from './shell/sources';
import { Shell } from './shell/shell';
import type { ShellWorld, Unstamped } from './shell/world';
import { capturedKubectl } from './shell/capture';
import { acquireClusterLock, type LockManagerLike } from './lock';
import { DEFAULT_NODES, FRESH_SEED, freshStartTime } from './fresh/constants';
import { freshSnapshot } from './fresh/cluster';
import { KeptAnswers } from './answers/kept-answers';
import { computeAnswer } from './answers/compute';
import { plainGet } from './first/get-line';

export { LOCK_NAME, type LockManagerLike } from './lock';
export { DEFAULT_NODES } from './fresh/constants';

export interface WorkerEnv extends TimeSource {
  storage?: Persistence;
  locks?: LockManagerLike;
  lessons?: readonly Lesson[];
}

const share = () => import('./share');

/** What the worker's first phase (boot-facade.ts) did before this host took over a fresh boot. */
export interface CarryOver {
  /** Command lines it answered, in order, with the tab they were typed in. */
  commands: { tab: string; line: string }[];
  layout?: Record<string, unknown>;
}

export class PlaygroundHost implements P.PlaygroundApi {
  private readonly storage: Persistence;
  private readonly driver: ClockDriver;
  private readonly lessons: LessonRunner;
  private readonly shells = new Map<string, Shell>();
  private cluster!: Cluster;
  private session!: Session;
  private feed: ChangeFeed | undefined;
  private onFeed: (b: P.FeedBatch) => void = () => {};
  private scenario!: Omit<Scenario, 'files' | 'journal'>;
  private journal: JournalEntry[] = [];
  private historyLines: string[] = [];
  private layoutData: Record<string, unknown> = {};
  private lockHeld = false;
  /** Settles once a cluster runs: calls that arrive while it boots (the editor's file list) wait. */
  private markReady!: () => void;
  private readonly ready = new Promise<void>((r) => (this.markReady = r));
  private lastNowSaved = -Infinity;
  private unobserve: (() => void) | undefined;
  private readonly answers: KeptAnswers;

  constructor(private readonly env: WorkerEnv) {
    this.storage = env.storage ?? new Persistence({ kv: memoryKV(), schedule: (fn, ms) => env.schedule(fn, ms), clock: () => env.wallNow() });
    this.storage.onStatus((s) => this.feed?.setStorage(s));
    this.driver = new ClockDriver({ now: () => 0, runUntil: () => {}, nextEventTime: () => undefined }, env, {
      onAdvance: () => this.advanced(),
      onState: () => this.feed?.clockStateChanged(),
    });
    this.lessons = new LessonRunner(env.lessons ?? LESSONS, env, (s) => s && this.feed?.setLesson(s), (p) => this.storage.setLesson(p));
    this.answers = new KeptAnswers({
      compute: (argv) => computeAnswer(this.session, argv),
      now: () => this.cluster.clock.now(),
      wallNow: () => env.wallNow(),
      schedule: (fn, ms) => env.schedule(fn, ms),
    });
  }

  // ---- boot ----

  /**
   * `carried`: what the first phase answered on the fresh cluster this boot continues. `loaded`:
   * the saved state the first phase read already (it looks before deciding whether to answer).
   */
  async boot(opts: P.BootOptions, onFeed: (batch: P.FeedBatch) => void, carried?: CarryOver, loaded?: LoadResult): Promise<P.BootResult> {
    const result = await this.start(opts, onFeed, carried, loaded);
    if (result.ok) this.markReady();
    return result;
  }

  private async start(opts: P.BootOptions, onFeed: (batch: P.FeedBatch) => void, carried?: CarryOver, loaded?: LoadResult): Promise<P.BootResult> {
    this.onFeed = onFeed;
    if (!(await this.acquireLock())) {
      return { ok: false, problem: 'locked', message: 'kubeplay is open in another tab: close it (or use that tab), then reload this one.' };
    }
    let warning: string | undefined;
    if (opts.link !== undefined) {
      // Share links are rare compared with visits: their code is imported when one is opened or made.
      const d = await (await share()).decodeScenario(opts.link);
      if (d.ok) {
        await prepareReplay(d.scenario.journal);
        this.adopt(d.scenario, [], {}, undefined, false);
        // The link's lesson is the one its author was following.
        if (d.scenario.lesson) this.lessons.select(d.scenario.lesson);
        await this.storage.startNew(this.currentScenario());
        this.storage.attach(persistedSource(this.cluster), 'all');
        return { ok: true, source: 'link' };
      }
      warning = `This share link could not be read: ${d.message}`;
    }
    if (!opts.fresh) {
      const saved = loaded ?? (await this.storage.load());
      if (!saved.ok) return { ok: false, problem: 'saved-state', message: saved.message };
      if (saved.scenario) {
        if (!saved.snapshot) await prepareReplay(saved.scenario.journal);
        this.adopt(saved.scenario, saved.history, saved.layout, saved.lessonProgress, true, saved.snapshot);
        this.storage.attach(persistedSource(this.cluster), saved.snapshot ? changedSince(saved.snapshot, this.cluster) : 'all');
        return { ok: true, source: 'saved', ...(warning ? { warning } : {}) };
      }
    }
    await this.startFresh(opts.now, carried);
    return { ok: true, source: 'fresh', ...(warning ? { warning } : {}) };
  }

  /**
   * Takes the cluster lock for the worker's life (the callback's promise never settles). A reload's
   * previous worker may still be releasing it, so a taken lock is retried for about two seconds
   * before another tab is assumed; a failure is not cached, so "Try again" asks afresh.
   */
  private async acquireLock(): Promise<boolean> {
    const locks = this.env.locks;
    if (!locks || this.lockHeld) return true;
    return (this.lockHeld = await acquireClusterLock(locks, this.env.schedule));
  }

  /**
   * A fresh cluster (constant seed, `now` to the whole second: the cluster the first phase showed
   * from the build-time snapshot). `carried`: what the first phase answered meanwhile.
   */
  private async startFresh(now: number, carried?: CarryOver): Promise<void> {
    const lesson = this.lessons.lessonId;
    const start = freshStartTime(now);
    const s: Scenario = { v: SCENARIO_VERSION, seed: FRESH_SEED, startTime: start, nodes: DEFAULT_NODES, files: {}, journal: [], now: start, ...(lesson ? { lesson } : {}) };
    if (carried?.layout) this.layoutData = { ...carried.layout };
    if (carried) this.historyLines = [...this.historyLines, ...carried.commands.map((c) => c.line)];
    // Restored from the build-time snapshot at that second (what the first phase showed), not built
    // and warmed up again; the journal's first entry is then a restart, so a replay (fresh cluster,
    // same seed and second, snapshot and restore) reaches the same cluster.
    this.adopt(s, this.historyLines, this.layoutData, undefined, true, freshSnapshot(start));
    for (const c of carried?.commands ?? []) {
      this.record({ op: 'command', tab: c.tab, line: c.line });
      // The first phase answered only plain gets, from a snapshot of this very cluster: kept from here on.
      const argv = plainGet(c.line);
      if (argv) this.answers.remember(c.line, argv, { ms: 0, chars: 0 });
    }
    await this.storage.startNew(this.currentScenario());
    this.storage.attach(persistedSource(this.cluster), 'all');
    this.storage.setHistory(this.historyLines);
    this.storage.setLayout(this.layoutData);
  }

  /**
   * Builds the cluster a scenario describes and starts everything on it: restored from `snapshot`
   * when the save has one (a reload), else by replaying its journal. `restart`: this is a reload,
   * recorded as a `restart` entry, which a replay turns into a snapshot and restore too.
   */
  private adopt(s: Scenario, history: string[], layout: Record<string, unknown>, lessonProgress: unknown, restart: boolean, snapshot?: ClusterSnapshot): void {
    for (const sh of this.shells.values()) sh.interrupt();
    this.shells.clear();
    this.feed?.stop();
    this.unobserve?.();
    let cluster: Cluster;
    if (snapshot) {
      cluster = createCluster({ restore: snapshot });
    } else {
      cluster = replayJournal(createCluster({ seed: s.seed, nodes: s.nodes, startTime: s.startTime }), s.journal, s.now);
      if (restart) cluster = restartCluster(cluster);
    }
    this.cluster = cluster;
    const unsave = observeCluster(cluster, this.storage);
    const unanswer = cluster.store.observe((e) => this.answers.changed(e.resource));
    this.unobserve = () => {
      unsave();
      unanswer();
    };
    this.answers.reset();
    this.session = new Session(cluster);
    for (const [k, v] of Object.entries(s.files)) this.session.files.set(k, v);
    this.scenario = { v: s.v, seed: s.seed, startTime: s.startTime, nodes: s.nodes, now: s.now, ...(s.lesson ? { lesson: s.lesson } : {}) };
    this.journal = [...s.journal];
    this.historyLines = [...history];
    this.layoutData = { ...layout };
    // A reload is a control-plane restart at this instant; the replay of a link does it too.
    if (restart) this.record({ op: 'restart' });
    this.driver.retarget(cluster.clock);
    const lastSpeed = [...this.journal].reverse().find((e) => e.op === 'speed');
    if (lastSpeed?.op === 'speed' && lastSpeed.speed > 0) this.driver.setSpeed(lastSpeed.speed);
    if (lastSpeed?.op === 'speed' && lastSpeed.speed === 0) this.driver.pause();
    else this.driver.play();
    this.feed = new ChangeFeed(cluster, this.env, () => this.driver.state(), (b) => this.onFeed(b), () => this.lessons.changed());
    this.feed.start();
    if (lessonProgress !== undefined) this.lessons.restore(lessonProgress);
    this.lessons.attach(cluster);
    this.driver.start();
  }

  private currentScenario(): Scenario {
    return { ...this.scenario, now: this.cluster.clock.now(), files: Object.fromEntries(this.session.files), journal: [...this.journal] };
  }

  private record(e: Unstamped): void {
    const entry = { ...e, t: this.cluster.clock.now() } as JournalEntry;
    this.journal.push(entry);
    this.storage.append(entry);
  }

  private advanced(): void {
    this.feed?.clockAdvanced();
    this.answers.clockMoved();
    const wall = this.env.wallNow();
    if (wall - this.lastNowSaved >= 1000) {
      this.lastNowSaved = wall;
      this.storage.setNow(this.cluster.clock.now());
    }
  }

  /** What the shells share; getters, because reset and import replace the session. */
  private readonly world: ShellWorld = ((h: PlaygroundHost): ShellWorld => ({
    get session() {
      return h.session;
    },
    get driver() {
      return h.driver;
    },
    record: (e) => h.record(e),
    recordTransport: (t) => recordingTransport(t, (req) => h.record({ op: 'request', req })),
    history: () => h.historyLines,
    addHistory: (line) => {
      h.historyLines.push(line);
      h.storage.setHistory(h.historyLines);
    },
    filesChanged: () => {
      h.storage.setFiles(Object.fromEntries(h.session.files));
      h.feed?.filesChanged();
    },
    openEditor: (ref) => h.feed?.openEditor(ref),
  }))(this);

  // ---- terminal ----

  async shellInput(tab: string, line: string, out: (text: string) => void): Promise<P.ShellReply> {
    await this.ready;
    const sh = this.shell(tab);
    // Across comlink `out` is a proxy on its own port: the reply must not overtake the output,
    // so it waits for the last write to be delivered.
    let last: unknown;
    let chars = 0;
    const t0 = this.env.wallNow();
    const mark = this.answers.mark;
    const reply = await sh.input(line, (s) => {
      chars += s.length;
      last = out(s);
    });
    // A plain get is kept fresh for the page from now on; anything else may have changed what gets
    // print (the namespace of the context). The page applies that before it sees the prompt.
    const argv = reply.kind === 'done' ? plainGet(line) : undefined;
    if (argv) this.answers.remember(line, argv, { ms: this.env.wallNow() - t0, chars });
    else this.answers.invalidateAll();
    await Promise.all([last, this.answers.deliveredSince(mark)]);
    return reply;
  }

  keepAnswers(onUpdate: (updates: P.AnswerUpdate[]) => void): void {
    this.answers.connect(onUpdate);
  }

  shellAnswered(tab: string, line: string): void {
    this.shell(tab).answered(line);
    this.answers.used(line);
  }

  private shell(tab: string): Shell {
    let sh = this.shells.get(tab);
    if (!sh) this.shells.set(tab, (sh = new Shell(tab, this.world)));
    return sh;
  }

  shellInterrupt(tab: string): void {
    this.shells.get(tab)?.interrupt();
  }

  async complete(_tab: string, line: string, cursor: number): Promise<P.Completion> {
    await this.ready;
    return completeLine(line, cursor, clusterSource(this.session, () => currentNamespace(this.session.config)));
  }

  async history(): Promise<string[]> {
    await this.ready;
    return [...this.historyLines];
  }

  // ---- files ----

  async listFiles(): Promise<string[]> {
    await this.ready;
    return [...this.session.files.keys()].sort();
  }

  async readFile(path: string): Promise<string | undefined> {
    await this.ready;
    return this.session.files.get(path);
  }

  async writeFile(path: string, text: string): Promise<void> {
    await this.ready;
    this.session.files.set(path.replace(/^\.\//, ''), text);
    this.world.filesChanged();
  }

  async removeFile(path: string): Promise<void> {
    await this.ready;
    if (this.session.files.delete(path.replace(/^\.\//, ''))) this.world.filesChanged();
  }

  // ---- time ----

  setSpeed(speed: number): void {
    this.driver.setSpeed(speed);
    if (!this.driver.isPaused()) this.record({ op: 'speed', speed });
  }

  pause(): void {
    if (this.driver.isPaused()) return;
    this.driver.pause();
    this.record({ op: 'speed', speed: 0 });
  }

  play(): void {
    if (!this.driver.isPaused()) return;
    this.driver.play();
    this.record({ op: 'speed', speed: this.driver.state().speed });
  }

  step(ms: number): void {
    this.driver.step(ms);
  }

  skipToNextEvent(): void {
    this.driver.skipToNextEvent();
  }

  // ---- objects ----

  async inspect(ref: P.ObjectRef, what: P.Inspect): Promise<string> {
    await this.ready;
    return inspect(this.cluster, capturedKubectl(this.world, false), ref, what);
  }

  async saveEdited(yaml: string): Promise<{ ok: true; message: string } | { ok: false; message: string }> {
    await this.ready;
    const r = await capturedKubectl(this.world, true)(['replace', '-f', '-'], yaml);
    return { ok: r.code === 0, message: r.out.trimEnd() } as { ok: true; message: string } | { ok: false; message: string };
  }

  async nodeAction(action: P.NodeAction, name?: string): Promise<string> {
    await this.ready;
    return nodeAction(this.cluster, capturedKubectl(this.world, true), (e) => this.record(e), action, name);
  }

  async http(url: string, host?: string): Promise<P.HttpResult> {
    await this.ready;
    return httpRequest(this.cluster, url, host);
  }

  // ---- lessons, sharing, state ----

  async selectLesson(id: string | undefined): Promise<void> {
    this.lessons.select(id);
    if (id) this.scenario.lesson = id;
    else delete this.scenario.lesson;
    this.storage.setLessonId(id);
  }

  async shareLink(): Promise<{ ok: true; payload: string } | { ok: false; message: string }> {
    await this.ready;
    return (await share()).encodeScenario(this.currentScenario());
  }

  async exportState(): Promise<string> {
    this.storage.setNow(this.cluster.clock.now());
    return this.storage.exportAll();
  }

  async importState(text: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const r = await this.storage.importAll(text);
    if (!r.ok) return r;
    if (!r.snapshot) await prepareReplay(r.scenario.journal);
    this.adopt(r.scenario, this.historyLines, this.layoutData, undefined, false, r.snapshot);
    this.storage.attach(persistedSource(this.cluster), r.snapshot ? changedSince(r.snapshot, this.cluster) : 'all');
    return { ok: true };
  }

  async reset(now: number): Promise<void> {
    this.lessons.reset();
    await this.startFresh(now);
  }

  async flush(): Promise<void> {
    if (!this.cluster) return;
    this.storage.setNow(this.cluster.clock.now());
    await this.storage.flush();
  }

  saveLayout(layout: Record<string, unknown>): void {
    this.layoutData = { ...layout };
    this.storage.setLayout(this.layoutData);
  }

  async layout(): Promise<Record<string, unknown>> {
    await this.ready;
    return { ...this.layoutData };
  }

  async prefetch(): Promise<void> {
    await Promise.all([loadYamlReader(), prefetchCommands(), share()]);
  }

  /** Stops timers (tests; the worker lives until the tab closes). */
  dispose(): void {
    this.unobserve?.();
    this.answers.dispose();
    this.feed?.stop();
    this.driver.dispose();
    this.lessons.dispose();
  }
}
