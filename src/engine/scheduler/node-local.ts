// The framework's fused loops for the plugins that read only the node itself: Filter with
// NodeUnschedulable, TaintToleration and NodeResourcesFit, and Score with TaintToleration,
// NodeResourcesFit, BalancedAllocation and ImageLocality. Same verdicts and scores as calling
// each plugin per node, in one pass without a call per plugin and node (420 nodes per pod).

import type { NodeInfo } from './node-info';
import type { SchedulerCache } from './cache';
import type { CycleState, FilterPlugin, Status } from './types';
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
const UNSCHEDULABLE_PLUGIN = nodeUnschedulable;
const TAINT_PLUGIN = taintToleration;
const FIT_PLUGIN = nodeResourcesFit;
const F_UNSCHEDULABLE = UNSCHEDULABLE;
const F_TAINTED = TAINTED;
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
 * Filters the cache's nodes from `start` round-robin until `want` are feasible, as the generic
 * loop does with the three node-local filters, each node's verdict being the first failing
 * plugin's. A node with neither the unschedulable flag nor taints needs only the resource check,
 * read from the NodeTable; any doubt asks the plugin itself.
 */
export function filterNodeLocal(state: CycleState, cache: SchedulerCache, start: number, want: number, out: FilterOutput): void {
  const nodes = cache.nodes();
  const slots = cache.slots();
  const t = cache.table;
  const { flags, pods, allowedPods, allocCpu, allocMem, allocEph, reqCpu, reqMem, reqEph } = t;
  const n = nodes.length;
  const pod = state.pod;
  const q = pod.requests;
  // NodeResourcesFit's fast check (pods, cpu, memory, ephemeral-storage); a miss asks the plugin,
  // which also covers extended resources and builds the reasons.
  const zero = pod.zeroRequest;
  const simple = !q.scalar;
  const qCpu = q.cpu;
  const qMem = q.memory;
  const qEph = q.ephemeralStorage;
  const feasible = out.feasible;
  if (feasibleSlots.length < n) feasibleSlots = new Int32Array(n);
  let processed = 0;
  for (let i = 0; i < n; i++) {
    let idx = start + i;
    if (idx >= n) idx -= n;
    const slot = slots[idx];
    processed++;
    let s: Status | null = null;
    let plugin = '';
    const f = flags[slot];
    if ((f & F_UNSCHEDULABLE) !== 0 && (s = UNSCHEDULABLE_PLUGIN.filter(state, nodes[idx]))) plugin = UNSCHEDULABLE_PLUGIN.name;
    else if ((f & F_TAINTED) !== 0 && (s = TAINT_PLUGIN.filter(state, nodes[idx]))) plugin = TAINT_PLUGIN.name;
    else {
      const fits =
        pods[slot] + 1 <= allowedPods[slot] &&
        (zero || (simple && allocCpu[slot] >= qCpu + reqCpu[slot] && allocMem[slot] >= qMem + reqMem[slot] && allocEph[slot] >= qEph + reqEph[slot]));
      if (!fits && (s = FIT_PLUGIN.filter(state, nodes[idx]))) plugin = FIT_PLUGIN.name;
    }
    if (s) {
      out.failedNodes.push(nodes[idx]);
      out.failedPlugins.push(plugin);
      out.failedStatuses.push(s);
    } else {
      feasibleSlots[feasible.length] = slot;
      feasible.push(nodes[idx]);
      if (feasible.length >= want) break;
    }
  }
  out.processed += processed;
}

/** Makes `feasibleSlots` match `nodes` when they came from the generic filter loop. */
export function slotsOf(nodes: readonly NodeInfo[]): void {
  if (feasibleSlots.length < nodes.length) feasibleSlots = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) feasibleSlots[i] = nodes[i].slot;
}

/** The fused score arrays (normalised, before weights), one per plugin. */
export interface NodeLocalScores {
  taint: Float64Array;
  fit: Float64Array;
  balanced: Float64Array;
  image: Float64Array;
}

/**
 * Scores the feasible nodes (`feasibleSlots` matching `nodes`) with TaintToleration (normalised,
 * reversed), LeastAllocated, BalancedAllocation and ImageLocality, and sets `totals` to their
 * weighted sum.
 */
export function scoreNodeLocal(state: CycleState, nodes: readonly NodeInfo[], out: NodeLocalScores, totals: Float64Array): void {
  const pod = state.pod;
  const { flags, allocCpu, allocMem, reqCpu, reqMem, nonZeroCpu, nonZeroMem } = state.cache.table;
  const tols = preferNoScheduleTolerations(pod.tolerations);
  const spread = imageSpread(state);
  const images = pod.images;
  const containers = pod.numContainers;
  const noImages = containers === 0 ? 0 : imagePriority(0, containers);
  const pCpu = pod.requests.cpu;
  const pMem = pod.requests.memory;
  const pCpuNonZero = pod.nonZero.cpu;
  const pMemNonZero = pod.nonZero.memory;
  const { taint, fit, balanced: bal, image } = out;
  const fslots = feasibleSlots;
  let tainted = false;
  for (let i = 0; i < nodes.length; i++) {
    const s = fslots[i];
    const f = flags[s];
    const t = (taint[i] = (f & F_TAINTED) === 0 ? 0 : preferNoSchedule(tols, nodes[i]));
    if (t > 0) tainted = true;
    const cpuCap = allocCpu[s];
    const memCap = allocMem[s];
    const la = (fit[i] = leastAllocatedOf(nonZeroCpu[s] + pCpuNonZero, cpuCap, nonZeroMem[s] + pMemNonZero, memCap));
    const b = (bal[i] = balancedOf(reqCpu[s] + pCpu, cpuCap, reqMem[s] + pMem, memCap));
    const im = (image[i] = (f & F_IMAGES) === 0 ? noImages : imageScore(images, spread, containers, nodes[i]));
    totals[i] = la * W_FIT + b * W_BALANCED + im * W_IMAGE;
  }
  // DefaultNormalizeScore(reverse): no PreferNoSchedule taint anywhere -> every node gets 100.
  if (tainted) defaultNormalizeScore(taint, true);
  else taint.fill(MAX_NODE_SCORE);
  for (let i = 0; i < nodes.length; i++) totals[i] += taint[i] * W_TAINT;
}
