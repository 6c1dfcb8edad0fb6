// The Deployment controller (pkg/controller/deployment/deployment_controller.go): watches
// Deployments, ReplicaSets and pod deletions, claims ReplicaSets by owner reference and labels,
// runs reconcileDeployment and performs the writes it decided, in order.

import { selectorFromLabelSelector, type Selector } from '../../api/labels';
import type { ResourceType } from '../../api/registry';
import { clone, type KObject, type Status } from '../../api/types';
import { ApiError } from '../../apiserver/status';
import { Informer, keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { adoptPatch, claimDecision, releasePatch } from '../replicaset/claim';
import { PodIndex } from '../replicaset/pod-index';
import { controllerOf, type PodView, type ReplicaSetView } from '../replicaset/pods';
import { newCondition, setCondition } from './conditions';
import type { DeploymentAction } from './plan';
import { reconcileDeployment } from './reconcile';
import { REVISION_ANNOTATION, Reason, type DeploymentView } from './types';
import { equalIgnoreHash, hasProgressDeadline } from './util';

const SOURCE = { component: 'deployment-controller' };

function apiCode(e: unknown): number | undefined {
  return e instanceof ApiError ? (e.status as Status).code : undefined;
}

function errText(e: unknown): string {
  return e instanceof ApiError ? ((e.status as Status).message ?? String(e)) : e instanceof Error ? e.message : String(e);
}

/** Stops executing a sync's remaining actions (the next sync recomputes them). */
class Abort extends Error {}

export class DeploymentController implements Component {
  private readonly dType: ResourceType;
  private readonly rsType: ResourceType;
  private readonly dInformer: Informer;
  private readonly rsInformer: Informer;
  private readonly podInformer: Informer;
  /** Deployment uid -> owned RS keys; namespace -> orphan RS keys. */
  private readonly rsByOwner = new Map<string, Set<string>>();
  private readonly orphanRS = new Map<string, Set<string>>();
  private readonly pods = new PodIndex({ ownerKind: 'ReplicaSet', orphans: false });
  private readonly selectors = new Map<string, Selector>();
  private readonly dByNamespace = new Map<string, Set<string>>();
  private readonly queue: WorkQueue;
  /** The last sync failure (retried with back-off); for tests and debugging. */
  lastError: { key: string; err: unknown } | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.dType = deps.type('apps', 'Deployment');
    this.rsType = deps.type('apps', 'ReplicaSet');
    this.dInformer = deps.informers.informerFor(this.dType);
    this.rsInformer = deps.informers.informerFor(this.rsType);
    this.podInformer = deps.informers.informerFor(deps.type('', 'Pod'));
    this.queue = new WorkQueue(
      deps.clock,
      (k) => this.sync(k),
      (key, err) => (this.lastError = { key, err }),
    );
    this.dInformer.addHandlers({
      add: (d) => this.onDeployment(d),
      update: (_, d) => this.onDeployment(d),
      delete: (d) => {
        this.dByNamespace.get(d.metadata.namespace ?? '')?.delete(keyOf(d));
        this.selectors.delete(keyOf(d));
        this.queue.add(keyOf(d));
      },
    });
    this.rsInformer.addHandlers({
      add: (rs) => this.onReplicaSet(rs, undefined),
      update: (old, rs) => this.onReplicaSet(rs, old),
      delete: (rs) => {
        this.indexRS(rs, false);
        this.enqueueOwner(rs);
      },
    });
    this.podInformer.addHandlers({
      add: (p) => this.pods.upsert(p, undefined),
      update: (old, p) => this.pods.upsert(p, old),
      delete: (p) => this.onPodDeleted(p as PodView),
    });
  }

  start(): void {
    this.dInformer.start();
    this.rsInformer.start();
    this.podInformer.start();
  }

  stop(): void {
    this.dInformer.stop();
    this.rsInformer.stop();
    this.podInformer.stop();
  }

  // ---- event handlers ----

  private onDeployment(d: KObject): void {
    const key = keyOf(d);
    let sel: Selector;
    try {
      sel = selectorFromLabelSelector((d as DeploymentView).spec?.selector);
    } catch {
      sel = selectorFromLabelSelector(null);
    }
    this.selectors.set(key, sel);
    let s = this.dByNamespace.get(d.metadata.namespace ?? '');
    if (!s) this.dByNamespace.set(d.metadata.namespace ?? '', (s = new Set()));
    s.add(key);
    this.queue.add(key);
  }

  private indexRS(rs: KObject, present: boolean): void {
    const key = keyOf(rs);
    const ref = controllerOf(rs);
    const m = ref ? this.rsByOwner : this.orphanRS;
    const k = ref ? ref.uid : (rs.metadata.namespace ?? '');
    let s = m.get(k);
    if (present) {
      if (!s) m.set(k, (s = new Set()));
      s.add(key);
    } else {
      s?.delete(key);
    }
  }

  private resolve(ns: string, ref: { kind: string; name: string; uid: string } | undefined): KObject | undefined {
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = this.dInformer.get(`${ns}/${ref.name}`);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  private enqueueOwner(rs: KObject): void {
    const d = this.resolve(rs.metadata.namespace ?? '', controllerOf(rs));
    if (d) this.queue.add(keyOf(d));
  }

  /** getDeploymentsForReplicaSet: Deployments whose selector matches an orphan's labels. */
  private enqueueMatching(rs: KObject): void {
    for (const key of this.dByNamespace.get(rs.metadata.namespace ?? '') ?? []) {
      const sel = this.selectors.get(key);
      if (sel && !sel.empty() && sel.matches(rs.metadata.labels)) this.queue.add(key);
    }
  }

  private onReplicaSet(rs: KObject, old: KObject | undefined): void {
    if (old) this.indexRS(old, false);
    this.indexRS(rs, true);
    const ref = controllerOf(rs);
    if (!old) {
      if (ref) this.enqueueOwner(rs);
      else this.enqueueMatching(rs);
      return;
    }
    if (rs.metadata.resourceVersion === old.metadata.resourceVersion) return;
    const oldRef = controllerOf(old);
    const refChanged = JSON.stringify(ref ?? null) !== JSON.stringify(oldRef ?? null);
    if (refChanged && oldRef) this.enqueueOwner(old);
    if (ref) {
      this.enqueueOwner(rs);
      return;
    }
    const labelsChanged = JSON.stringify(rs.metadata.labels ?? {}) !== JSON.stringify(old.metadata.labels ?? {});
    if (labelsChanged || refChanged) this.enqueueMatching(rs);
  }

  /** deletePod: a Recreate rollout waits for old pods to be gone. */
  private onPodDeleted(pod: PodView): void {
    this.pods.remove(pod);
    const rsRef = controllerOf(pod);
    if (!rsRef || rsRef.kind !== 'ReplicaSet') return;
    const rs = this.rsInformer.get(`${pod.metadata.namespace}/${rsRef.name}`);
    if (!rs) return;
    const d = this.resolve(rs.metadata.namespace ?? '', controllerOf(rs)) as DeploymentView | undefined;
    if (d?.spec.strategy?.type === 'Recreate') this.queue.add(keyOf(d));
  }

  // ---- sync ----

  private sync(key: string): void {
    const d = this.dInformer.get(key) as DeploymentView | undefined;
    if (!d) return;
    const rss = this.claimReplicaSets(d);
    const podMap = new Map<string, PodView[]>();
    if (d.spec.strategy?.type === 'Recreate') {
      const sel = this.selectors.get(key);
      for (const rs of rss) {
        const uid = rs.metadata.uid ?? '';
        podMap.set(uid, this.pods.ownedBy(uid).filter((p) => !sel || sel.matches(p.metadata.labels)));
      }
    }
    const { actions } = reconcileDeployment(d, rss, podMap, this.deps.clock.now());
    let current: KObject = d;
    try {
      for (const a of actions) current = this.apply(key, current, a);
    } catch (e) {
      if (!(e instanceof Abort)) throw e;
    }
  }

  /** getReplicaSetsForDeployment: owned ReplicaSets after adoption and release. */
  private claimReplicaSets(d: DeploymentView): ReplicaSetView[] {
    const ns = d.metadata.namespace ?? '';
    const keys = [...(this.rsByOwner.get(d.metadata.uid ?? '') ?? []), ...(this.orphanRS.get(ns) ?? [])];
    let sel: Selector;
    try {
      sel = selectorFromLabelSelector(d.spec.selector);
    } catch {
      return [];
    }
    const out: ReplicaSetView[] = [];
    let canAdopt: boolean | undefined;
    for (const k of keys) {
      const rs = this.rsInformer.get(k);
      if (!rs) continue;
      const decision = claimDecision(d, sel, rs);
      if (decision === 'keep') out.push(rs as ReplicaSetView);
      else if (decision === 'release') this.patchRS(rs, releasePatch(d, rs));
      else if (decision === 'adopt') {
        if (canAdopt === undefined) {
          const fresh = this.deps.client.get(this.dType, ns, d.metadata.name ?? '');
          canAdopt = !!fresh && fresh.metadata.uid === d.metadata.uid && !fresh.metadata.deletionTimestamp;
        }
        if (!canAdopt) continue;
        const adopted = this.patchRS(rs, adoptPatch(d, rs));
        if (adopted) out.push(adopted as ReplicaSetView);
      }
    }
    return out;
  }

  private patchRS(rs: KObject, patch: unknown): KObject | undefined {
    try {
      return this.deps.client.patch(this.rsType, rs.metadata.namespace, rs.metadata.name ?? '', patch);
    } catch (e) {
      if (apiCode(e) === 404) return undefined;
      throw e;
    }
  }

  /** Performs one action; returns the Deployment as last written (for the next status write). */
  private apply(key: string, d: KObject, a: DeploymentAction): KObject {
    const c = this.deps.client;
    switch (a.type) {
      case 'event':
        this.deps.events.record(SOURCE, d, a.eventType, a.reason, a.message);
        return d;
      case 'requeueAfter':
        if (a.ms <= 0) this.queue.addAfter(key, 5);
        else this.queue.addAfter(key, a.ms);
        return d;
      case 'updateReplicaSet':
        c.update(this.rsType, a.rs);
        return d;
      case 'deleteReplicaSet':
        c.delete(this.rsType, a.rs.metadata.namespace, a.rs.metadata.name ?? '');
        return d;
      case 'createReplicaSet':
        this.createReplicaSet(key, d as DeploymentView, a.rs);
        return d;
      case 'updateStatus':
        return this.writeStatus(d, a.deployment);
    }
  }

  /**
   * UpdateStatus, carrying the revision annotation as upstream's status update does. The
   * apiserver here keeps metadata unchanged on /status writes, so a revision it dropped is
   * written with a metadata patch (see the report: the apiserver should keep annotations).
   */
  private writeStatus(cur: KObject, want: DeploymentView): KObject {
    const body = { ...clone(want), metadata: { ...clone(want.metadata), resourceVersion: cur.metadata.resourceVersion } };
    let out = this.deps.client.updateStatus(this.dType, body);
    const rev = want.metadata.annotations?.[REVISION_ANNOTATION];
    if (rev !== undefined && out.metadata.annotations?.[REVISION_ANNOTATION] !== rev) {
      out = this.deps.client.patch(this.dType, out.metadata.namespace, out.metadata.name ?? '', { metadata: { annotations: { [REVISION_ANNOTATION]: rev } } });
    }
    return out;
  }

  /** Creates the new ReplicaSet; AlreadyExists is either our own (carry on next sync) or a hash collision. */
  private createReplicaSet(key: string, d: DeploymentView, rs: ReplicaSetView): void {
    try {
      this.deps.client.create(this.rsType, rs);
      return;
    } catch (e) {
      const code = apiCode(e);
      if (code === 409) {
        const existing = this.rsInformer.get(keyOf(rs)) as ReplicaSetView | undefined;
        if (existing && controllerOf(existing)?.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, existing.spec.template)) {
          this.queue.add(key);
          throw new Abort();
        }
        // A different template owns this name: bump collisionCount so the next hash differs.
        const next = clone(d);
        next.status = { ...(next.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
        this.deps.client.updateStatus(this.dType, next);
        throw e;
      }
      const reasons = e instanceof ApiError ? ((e.status as Status).details?.causes ?? []).map((x) => x.reason) : [];
      if (reasons.includes('NamespaceTerminating')) throw e;
      const msg = `Failed to create new replica set "${rs.metadata.name}": ${errText(e)}`;
      if (hasProgressDeadline(d)) {
        const next = clone(d);
        next.status ??= {};
        setCondition(next.status, newCondition('Progressing', 'False', Reason.FailedRSCreate, msg, this.deps.clock.now()));
        try {
          this.deps.client.updateStatus(this.dType, next);
        } catch {
          // The bigger problem is reported below.
        }
      }
      this.deps.events.record(SOURCE, d, 'Warning', Reason.FailedRSCreate, msg);
      throw e;
    }
  }
}

/** The Deployment controller as a cluster component. */
export const deploymentControllerFactory: ComponentFactory = (deps) => new DeploymentController(deps);
