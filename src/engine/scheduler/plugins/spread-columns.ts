// PodTopologySpread scoring when every node counts and none is ignored (the system defaults for
// a Deployment's pods): domains and counts by slot from the scheduler cache's label columns,
// instead of a labels-object lookup and a Map of values per scored node (420 per pod).

import type { CycleState } from '../types';
import type { NodeInfo } from '../node-info';
import type { LabelColumn } from '../label-column';
import type { Constraint } from './topology-spread';

const HOSTNAME = 'kubernetes.io/hostname';

/** What preScore leaves for score and normalize. */
export interface ScoreState {
  constraints: readonly Constraint[];
  ignored: Set<NodeInfo>;
  weights: number[];
  pairCounts: Map<string, number>[];
  perNode: { perNode: number[] }[];
  /**
   * Set when every node counts and none is ignored (the system defaults): per constraint, its
   * key's label column, and matching pods per value id (the pairCounts, by id; 0 elsewhere).
   */
  columns?: readonly LabelColumn[];
  domainCounts: number[][];
}

/** spreadScore from the label columns (no node ignored): the same sum, term by term. */
export function spreadScoreBySlot(s: ScoreState, columns: readonly LabelColumn[], slot: number): number {
  let score = 0;
  for (let i = 0; i < s.constraints.length; i++) {
    const col = columns[i];
    if (col.has[slot] === 0) continue;
    const c = s.constraints[i];
    const cnt = c.topologyKey === HOSTNAME ? (s.perNode[i].perNode[slot] ?? 0) : s.domainCounts[i][col.ids[slot]];
    score += cnt * s.weights[i] + (c.maxSkew - 1);
  }
  return Math.round(score);
}

/** The scored nodes' slots (reused: one attempt at a time). */
let slotScratch = new Int32Array(1024);

/**
 * spreadScoreBySlot for every node, a constraint at a time (its columns and weight read once):
 * each node's sum still adds the constraints' terms in order from 0, so the same doubles.
 */
export function scoreAllBySlot(s: ScoreState, columns: readonly LabelColumn[], nodes: readonly NodeInfo[], out: Float64Array): void {
  const m = nodes.length;
  if (slotScratch.length < m) slotScratch = new Int32Array(Math.max(m, 2 * slotScratch.length));
  const slots = slotScratch;
  for (let k = 0; k < m; k++) {
    slots[k] = nodes[k].slot;
    out[k] = 0;
  }
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    const has = columns[i].has;
    const w = s.weights[i];
    const extra = c.maxSkew - 1;
    if (c.topologyKey === HOSTNAME) {
      const per = s.perNode[i].perNode;
      for (let k = 0; k < m; k++) {
        const slot = slots[k];
        if (has[slot] !== 0) out[k] += (per[slot] ?? 0) * w + extra;
      }
    } else {
      const ids = columns[i].ids;
      const counts = s.domainCounts[i];
      for (let k = 0; k < m; k++) {
        const slot = slots[k];
        if (has[slot] !== 0) out[k] += counts[ids[slot]] * w + extra;
      }
    }
  }
  for (let k = 0; k < m; k++) out[k] = Math.round(out[k]);
}

/** Value ids already seen in the current attempt (stamped, so never cleared). */
let seenAt = new Int32Array(64);
let attempt = 0;

/**
 * preScoreSpread when every node counts and none is ignored (the system defaults, no required
 * node affinity): the domains among the scored nodes are read from the cache's label columns,
 * and each domain's matching pods from its running per-domain sums, as the loops over every
 * node would add them up. A node without a key files under '' there, as in pairCounts.
 */
export function preScoreAllNodes(state: CycleState, constraints: readonly Constraint[], nodes: readonly NodeInfo[]): boolean {
  const cache = state.cache;
  const n = constraints.length;
  const perNode = constraints.map((c) => cache.selectorCounts(state.pod.namespace, c.selector));
  const columns: LabelColumn[] = [];
  const domainCounts: number[][] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = constraints[i];
    const col = cache.labelColumn(c.topologyKey);
    columns.push(col);
    if (c.topologyKey === HOSTNAME) {
      domainCounts.push([]);
      weights.push(Math.log(nodes.length + 2));
      continue;
    }
    if (seenAt.length < col.values.length) seenAt = new Int32Array(Math.max(col.values.length, 2 * seenAt.length));
    const stamp = (attempt = (attempt + 1) | 0 || 1);
    const counts: number[] = new Array(col.values.length).fill(0);
    const sums = cache.domainCounts(perNode[i], c.topologyKey);
    const ids = col.ids;
    let domains = 0;
    // Zone-interleaved nodes show every domain within the first few: once all of the column's
    // values are seen, the rest of the 420 nodes cannot add one.
    const all = col.values.length;
    for (let k = 0; k < nodes.length && domains < all; k++) {
      const id = ids[nodes[k].slot];
      if (seenAt[id] === stamp) continue;
      seenAt[id] = stamp;
      domains++;
      counts[id] = sums.get(col.values[id]) ?? 0;
    }
    domainCounts.push(counts);
    weights.push(Math.log(domains + 2));
  }
  const s: ScoreState = { constraints, ignored: NO_NODES, weights, pairCounts: [], perNode, columns, domainCounts };
  state.data.set('PodTopologySpread/score', s);
  return true;
}

/** The ignored set when no node is ignored (never added to). */
const NO_NODES: Set<NodeInfo> = new Set();
