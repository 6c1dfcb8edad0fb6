// PodTopologySpread (plugins/podtopologyspread): DoNotSchedule constraints filter on skew,
// ScheduleAnyway constraints (or the system defaults for pods behind a Service, ReplicaSet or
// StatefulSet: hostname maxSkew 3, zone maxSkew 5) score nodes with fewer matching pods higher.

import type { CycleState, FilterPlugin, ScorePlugin } from '../types';
import { MAX_NODE_SCORE, status } from '../types';
import type { NodeInfo } from '../node-info';
import type { PodInfo } from '../pod-info';
import { newRequirement, nothing, selectorFromLabelSelector, selectorFromRequirements, type LabelSelector, type Requirement, type Selector } from '../../api/labels';
import { requiredNodeAffinityMatches } from './node-affinity';
import { firstUntoleratedTaint } from './taints';
import { defaultSelector } from './default-selector';
import { preScoreAllNodes, scoreAllBySlot, spreadScoreBySlot, type ScoreState } from './spread-columns';

const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  honorAffinity: boolean;
  honorTaints: boolean;
}

/** filterTopologySpreadConstraints: the pod's constraints for one whenUnsatisfiable action, matchLabelKeys merged. */
export function podConstraints(pod: PodInfo, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const out: Constraint[] = [];
  for (const c of pod.spreadConstraints) {
    if ((c.whenUnsatisfiable ?? 'DoNotSchedule') !== action) continue;
    let selector: Selector;
    try {
      selector = c.labelSelector == null ? nothing() : selectorFromLabelSelector(c.labelSelector as LabelSelector);
      const keys = (c.matchLabelKeys ?? []) as string[];
      const extra: Requirement[] = [];
      for (const k of keys) if (Object.hasOwn(pod.labels, k)) extra.push(newRequirement(k, 'in', [pod.labels[k]]));
      if (extra.length > 0 && c.labelSelector != null) selector = selectorFromRequirements([...selector.requirements(), ...extra]);
    } catch {
      selector = nothing();
    }
    out.push({
      maxSkew: Number(c.maxSkew ?? 1),
      topologyKey: String(c.topologyKey ?? ''),
      selector,
      minDomains: typeof c.minDomains === 'number' ? c.minDomains : 1,
      honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorTaints: c.nodeTaintsPolicy === 'Honor',
    });
  }
  return out;
}

/** The last system defaults built, for the selector they were built with (read-only, shared). */
let defaultsFor: Selector | undefined;
let defaults: readonly Constraint[] = [];

/** buildDefaultConstraints: the system defaults, selecting what the pod's Services and controller select. */
export function systemDefaultConstraints(state: CycleState): readonly Constraint[] {
  const selector = defaultSelector(state.pod, state.listers);
  if (selector.empty()) return [];
  if (selector === defaultsFor) return defaults;
  const base = { selector, minDomains: 1, honorAffinity: true, honorTaints: false };
  defaults = Object.freeze([Object.freeze({ ...base, topologyKey: HOSTNAME, maxSkew: 3 }), Object.freeze({ ...base, topologyKey: ZONE, maxSkew: 5 })]);
  defaultsFor = selector;
  return defaults;
}

function hasAllKeys(node: NodeInfo, cs: readonly Constraint[]): boolean {
  for (const c of cs) if (!Object.hasOwn(node.labels, c.topologyKey)) return false;
  return true;
}

/** matchNodeInclusionPolicies: nodeAffinityPolicy Honor (default) and nodeTaintsPolicy Honor (not default). */
function included(c: Constraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.honorAffinity && !requiredNodeAffinityMatches(pod, node)) return false;
  if (c.honorTaints && firstUntoleratedTaint(node.taints, pod.tolerations)) return false;
  return true;
}

interface FilterState {
  constraints: Constraint[];
  /** Per constraint: topology value -> matching pods. */
  counts: Map<string, number>[];
  selfMatch: boolean[];
}

const MISSING_LABEL = status('UnschedulableAndUnresolvable', "node(s) didn't match pod topology spread constraints (missing required label)");
const SKEW = status('Unschedulable', "node(s) didn't match pod topology spread constraints");

/** The global minimum of matching pods over a constraint's domains (0 when fewer than minDomains). */
function minMatch(counts: Map<string, number>, minDomains: number): number {
  if (counts.size < minDomains) return 0;
  let min = Infinity;
  for (const v of counts.values()) if (v < min) min = v;
  return min;
}

