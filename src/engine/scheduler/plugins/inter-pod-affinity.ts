// InterPodAffinity (plugins/interpodaffinity): required pod affinity / anti-affinity of the incoming
// pod and required anti-affinity of existing pods filter nodes by topology domain; preferred terms
// (both ways) and existing pods' required affinity (hard weight 1) score them.

import type { CycleState, FilterPlugin, ScorePlugin } from '../types';
import { MAX_NODE_SCORE, status } from '../types';
import type { NodeInfo } from '../node-info';
import { termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../pod-info';

const HARD_POD_AFFINITY_WEIGHT = 1;
const AFFINITY = status('UnschedulableAndUnresolvable', "node(s) didn't match pod affinity rules");
const ANTI_AFFINITY = status('Unschedulable', "node(s) didn't match pod anti-affinity rules");
const EXISTING_ANTI = status('Unschedulable', "node(s) didn't satisfy existing pods anti-affinity rules");

/** topology key + value -> count. */
type PairCounts = Map<string, number>;
const pairKey = (k: string, v: string) => `${k}\u0000${v}`;

/** Adds `mult` x the weight of each of `ts` that `target` matches to `node`'s topology pairs. */
function scoreTerms(scores: PairCounts, ts: readonly WeightedAffinityTerm[], target: PodInfo, node: NodeInfo, mult: number, ns: (n: string) => Record<string, string> | undefined): void {
  for (const t of ts) if (termMatches(t, target, ns)) bump(scores, node, t.topologyKey, t.weight * mult);
}

function bump(m: PairCounts, node: NodeInfo, key: string, by: number): void {
  if (!Object.hasOwn(node.labels, key)) return;
  const k = pairKey(key, node.labels[key]);
  const n = (m.get(k) ?? 0) + by;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

interface FilterState {
  existingAnti: PairCounts;
  affinity: PairCounts;
  anti: PairCounts;
}

function matchesAll(terms: readonly AffinityTerm[], pod: PodInfo, ns: (n: string) => Record<string, string> | undefined): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod, ns)) return false;
  return true;
}

export const interPodAffinity: FilterPlugin & ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  preFilter(state) {
    const pod = state.pod;
    // Nothing to check: no required terms of its own and no existing pod with required anti-affinity.
    if (!pod.affinity && state.cache.podsWithRequiredAntiAffinity.size === 0) return 'skip';
    const ns = (n: string) => state.listers.namespaceLabels(n);
    const existingAnti: PairCounts = new Map();
    for (const ex of state.cache.podsWithRequiredAntiAffinity) {
      const node = state.cache.node(ex.nodeName);
      if (!node) continue;
      for (const t of ex.affinity!.requiredAntiAffinity) if (termMatches(t, pod, ns)) bump(existingAnti, node, t.topologyKey, 1);
    }
    const reqAff = pod.affinity?.requiredAffinity ?? [];
    const reqAnti = pod.affinity?.requiredAntiAffinity ?? [];
    if (reqAff.length === 0 && reqAnti.length === 0 && existingAnti.size === 0) return 'skip';
    const affinity: PairCounts = new Map();
    const anti: PairCounts = new Map();
    if (reqAff.length + reqAnti.length > 0) {
      for (const ex of state.cache.allPods()) {
        const node = state.cache.node(ex.nodeName);
        if (!node) continue;
        if (matchesAll(reqAff, ex, ns)) for (const t of reqAff) bump(affinity, node, t.topologyKey, 1);
        for (const t of reqAnti) if (termMatches(t, ex, ns)) bump(anti, node, t.topologyKey, 1);
      }
    }
    state.data.set('InterPodAffinity/filter', { existingAnti, affinity, anti } satisfies FilterState);
    return null;
  },
  filter(state, node) {
    const s = state.data.get('InterPodAffinity/filter') as FilterState;
    const pod = state.pod;
    const reqAff = pod.affinity?.requiredAffinity ?? [];
    // satisfyPodAffinity: every term's domain on this node must hold a matching pod, unless no pod
    // matches anywhere and the pod matches its own terms (the first pod of a group).
    let podsExist = true;
    for (const t of reqAff) {
      if (!Object.hasOwn(node.labels, t.topologyKey)) return AFFINITY;
      if ((s.affinity.get(pairKey(t.topologyKey, node.labels[t.topologyKey])) ?? 0) <= 0) podsExist = false;
    }
    if (!podsExist && !(s.affinity.size === 0 && matchesAll(reqAff, pod, (n) => state.listers.namespaceLabels(n)))) return AFFINITY;
    if (s.anti.size > 0) {
      for (const t of pod.affinity?.requiredAntiAffinity ?? []) {
        if (Object.hasOwn(node.labels, t.topologyKey) && (s.anti.get(pairKey(t.topologyKey, node.labels[t.topologyKey])) ?? 0) > 0) return ANTI_AFFINITY;
      }
    }
    if (s.existingAnti.size > 0) {
      for (const k in node.labels) if ((s.existingAnti.get(pairKey(k, node.labels[k])) ?? 0) > 0) return EXISTING_ANTI;
    }
    return null;
  },
  preScore(state, nodes) {
    if (nodes.length === 0) return false;
    const pod = state.pod;
    const prefAff = pod.affinity?.preferredAffinity ?? [];
    const prefAnti = pod.affinity?.preferredAntiAffinity ?? [];
    const hasConstraints = prefAff.length + prefAnti.length > 0;
    // Nothing can score: no preferred terms of its own and no existing pod with any affinity.
    if (!hasConstraints && state.cache.podsWithAffinity.size === 0) return false;
    // Bound, not an arrow function: under tsx (keepNames) every named closure created per pod
    // also gets its name defined on it.
    const ns = state.listers.namespaceLabels.bind(state.listers);
    const scores: PairCounts = new Map();
    const existing = hasConstraints ? state.cache.allPods() : state.cache.podsWithAffinity;
    for (const ex of existing) {
      const node = state.cache.node(ex.nodeName);
      if (!node || Object.keys(node.labels).length === 0) continue;
      scoreTerms(scores, prefAff, ex, node, 1, ns);
      scoreTerms(scores, prefAnti, ex, node, -1, ns);
      if (ex.affinity) {
        for (const t of ex.affinity.requiredAffinity) if (termMatches(t, pod, ns)) bump(scores, node, t.topologyKey, HARD_POD_AFFINITY_WEIGHT);
        scoreTerms(scores, ex.affinity.preferredAffinity, pod, node, 1, ns);
        scoreTerms(scores, ex.affinity.preferredAntiAffinity, pod, node, -1, ns);
      }
    }
    if (scores.size === 0) return false;
    state.data.set('InterPodAffinity/score', scores);
    return true;
  },
  score(state, node) {
    const scores = state.data.get('InterPodAffinity/score') as PairCounts;
    let sum = 0;
    for (const k in node.labels) sum += scores.get(pairKey(k, node.labels[k])) ?? 0;
    return sum;
  },
  /** Min-max scaling: 100 * (s - min) / (max - min), all 0 when every node scores the same. */
  normalize(_state: CycleState, _nodes, scores) {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      if (s < min) min = s;
      if (s > max) max = s;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0;
  },
};
