// The node-local filter plugins: NodeUnschedulable, NodeName, TaintToleration (filter and score)
// and NodePorts (pkg/scheduler/framework/plugins/{nodeunschedulable,nodename,tainttoleration,nodeports}).

import type { CycleState, FilterPlugin, ScorePlugin, Status } from '../types';
import { status } from '../types';
import type { NodeInfo } from '../node-info';
import type { Toleration } from '../pod-info';
import { firstUntoleratedTaint, tolerated } from './taints';
import { defaultNormalizeScore } from './normalize';

const UNSCHEDULABLE = status('UnschedulableAndUnresolvable', 'node(s) were unschedulable');
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(state, node) {
    if (!node.unschedulable) return null;
    return tolerated(state.pod.tolerations, UNSCHEDULABLE_TAINT) ? null : UNSCHEDULABLE;
  },
};

const NODE_NAME = status('UnschedulableAndUnresolvable', "node(s) didn't match the requested node name");

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  preFilter: (state) => (state.pod.nodeName === '' ? 'skip' : null),
  filter: (state, node) => (state.pod.nodeName === '' || state.pod.nodeName === node.name ? null : NODE_NAME),
};

const taintStatuses = new Map<string, Status>();

export const taintToleration: FilterPlugin & ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  filter(state, node) {
    if (node.taints.length === 0) return null;
    const taint = firstUntoleratedTaint(node.taints, state.pod.tolerations);
    if (!taint) return null;
    const reason = `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
    let s = taintStatuses.get(reason);
    if (!s) taintStatuses.set(reason, (s = status('UnschedulableAndUnresolvable', reason)));
    return s;
  },
  preScore(state) {
    state.data.set('TaintToleration', preferNoScheduleTolerations(state.pod.tolerations));
    return true;
  },
  score(state, node) {
    return preferNoScheduleCount(state.data.get('TaintToleration') as Toleration[], node);
  },
  scoreAll(state, nodes, out) {
    const tols = state.data.get('TaintToleration') as Toleration[];
    for (let i = 0; i < nodes.length; i++) out[i] = nodes[i].taints.length === 0 ? 0 : preferNoScheduleCount(tols, nodes[i]);
  },
  normalize: (_state, _nodes, scores) => defaultNormalizeScore(scores, true),
};

/** getAllTolerationPreferNoSchedule: only tolerations with no effect or PreferNoSchedule count. */
export function preferNoScheduleTolerations(tols: readonly Toleration[]): Toleration[] {
  return tols.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/** The node's PreferNoSchedule taints the pod does not tolerate (TaintToleration's raw score). */
export function preferNoScheduleCount(tols: Toleration[], node: NodeInfo): number {
  let n = 0;
  for (const taint of node.taints) if (taint.effect === 'PreferNoSchedule' && !tolerated(tols, taint)) n++;
  return n;
}

const PORTS = status('Unschedulable', "node(s) didn't have free ports for the requested pod ports");

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  preFilter: (state) => (state.pod.hostPorts.length === 0 ? 'skip' : null),
  filter(state: CycleState, node: NodeInfo) {
    for (const hp of state.pod.hostPorts) if (node.portConflict(hp)) return PORTS;
    return null;
  },
};
