// Per-pod record of the last scheduling attempt, for the UI's "why here / why pending": each
// failing node's plugin and reason, and each scored node's per-plugin scores. Bounded (LRU) so
// 10,000 pods on 1,000 nodes do not keep megabytes of score tables alive.

import type { ScheduleResult } from './framework';
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
  res: ScheduleResult;
  node?: string;
  message?: string;
}

const MAX_ENTRIES = 1000;

export class ExplanationStore {
  private readonly entries = new LruMap<Entry>();

  record(podKey: string, res: ScheduleResult, node: string | undefined, message: string | undefined): void {
    this.entries.set(podKey, { res, node, message });
    if (this.entries.size > MAX_ENTRIES) this.entries.dropOldest();
  }

  forget(podKey: string): void {
    this.entries.delete(podKey);
  }

  /** The last attempt for `ns/name`, materialised; undefined when none is kept. */
  explain(podKey: string): Placement | undefined {
    const e = this.entries.get(podKey);
    if (!e) return undefined;
    const r = e.res;
    const p: Placement = { filters: [], feasible: r.feasible.map((n) => n.name), scores: [], totals: [] };
    if (e.node) p.node = e.node;
    if (e.message) p.message = e.message;
    r.failedNodes.forEach((n, i) => p.filters.push({ node: n.name, plugin: r.failedPlugins[i], reason: r.failedStatuses[i].reasons.join(', ') }));
    r.feasible.forEach((n, i) => {
      for (const s of r.scores) p.scores.push({ node: n.name, plugin: s.plugin.name, score: s.scores[i], weight: s.plugin.weight });
      if (r.totals) p.totals.push({ node: n.name, score: r.totals[i] });
    });
    return p;
  }
}
