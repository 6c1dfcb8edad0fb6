// The saved layout (format 3): a versioned `meta` record, the journal in append-only chunks of
// CHUNK entries, one record each for files, history, layout and lesson progress, and the cluster
// as an engine snapshot: one record per object plus `snapshot` and its events (objects.ts).

import { SCENARIO_VERSION, type JournalEntry, type Scenario } from '../scenario';
import type { KV } from './kv';
import type { ClusterSnapshot } from '../../engine/snapshot';
import { EVENTS_KEY, OBJECT_PREFIX, readSnapshot, SNAPSHOT_KEY } from './objects';
import { checkHistory, checkScenario, isPlainObject, type Checked } from './validate';

/** The current saved format; older ones go through MIGRATIONS. */
export const FORMAT = 3;
/** Entries per journal chunk: a save rewrites at most the last, partly filled chunk. */
export const CHUNK = 256;
/** More entries than any real session makes: a larger count means the meta record is damaged. */
const MAX_JOURNAL = 10_000_000;

export const KEYS = { meta: 'meta', files: 'files', history: 'history', layout: 'layout', lesson: 'lessonProgress' } as const;

export function chunkKey(i: number): string {
  return `journal:${String(i).padStart(4, '0')}`;
}

export interface Meta {
  format: typeof FORMAT;
  seed: number;
  startTime: number;
  nodes: number;
  now: number;
  lesson?: string;
  /** Entries saved across the chunks: chunk i holds entries [i*CHUNK, (i+1)*CHUNK). */
  journalLength: number;
}

/** What a load finds (scenario absent when nothing was ever saved). */
export interface Saved {
  scenario?: Scenario;
  history: string[];
  layout: Record<string, unknown>;
  lessonProgress?: unknown;
  /**
   * The cluster as it was saved with the journal (format 2 on), when the save holds one that
   * matches it; without it the cluster is rebuilt by replaying the journal.
   */
  snapshot?: ClusterSnapshot;
  /** Object records the store holds (so a full rewrite can delete the ones no longer there). */
  objectKeys?: string[];
}

export function metaOf(s: Omit<Scenario, 'files' | 'journal' | 'v'>, journalLength: number): Meta {
  const meta: Meta = { format: FORMAT, seed: s.seed, startTime: s.startTime, nodes: s.nodes, now: s.now, journalLength };
  if (s.lesson !== undefined) meta.lesson = s.lesson;
  return meta;
}

/** The chunk records covering entries [from, journal.length): the chunk `from` falls in onwards. */
export function chunkPuts(journal: JournalEntry[], from: number): [string, unknown][] {
  const puts: [string, unknown][] = [];
  for (let i = Math.floor(from / CHUNK); i * CHUNK < journal.length; i++) puts.push([chunkKey(i), journal.slice(i * CHUNK, (i + 1) * CHUNK)]);
  return puts;
}

/** Every record of a complete saved state. */
export function allPuts(saved: Saved): [string, unknown][] {
  const puts: [string, unknown][] = [[KEYS.history, saved.history], [KEYS.layout, saved.layout]];
  if (saved.lessonProgress !== undefined) puts.push([KEYS.lesson, saved.lessonProgress]);
  const s = saved.scenario;
  if (s) puts.push([KEYS.meta, metaOf(s, s.journal.length)], [KEYS.files, s.files], ...chunkPuts(s.journal, 0));
  return puts;
}

/** Reads and checks a state of the current format. Nothing here throws on bad data: it says what is wrong. */
export async function readCurrent(kv: KV): Promise<Checked<Saved>> {
  const [meta, files, history, layout, lessonProgress] = await kv.getMany([KEYS.meta, KEYS.files, KEYS.history, KEYS.layout, KEYS.lesson]);
  const h = history === undefined ? { ok: true as const, value: [] } : checkHistory(history);
  if (!h.ok) return h;
  if (layout !== undefined && !isPlainObject(layout)) return { ok: false, message: 'layout: expected an object' };
  const saved: Saved = { history: h.value, layout: (layout as Record<string, unknown> | undefined) ?? {} };
  if (lessonProgress !== undefined) saved.lessonProgress = lessonProgress;
  if (meta === undefined) return { ok: true, value: saved };
  if (!isPlainObject(meta)) return { ok: false, message: 'meta: expected an object' };
  const length = meta.journalLength;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > MAX_JOURNAL) return { ok: false, message: 'meta.journalLength: expected a count of entries' };
  const count = Math.ceil(length / CHUNK);
  const chunks = await kv.getMany(Array.from({ length: count }, (_, i) => chunkKey(i)));
  const journal: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const chunk = chunks[i];
    const want = Math.min(CHUNK, length - i * CHUNK);
    if (!Array.isArray(chunk)) return { ok: false, message: `${chunkKey(i)}: missing or not a list` };
    if (chunk.length < want) return { ok: false, message: `${chunkKey(i)}: ${chunk.length} entries where ${want} were saved` };
    // A chunk may hold more than meta counts when a later write of meta failed: those are dropped.
    journal.push(...chunk.slice(0, want));
  }
  const scenario = checkScenario({ v: SCENARIO_VERSION, seed: meta.seed, startTime: meta.startTime, nodes: meta.nodes, lesson: meta.lesson, now: meta.now, files: files ?? {}, journal });
  if (!scenario.ok) return scenario;
  saved.scenario = scenario.value;
  const [snapMeta, events] = await kv.getMany([SNAPSHOT_KEY, EVENTS_KEY]);
  if (snapMeta !== undefined) {
    const records = (await kv.entries()).filter(([k]) => k.startsWith(OBJECT_PREFIX));
    saved.objectKeys = records.map(([k]) => k);
    // A snapshot is used only when it was written with this meta (same instant and journal);
    // anything else (a save cut short before format 2 wrote it) falls back to the journal.
    const sm = snapMeta as { now?: unknown; journalLength?: unknown };
    if (isPlainObject(snapMeta) && sm.now === meta.now && sm.journalLength === length) {
      const { journalLength: _, ...rest } = snapMeta;
      const snap = readSnapshot({ ...rest, events }, records);
      if (!snap.ok) return snap;
      saved.snapshot = snap.value;
    }
  }
  return { ok: true, value: saved };
}
