// The framework's fused loops for the plugins that read only the node itself: Filter with
// NodeUnschedulable, TaintToleration and NodeResourcesFit, and Score with TaintToleration,
// NodeResourcesFit, BalancedAllocation and ImageLocality. Same verdicts and scores as calling
// each plugin per node, in one pass over the NodeTable's columns without a call per plugin and
// node (420 nodes per pod), the resource and image scores memoised per node for repeated pods.

import type { NodeInfo } from './node-info';
import type { SchedulerCache } from './cache';
import type { CycleState, FilterPlugin, ScorePlugin, Status } from './types';
import { MAX_NODE_SCORE } from './types';
import { HAS_IMAGES, TAINTED, UNSCHEDULABLE } from './node-table';
import { nodeUnschedulable, preferNoScheduleCount, preferNoScheduleTolerations, taintToleration } from './plugins/basic';
import { balanced, balancedAllocation, leastAllocated, nodeResourcesFit } from './plugins/resources';
import { imageLocality, imagePriority, imageSpread, nodeImageScore } from './plugins/image-locality';
import { defaultNormalizeScore } from './plugins/normalize';

// Imported names read once into module constants: the Node benchmarks load this file through a
// CommonJS transform in which every use of an imported name is a getter call, measurable at 420
// nodes x 4 plugins per pod.
const leastAllocatedOf = leastAllocated;
const balancedOf = balanced;
const imageScore = nodeImageScore;
const preferNoSchedule = preferNoScheduleCount;
const W_FIT = nodeResourcesFit.weight;
const W_BALANCED = balancedAllocation.weight;
const W_IMAGE = imageLocality.weight;
const W_TAINT = taintToleration.weight;
/** The filters every pod runs, in the profile's order. */
const ALWAYS: readonly FilterPlugin[] = [nodeUnschedulable, taintToleration, nodeResourcesFit];
const F_TAINTED = TAINTED;
/** Flags that send a node to the filter plugins themselves (images do not matter to filters). */
const F_FILTERED = UNSCHEDULABLE | TAINTED;
const F_IMAGES = HAS_IMAGES;

/** Where the filter loop writes (ScheduleResult's lists). */
export interface FilterOutput {
  failedNodes: NodeInfo[];
  failedPlugins: string[];
  failedStatuses: Status[];
  feasible: NodeInfo[];
  processed: number;
}

/**
 * True when PreFilter left only the three filters every pod runs (no nodeName, node affinity,
 * host ports, volumes, spread constraints or pod affinity to check): the common pod.
 */
export function onlyNodeLocalFilters(active: readonly FilterPlugin[]): boolean {
  return active.length === 3 && active[0] === nodeUnschedulable && active[1] === taintToleration && active[2] === nodeResourcesFit;
}

/** Slots of the feasible nodes of the current attempt (reused: one attempt at a time). */
let feasibleSlots = new Int32Array(1024);

/**
 * Filters the cache's nodes from `start` round-robin until `want` are feasible (into a new
 * `out.feasible`), as the generic loop does with the three node-local filters, each node's
 * verdict being the first failing plugin's. A node with neither the unschedulable flag nor
 * taints on which the pod fits by the NodeTable's numbers passes at once; any other node is
 * asked of the plugins themselves.
 */
export function filterNodeLocal(state: CycleState, cache: SchedulerCache, start: number, want: number, out: FilterOutput): void {
  const nodes = cache.nodes();
  const slots = cache.slots();
  const { flags, pods, allowedPods, allocCpu, allocMem, allocEph, reqCpu, reqMem, reqEph } = cache.table;
  const n = nodes.length;
  const q = state.pod.requests;
  // NodeResourcesFit's quick check covers pods, cpu, memory and ephemeral-storage; extended
  // resources and the reasons of a failure are left to the plugin.
  const zero = state.pod.zeroRequest;
  const simple = !q.scalar;
  const qCpu = q.cpu;
  const qMem = q.memory;
  const qEph = q.ephemeralStorage;
  // Sized once (no regrowth while 420 nodes are appended), trimmed to what was found.
  const feasible: NodeInfo[] = new Array(Math.min(want, n));
  if (feasibleSlots.length < n) feasibleSlots = new Int32Array(n);
  const fslots = feasibleSlots;
  let k = 0;
  let i = 0;
  while (i < n && k < want) {
    let idx = start + i++;
    if (idx >= n) idx -= n;
    const slot = slots[idx];
    if (
      (flags[slot] & F_FILTERED) === 0 &&
      pods[slot] + 1 <= allowedPods[slot] &&
      (zero || (simple && allocCpu[slot] >= qCpu + reqCpu[slot] && allocMem[slot] >= qMem + reqMem[slot] && allocEph[slot] >= qEph + reqEph[slot]))
    ) {
      fslots[k] = slot;
      feasible[k++] = nodes[idx];
    } else if (filterSlow(state, nodes[idx], out)) {
      fslots[k] = slot;
      feasible[k++] = nodes[idx];
    }
  }
  feasible.length = k;
  out.feasible = feasible;
  out.processed += i;
}

