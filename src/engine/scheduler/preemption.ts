// DefaultPreemption (plugins/defaultpreemption + framework/preemption): when no node fits, find a
// node where evicting lower-priority pods lets the pod fit, keep as many of them as possible
// (reprieve), pick the best node by upstream's criteria, and report why preemption cannot help.

import type { Random } from '../clock';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import type { CycleState, FilterPlugin, Status } from './types';
import { status } from './types';
import { runFilters, type ScheduleResult } from './framework';
import { fitErrorMessage } from './fit-error';

const NOT_HELPFUL = status('UnschedulableAndUnresolvable', 'Preemption is not helpful for scheduling');
const NO_VICTIMS = status('UnschedulableAndUnresolvable', 'No preemption victims found for incoming pod');

export interface PreemptionResult {
  /** The node to nominate, with the pods to evict there. */
  node?: NodeInfo;
  victims: PodInfo[];
  /** The PostFilter message (`preemption: ...`), empty on success. */
  message: string;
}

/** A pod evicted by the scheduler for preemption carries this condition (podTerminatingByPreemption). */
export function terminatingByPreemption(p: PodInfo): boolean {
  if (!p.terminating) return false;
  const conds = ((p.obj.status as Record<string, unknown> | undefined)?.conditions ?? []) as Record<string, unknown>[];
  return conds.some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'PreemptionByScheduler');
}

/** PodEligibleToPreemptOthers: '' when eligible, else upstream's reason. */
export function ineligibleReason(state: CycleState, nominatedStatus: Status | undefined): string {
  const pod = state.pod;
  if (pod.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  if (pod.nominatedNodeName && nominatedStatus?.code !== 'UnschedulableAndUnresolvable') {
    const node = state.cache.node(pod.nominatedNodeName);
    if (node) {
      for (const p of node.pods.values()) {
        if (p.priority < pod.priority && terminatingByPreemption(p)) return 'not eligible due to a terminated pod on the nominated node.';
      }
    }
  }
  return '';
}

/** MoreImportantPod: higher priority first, then the one created earlier. */
function moreImportant(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.created - b.created;
}

/** selectVictimsOnNode: the fewest lower-priority pods whose removal lets the pod fit, or why none works. */
function victimsOn(state: CycleState, active: readonly FilterPlugin[], node: NodeInfo): PodInfo[] | Status {
  const lower = [...node.pods.values()].filter((p) => p.priority < state.pod.priority);
  if (lower.length === 0) return NO_VICTIMS;
  const sim = node.clone();
  for (const p of lower) sim.removePod(p);
  const f = runFilters(state, active, sim);
  if (f) return f[1];
  lower.sort(moreImportant);
  const victims: PodInfo[] = [];
  // Reprieve the most important pods first: put each back and keep it if the pod still fits.
  for (const p of lower) {
    sim.addPod(p);
    if (runFilters(state, active, sim)) {
      sim.removePod(p);
      victims.push(p);
    }
  }
  return victims;
}

/** pickOneNodeForPreemption without PDBs: lowest top victim priority, lowest priority sum, fewest victims, latest start. */
function pick(cands: { node: NodeInfo; victims: PodInfo[] }[]): { node: NodeInfo; victims: PodInfo[] } {
  const top = (v: PodInfo[]) => Math.max(...v.map((p) => p.priority));
  // Each priority is offset by 2^31 so more victims always weigh more (upstream's sum).
  const sum = (v: PodInfo[]) => v.reduce((s, p) => s + p.priority + 2 ** 31, 0);
  const earliest = (v: PodInfo[]) => Math.min(...v.filter((p) => p.priority === top(v)).map((p) => p.created));
  const criteria = [(c: { victims: PodInfo[] }) => -top(c.victims), (c: { victims: PodInfo[] }) => -sum(c.victims), (c: { victims: PodInfo[] }) => -c.victims.length, (c: { victims: PodInfo[] }) => earliest(c.victims)];
  let pool = cands;
  for (const f of criteria) {
    if (pool.length === 1) break;
    const best = Math.max(...pool.map(f));
    pool = pool.filter((c) => f(c) === best);
  }
  return pool[0];
}

/**
 * Runs preemption after a failed attempt. Nodes rejected as UnschedulableAndUnresolvable are not
 * helped; the others are tried from a random offset until max(10% of them, 100) candidates exist.
 */
export function preempt(state: CycleState, active: readonly FilterPlugin[], res: ScheduleResult, random: Random): PreemptionResult {
  const byNode = new Map<NodeInfo, Status>();
  res.failedNodes.forEach((n, i) => byNode.set(n, res.failedStatuses[i]));
  const nominated = state.pod.nominatedNodeName ? state.cache.node(state.pod.nominatedNodeName) : undefined;
  const why = ineligibleReason(state, nominated ? byNode.get(nominated) : undefined);
  if (why) return { victims: [], message: `preemption: ${why}` };
  const all = state.cache.nodes();
  const statuses: Status[] = [];
  const potential: NodeInfo[] = [];
  for (const node of all) {
    const s = byNode.get(node);
    if (s && s.code === 'UnschedulableAndUnresolvable') statuses.push(NOT_HELPFUL);
    else potential.push(node);
  }
  const cands: { node: NodeInfo; victims: PodInfo[] }[] = [];
  if (potential.length > 0) {
    const want = Math.min(potential.length, Math.max(Math.trunc(potential.length / 10), 100));
    const offset = random.intn(potential.length);
    for (let i = 0; i < potential.length && cands.length < want; i++) {
      const node = potential[(offset + i) % potential.length];
      const v = victimsOn(state, active, node);
      if (Array.isArray(v)) cands.push({ node, victims: v });
      else statuses.push(v);
    }
  }
  if (cands.length === 0) return { victims: [], message: `preemption: ${fitErrorMessage(all.length, statuses)}` };
  const best = pick(cands);
  return { node: best.node, victims: best.victims, message: '' };
}
