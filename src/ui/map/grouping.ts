// The cluster map's layout, computed once per change-feed batch in one pass over the objects:
// nodes (control plane apart) with their pods, unscheduled pods, the workload ownership trees,
// and Services/Ingresses with the pods they select. Components only render what this returns.

import type { IngressView, NodeView, ObjectView, PodView, ServiceView, WorkloadView } from '../../worker/protocol';
import { namespaceVisible, namespacesOf, type NamespaceFilter } from './namespaces';
import { childrenByOwner, ingressServices, isWorkload, podsByNamespace, servicePods } from './selectors';

export interface NodeGroup {
  /** The node's name (spec.nodeName of its pods). */
  name: string;
  /** Undefined when pods still name a node that is gone (removed, awaiting garbage collection). */
  node?: NodeView;
  pods: PodView[];
}

export interface WorkloadTree {
  view: WorkloadView;
  children: WorkloadTree[];
  pods: PodView[];
}

export interface ServiceRow {
  view: ServiceView;
  pods: number;
}

export interface IngressRow {
  view: IngressView;
  /** Backend services that exist. */
  services: string[];
}

export interface ClusterLayout {
  controlPlane: NodeGroup[];
  workers: NodeGroup[];
  /** Pods no node has been chosen for (Pending, unscheduled). */
  pending: PodView[];
  workloads: WorkloadTree[];
  /** Pods without a workload owner (bare pods, static pods owned by their Node). */
  standalone: PodView[];
  services: ServiceRow[];
  ingresses: IngressRow[];
  /** Every namespace seen, including hidden ones, for the filter. */
  namespaces: string[];
  /** Visible pods in total (nodes + pending). */
  podCount: number;
}

const byName = (a: { namespace?: string; name: string }, b: { namespace?: string; name: string }): number => {
  const na = a.namespace ?? '';
  const nb = b.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
};

/**
 * Groups `objects` for the map under the namespace filter `filter`. With `prev` (the layout of the
 * previous batch), node groups and the Pending list whose contents did not change are `prev`'s own
 * objects, so a batch touching 30 pods re-renders only the boxes those pods are in.
 */
export function groupCluster(objects: Iterable<ObjectView>, filter: NamespaceFilter, prev?: ClusterLayout): ClusterLayout {
  const visible = namespaceVisible(filter);
  const nodes: NodeView[] = [];
  const pods: PodView[] = [];
  const workloads: WorkloadView[] = [];
  const services: ServiceView[] = [];
  const ingresses: IngressView[] = [];
  const namespaced: { namespace?: string }[] = [];
  for (const o of objects) {
    if (o.kind === 'Node') {
      nodes.push(o);
      continue;
    }
    if (o.kind === 'Event') continue;
    namespaced.push(o);
    if (!visible(o.namespace)) continue;
    if (o.kind === 'Pod') pods.push(o);
    else if (o.kind === 'Service') services.push(o);
    else if (o.kind === 'Ingress') ingresses.push(o);
    else if (isWorkload(o)) workloads.push(o);
  }
  pods.sort(byName);

  const groups = new Map<string, NodeGroup>();
  for (const n of nodes.sort(byName)) groups.set(n.name, { name: n.name, node: n, pods: [] });
  const pending: PodView[] = [];
  for (const p of pods) {
    if (!p.node) {
      pending.push(p);
      continue;
    }
    let g = groups.get(p.node);
    if (!g) groups.set(p.node, (g = { name: p.node, pods: [] }));
    g.pods.push(p);
  }
  const before = new Map<string, NodeGroup>();
  if (prev) for (const g of [...prev.controlPlane, ...prev.workers]) before.set(g.name, g);
  const controlPlane: NodeGroup[] = [];
  const workers: NodeGroup[] = [];
  for (let g of groups.values()) {
    const old = before.get(g.name);
    if (old && old.node === g.node && sameItems(old.pods, g.pods)) g = old;
    (g.node?.controlPlane ? controlPlane : workers).push(g);
  }
  workers.sort(byName);

  const byNs = podsByNamespace(pods);
  return {
    controlPlane,
    workers,
    pending: prev && sameItems(prev.pending, pending) ? prev.pending : pending,
    ...workloadTrees(workloads, pods),
    services: services.sort(byName).map((view) => ({ view, pods: servicePods(view, byNs).length })),
    ingresses: ingresses.sort(byName).map((view) => ({ view, services: ingressServices(view, services).map((s) => s.name) })),
    namespaces: namespacesOf(namespaced),
    podCount: pods.length,
  };
}

/** The ownership forest: roots are workloads whose owner is not a visible workload. */
function workloadTrees(workloads: WorkloadView[], pods: PodView[]): { workloads: WorkloadTree[]; standalone: PodView[] } {
  const known = new Set(workloads.map((w) => w.uid));
  const kids = childrenByOwner<WorkloadView | PodView>([...workloads, ...pods]);
  const build = (view: WorkloadView, depth: number): WorkloadTree => {
    const children: WorkloadTree[] = [];
    const own: PodView[] = [];
    for (const c of kids.get(view.uid) ?? []) {
      if (c.kind === 'Pod') own.push(c);
      // Depth guard: ownership is a tree in Kubernetes, but a view is data and must not hang the page.
      else if (depth < 4) children.push(build(c, depth + 1));
    }
    // Newest first: after a rollout the new ReplicaSet comes before the scaled-down old one.
    children.sort((a, b) => b.view.created - a.view.created || byName(a.view, b.view));
    return { view, children, pods: own };
  };
  const roots = workloads.filter((w) => !w.owner || !known.has(w.owner.uid)).sort(byName);
  const standalone = pods.filter((p) => !p.owner || !known.has(p.owner.uid));
  return { workloads: roots.map((w) => build(w, 0)), standalone };
}

/** Same length and the same objects in the same order (views are replaced, never mutated). */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
