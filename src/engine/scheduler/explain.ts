// Per-pod record of the last scheduling attempt, for the UI's "why here / why pending": each
// failing node's plugin and reason, and each scored node's per-plugin scores. Bounded (LRU) so
// 10,000 pods on 1,000 nodes do not keep megabytes of score tables alive, and compact: a kept
// record outlives many attempts, so whatever it holds is promoted to the old generation, which
// then fills and is marked (the whole store with it) the more often, the more each record holds.

import type { PluginScores, ScheduleResult } from './framework';
import type { NodeInfo } from './node-info';
import type { ScorePlugin, Status } from './types';
import { LruMap } from '../util/lru';

export interface FilterVerdict {
  node: string;
  plugin: string;
  /** The plugin's reasons joined with ', ' (framework.Status.Message). */
  reason: string;
}

export interface NodeScore {
  node: string;
  plugin: string;
  /** Normalised score 0..100, before the weight. */
  score: number;
  weight: number;
}

export interface Placement {
  /** The node the pod was bound to (or nominated for, after preemption). */
  node?: string;
  /** The FailedScheduling message when the attempt failed. */
  message?: string;
  /** Nodes rejected in the last attempt, with the first plugin that rejected each (as upstream stops there). */
  filters: FilterVerdict[];
  /** Nodes that passed every filter (the sample that was scored). */
  feasible: string[];
  scores: NodeScore[];
  /** Weighted totals per feasible node, when scoring ran (one feasible node skips scoring). */
  totals: { node: string; score: number }[];
}

interface Entry {
  node?: string;
  message?: string;
  /** The attempt's nodes in scan order, shared with the cache (replaced, never changed, when nodes come and go). */
  order: readonly NodeInfo[];
  start: number;
  processed: number;
  /** Only when the feasible nodes are not "every scanned node that did not fail" (a nominated node). */
  feasible?: readonly NodeInfo[];
  failedNodes: readonly NodeInfo[];
  failedPlugins: readonly string[];
  failedStatuses: readonly Status[];
  /** The plugins that scored (none when scoring was skipped), and their normalised scores. */
  plugins: readonly ScorePlugin[];
  /**
   * Plugin r's score of feasible node i at rows[offset + r * m + i]: bytes, as every normalised
   * score is 0..100; `rows` is a chunk shared with other entries (no view per entry).
   */
  rows: Uint8Array | Float64Array;
  offset: number;
  scored: boolean;
}

/** Bytes per chunk of kept score rows: about 40 attempts of 420 nodes x 4 plugins. */
const BYTE_CHUNK = 65_536;

/**
 * Where kept score rows live. The framework's own Float64 score arrays are views of 1 MiB chunks
 * that die young when nobody keeps them; a kept view would keep its chunk alive into the old
 * generation, and 10,000 pods' worth of such chunks (270 MB) filled the old generation with
 * external memory that only full collections of the whole heap give back.
 */
class ByteArena {
  chunk = new Uint8Array(BYTE_CHUNK);
  used = 0;

  /** Room for `n` bytes: afterwards they are chunk[used - n .. used). */
  reserve(n: number): void {
    if (this.used + n > this.chunk.length) {
      this.chunk = new Uint8Array(Math.max(n, BYTE_CHUNK));
      this.used = 0;
    }
    this.used += n;
  }
}

const NO_ROWS = new Uint8Array(0);
const NONE: readonly never[] = Object.freeze([]);

/** Copies the attempt's scores into `e` as rows of bytes, or of doubles should a score not fit a byte. */
function keepRows(e: Entry, scores: readonly PluginScores[], m: number, arena: ByteArena): void {
  const n = scores.length * m;
  if (n === 0) return;
  arena.reserve(n);
  const rows = arena.chunk;
  const at = arena.used - n;
  let bytes = true;
  for (let r = 0; r < scores.length; r++) {
    const src = scores[r].scores;
    const from = scores[r].offset;
    const to = at + r * m;
    for (let i = 0; i < m; i++) {
      const v = src[from + i];
      rows[to + i] = v;
      if (v !== (v & 255)) bytes = false;
    }
  }
  e.rows = rows;
  e.offset = at;
  if (bytes) return;
  // A fraction, a negative or a large score (no plugin gives one today): kept as doubles.
  const doubles = new Float64Array(n);
  for (let r = 0; r < scores.length; r++) doubles.set(scores[r].scores.subarray(scores[r].offset, scores[r].offset + m), r * m);
  e.rows = doubles;
  e.offset = 0;
}

/**
 * The feasible nodes, in the order they were found: every node the scan examined that did not
 * fail a filter. The 420-node list itself is not kept.
 */
function feasibleOf(e: Entry): NodeInfo[] {
  if (e.feasible) return [...e.feasible];
  const failed = new Set(e.failedNodes);
  const out: NodeInfo[] = [];
  const n = e.order.length;
  for (let i = 0; i < e.processed; i++) {
    const node = e.order[(e.start + i) % n];
    if (!failed.has(node)) out.push(node);
  }
  return out;
}

const MAX_ENTRIES = 1000;

export class ExplanationStore {
  private readonly entries = new LruMap<Entry>();
  private readonly rows = new ByteArena();

  record(podKey: string, res: ScheduleResult, node: string | undefined, message: string | undefined): void {
    const e: Entry = {
      node,
      message,
      order: res.order,
      start: res.start,
      processed: res.processed,
      // Shared empty lists for the common attempt where no node failed (less to keep per pod).
      failedNodes: res.failedNodes.length ? res.failedNodes : NONE,
      failedPlugins: res.failedPlugins.length ? res.failedPlugins : NONE,
      failedStatuses: res.failedStatuses.length ? res.failedStatuses : NONE,
      plugins: res.scores.map((s) => s.plugin),
      rows: NO_ROWS,
      offset: 0,
      scored: res.totals !== undefined,
    };
    keepRows(e, res.scores, res.feasible.length, this.rows);
    // Anything but the scan's own result (the nominated node tried first) is kept as it is.
    if (res.feasible.length !== res.processed - res.failedNodes.length) e.feasible = res.feasible;
    this.entries.set(podKey, e);
    if (this.entries.size > MAX_ENTRIES) this.entries.dropOldest();
  }

  forget(podKey: string): void {
    this.entries.delete(podKey);
  }

  /** The last attempt for `ns/name`, materialised; undefined when none is kept. */
  explain(podKey: string): Placement | undefined {
    const e = this.entries.get(podKey);
    if (!e) return undefined;
    const feasible = feasibleOf(e);
    const p: Placement = { filters: [], feasible: feasible.map((n) => n.name), scores: [], totals: [] };
    if (e.node) p.node = e.node;
    if (e.message) p.message = e.message;
    e.failedNodes.forEach((n, i) => p.filters.push({ node: n.name, plugin: e.failedPlugins[i], reason: e.failedStatuses[i].reasons.join(', ') }));
    const m = feasible.length;
    feasible.forEach((n, i) => {
      // The weighted total as the framework summed it (integers: the order of the sum does not matter).
      let total = 0;
      e.plugins.forEach((plugin, r) => {
        const score = e.rows[e.offset + r * m + i];
        p.scores.push({ node: n.name, plugin: plugin.name, score, weight: plugin.weight });
        total += score * plugin.weight;
      });
      if (e.scored) p.totals.push({ node: n.name, score: total });
    });
    return p;
  }
}
