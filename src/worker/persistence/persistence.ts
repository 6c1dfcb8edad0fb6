// Saves the browser cluster to IndexedDB: the scenario (meta, files, journal chunks), the cluster
// snapshot (one record per changed object, plus the snapshot meta), terminal history, layout and
// lesson progress. Changes are batched into one debounced transaction that writes only what
// changed; a failed write (quota) keeps everything pending for the next flush.

import type { StorageStatus } from '../protocol';
import type { ClusterSnapshot } from '../../engine/snapshot';
import type { JournalEntry, Scenario } from '../scenario';
import { allPuts, chunkPuts, KEYS, metaOf, type Meta, type Saved } from './format';
import { errorText, idbKV, isQuotaError, memoryKV, type KV } from './kv';
import { migrateAndRead, storedFormat } from './migrations';
import { EVENTS_KEY, OBJECT_PREFIX, SNAPSHOT_KEY, objectKey, type ClusterSource } from './objects';
import { sameJson } from '../../engine/util/same-json';
import { checkScenario, isPlainObject } from './validate';

/** Runs `fn` after `ms`; returns a cancel function. Tests inject one they drive by hand. */
export type Scheduler = (fn: () => void, ms: number) => () => void;

export interface PersistenceOptions {
  kv?: KV;
  schedule?: Scheduler;
  /** Wall clock for the `saved` status (injected: tests never read Date). */
  clock?: () => number;
  debounceMs?: number;
}

export type LoadResult = ({ ok: true } & Saved) | { ok: false; message: string };

/** The `kubeplay` field of an export file. */
const EXPORT_TAG = 'kubeplay-saved-state';

const defaultSchedule: Scheduler = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

export class Persistence {
  private readonly kv: KV;
  private readonly schedule: Scheduler;
  private readonly clock: () => number;
  private readonly debounceMs: number;
  private readonly listeners: ((s: StorageStatus) => void)[] = [];

  /** The scenario's cluster shape and clock; undefined until load or startNew found one. */
  private meta: Omit<Meta, 'journalLength'> | undefined;
  private metaRev = 0;
  private savedMetaRev = 0;
  private journal: JournalEntry[] = [];
  /** Entries already in IndexedDB: a save writes from the chunk this falls in. */
  private savedLength = 0;
  /** Records changed since the last successful save, by key. */
  private pending = new Map<string, unknown>();
  /** The next save must replace the whole store (after startNew/import whose write failed). */
  private replace = false;
  /** The saved data could not be read: write nothing over it until startNew, import or clear. */
  private blocked = false;
  private cancelTimer: (() => void) | undefined;
  /** Writes run one after another on this chain. */
  private chain: Promise<unknown> = Promise.resolve();
  /** Bumped when the state is replaced: a save that started before must not mark the new one saved. */
  private generation = 0;
  /** The live cluster the object records follow (attached by the host once it runs one). */
  private source: ClusterSource | undefined;
  /** Object keys changed since the last save, each with the change count it was last marked at. */
  private dirtyObjects = new Map<string, number>();
  private changeCount = 0;
  /** The next save writes every object (and deletes records of objects no longer there). */
  private allObjects = false;
  /** Object records the store holds, when known (from load): what a full rewrite may delete. */
  private storedObjectKeys = new Set<string>();
  /** The event recorder state this generation last wrote (EVENTS_KEY); undefined: write it next time. */
  private savedEvents: unknown;

  constructor(opts: PersistenceOptions = {}) {
    this.kv = opts.kv ?? idbKV();
    this.schedule = opts.schedule ?? defaultSchedule;
    this.clock = opts.clock ?? (() => Date.now());
    this.debounceMs = opts.debounceMs ?? 500;
  }

  onStatus(cb: (s: StorageStatus) => void): void {
    this.listeners.push(cb);
  }

  /** Whether anything was ever saved: one small read, made before deciding which code to load. */
  async hasSaved(): Promise<boolean> {
    try {
      return (await this.enqueue(() => storedFormat(this.kv))) !== undefined;
    } catch {
      // Unreadable storage: load() reports it.
      return true;
    }
  }

