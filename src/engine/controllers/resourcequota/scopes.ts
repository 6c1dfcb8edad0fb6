// Quota scopes (pkg/quota/v1/evaluator/core/pods.go podMatchesScopeFunc): a scoped quota only
// charges the pods its scopes select; quotas with scopes never charge other kinds.

import type { KObject } from '../../api/types';
import { podResources } from './usage';

type Obj = Record<string, unknown>;
interface ScopeRequirement {
  scopeName?: string;
  operator?: string;
  values?: string[];
}

/** QOS class BestEffort: no container requests or limits cpu/memory at all. */
export function isBestEffort(pod: KObject): boolean {
  for (const which of ['requests', 'limits'] as const) {
    const u = podResources(pod, which);
    if (u.has('cpu') || u.has('memory')) return false;
  }
  return true;
}

function matchesScope(req: ScopeRequirement, pod: KObject): boolean {
  const spec = (pod.spec ?? {}) as Obj;
  switch (req.scopeName) {
    case 'Terminating':
      return typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0;
    case 'NotTerminating':
      return spec.activeDeadlineSeconds === undefined || spec.activeDeadlineSeconds === null;
    case 'BestEffort':
      return isBestEffort(pod);
    case 'NotBestEffort':
      return !isBestEffort(pod);
    case 'PriorityClass': {
      const pc = spec.priorityClassName as string | undefined;
      const values = req.values ?? [];
      switch (req.operator) {
        case 'Exists':
          return !!pc;
        case 'DoesNotExist':
          return !pc;
        case 'In':
          return !!pc && values.includes(pc);
        case 'NotIn':
          return !pc || !values.includes(pc);
      }
      return false;
    }
    default:
      return false;
  }
}

/** The quota's scopes and scopeSelector as one list of requirements (getScopeSelectorsFromQuota). */
export function quotaScopes(quota: KObject): ScopeRequirement[] {
  const spec = (quota.spec ?? {}) as { scopes?: string[]; scopeSelector?: { matchExpressions?: ScopeRequirement[] } };
  const out: ScopeRequirement[] = (spec.scopes ?? []).map((s) => ({ scopeName: s, operator: 'Exists' }));
  return out.concat(spec.scopeSelector?.matchExpressions ?? []);
}

/** Whether the quota charges this object: unscoped quotas charge all; scoped ones only matching pods. */
export function quotaMatches(quota: KObject, isPod: boolean, obj: KObject): boolean {
  const scopes = quotaScopes(quota);
  if (!scopes.length) return true;
  if (!isPod) return false;
  return scopes.every((s) => matchesScope(s, obj));
}