/** The three filters asked in order for a node the quick check could not pass; true when it passes. */
function filterSlow(state: CycleState, node: NodeInfo, out: FilterOutput): boolean {
  for (const p of ALWAYS) {
    const s = p.filter(state, node);
    if (s) {
      out.failedNodes.push(node);
      out.failedPlugins.push(p.name);
      out.failedStatuses.push(s);
      return false;
    }
  }
  return true;
}

/** Makes `feasibleSlots` match `nodes` when they came from the generic filter loop. */
export function slotsOf(nodes: readonly NodeInfo[]): void {
  if (feasibleSlots.length < nodes.length) feasibleSlots = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) feasibleSlots[i] = nodes[i].slot;
}

/** The score plugins `scoreNodeLocal` computes, in the order of their rows in its block. */
export const NODE_LOCAL_ROWS: readonly ScorePlugin[] = [taintToleration, nodeResourcesFit, balancedAllocation, imageLocality];

/**
 * Scores the feasible nodes (`feasibleSlots` matching `nodes`, m of them) with TaintToleration
 * (normalised, reversed), LeastAllocated, BalancedAllocation and ImageLocality into the rows of
 * `block` (row r at r * m, in NODE_LOCAL_ROWS order), and sets `totals` to their weighted sum.
 */
export function scoreNodeLocal(state: CycleState, nodes: readonly NodeInfo[], block: Float64Array, totals: Float64Array): void {
  const pod = state.pod;
  const table = state.cache.table;
  const { flags, allocCpu, allocMem, reqCpu, reqMem, nonZeroCpu, nonZeroMem, version, scoredFit, scoredBalanced, scoredAt, scoredGen, scoredImage, imageAt, imageGen } = table;
  const tols = preferNoScheduleTolerations(pod.tolerations);
  const spread = imageSpread(state);
  const images = pod.images;
  const containers = pod.numContainers;
  const noImages = containers === 0 ? 0 : imagePriority(0, containers);
  const pCpu = pod.requests.cpu;
  const pMem = pod.requests.memory;
  const pCpuNonZero = pod.nonZero.cpu;
  const pMemNonZero = pod.nonZero.memory;
  const m = nodes.length;
  const fit = m;
  const bal = 2 * m;
  const img = 3 * m;
  const fslots = feasibleSlots;
  table.scoreFor(pCpu, pMem, pCpuNonZero, pMemNonZero);
  const gen = table.gen;
  table.imageScoreFor(images, spread, containers);
  const igen = table.imgGen;
  let tainted = false;
  for (let i = 0; i < m; i++) {
    const s = fslots[i];
    const f = flags[s];
    const t = (block[i] = (f & F_TAINTED) === 0 ? 0 : preferNoSchedule(tols, nodes[i]));
    if (t > 0) tainted = true;
    let la: number;
    let b: number;
    const v = version[s];
    if (scoredAt[s] === v && scoredGen[s] === gen) {
      la = scoredFit[s];
      b = scoredBalanced[s];
    } else {
      const cpuCap = allocCpu[s];
      const memCap = allocMem[s];
      la = scoredFit[s] = leastAllocatedOf(nonZeroCpu[s] + pCpuNonZero, cpuCap, nonZeroMem[s] + pMemNonZero, memCap);
      b = scoredBalanced[s] = balancedOf(reqCpu[s] + pCpu, cpuCap, reqMem[s] + pMem, memCap);
      scoredAt[s] = v;
      scoredGen[s] = gen;
    }
    block[fit + i] = la;
    block[bal + i] = b;
    let im = noImages;
    if ((f & F_IMAGES) !== 0) {
      if (imageAt[s] === v && imageGen[s] === igen) im = scoredImage[s];
      else {
        im = scoredImage[s] = imageScore(images, spread, containers, nodes[i]);
        imageAt[s] = v;
        imageGen[s] = igen;
      }
    }
    block[img + i] = im;
    totals[i] = la * W_FIT + b * W_BALANCED + im * W_IMAGE;
  }
  // DefaultNormalizeScore(reverse): no PreferNoSchedule taint anywhere -> every node gets 100.
  if (tainted) defaultNormalizeScore(block.subarray(0, m), true);
  else block.fill(MAX_NODE_SCORE, 0, m);
  for (let i = 0; i < m; i++) totals[i] += block[i] * W_TAINT;
}
