// The DaemonSet controller's decisions as pure functions (pkg/controller/daemon: manage,
// podsShouldBeOnNode, rollingUpdate with maxSurge 0, updateDaemonSetStatus), over plain objects.

import { clone, type KObject } from '../../api/types';
import { parseTime } from '../../util/time';
import { addTolerations, daemonTolerations, nodeShouldRunDaemonPod, pinToNode } from './placement';
import { REVISION_HASH_LABEL, TEMPLATE_GENERATION_LABEL } from './revision';
import type { Toleration } from '../node-lifecycle/taints';

type Obj = Record<string, unknown>;

export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled: number;
  numberAvailable: number;
  numberUnavailable?: number;
  collisionCount?: number;
  conditions?: unknown[];
}

export interface DaemonSetPlan {
  /** Nodes that need a daemon pod. */
  create: string[];
  /** Pods to delete (extras, failed, misscheduled, old ones in a rolling update). */
  delete: KObject[];
}

/** The pod template with the daemon tolerations added, as checked against nodes. */
export function daemonPodSpec(ds: KObject): Obj {
  const spec = clone(((ds.spec as Obj).template as Obj | undefined)?.spec ?? {}) as Obj;
  spec.tolerations = addTolerations((spec.tolerations ?? []) as Toleration[], daemonTolerations(spec.hostNetwork === true));
  return spec;
}