  async load(): Promise<LoadResult> {
    this.stopTimer();
    try {
      const r = await this.enqueue(() => migrateAndRead(this.kv));
      if (!r.ok) {
        this.blocked = true;
        return { ok: false, message: `The saved cluster cannot be restored: ${r.message}.` };
      }
      this.adopt(r.value, false);
      return { ok: true, ...r.value };
    } catch (e) {
      this.blocked = true;
      return { ok: false, message: `The saved cluster cannot be read: ${errorText(e)}.` };
    }
  }

  /** Replaces everything saved (history, layout and lesson progress included) with `s`. */
  async startNew(s: Scenario): Promise<void> {
    this.stopTimer();
    this.adopt({ scenario: s, history: [], layout: {} }, true);
    await this.enqueue(() => this.save());
  }

  /**
   * Follows `source` from now on. `changed`: the object keys that differ from what is saved
   * (a cluster restored from the saved snapshot), or 'all' (a cluster rebuilt another way).
   */
  attach(source: ClusterSource, changed: Iterable<string> | 'all'): void {
    this.source = source;
    this.savedEvents = undefined;
    if (changed === 'all') this.allObjects = true;
    else for (const k of changed) this.dirtyObjects.set(k, ++this.changeCount);
    this.metaRev++;
    this.touch();
  }

  /** An object was written or deleted (from the store's change observer). */
  objectChanged(resource: string, namespace: string, name: string): void {
    this.dirtyObjects.set(objectKey(resource, namespace, name), ++this.changeCount);
    this.touch();
  }

  append(e: JournalEntry): void {
    this.journal.push(e);
    this.touch();
  }

  setFiles(files: Record<string, string>): void {
    this.put(KEYS.files, { ...files });
  }

  setNow(t: number): void {
    if (!this.meta || this.meta.now === t) return;
    this.meta.now = t;
    this.metaRev++;
    this.touch();
  }

  /** The lesson the scenario carries (in meta, so share links and reloads keep it). */
  setLessonId(id: string | undefined): void {
    if (!this.meta || this.meta.lesson === id) return;
    if (id === undefined) delete this.meta.lesson;
    else this.meta.lesson = id;
    this.metaRev++;
    this.touch();
  }

  setHistory(h: string[]): void {
    this.put(KEYS.history, [...h]);
  }

  setLayout(l: Record<string, unknown>): void {
    this.put(KEYS.layout, structuredClone(l));
  }

  setLesson(p: unknown): void {
    this.put(KEYS.lesson, structuredClone(p));
  }

  /** Writes what is pending now; resolves when the write is done or has failed (status says which). */
  flush(): Promise<void> {
    this.stopTimer();
    return this.enqueue(() => this.save());
  }

  /** Everything saved, plus what is pending, as a JSON file. Works even when load failed. */
  async exportAll(): Promise<string> {
    // A Map, not an object: a damaged store's `__proto__` key must stay a plain key.
    const data = new Map<string, unknown>();
    const stored = await this.enqueue(() => this.kv.entries()).catch(() => [] as [string, unknown][]);
    // A replacement not yet written (startNew, import) supersedes what the store still holds.
    if (this.blocked || !this.replace) for (const [k, v] of stored) data.set(k, v);
    if (!this.blocked) {
      const { puts, dels } = this.collect();
      for (const k of dels) data.delete(k);
      for (const [k, v] of puts) data.set(k, v);
    }
    const safe = Object.fromEntries([...data].map(([k, v]) => [k, jsonSafe(v)]));
    return JSON.stringify({ kubeplay: EXPORT_TAG, data: safe }, null, 1);
  }

