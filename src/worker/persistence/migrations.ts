// Upgrades a saved state written by an older kubeplay, one format version at a time, then reads
// it. Each step rewrites the store in one transaction, so a failed upgrade leaves the old data.

import { SCENARIO_VERSION } from '../scenario';
import { allPuts, FORMAT, KEYS, readCurrent, type Saved } from './format';
import type { KV } from './kv';
import { EVENTS_KEY, SNAPSHOT_KEY } from './objects';
import { checkHistory, checkScenario, isPlainObject, type Checked } from './validate';

/**
 * Format 0 (the first playground build) kept everything in one `cluster` record: the clock as
 * `clock`, the worker count as `workers`, files as a list of {path, text}, journal entries
 * stamped `at` instead of `t`, and the terminal history and layout inline.
 */
export const V0_KEY = 'cluster';

type Migration = (kv: KV) => Promise<Checked<null>>;

/** MIGRATIONS[n] upgrades a store of format n to format n + 1. */
export const MIGRATIONS: Record<number, Migration> = {
  0: async (kv) => {
    const old = await kv.get(V0_KEY);
    if (!isPlainObject(old)) return { ok: false, message: `${V0_KEY}: expected an object` };
    if (!Array.isArray(old.files) || !old.files.every((f) => isPlainObject(f) && typeof f.path === 'string' && typeof f.text === 'string')) {
      return { ok: false, message: `${V0_KEY}.files: expected a list of {path, text}` };
    }
    if (!Array.isArray(old.journal)) return { ok: false, message: `${V0_KEY}.journal: expected a list` };
    const files = Object.fromEntries((old.files as { path: string; text: string }[]).map((f) => [f.path, f.text]));
    const journal = old.journal.map((e) => {
      if (!isPlainObject(e)) return e;
      const { at, ...rest } = e;
      return { ...rest, t: at };
    });
    const scenario = checkScenario({ v: SCENARIO_VERSION, seed: old.seed, startTime: old.startTime, nodes: old.workers, lesson: old.lesson, now: old.clock, files, journal });
    if (!scenario.ok) return scenario;
    const history = checkHistory(old.history ?? []);
    if (!history.ok) return history;
    if (old.layout !== undefined && !isPlainObject(old.layout)) return { ok: false, message: `${V0_KEY}.layout: expected an object` };
    const saved: Saved = { scenario: scenario.value, history: history.value, layout: (old.layout as Record<string, unknown> | undefined) ?? {} };
    // Written as format 1: the next step takes it on from there.
    const puts = allPuts(saved).map(([k, v]): [string, unknown] => (k === KEYS.meta ? [k, { ...(v as object), format: 1 }] : [k, v]));
    await kv.write(puts, [V0_KEY]);
    return { ok: true, value: null };
  },
  /**
   * Format 1 kept no objects: the cluster came from replaying the journal. Format 2 adds a
   * snapshot beside it; a format-1 save simply has none yet (it is replayed once, then saved).
   */
  1: async (kv) => {
    const meta = await kv.get(KEYS.meta);
    if (!isPlainObject(meta)) return { ok: false, message: 'meta: expected an object' };
    await kv.write([[KEYS.meta, { ...meta, format: 2 }]]);
    return { ok: true, value: null };
  },
  /**
   * Format 2 kept the event recorder's memory inside the `snapshot` record, so every save rewrote
   * it; format 3 keeps it in a record of its own, written only when it changes.
   */
  2: async (kv) => {
    const [meta, snap] = await kv.getMany([KEYS.meta, SNAPSHOT_KEY]);
    if (!isPlainObject(meta)) return { ok: false, message: 'meta: expected an object' };
    const puts: [string, unknown][] = [[KEYS.meta, { ...meta, format: 3 }]];
    if (isPlainObject(snap) && 'events' in snap) {
      const { events, ...rest } = snap;
      puts.push([SNAPSHOT_KEY, rest], [EVENTS_KEY, events]);
    }
    await kv.write(puts);
    return { ok: true, value: null };
  },
};

/** The format a store holds: `meta.format`, 0 for the single-record layout, undefined when empty. */
export async function storedFormat(kv: KV): Promise<number | 'unknown' | undefined> {
  const [meta, v0] = await kv.getMany([KEYS.meta, V0_KEY]);
  if (meta !== undefined) {
    const f = isPlainObject(meta) ? meta.format : undefined;
    return typeof f === 'number' && Number.isInteger(f) && f >= 0 ? f : 'unknown';
  }
  return v0 !== undefined ? 0 : undefined;
}

/** Brings the store up to FORMAT (writing each step) and reads it. */
export async function migrateAndRead(kv: KV): Promise<Checked<Saved>> {
  let format = await storedFormat(kv);
  if (format === 'unknown') return { ok: false, message: 'meta.format: expected a format version' };
  if (format !== undefined && format > FORMAT) {
    return { ok: false, message: `it was saved by a newer kubeplay (format ${format}; this one reads format ${FORMAT} and older)` };
  }
  while (format !== undefined && format < FORMAT) {
    const step = MIGRATIONS[format];
    if (!step) return { ok: false, message: `no upgrade from saved format ${format}` };
    const r = await step(kv);
    if (!r.ok) return { ok: false, message: `upgrading from format ${format}: ${r.message}` };
    format++;
  }
  return readCurrent(kv);
}
