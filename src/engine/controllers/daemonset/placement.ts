// Where a DaemonSet's pods belong (pkg/controller/daemon/util + NodeShouldRunDaemonPod): the
// tolerations every daemon pod gets, the node affinity that pins a pod to its node, and the
// predicates (node name, required node affinity / nodeSelector, taints) for a node.

import type { KObject } from '../../api/types';
import { TAINT_DISK_PRESSURE, TAINT_MEMORY_PRESSURE, TAINT_NETWORK_UNAVAILABLE, TAINT_NOT_READY, TAINT_PID_PRESSURE, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE, untoleratedTaint, type Taint, type Toleration } from '../node-lifecycle/taints';

type Obj = Record<string, unknown>;

interface SelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}
interface NodeSelectorTerm {
  matchExpressions?: SelectorRequirement[];
  matchFields?: SelectorRequirement[];
}

/** AddOrUpdateDaemonPodTolerations, in upstream's order (network-unavailable only for hostNetwork pods). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });
  const out = [
    t(TAINT_NOT_READY, 'NoExecute'),
    t(TAINT_UNREACHABLE, 'NoExecute'),
    t(TAINT_DISK_PRESSURE, 'NoSchedule'),
    t(TAINT_MEMORY_PRESSURE, 'NoSchedule'),
    t(TAINT_PID_PRESSURE, 'NoSchedule'),
    t(TAINT_UNSCHEDULABLE, 'NoSchedule'),
  ];
  if (hostNetwork) out.push(t(TAINT_NETWORK_UNAVAILABLE, 'NoSchedule'));
  return out;
}

/** Adds tolerations unless an identical one (key, operator, value, effect) is there (AddOrUpdateTolerationInPodSpec). */
export function addTolerations(existing: readonly Toleration[], add: readonly Toleration[]): Toleration[] {
  const out = [...existing];
  for (const a of add) {
    const same = (x: Toleration) => (x.key ?? '') === (a.key ?? '') && (x.operator || 'Equal') === (a.operator || 'Equal') && (x.value ?? '') === (a.value ?? '') && (x.effect ?? '') === (a.effect ?? '');
    const i = out.findIndex(same);
    if (i >= 0) out[i] = a;
    else out.push(a);
  }
  return out;
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: required node affinity whose terms all carry
 * matchFields metadata.name In [node] (a term's matchExpressions are kept).
 */
export function pinToNode(affinity: Obj | undefined, nodeName: string): Obj {
  const field = [{ key: 'metadata.name', operator: 'In', values: [nodeName] }];
  const a = { ...(affinity ?? {}) } as Obj;
  const na = { ...((a.nodeAffinity as Obj | undefined) ?? {}) } as Obj;
  const req = na.requiredDuringSchedulingIgnoredDuringExecution as { nodeSelectorTerms?: NodeSelectorTerm[] } | undefined;
  const terms = req?.nodeSelectorTerms ?? [];
  const next = terms.length === 0 ? [{ matchFields: field }] : terms.map((t) => ({ ...t, matchFields: field }));
  na.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: next };
  a.nodeAffinity = na;
  return a;
}

/** util.GetTargetNodeName: spec.nodeName, or the node a daemon pod is pinned to by affinity. */
export function targetNodeName(pod: KObject): string | undefined {
  const spec = (pod.spec ?? {}) as Obj;
  if (typeof spec.nodeName === 'string' && spec.nodeName) return spec.nodeName;
  const terms = ((((spec.affinity as Obj | undefined)?.nodeAffinity as Obj | undefined)?.requiredDuringSchedulingIgnoredDuringExecution as { nodeSelectorTerms?: NodeSelectorTerm[] } | undefined)?.nodeSelectorTerms) ?? [];
  for (const t of terms) {
    for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

function requirementMatches(r: SelectorRequirement, value: string | undefined): boolean {
  const vals = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && vals.includes(value);
    case 'NotIn':
      return value === undefined || !vals.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || vals.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(vals[0])) return false;
      return r.operator === 'Gt' ? Number(value) > Number(vals[0]) : Number(value) < Number(vals[0]);
    }
    default:
      return false;
  }
}

/** A node selector term matches when all its expressions and fields match; an empty term matches nothing. */
function termMatches(t: NodeSelectorTerm, node: KObject): boolean {
  const exprs = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return exprs.every((r) => requirementMatches(r, labels[r.key])) && fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata.name));
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): spec.nodeSelector AND any required term. */
export function requiredAffinityMatches(podSpec: Obj, node: KObject): boolean {
  const labels = node.metadata.labels ?? {};
  const sel = (podSpec.nodeSelector ?? {}) as Record<string, string>;
  for (const [k, v] of Object.entries(sel)) if (labels[k] !== v) return false;
  const terms = ((((podSpec.affinity as Obj | undefined)?.nodeAffinity as Obj | undefined)?.requiredDuringSchedulingIgnoredDuringExecution as { nodeSelectorTerms?: NodeSelectorTerm[] } | undefined)?.nodeSelectorTerms);
  if (terms === undefined) return true;
  return terms.some((t) => termMatches(t, node));
}

/**
 * NodeShouldRunDaemonPod for a daemon pod spec (already carrying the daemon tolerations):
 * shouldRun needs the node name, affinity and no untolerated NoSchedule/NoExecute taint;
 * shouldContinueRunning only fails on name, affinity or an untolerated NoExecute taint.
 */
export function nodeShouldRunDaemonPod(podSpec: Obj, node: KObject): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const nameOk = !podSpec.nodeName || podSpec.nodeName === node.metadata.name;
  const fits = nameOk && requiredAffinityMatches(podSpec, node);
  if (!fits) return { shouldRun: false, shouldContinueRunning: false };
  const taints = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
  const tolerations = (podSpec.tolerations ?? []) as Toleration[];
  const noExec = untoleratedTaint(taints, tolerations, ['NoExecute']);
  if (noExec) return { shouldRun: false, shouldContinueRunning: false };
  return { shouldRun: !untoleratedTaint(taints, tolerations, ['NoSchedule']), shouldContinueRunning: true };
}