  /** Replaces everything saved with an export file (or a bare scenario); leaves it alone if invalid. */
  async importAll(text: string): Promise<{ ok: true; scenario: Scenario; snapshot?: ClusterSnapshot } | { ok: false; message: string }> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, message: 'This file is not a kubeplay export (it is not JSON).' };
    }
    let saved: Saved;
    if (isPlainObject(parsed) && parsed.kubeplay === EXPORT_TAG && isPlainObject(parsed.data)) {
      // Validate (and upgrade) on a copy: the real store is touched only once the file is good.
      const r = await migrateAndRead(memoryKV(Object.entries(parsed.data))).catch((e: unknown) => ({ ok: false as const, message: errorText(e) }));
      if (!r.ok) return { ok: false, message: `This file cannot be imported: ${r.message}.` };
      if (!r.value.scenario) return { ok: false, message: 'This file cannot be imported: it holds no cluster.' };
      saved = r.value;
    } else if (isPlainObject(parsed) && 'journal' in parsed && 'v' in parsed) {
      const r = checkScenario(parsed);
      if (!r.ok) return { ok: false, message: `This file cannot be imported: ${r.message}.` };
      saved = { scenario: r.value, history: [], layout: {} };
    } else {
      return { ok: false, message: 'This file is not a kubeplay export.' };
    }
    this.stopTimer();
    this.adopt(saved, true);
    await this.enqueue(() => this.save());
    return { ok: true, scenario: saved.scenario!, ...(saved.snapshot ? { snapshot: saved.snapshot } : {}) };
  }

  /** Deletes everything saved and forgets what was pending. */
  async clear(): Promise<void> {
    this.stopTimer();
    this.generation++;
    this.meta = undefined;
    this.journal = [];
    this.savedLength = 0;
    this.pending.clear();
    this.replace = false;
    this.blocked = false;
    this.source = undefined;
    this.dirtyObjects.clear();
    this.allObjects = false;
    this.storedObjectKeys.clear();
    this.savedEvents = undefined;
    await this.enqueue(() => this.kv.clear());
  }

  /** Takes `saved` as the current state; `unsaved` when it is not (yet) what the store holds. */
  private adopt(saved: Saved, unsaved: boolean): void {
    const s = saved.scenario;
    this.generation++;
    if (s) {
      const { journalLength: _, ...meta } = metaOf(s, 0);
      this.meta = meta;
    } else {
      this.meta = undefined;
    }
    this.journal = s ? [...s.journal] : [];
    this.pending.clear();
    // The host attaches the cluster it builds from this state (attach) once it runs.
    this.source = undefined;
    this.dirtyObjects.clear();
    this.allObjects = false;
    this.storedObjectKeys = unsaved ? new Set() : new Set(saved.objectKeys ?? []);
    this.savedEvents = undefined;
    this.blocked = false;
    this.replace = unsaved;
    this.savedLength = unsaved ? 0 : this.journal.length;
    this.metaRev++;
    this.savedMetaRev = unsaved ? this.metaRev - 1 : this.metaRev;
    if (unsaved) {
      this.pending.set(KEYS.history, saved.history);
      this.pending.set(KEYS.layout, saved.layout);
      if (s) this.pending.set(KEYS.files, { ...s.files });
      if (saved.lessonProgress !== undefined) this.pending.set(KEYS.lesson, saved.lessonProgress);
      // An imported snapshot is written as it is; the restored cluster's changes follow.
      if (s && saved.snapshot) {
        const { objects, events, ...meta } = saved.snapshot;
        this.pending.set(SNAPSHOT_KEY, { ...meta, journalLength: this.journal.length });
        this.pending.set(EVENTS_KEY, events);
        for (const o of objects) this.pending.set(objectKey(o.resource, o.object.metadata.namespace ?? '', o.object.metadata.name ?? ''), o.object);
      }
    }
  }

  private put(key: string, value: unknown): void {
    this.pending.set(key, value);
    this.touch();
  }

  private touch(): void {
    if (this.blocked || this.cancelTimer) return;
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = undefined;
      void this.enqueue(() => this.save());
    }, this.debounceMs);
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => {});
    return run;
  }

  /**
   * The records a save would write now: changed records, meta, the journal's changed chunks and,
   * with a cluster attached, its changed objects and the snapshot meta, all taken at this instant
   * so the journal and the snapshot agree.
   */
  private collect(): { puts: [string, unknown][]; dels: string[]; objects: Map<string, number>; all: boolean; events?: unknown } {
    const puts: [string, unknown][] = [...this.pending];
    let written: unknown;
    const dels: string[] = [];
    const objects = new Map(this.dirtyObjects);
    const all = this.allObjects;
    const source = this.source;
    const objectsChanged = source !== undefined && (all || objects.size > 0);
    if (this.meta && (objectsChanged || this.metaRev !== this.savedMetaRev || this.savedLength < this.journal.length)) {
      if (source) {
        const { events, ...snap } = source.meta();
        this.meta.now = snap.now;
        puts.push([SNAPSHOT_KEY, { ...snap, journalLength: this.journal.length }]);
        // The recorder's memory is most of the meta and, at rest, the same from one save to the next.
        if (all || this.replace || this.savedEvents === undefined || !sameJson(events, this.savedEvents)) {
          puts.push([EVENTS_KEY, events]);
          written = events;
        }
        if (all) {
          const live = new Set<string>();
          for (const o of source.all()) {
            const key = objectKey(o.resource, o.object.metadata.namespace ?? '', o.object.metadata.name ?? '');
            live.add(key);
            puts.push([key, o.object]);
          }
          for (const k of this.storedObjectKeys) if (!live.has(k)) dels.push(k);
        } else {
          for (const key of objects.keys()) {
            const o = source.get(key);
            if (o) puts.push([key, o.object]);
            else dels.push(key);
          }
        }
      }
      puts.push([KEYS.meta, { ...this.meta, journalLength: this.journal.length }]);
      puts.push(...chunkPuts(this.journal, this.savedLength));
    }
    return { puts, dels, objects, all, ...(written !== undefined ? { events: written } : {}) };
  }

  private async save(): Promise<void> {
    if (this.blocked) return;
    const { puts, dels, objects, all, events } = this.collect();
    if (puts.length === 0 && dels.length === 0 && !this.replace) return;
    const snapshot = new Map(this.pending);
    const length = this.journal.length;
    const rev = this.metaRev;
    const replace = this.replace;
    const generation = this.generation;
    this.emit({ state: 'saving' });
    try {
      if (replace) await this.kv.replaceAll(puts);
      else await this.kv.write(puts, dels);
    } catch (e) {
      // Nothing is marked saved: the same records (and anything newer) go out on the next flush.
      const message = isQuotaError(e)
        ? `Storage is full: the browser refused to save more (${errorText(e)}). Your latest changes are kept in this tab and saved when space is freed; export the cluster to keep a copy.`
        : `Saving failed: ${errorText(e)}. Your latest changes are kept in this tab and saved on the next try.`;
      this.emit({ state: 'error', message });
      return;
    }
    if (generation === this.generation) {
      for (const [k, v] of snapshot) if (this.pending.get(k) === v) this.pending.delete(k);
      // An object changed again while this save ran stays dirty for the next one.
      for (const [k, n] of objects) if (this.dirtyObjects.get(k) === n) this.dirtyObjects.delete(k);
      if (all) this.allObjects = false;
      if (events !== undefined) this.savedEvents = events;
      if (replace) this.storedObjectKeys.clear();
      for (const [k] of puts) if (k.startsWith(OBJECT_PREFIX)) this.storedObjectKeys.add(k);
      for (const k of dels) this.storedObjectKeys.delete(k);
      this.savedLength = Math.max(this.savedLength, length);
      this.savedMetaRev = rev;
      this.replace = false;
    }
    this.emit({ state: 'saved', at: this.clock() });
  }

  private emit(s: StorageStatus): void {
    for (const cb of this.listeners) cb(s);
  }
}

/** A value JSON can carry: anything IndexedDB held that JSON cannot (cycles, BigInt) becomes a note. */
function jsonSafe(v: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? 'null');
  } catch (e) {
    return { unreadable: errorText(e) };
  }
}
