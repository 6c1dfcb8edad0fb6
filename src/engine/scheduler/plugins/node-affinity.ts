// NodeAffinity (plugins/nodeaffinity, component-helpers nodeaffinity): filters on nodeSelector and
// requiredDuringScheduling node selector terms; scores the weights of matching preferred terms.

import type { FilterPlugin, ScorePlugin } from '../types';
import { status } from '../types';
import type { NodeInfo } from '../node-info';
import type { NodeSelectorRequirement, NodeSelectorTerm, PodInfo } from '../pod-info';
import { defaultNormalizeScore } from './normalize';

const INT64 = /^[+-]?\d+$/;

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1 || !INT64.test(value) || !INT64.test(values[0])) return false;
      const a = BigInt(value);
      const b = BigInt(values[0]);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** A term matches when all its expressions and fields do; an empty term matches nothing. */
export function termMatchesNode(t: NodeSelectorTerm, node: NodeInfo): boolean {
  const exprs = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!requirementMatches(r, Object.hasOwn(node.labels, r.key) ? node.labels[r.key] : undefined)) return false;
  for (const r of fields) {
    // Only metadata.name is a supported node field.
    if (r.key !== 'metadata.name' || !requirementMatches(r, node.name)) return false;
  }
  return true;
}

/** GetRequiredNodeAffinity(pod).Match(node): nodeSelector and any required term. */
export function requiredNodeAffinityMatches(pod: PodInfo, node: NodeInfo): boolean {
  if (pod.nodeSelector) {
    for (const k in pod.nodeSelector) if (node.labels[k] !== pod.nodeSelector[k]) return false;
  }
  if (pod.requiredNodeTerms) {
    for (const t of pod.requiredNodeTerms) if (termMatchesNode(t, node)) return true;
    return false;
  }
  return true;
}

const MISMATCH = status('UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector");

export const nodeAffinity: FilterPlugin & ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  preFilter: (state) => (!state.pod.nodeSelector && !state.pod.requiredNodeTerms ? 'skip' : null),
  filter: (state, node) => (requiredNodeAffinityMatches(state.pod, node) ? null : MISMATCH),
  preScore: (state) => state.pod.preferredNodeTerms.length > 0,
  score(state, node) {
    let sum = 0;
    for (const p of state.pod.preferredNodeTerms) if (p.weight !== 0 && termMatchesNode(p.preference, node)) sum += p.weight;
    return sum;
  },
  normalize: (_state, _nodes, scores) => defaultNormalizeScore(scores, false),
};
