// NodeResourcesFit (filter + LeastAllocated score) and NodeResourcesBalancedAllocation
// (plugins/noderesources/{fit,least_allocated,balanced_allocation,resource_allocation}.go).

import type { FilterPlugin, ScorePlugin, Status } from '../types';
import { MAX_NODE_SCORE, status } from '../types';
import type { NodeInfo } from '../node-info';
import type { PodInfo } from '../pod-info';

/** MAX_NODE_SCORE read once (a getter call per use under the benchmarks' CommonJS transform). */
const MAX_SCORE = MAX_NODE_SCORE;

const TOO_MANY = 'Too many pods';
const statusCache = new Map<string, Status>();

/** The reasons a node cannot hold the pod, in upstream's order (pods, cpu, memory, storage, others). */
export function insufficientResources(pod: PodInfo, node: NodeInfo): string[] {
  const out: string[] = [];
  if (node.pods.size + 1 > node.allowedPods) out.push(TOO_MANY);
  if (pod.zeroRequest) return out;
  const a = node.allocatable;
  const r = node.requested;
  const q = pod.requests;
  if (a.cpu < q.cpu + r.cpu) out.push('Insufficient cpu');
  if (a.memory < q.memory + r.memory) out.push('Insufficient memory');
  if (a.ephemeralStorage < q.ephemeralStorage + r.ephemeralStorage) out.push('Insufficient ephemeral-storage');
  if (q.scalar) {
    for (const k of Object.keys(q.scalar).sort()) {
      if ((a.scalar?.[k] ?? 0) < q.scalar[k] + (r.scalar?.[k] ?? 0)) out.push(`Insufficient ${k}`);
    }
  }
  return out;
}

export const nodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  filter(state, node) {
    // Fast path without allocating: the common case is a node that fits.
    const q = state.pod.requests;
    const a = node.allocatable;
    const r = node.requested;
    if (
      node.pods.size + 1 <= node.allowedPods &&
      (state.pod.zeroRequest || (!q.scalar && a.cpu >= q.cpu + r.cpu && a.memory >= q.memory + r.memory && a.ephemeralStorage >= q.ephemeralStorage + r.ephemeralStorage))
    ) {
      return null;
    }
    const reasons = insufficientResources(state.pod, node);
    if (reasons.length === 0) return null;
    const key = reasons.join('\u0000');
    let s = statusCache.get(key);
    if (!s) statusCache.set(key, (s = status('Unschedulable', ...reasons)));
    return s;
  },
  /**
   * LeastAllocated over cpu and memory, weight 1 each, counting absent requests as 100m / 200Mi.
   * Example: 4 CPU node with 1 CPU requested, pod asks 1 CPU -> (4000-2000)*100/4000 = 50; memory
   * 8Gi with 2Gi + 2Gi -> 50; score (50 + 50) / 2 = 50.
   */
  score(state, node) {
    return leastAllocatedScore(state.pod, node);
  },
  // The framework's generic per-node call site sees every plugin (megamorphic); this loop does not.
  scoreAll(state, nodes, out) {
    const pod = state.pod;
    for (let i = 0; i < nodes.length; i++) out[i] = leastAllocatedScore(pod, nodes[i]);
  },
};

function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  const r = node.nonZeroRequested;
  return leastAllocated(r.cpu + pod.nonZero.cpu, node.allocatable.cpu, r.memory + pod.nonZero.memory, node.allocatable.memory);
}

/**
 * LeastAllocated from numbers (requests including the pod's, absent ones counted as 100m /
 * 200Mi): also used by the framework's node-local loop, which reads them from the NodeTable.
 */
export function leastAllocated(cpu: number, cpuCap: number, memory: number, memoryCap: number): number {
  let sum = 0;
  let weights = 0;
  if (cpuCap > 0) {
    sum += leastRequested(cpu, cpuCap);
    weights++;
  }
  if (memoryCap > 0) {
    sum += leastRequested(memory, memoryCap);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_SCORE) / capacity);
}

/**
 * BalancedAllocation: 100 * (1 - std of the cpu and memory fractions), with actual requests.
 * Example: cpu 3000m/4000m = 0.75, memory 5Gi/10Gi = 0.5 -> std |0.75-0.5|/2 = 0.125 -> 87.
 */
export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(state, node) {
    return balancedScore(state.pod, node);
  },
  scoreAll(state, nodes, out) {
    const pod = state.pod;
    for (let i = 0; i < nodes.length; i++) out[i] = balancedScore(pod, nodes[i]);
  },
};

function balancedScore(pod: PodInfo, node: NodeInfo): number {
  const r = node.requested;
  return balanced(r.cpu + pod.requests.cpu, node.allocatable.cpu, r.memory + pod.requests.memory, node.allocatable.memory);
}

/** BalancedAllocation from numbers (actual requests including the pod's), as `leastAllocated`. */
export function balanced(cpu: number, cpuCap: number, memory: number, memoryCap: number): number {
  let f1 = -1;
  let f2 = -1;
  if (cpuCap > 0) f1 = Math.min(1, cpu / cpuCap);
  if (memoryCap > 0) f2 = Math.min(1, memory / memoryCap);
  const std = f1 >= 0 && f2 >= 0 ? Math.abs((f1 - f2) / 2) : 0;
  return Math.trunc((1 - std) * MAX_SCORE);
}