export const podTopologySpread: FilterPlugin & ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preFilter(state) {
    const constraints = podConstraints(state.pod, 'DoNotSchedule');
    if (constraints.length === 0) return 'skip';
    const counts = constraints.map(() => new Map<string, number>());
    const idx = constraints.map((c) => state.cache.selectorCounts(state.pod.namespace, c.selector));
    for (const node of state.cache.nodes()) {
      if (!hasAllKeys(node, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!included(c, state.pod, node)) return;
        const v = node.labels[c.topologyKey];
        counts[i].set(v, (counts[i].get(v) ?? 0) + (idx[i].perNode[node.slot] ?? 0));
      });
    }
    const fs: FilterState = { constraints, counts, selfMatch: constraints.map((c) => c.selector.matches(state.pod.labels)) };
    state.data.set('PodTopologySpread/filter', fs);
    return null;
  },
  filter(state, node) {
    const fs = state.data.get('PodTopologySpread/filter') as FilterState;
    for (let i = 0; i < fs.constraints.length; i++) {
      const c = fs.constraints[i];
      if (!Object.hasOwn(node.labels, c.topologyKey)) return MISSING_LABEL;
      const skew = (fs.counts[i].get(node.labels[c.topologyKey]) ?? 0) + (fs.selfMatch[i] ? 1 : 0) - minMatch(fs.counts[i], c.minDomains);
      if (skew > c.maxSkew) return SKEW;
    }
    return null;
  },
  preScore(state, nodes) {
    return preScoreSpread(state, nodes);
  },
  score(state, node) {
    return spreadScore(state.data.get('PodTopologySpread/score') as ScoreState, node);
  },
  scoreAll(state, nodes, out) {
    const s = state.data.get('PodTopologySpread/score') as ScoreState;
    if (s.columns) return scoreAllBySlot(s, s.columns, nodes, out);
    for (let i = 0; i < nodes.length; i++) out[i] = spreadScore(s, nodes[i]);
  },
  /**
   * Fewer matching pods score higher: 100 * (max + min - s) / max over the scored nodes, ignored
   * nodes get 0. Example: 3 nodes holding 2, 1, 0 pods of a Deployment (hostname, maxSkew 3,
   * weight ln 5 = 1.609): raw 5, 4, 2 -> 100*(5+2-5)/5 = 40, 60, 100.
   */
  normalize(state, nodes, scores) {
    const s = state.data.get('PodTopologySpread/score') as ScoreState;
    // Usually no node is ignored (the system defaults ignore none): no set lookup per node then.
    const ignored = s.ignored.size > 0 ? s.ignored : undefined;
    let min = Infinity;
    let max = 0;
    for (let i = 0; i < nodes.length; i++) {
      if (ignored?.has(nodes[i])) continue;
      if (scores[i] < min) min = scores[i];
      if (scores[i] > max) max = scores[i];
    }
    for (let i = 0; i < nodes.length; i++) {
      if (ignored?.has(nodes[i])) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
    }
  },
};

function spreadScore(s: ScoreState, node: NodeInfo): number {
  if (s.columns) return spreadScoreBySlot(s, s.columns, node.slot);
  if (s.ignored.size > 0 && s.ignored.has(node)) return 0;
  let score = 0;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    if (!Object.hasOwn(node.labels, c.topologyKey)) continue;
    const cnt = c.topologyKey === HOSTNAME ? (s.perNode[i].perNode[node.slot] ?? 0) : (s.pairCounts[i].get(node.labels[c.topologyKey]) ?? 0);
    // scoreForCount: count * log(domains + 2) + (maxSkew - 1).
    score += cnt * s.weights[i] + (c.maxSkew - 1);
  }
  return Math.round(score);
}

/** Whether `included` holds for every node: no node affinity to honour, no taints policy. */
function everyNodeIncluded(cs: readonly Constraint[], pod: PodInfo): boolean {
  const noAffinity = pod.nodeSelector === undefined && pod.requiredNodeTerms === undefined;
  for (const c of cs) if (c.honorTaints || (c.honorAffinity && !noAffinity)) return false;
  return true;
}

function preScoreSpread(state: CycleState, nodes: readonly NodeInfo[]): boolean {
  const own = state.pod.spreadConstraints.length > 0;
  const constraints = own ? podConstraints(state.pod, 'ScheduleAnyway') : systemDefaultConstraints(state);
  if (constraints.length === 0 || nodes.length === 0) return false;
  // With the system defaults, nodes missing a topology key are scored on the keys they have.
  const requireAll = own;
  if (!requireAll && everyNodeIncluded(constraints, state.pod)) return preScoreAllNodes(state, constraints, nodes);
  const ignored = new Set<NodeInfo>();
  const pairCounts = constraints.map(() => new Map<string, number>());
  // The domains present among the scored nodes; a value equal to the previous node's is already
  // in (420 nodes per pod, mostly a handful of values).
  const last: (string | undefined)[] = constraints.map(() => undefined);
  for (const node of nodes) {
    if (requireAll && !hasAllKeys(node, constraints)) {
      ignored.add(node);
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      if (c.topologyKey === HOSTNAME) continue;
      const v = node.labels[c.topologyKey] ?? '';
      if (v === last[i]) continue;
      last[i] = v;
      if (!pairCounts[i].has(v)) pairCounts[i].set(v, 0);
    }
  }
  const perNode = constraints.map((c) => state.cache.selectorCounts(state.pod.namespace, c.selector));
  const needPairs = constraints.some((c) => c.topologyKey !== HOSTNAME);
  if (needPairs) {
    // Runs over every node for every pod (1,000 x 10,000 at scale): plain loops, no closures.
    const all = state.cache.nodes();
    for (let n = 0; n < all.length; n++) {
      const node = all[n];
      if (requireAll && !hasAllKeys(node, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i];
        if (c.topologyKey === HOSTNAME || !included(c, state.pod, node)) continue;
        const counts = pairCounts[i];
        const v = node.labels[c.topologyKey] ?? '';
        const cur = counts.get(v);
        if (cur !== undefined) counts.set(v, cur + (perNode[i].perNode[node.slot] ?? 0));
      }
    }
  }
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? nodes.length - ignored.size : pairCounts[i].size) + 2));
  const s: ScoreState = { constraints, ignored, weights, pairCounts, perNode, domainCounts: [] };
  state.data.set('PodTopologySpread/score', s);
  return true;
}
