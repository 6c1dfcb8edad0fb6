// One scheduling attempt (schedule_one.go schedulePod + framework runtime): PreFilter, Filter over
// a sample of nodes (percentageOfNodesToScore), Score with weights and normalisation, and the
// choice among the best nodes by reservoir sampling with the seeded PRNG.

import type { Random } from '../clock';
import type { NodeInfo } from './node-info';
import type { CycleState, FilterPlugin, ScorePlugin, Status } from './types';
import { nodeName, nodePorts, nodeUnschedulable, taintToleration } from './plugins/basic';
import { nodeAffinity } from './plugins/node-affinity';
import { balancedAllocation, nodeResourcesFit } from './plugins/resources';
import { imageLocality } from './plugins/image-locality';
import { podTopologySpread } from './plugins/topology-spread';
import { interPodAffinity } from './plugins/inter-pod-affinity';
import { volumeBinding } from './plugins/volume-binding';
import { filterNodeLocal, NODE_LOCAL_ROWS, onlyNodeLocalFilters, scoreNodeLocal, slotsOf } from './node-local';

/** Filter plugins in the default profile's order; a node's verdict is the first failure. */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  volumeBinding,
  podTopologySpread,
  interPodAffinity,
];

/** PreFilter order of the default profile (the first failure is the FitError's PreFilterMsg). */
const PRE_FILTER_PLUGINS: readonly FilterPlugin[] = [nodeName, nodeAffinity, nodePorts, volumeBinding, podTopologySpread, interPodAffinity];

/** Score plugins with the default weights: TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2, others 1. */
export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  taintToleration,
  nodeAffinity,
  nodeResourcesFit,
  podTopologySpread,
  interPodAffinity,
  balancedAllocation,
  imageLocality,
];

const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENTAGE = 5;

/**
 * numFeasibleNodesToFind with the adaptive percentage: 50% - nodes/125, at least 5%, and never
 * fewer than 100 nodes. 1000 nodes -> 42% -> 420; 5000 nodes -> 10% -> 500; 150 nodes -> 100.
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES) return numAllNodes;
  const pct = Math.max(MIN_FEASIBLE_PERCENTAGE, 50 - Math.trunc(numAllNodes / 125));
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES ? MIN_FEASIBLE_NODES : n;
}

export interface PluginScores {
  plugin: ScorePlugin;
  /** Normalised scores (0..100) before the weight: feasible node i's is `scores[offset + i]`. */
  scores: Float64Array;
  offset: number;
}

export interface ScheduleResult {
  /** The chosen node; undefined when no node fits. */
  node?: NodeInfo;
  numAllNodes: number;
  /** Set when a PreFilter plugin rejected the pod outright. */
  preFilter?: { plugin: string; status: Status };
  /** Nodes that failed a filter, with the plugin and its status (Diagnosis.NodeToStatusMap). */
  failedNodes: NodeInfo[];
  failedPlugins: string[];
  failedStatuses: Status[];
  feasible: NodeInfo[];
  /** The nodes in scan order and where the scan began: node i of the scan is order[(start + i) % n]. */
  order: readonly NodeInfo[];
  start: number;
  /** Scores and totals live in a buffer the next attempt reuses: read (or copy) them before. */
  scores: PluginScores[];
  totals?: Float64Array;
  /** Nodes examined, for the next attempt's starting point. */
  processed: number;
  /** The filter plugins PreFilter left active (preemption re-runs them). */
  active: readonly FilterPlugin[];
}

/** The filters without a PreFilter (active for every pod), in profile order. */
const ALWAYS_ACTIVE: readonly FilterPlugin[] = FILTER_PLUGINS.filter((p) => !PRE_FILTER_PLUGINS.includes(p));

/** The filter plugins still active after PreFilter, or the PreFilter rejection. */
export function runPreFilters(state: CycleState): { active: readonly FilterPlugin[] } | { plugin: string; status: Status } {
  const skipped: FilterPlugin[] = [];
  for (const p of PRE_FILTER_PLUGINS) {
    const r = p.preFilter?.(state) ?? null;
    if (r === 'skip') skipped.push(p);
    else if (r) return { plugin: p.name, status: r };
  }
  // The common pod: every PreFilter skipped its Filter.
  if (skipped.length === PRE_FILTER_PLUGINS.length) return { active: ALWAYS_ACTIVE };
  return { active: FILTER_PLUGINS.filter((p) => !skipped.includes(p)) };
}

