// The ReplicaSet controller (pkg/controller/replicaset/replica_set.go): watches ReplicaSets and
// pods, claims pods by owner reference and labels, creates or deletes pods to match
// spec.replicas under expectations, and reports status. The decisions live in ./reconcile.

import { selectorFromLabelSelector, type Selector } from '../../api/labels';
import type { ResourceType } from '../../api/registry';
import type { KObject, Status } from '../../api/types';
import { ApiError } from '../../apiserver/status';
import { Informer, keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { Expectations } from '../expectations';
import { sameJson } from '../../util/same-json';
import { adoptPatch, claimDecision, releasePatch } from './claim';
import { ClaimMemo } from './claim-memo';
import { PodIndex } from './pod-index';
import { controllerOf, isPodActive, objectKey, specReplicas, type PodView, type ReplicaSetView } from './pods';
import {
  calculateReplicaSetStatus,
  ReplicaCounts,
  nextAvailabilityCheck,
  podFromTemplate,
  reconcileReplicaSet,
  replicaSetStatusToWrite,
  slowStartBatches,
} from './reconcile';

const SOURCE = { component: 'replicaset-controller' };

function hasCause(e: unknown, reason: string): boolean {
  return e instanceof ApiError && !!(e.status as Status).details?.causes?.some((c) => c.reason === reason);
}

function errText(e: unknown): string {
  return e instanceof ApiError ? ((e.status as Status).message ?? String(e)) : e instanceof Error ? e.message : String(e);
}

export class ReplicaSetController implements Component {
  private readonly rsType: ResourceType;
  private readonly podType: ResourceType;
  private readonly rsInformer: Informer;
  private readonly podInformer: Informer;
  private readonly pods = new PodIndex({ ownerKind: 'ReplicaSet' });
  /** Pods the last syncs kept, so a sync re-checks only the pods that changed since. */
  private readonly claims = new ClaimMemo();
  /** rs key -> parsed selector (rebuilt when the RS changes). */
  private readonly selectors = new Map<string, Selector>();
  /** namespace -> rs keys, to find the ReplicaSets that may adopt an orphan. */
  private readonly rsByNamespace = new Map<string, Set<string>>();
  /** controller (Deployment) uid -> rs keys, for the "related pods" of the deletion ranking. */
  private readonly rsByOwner = new Map<string, Set<string>>();
  private readonly queue: WorkQueue;
  /** The last sync failure (retried with back-off); for tests and debugging. */
  lastError: { key: string; err: unknown } | undefined;
  readonly expectations: Expectations;

  constructor(private readonly deps: ComponentDeps) {
    this.rsType = deps.type('apps', 'ReplicaSet');
    this.podType = deps.type('', 'Pod');
    this.rsInformer = deps.informers.informerFor(this.rsType);
    this.podInformer = deps.informers.informerFor(this.podType);
    this.expectations = new Expectations(() => deps.clock.now());
    this.queue = new WorkQueue(
      deps.clock,
      (k) => this.sync(k),
      (key, err) => (this.lastError = { key, err }),
    );
    this.rsInformer.addHandlers({
      add: (rs) => this.onReplicaSet(rs, undefined),
      update: (old, rs) => this.onReplicaSet(rs, old),
      delete: (rs) => {
        this.forgetReplicaSet(rs);
        this.expectations.delete(keyOf(rs));
        this.queue.add(keyOf(rs));
      },
    });
    this.podInformer.addHandlers({
      add: (p) => this.addPod(p as PodView),
      update: (old, p) => this.updatePod(old as PodView, p as PodView),
      delete: (p) => this.deletePod(p as PodView, true),
    });
  }

  start(): void {
    this.rsInformer.start();
    this.podInformer.start();
  }

  stop(): void {
    this.rsInformer.stop();
    this.podInformer.stop();
  }

  // ---- event handlers: map an event to ReplicaSet keys ----

  private onReplicaSet(rs: KObject, old: KObject | undefined): void {
    const key = keyOf(rs);
    if (old) this.forgetReplicaSet(old);
    let sel: Selector;
    try {
      sel = selectorFromLabelSelector((rs as ReplicaSetView).spec?.selector);
    } catch {
      sel = selectorFromLabelSelector(null);
    }
    this.selectors.set(key, sel);
    addTo(this.rsByNamespace, rs.metadata.namespace ?? '', key);
    const owner = controllerOf(rs);
    if (owner) addTo(this.rsByOwner, owner.uid, key);
    this.queue.add(key);
  }

  private forgetReplicaSet(rs: KObject): void {
    const key = keyOf(rs);
    this.rsByNamespace.get(rs.metadata.namespace ?? '')?.delete(key);
    const owner = controllerOf(rs);
    if (owner) this.rsByOwner.get(owner.uid)?.delete(key);
    if (!this.rsInformer.get(key)) this.selectors.delete(key);
  }

  /** resolveControllerRef: the ReplicaSet a controller reference names, if it still exists. */
  private resolve(ns: string, ref: { kind: string; name: string; uid: string } | undefined): ReplicaSetView | undefined {
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.rsInformer.get(`${ns}/${ref.name}`);
    return rs && rs.metadata.uid === ref.uid ? (rs as ReplicaSetView) : undefined;
  }

  /** getPodReplicaSets: ReplicaSets in the pod's namespace whose selector matches it. */
  private matchingReplicaSets(pod: PodView): string[] {
    const out: string[] = [];
    for (const key of this.rsByNamespace.get(pod.metadata.namespace ?? '') ?? []) {
      const sel = this.selectors.get(key);
      if (sel && !sel.empty() && sel.matches(pod.metadata.labels)) out.push(key);
    }
    return out;
  }

  private addPod(pod: PodView): void {
    this.pods.upsert(pod, undefined);
    if (pod.metadata.deletionTimestamp) {
      this.deletePod(pod, false);
      return;
    }
    const ref = controllerOf(pod);
    if (ref) {
      const rs = this.resolve(pod.metadata.namespace ?? '', ref);
      if (!rs) return;
      this.expectations.creationObserved(keyOf(rs));
      this.queue.add(keyOf(rs));
      return;
    }
    for (const k of this.matchingReplicaSets(pod)) this.queue.add(k);
  }

  private updatePod(old: PodView, cur: PodView): void {
    this.pods.upsert(cur, old);
    if (old !== cur) this.claims.forget(old);
    if (cur.metadata.resourceVersion === old.metadata.resourceVersion) return;
    // sameJson: JSON.stringify equality without the strings (every pod event reaches this).
    const labelChanged = !sameJson(cur.metadata.labels ?? {}, old.metadata.labels ?? {});
    if (cur.metadata.deletionTimestamp) {
      // Replace a terminating pod at once rather than when the kubelet finally removes it.
      this.deletePod(cur, false);
      if (labelChanged) this.deletePod(old, false);
      return;
    }
    const ns = cur.metadata.namespace ?? '';
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !sameJson(curRef ?? null, oldRef ?? null);
    if (refChanged && oldRef) {
      const rs = this.resolve(ns, oldRef);
      if (rs) this.queue.add(keyOf(rs));
    }
    if (curRef) {
      const rs = this.resolve(ns, curRef);
      if (!rs) return;
      this.queue.add(keyOf(rs));
      return;
    }
    if (labelChanged || refChanged) for (const k of this.matchingReplicaSets(cur)) this.queue.add(k);
  }

  private deletePod(pod: PodView, gone: boolean): void {
    if (gone) {
      const held = this.pods.remove(pod);
      if (held) this.claims.forget(held);
    }
    const rs = this.resolve(pod.metadata.namespace ?? '', controllerOf(pod));
    if (!rs) return;
    const key = keyOf(rs);
    this.expectations.deletionObserved(key, objectKey(pod));
    this.queue.add(key);
  }

  // ---- sync ----

  private sync(key: string): void {
    const rs = this.rsInformer.get(key) as ReplicaSetView | undefined;
    if (!rs) {
      this.expectations.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    let selector: Selector;
    try {
      selector = selectorFromLabelSelector(rs.spec.selector);
    } catch {
      return; // An invalid selector never heals by retrying (validation rejects it anyway).
    }
    const now = this.deps.clock.now();
    const counts = new ReplicaCounts(rs, now);
    const pods = this.claimPods(rs, selector, counts);
    let manageError: unknown;
    if (needsSync && !rs.metadata.deletionTimestamp) {
      try {
        this.manageReplicas(key, rs, pods, now);
      } catch (e) {
        manageError = e;
      }
    }
    const status = calculateReplicaSetStatus(rs, pods, manageError === undefined ? undefined : errText(manageError), now, counts);
    const write = replicaSetStatusToWrite(rs, status);
    if (write) this.deps.client.updateStatus(this.rsType, { ...rs, status: write });
    const at = nextAvailabilityCheck(rs, pods, now);
    if (at !== undefined) this.queue.addAfter(key, at - now);
    if (manageError !== undefined) throw manageError;
  }

  /**
   * claimPods: the active pods this ReplicaSet owns after adopting and releasing by labels, each
   * also added to `counts` (the status counts them as claimed).
   */
  private claimPods(rs: ReplicaSetView, selector: Selector, counts: ReplicaCounts): PodView[] {
    const ns = rs.metadata.namespace ?? '';
    const owned: PodView[] = [];
    let canAdopt: boolean | undefined;
    for (const pod of this.pods.candidates(ns, rs.metadata.uid ?? '')) {
      if (!isPodActive(pod)) continue;
      // Unchanged since a sync kept it (the usual case): the same decision and counts.
      const known = this.claims.get(rs, pod);
      const d = known !== undefined ? 'keep' : claimDecision(rs, selector, pod);
      if (d === 'keep') {
        const kept = known ?? this.claims.keep(rs, counts.template, pod);
        owned.push(pod);
        counts.addKnown(pod, kept.fully, kept.ready);
      } else if (d === 'release') this.patchPod(pod, releasePatch(rs, pod));
      else if (d === 'adopt') {
        // RecheckDeletionTimestamp: adopt only if a fresh read shows the same, live ReplicaSet.
        if (canAdopt === undefined) {
          const fresh = this.deps.client.get(this.rsType, ns, rs.metadata.name ?? '');
          canAdopt = !!fresh && fresh.metadata.uid === rs.metadata.uid && !fresh.metadata.deletionTimestamp;
        }
        if (!canAdopt) continue;
        const adopted = this.patchPod(pod, adoptPatch(rs, pod));
        if (adopted) {
          owned.push(adopted as PodView);
          counts.add(adopted as PodView);
        }
      }
    }
    return owned;
  }

  private patchPod(pod: PodView, patch: unknown): KObject | undefined {
    try {
      return this.deps.client.patch(this.podType, pod.metadata.namespace, pod.metadata.name ?? '', patch);
    } catch (e) {
      if (e instanceof ApiError && (e.status as Status).code === 404) return undefined;
      throw e;
    }
  }

  private manageReplicas(key: string, rs: ReplicaSetView, pods: PodView[], now: number): void {
    // The related pods only rank a scale-down; gathering them (every pod of the Deployment) for
    // the common no-op or scale-up sync was a large share of a sync at 10,000 pods.
    const related = pods.length > specReplicas(rs) ? this.relatedPods(rs) : [];
    const plan = reconcileReplicaSet(rs, pods, related, now);
    if (plan.create > 0) {
      this.expectations.expectCreations(key, plan.create);
      let done = 0;
      let failure: unknown;
      for (const size of slowStartBatches(plan.create)) {
        let ok = 0;
        for (let i = 0; i < size; i++) {
          try {
            this.createPod(rs);
            ok++;
          } catch (e) {
            if (hasCause(e, 'NamespaceTerminating')) ok++;
            else failure ??= e;
          }
        }
        done += ok;
        if (failure !== undefined) break;
      }
      // Creates never attempted (or failed) will not be observed: stop expecting them.
      for (let i = done; i < plan.create; i++) this.expectations.creationObserved(key);
      if (failure !== undefined) throw failure;
      return;
    }
    if (plan.delete.length > 0) {
      this.expectations.expectDeletions(key, plan.delete.map(objectKey));
      let failure: unknown;
      for (const pod of plan.delete) {
        try {
          this.deps.client.delete(this.podType, pod.metadata.namespace, pod.metadata.name ?? '');
          this.deps.events.record(SOURCE, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        } catch (e) {
          this.expectations.deletionObserved(key, objectKey(pod));
          this.deps.events.record(SOURCE, rs, 'Warning', 'FailedDelete', `Error deleting: ${errText(e)}`);
          failure ??= e;
        }
      }
      if (failure !== undefined) throw failure;
    }
  }

  private createPod(rs: ReplicaSetView): void {
    const pod = podFromTemplate(rs);
    try {
      if (!pod.metadata.labels) throw new Error('unable to create pods, no labels');
      // podFromTemplate builds a fresh pod (template parts copied): handed over, not copied again.
      const created = this.deps.client.create(this.podType, pod, true);
      this.deps.events.record(SOURCE, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    } catch (e) {
      this.deps.events.record(SOURCE, rs, 'Warning', 'FailedCreate', `Error creating: ${errText(e)}`);
      throw e;
    }
  }

  /** getIndirectlyRelatedPods: pods of every ReplicaSet sharing this one's controller. */
  private relatedPods(rs: ReplicaSetView): PodView[] {
    const owner = controllerOf(rs);
    if (!owner) return [];
    const out: PodView[] = [];
    for (const k of this.rsByOwner.get(owner.uid) ?? []) {
      const sib = this.rsInformer.get(k);
      if (sib?.metadata.uid) out.push(...this.pods.ownedBy(sib.metadata.uid));
    }
    return out;
  }
}

function addTo(m: Map<string, Set<string>>, k: string, v: string): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

/** The ReplicaSet controller as a cluster component. */
export const replicaSetControllerFactory: ComponentFactory = (deps) => new ReplicaSetController(deps);
