// Which pods an object stands for: a Service's or Ingress's by label selector (the way
// kube-proxy finds endpoints), a workload's by the ownership chain (Deployment -> ReplicaSet -> Pod).

import type { IngressView, ObjectView, PodView, ServiceView, WorkloadView } from '../../worker/protocol';

/**
 * matchLabels semantics: every key of the selector present with the same value. An empty or
 * absent selector selects nothing here, as a Service without a selector has no automatic endpoints.
 */
export function matchesSelector(labels: Record<string, string>, selector: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  for (const k of keys) if (labels[k] !== selector[k]) return false;
  return true;
}

/** Pods grouped by namespace, built once per batch so each selector only scans its own namespace. */
export function podsByNamespace(pods: Iterable<PodView>): Map<string, PodView[]> {
  const out = new Map<string, PodView[]>();
  for (const p of pods) {
    const ns = p.namespace ?? 'default';
    let list = out.get(ns);
    if (!list) out.set(ns, (list = []));
    list.push(p);
  }
  return out;
}

/** The pods a Service selects. */
export function servicePods(svc: ServiceView, byNs: Map<string, PodView[]>): PodView[] {
  return (byNs.get(svc.namespace ?? 'default') ?? []).filter((p) => matchesSelector(p.labels, svc.selector));
}

/** The Services an Ingress routes to (its rules' backends, in its namespace). */
export function ingressServices(ing: IngressView, services: Iterable<ServiceView>): ServiceView[] {
  const names = new Set(ing.rules.map((r) => r.service));
  const ns = ing.namespace ?? 'default';
  return [...services].filter((s) => (s.namespace ?? 'default') === ns && names.has(s.name));
}

/** Children by owner uid: the ownership edges of the workload tree. */
export function childrenByOwner<T extends { owner?: { uid: string } }>(items: Iterable<T>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    if (!i.owner) continue;
    let list = out.get(i.owner.uid);
    if (!list) out.set(i.owner.uid, (list = []));
    list.push(i);
  }
  return out;
}

/**
 * The uids of the pods `obj` stands for, to highlight on hover or selection: a pod itself, a
 * workload's descendant pods, a Service's selected pods, an Ingress's backends' pods.
 */
export function podsFor(obj: ObjectView | undefined, all: Iterable<ObjectView>): ReadonlySet<string> {
  // Nothing in focus (the common case): the same empty set every batch, so no chip re-renders.
  if (!obj) return NONE;
  const out = new Set<string>();
  const items = [...all];
  const pods = items.filter((o): o is PodView => o.kind === 'Pod');
  if (obj.kind === 'Pod') out.add(obj.uid);
  else if (obj.kind === 'Service' || obj.kind === 'Ingress') {
    const byNs = podsByNamespace(pods);
    const svcs = obj.kind === 'Service' ? [obj] : ingressServices(obj, items.filter((o): o is ServiceView => o.kind === 'Service'));
    for (const s of svcs) for (const p of servicePods(s, byNs)) out.add(p.uid);
  } else if (isWorkload(obj)) {
    const children = childrenByOwner(items.filter((o): o is WorkloadView | PodView => o.kind === 'Pod' || isWorkload(o)));
    // Walk down the ownership edges (CronJob -> Job -> Pod, Deployment -> ReplicaSet -> Pod).
    const stack = [obj.uid];
    const seen = new Set<string>();
    while (stack.length) {
      const uid = stack.pop()!;
      if (seen.has(uid)) continue;
      seen.add(uid);
      for (const c of children.get(uid) ?? []) {
        if (c.kind === 'Pod') out.add(c.uid);
        else stack.push(c.uid);
      }
    }
  }
  return out;
}

const NONE: ReadonlySet<string> = new Set();

const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

export function isWorkload(o: ObjectView): o is WorkloadView {
  return WORKLOAD_KINDS.has(o.kind);
}