/** controller.NewPod + the node pin: the pod the controller creates for `nodeName`. */
export function newDaemonPod(ds: KObject, nodeName: string, hash: string): KObject {
  const template = ((ds.spec as Obj).template ?? {}) as { metadata?: Obj; spec?: Obj };
  const tmeta = template.metadata ?? {};
  const spec = daemonPodSpec(ds);
  spec.affinity = pinToNode(spec.affinity as Obj | undefined, nodeName);
  const labels = { ...((tmeta.labels as Record<string, string> | undefined) ?? {}), [REVISION_HASH_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: String(ds.metadata.generation ?? 1) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels,
      ...(tmeta.annotations ? { annotations: { ...(tmeta.annotations as Record<string, string>) } } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name!, uid: ds.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec,
  };
}

function phase(p: KObject): string | undefined {
  return (p.status as { phase?: string } | undefined)?.phase;
}

/** podutil.IsPodAvailable: Ready, and Ready for at least minReadySeconds. */
export function podAvailable(p: KObject, minReadySeconds: number, now: number): boolean {
  const c = ((p.status as { conditions?: { type: string; status: string; lastTransitionTime?: string }[] } | undefined)?.conditions ?? []).find((x) => x.type === 'Ready');
  if (c?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const t = parseTime(c.lastTransitionTime);
  return t !== undefined && t + minReadySeconds * 1000 <= now;
}

function podReady(p: KObject): boolean {
  return podAvailable(p, 0, 0);
}

function isUpdated(p: KObject, hash: string, generation: number | undefined): boolean {
  const l = p.metadata.labels ?? {};
  if (l[REVISION_HASH_LABEL] !== undefined) return l[REVISION_HASH_LABEL] === hash;
  return generation !== undefined && l[TEMPLATE_GENERATION_LABEL] === String(generation);
}

function byCreation(a: KObject, b: KObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** GetScaledValueFromIntOrPercent rounding up ("25%" of 10 -> 3). */
export function scaledUp(v: unknown, total: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) return Math.ceil((Number(v.slice(0, -1)) * total) / 100);
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return 0;
}

/**
 * manage + rollingUpdate (maxSurge 0). `pods` maps a node name to the DaemonSet's pods targeting it.
 * Rolling example: 4 nodes, maxUnavailable 1, all pods old and available -> delete 1 old pod; the
 * next sync creates its replacement; only when that one is available does another old pod go.
 */
export function reconcileDaemonSet(ds: KObject, nodes: readonly KObject[], pods: ReadonlyMap<string, KObject[]>, hash: string, now: number): DaemonSetPlan {
  const spec = daemonPodSpec(ds);
  const create: string[] = [];
  const del: KObject[] = [];
  const nodeNames = new Set<string>();
  for (const node of nodes) {
    const name = node.metadata.name!;
    nodeNames.add(name);
    const here = [...(pods.get(name) ?? [])].sort(byCreation);
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(spec, node);
    if (shouldRun && here.length === 0) {
      create.push(name);
    } else if (shouldContinueRunning) {
      const running: KObject[] = [];
      for (const p of here) {
        if (p.metadata.deletionTimestamp) continue;
        if (phase(p) === 'Failed' || phase(p) === 'Succeeded') del.push(p);
        else running.push(p);
      }
      // Keep the oldest pod, delete any extra (maxSurge 0).
      for (const extra of running.slice(1)) del.push(extra);
    } else {
      for (const p of here) if (!p.metadata.deletionTimestamp) del.push(p);
    }
  }
  const strategy = ((ds.spec as Obj).updateStrategy ?? {}) as { type?: string; rollingUpdate?: { maxUnavailable?: unknown; maxSurge?: unknown } };
  if (strategy.type === 'RollingUpdate' && del.length === 0 && create.length === 0) del.push(...rollingUpdate(ds, spec, nodes, pods, hash, now));
  return { create, delete: del };
}

function rollingUpdate(ds: KObject, spec: Obj, nodes: readonly KObject[], pods: ReadonlyMap<string, KObject[]>, hash: string, now: number): KObject[] {
  const ru = (((ds.spec as Obj).updateStrategy as Obj).rollingUpdate ?? {}) as { maxUnavailable?: unknown; maxSurge?: unknown };
  const minReady = Number((ds.spec as Obj).minReadySeconds ?? 0);
  let desired = 0;
  for (const n of nodes) if (nodeShouldRunDaemonPod(spec, n).shouldRun) desired++;
  let maxUnavailable = scaledUp(ru.maxUnavailable ?? 1, desired);
  if (maxUnavailable === 0 && scaledUp(ru.maxSurge ?? 0, desired) === 0) maxUnavailable = 1;
  // maxSurge > 0 is handled like maxSurge 0 here (replace in place); see the report's gaps.
  if (maxUnavailable === 0) maxUnavailable = 1;
  let numUnavailable = 0;
  const allowed: KObject[] = [];
  const candidates: KObject[] = [];
  const gen = ds.metadata.generation;
  for (const name of [...pods.keys()].sort()) {
    const live = (pods.get(name) ?? []).filter((p) => !p.metadata.deletionTimestamp);
    const fresh = live.filter((p) => isUpdated(p, hash, gen));
    const old = live.filter((p) => !isUpdated(p, hash, gen));
    if (fresh.length > 1 || old.length > 1 || (fresh.length === 0) === (old.length === 0)) {
      numUnavailable++;
      continue;
    }
    if (fresh.length === 1) {
      if (!podAvailable(fresh[0], minReady, now)) numUnavailable++;
      continue;
    }
    if (!podAvailable(old[0], minReady, now)) allowed.push(old[0]);
    else if (numUnavailable < maxUnavailable) candidates.push(old[0]);
  }
  const remaining = Math.max(0, Math.min(maxUnavailable - numUnavailable, candidates.length));
  return [...allowed, ...candidates.slice(0, remaining)];
}

/** updateDaemonSetStatus: the counts `kubectl get ds` shows. */
export function daemonSetStatus(ds: KObject, nodes: readonly KObject[], pods: ReadonlyMap<string, KObject[]>, hash: string, now: number): DaemonSetStatus {
  const spec = daemonPodSpec(ds);
  const minReady = Number((ds.spec as Obj).minReadySeconds ?? 0);
  const s: DaemonSetStatus = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0, updatedNumberScheduled: 0, numberAvailable: 0 };
  for (const node of nodes) {
    const here = (pods.get(node.metadata.name!) ?? []).filter((p) => !(p.metadata.deletionTimestamp && (phase(p) === 'Failed' || phase(p) === 'Succeeded')));
    const { shouldRun } = nodeShouldRunDaemonPod(spec, node);
    if (shouldRun) {
      s.desiredNumberScheduled++;
      if (here.length === 0) continue;
      s.currentNumberScheduled++;
      const p = [...here].sort(byCreation)[0];
      if (podReady(p)) {
        s.numberReady++;
        if (podAvailable(p, minReady, now)) s.numberAvailable++;
      }
      if (isUpdated(p, hash, ds.metadata.generation)) s.updatedNumberScheduled++;
    } else if (here.length > 0) {
      s.numberMisscheduled++;
    }
  }
  const unavailable = s.desiredNumberScheduled - s.numberAvailable;
  if (unavailable > 0) s.numberUnavailable = unavailable;
  s.observedGeneration = ds.metadata.generation;
  const prev = (ds.status ?? {}) as { collisionCount?: number };
  if (prev.collisionCount !== undefined) s.collisionCount = prev.collisionCount;
  return s;
}