/** Runs the active filters on one node: null when it passes, else the plugin and status. */
export function runFilters(state: CycleState, active: readonly FilterPlugin[], node: NodeInfo): [string, Status] | null {
  for (let i = 0; i < active.length; i++) {
    const s = active[i].filter(state, node);
    if (s) return [active[i].name, s];
  }
  return null;
}

/** Schedules one pod against the cache; `start` is where the node scan begins (round robin). */
export function schedulePod(state: CycleState, random: Random, start: number): ScheduleResult {
  const nodes = state.cache.nodes();
  const n = nodes.length;
  const res: ScheduleResult = { numAllNodes: n, failedNodes: [], failedPlugins: [], failedStatuses: [], feasible: [], order: nodes, start, scores: [], processed: 0, active: [] };
  const pre = runPreFilters(state);
  if ('status' in pre) {
    res.preFilter = pre;
    for (const node of nodes) {
      res.failedNodes.push(node);
      res.failedPlugins.push(pre.plugin);
      res.failedStatuses.push(pre.status);
    }
    return res;
  }
  const active = pre.active;
  res.active = active;
  // A pod nominated by an earlier preemption tries its nominated node first.
  const nominated = state.pod.nominatedNodeName ? state.cache.node(state.pod.nominatedNodeName) : undefined;
  if (nominated && runFilters(state, active, nominated) === null) {
    res.node = nominated;
    res.feasible.push(nominated);
    return res;
  }
  const want = numFeasibleNodesToFind(n);
  const fused = onlyNodeLocalFilters(active);
  if (fused) filterNodeLocal(state, state.cache, start, want, res);
  else {
    for (let i = 0; i < n; i++) {
      const node = nodes[(start + i) % n];
      res.processed++;
      const f = runFilters(state, active, node);
      if (f) {
        res.failedNodes.push(node);
        res.failedPlugins.push(f[0]);
        res.failedStatuses.push(f[1]);
      } else {
        res.feasible.push(node);
        if (res.feasible.length >= want) break;
      }
    }
  }
  if (res.feasible.length <= 1) {
    res.node = res.feasible[0];
    return res;
  }
  if (!fused) slotsOf(res.feasible);
  scoreNodes(state, res);
  res.node = res.feasible[selectHost(res.totals!, random)];
  return res;
}

/**
 * The current attempt's score rows and totals: one buffer reused by every attempt, so scoring
 * writes to memory that is already in the CPU's cache instead of 17 KB of fresh memory per pod
 * (what kept explanations need is copied out: ExplanationStore).
 */
let scratch = new Float64Array(8192);

function scratchFor(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  return scratch;
}

function scoreNodes(state: CycleState, res: ScheduleResult): void {
  const nodes = res.feasible;
  const m = nodes.length;
  const local = NODE_LOCAL_ROWS.length;
  // Rows: the node-local plugins', the totals, then one per other plugin that scores.
  const buf = scratchFor((SCORE_PLUGINS.length + 1) * m);
  const totals = buf.subarray(local * m, (local + 1) * m);
  scoreNodeLocal(state, nodes, buf, totals);
  let next = local + 1;
  for (const p of SCORE_PLUGINS) {
    const row = NODE_LOCAL_ROWS.indexOf(p);
    if (row >= 0) {
      res.scores.push({ plugin: p, scores: buf, offset: row * m });
      continue;
    }
    if (p.preScore && !p.preScore(state, nodes)) continue;
    const offset = next++ * m;
    const scores = buf.subarray(offset, offset + m);
    if (p.scoreAll) p.scoreAll(state, nodes, scores);
    else for (let i = 0; i < m; i++) scores[i] = p.score(state, nodes[i]);
    p.normalize?.(state, nodes, scores);
    for (let i = 0; i < m; i++) totals[i] += scores[i] * p.weight;
    res.scores.push({ plugin: p, scores: buf, offset });
  }
  res.totals = totals;
}

/**
 * selectHost: the highest total wins; among k equal totals one is drawn uniformly with the seeded
 * PRNG. Upstream's reservoir sampling (keep the i-th tie with probability 1/i) gives the same
 * uniform choice; one draw instead of one per tie keeps the hot path cheap.
 */
export function selectHost(totals: Float64Array, random: Random): number {
  let max = totals[0];
  let count = 1;
  for (let i = 1; i < totals.length; i++) {
    const s = totals[i];
    if (s > max) {
      max = s;
      count = 1;
    } else if (s === max) count++;
  }
  if (count === 1) return totals.indexOf(max);
  let pick = random.intn(count);
  for (let i = 0; i < totals.length; i++) if (totals[i] === max && pick-- === 0) return i;
  return 0;
}
