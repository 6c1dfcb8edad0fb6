// The DaemonSet controller (pkg/controller/daemon/daemon_controller.go): keeps one pod per eligible
// node, pinned by node affinity and left to the default scheduler to bind, rolls out template
// changes (RollingUpdate / OnDelete) with ControllerRevisions, and writes the status counts.

import { clone, type KObject } from '../../api/types';
import type { ResourceType } from '../../api/registry';
import { Informer, keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { targetNodeName } from './placement';
import { daemonSetStatus, newDaemonPod, reconcileDaemonSet } from './reconcile';
import { REVISION_HASH_LABEL, computeHash, daemonSetRevision } from './revision';

const SOURCE = { component: 'daemonset-controller' };

function controllerOf(o: KObject): { kind: string; name: string; uid: string } | undefined {
  // A loop rather than find(): every pod event of the cluster comes through here.
  const refs = o.metadata.ownerReferences;
  if (!refs) return undefined;
  for (let i = 0; i < refs.length; i++) if (refs[i].controller) return refs[i];
  return undefined;
}

export class DaemonSetController implements Component {
  private dsInf: Informer;
  private podInf: Informer;
  private nodeInf: Informer;
  private revInf: Informer;
  private dsType: ResourceType;
  private podType: ResourceType;
  private revType: ResourceType;
  /** DaemonSet uid -> keys of the pods it controls. */
  private podsByOwner = new Map<string, Set<string>>();
  private queue: WorkQueue;

  constructor(private readonly deps: ComponentDeps) {
    this.dsType = deps.type('apps', 'DaemonSet');
    this.podType = deps.type('', 'Pod');
    this.revType = deps.type('apps', 'ControllerRevision');
    this.dsInf = deps.informers.informerFor(this.dsType);
    this.podInf = deps.informers.informerFor(this.podType);
    this.nodeInf = deps.informers.informerFor(deps.type('', 'Node'));
    this.revInf = deps.informers.informerFor(this.revType);
    this.queue = new WorkQueue(deps.clock, (k) => this.sync(k));
    this.dsInf.addHandlers({ add: (d) => this.queue.add(keyOf(d)), update: (_o, d) => this.queue.add(keyOf(d)) });
    const ownerKey = (p: KObject) => {
      const ref = controllerOf(p);
      return ref?.kind === 'DaemonSet' ? `${p.metadata.namespace}/${ref.name}` : undefined;
    };
    const index = (p: KObject, add: boolean) => {
      const ref = controllerOf(p);
      if (ref?.kind !== 'DaemonSet') return;
      let s = this.podsByOwner.get(ref.uid);
      if (!s) this.podsByOwner.set(ref.uid, (s = new Set()));
      if (add) s.add(keyOf(p));
      else s.delete(keyOf(p));
      this.queue.add(ownerKey(p)!);
    };
    this.podInf.addHandlers({ add: (p) => index(p, true), update: (_o, p) => index(p, true), delete: (p) => index(p, false) });
    // Only what changes eligibility matters: labels, taints, unschedulable (not heartbeats).
    const sig = (n: KObject) => JSON.stringify([n.metadata.labels ?? {}, (n.spec as { taints?: unknown; unschedulable?: unknown } | undefined)?.taints ?? [], (n.spec as { unschedulable?: unknown } | undefined)?.unschedulable ?? false]);
    const all = () => {
      for (const d of this.dsInf.list()) this.queue.add(keyOf(d));
    };
    this.nodeInf.addHandlers({ add: all, update: (o, n) => sig(o) !== sig(n) && all(), delete: all });
  }

  start(): void {
    this.nodeInf.start();
    this.revInf.start();
    this.podInf.start();
    this.dsInf.start();
  }

  stop(): void {
    this.dsInf.stop();
    this.podInf.stop();
    this.nodeInf.stop();
    this.revInf.stop();
  }

  private ownedPods(ds: KObject): Map<string, KObject[]> {
    const out = new Map<string, KObject[]>();
    for (const k of this.podsByOwner.get(ds.metadata.uid!) ?? []) {
      const p = this.podInf.get(k);
      if (!p) continue;
      const node = targetNodeName(p);
      if (!node) continue;
      const list = out.get(node) ?? [];
      list.push(p);
      out.set(node, list);
    }
    return out;
  }

  private sync(key: string): void {
    const ds = this.dsInf.get(key);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const now = this.deps.clock.now();
    const status = (ds.status ?? {}) as { collisionCount?: number };
    const hash = computeHash((ds.spec as { template?: unknown }).template, status.collisionCount);
    this.constructHistory(ds, hash);
    const nodes = this.nodeInf.list().sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    const plan = reconcileDaemonSet(ds, nodes, this.ownedPods(ds), hash, now);
    for (const nodeName of plan.create) {
      const pod = this.deps.client.create(this.podType, newDaemonPod(ds, nodeName, hash));
      this.deps.events.record(SOURCE, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    }
    for (const p of plan.delete) {
      this.deps.client.delete(this.podType, p.metadata.namespace, p.metadata.name!);
      this.deps.events.record(SOURCE, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
    }
    const fresh = this.dsInf.get(key) ?? ds;
    const next = daemonSetStatus(fresh, nodes, this.ownedPods(fresh), hash, now);
    if (JSON.stringify(next) !== JSON.stringify(stripEmpty(fresh.status))) {
      this.deps.client.updateStatus(this.dsType, { ...clone(fresh), status: next as unknown as Record<string, unknown> });
    }
    // Availability depends on time (minReadySeconds): look again when a Ready pod becomes available.
    const minReady = Number((ds.spec as { minReadySeconds?: number }).minReadySeconds ?? 0);
    if (minReady > 0 && next.numberAvailable < next.numberReady) this.queue.addAfter(key, minReady * 1000);
  }

  /** constructHistory + cleanupHistory: the current revision exists and is the newest; old unused ones beyond the limit go. */
  private constructHistory(ds: KObject, hash: string): void {
    const ns = ds.metadata.namespace!;
    const mine = this.revInf.listNamespace(ns).filter((r) => controllerOf(r)?.uid === ds.metadata.uid);
    const max = mine.reduce((m, r) => Math.max(m, Number(r.revision ?? 0)), 0);
    const cur = mine.find((r) => r.metadata.labels?.[REVISION_HASH_LABEL] === hash);
    if (!cur) {
      this.deps.client.create(this.revType, daemonSetRevision(ds, hash, max + 1));
    } else if (Number(cur.revision) < max) {
      this.deps.client.update(this.revType, { ...clone(cur), revision: max + 1 });
    }
    const limit = Number((ds.spec as { revisionHistoryLimit?: number }).revisionHistoryLimit ?? 10);
    const live = new Set<string>();
    for (const list of this.ownedPods(ds).values()) for (const p of list) live.add(p.metadata.labels?.[REVISION_HASH_LABEL] ?? '');
    const old = mine.filter((r) => r.metadata.labels?.[REVISION_HASH_LABEL] !== hash && !live.has(r.metadata.labels?.[REVISION_HASH_LABEL] ?? ''));
    old.sort((a, b) => Number(a.revision) - Number(b.revision));
    for (const r of old.slice(0, Math.max(0, old.length - limit))) this.deps.client.delete(this.revType, ns, r.metadata.name!);
  }

}

function stripEmpty(s: unknown): unknown {
  return s ?? {};
}

/** The DaemonSet controller as a cluster component. */
export const daemonSetControllerFactory: ComponentFactory = (deps) => new DaemonSetController(deps);
