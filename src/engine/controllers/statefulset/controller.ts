// The StatefulSet controller (pkg/controller/statefulset): watches StatefulSets, their pods and
// ControllerRevisions; snapshots the template as a revision `<set>-<hash>`, creates PVCs and
// pods `<set>-<ordinal>`, and reports status. The decisions live in ./reconcile.

import type { ResourceType } from '../../api/registry';
import type { KObject, Status } from '../../api/types';
import { ApiError } from '../../apiserver/status';
import { Informer, keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { computeHash } from '../daemonset/revision';
import { PodIndex } from '../replicaset/pod-index';
import { controllerOf, newControllerRef, type PodTemplate, type PodView } from '../replicaset/pods';
import { REVISION_LABEL, type StatefulSetView } from './identity';
import { reconcileStatefulSet, type Revisions } from './reconcile';

const SOURCE = { component: 'statefulset-controller' };

function errText(e: unknown): string {
  return e instanceof ApiError ? ((e.status as Status).message ?? String(e)) : e instanceof Error ? e.message : String(e);
}

function isConflict(e: unknown): boolean {
  return e instanceof ApiError && (e.status as Status).code === 409;
}

export class StatefulSetController implements Component {
  private readonly setType: ResourceType;
  private readonly podType: ResourceType;
  private readonly crType: ResourceType;
  private readonly pvcType: ResourceType;
  private readonly setInformer: Informer;
  private readonly podInformer: Informer;
  private readonly crInformer: Informer;
  private readonly pods = new PodIndex({ ownerKind: 'StatefulSet', orphans: false });
  /** owner uid -> its ControllerRevisions by name. */
  private readonly revisions = new Map<string, Map<string, KObject>>();
  private readonly queue: WorkQueue;
  lastError: { key: string; err: unknown } | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.setType = deps.type('apps', 'StatefulSet');
    this.podType = deps.type('', 'Pod');
    this.crType = deps.type('apps', 'ControllerRevision');
    this.pvcType = deps.type('', 'PersistentVolumeClaim');
    this.setInformer = deps.informers.informerFor(this.setType);
    this.podInformer = deps.informers.informerFor(this.podType);
    this.crInformer = deps.informers.informerFor(this.crType);
    this.queue = new WorkQueue(deps.clock, (k) => this.sync(k), (key, err) => (this.lastError = { key, err }));
    this.setInformer.addHandlers({ add: (s) => this.queue.add(keyOf(s)), update: (_o, s) => this.queue.add(keyOf(s)) });
    this.podInformer.addHandlers({
      add: (p) => this.onPod(p, undefined),
      update: (o, p) => this.onPod(p, o),
      delete: (p) => {
        this.pods.remove(p);
        this.enqueueOwner(p);
      },
    });
    this.crInformer.addHandlers({
      add: (r) => this.indexRevision(r, true),
      update: (_o, r) => this.indexRevision(r, true),
      delete: (r) => this.indexRevision(r, false),
    });
  }

  start(): void {
    this.crInformer.start();
    this.setInformer.start();
    this.podInformer.start();
  }

  stop(): void {
    this.setInformer.stop();
    this.podInformer.stop();
    this.crInformer.stop();
  }

  private indexRevision(r: KObject, present: boolean): void {
    const ref = controllerOf(r);
    if (!ref || ref.kind !== 'StatefulSet') return;
    let m = this.revisions.get(ref.uid);
    if (!m) this.revisions.set(ref.uid, (m = new Map()));
    if (present) m.set(r.metadata.name ?? '', r);
    else m.delete(r.metadata.name ?? '');
  }

  private enqueueOwner(p: KObject): void {
    const ref = controllerOf(p);
    if (ref?.kind === 'StatefulSet') this.queue.add(`${p.metadata.namespace}/${ref.name}`);
  }

  private onPod(p: KObject, old: KObject | undefined): void {
    this.pods.upsert(p, old);
    this.enqueueOwner(p);
  }

  /** The current and update revisions, creating the update revision's ControllerRevision if new. */
  private revisionsOf(set: StatefulSetView): Revisions {
    const owned = this.revisions.get(set.metadata.uid ?? '') ?? new Map<string, KObject>();
    const collision = (set.status?.collisionCount as number | undefined) ?? 0;
    const template = set.spec.template ?? {};
    const updateName = `${set.metadata.name}-${computeHash(template, collision)}`;
    if (!owned.has(updateName)) {
      let max = 0;
      for (const r of owned.values()) max = Math.max(max, (r as { revision?: number }).revision ?? 0);
      const cr = {
        apiVersion: 'apps/v1',
        kind: 'ControllerRevision',
        metadata: {
          name: updateName,
          namespace: set.metadata.namespace,
          labels: { ...(template.metadata?.labels ?? {}), [REVISION_LABEL]: updateName.slice((set.metadata.name ?? '').length + 1) },
          ownerReferences: [newControllerRef(set)],
        },
        data: { spec: { template: { ...template, $patch: 'replace' } } },
        revision: max + 1,
      } as KObject;
      try {
        this.indexRevision(this.deps.client.create(this.crType, cr), true);
      } catch (e) {
        if (!isConflict(e)) throw e;
      }
    }
    const cur = set.status?.currentRevision as string | undefined;
    const curObj = cur ? owned.get(cur) : undefined;
    const curTemplate = curObj ? stripPatch((curObj as { data?: { spec?: { template?: PodTemplate } } }).data?.spec?.template) : template;
    return { current: curObj ? cur! : updateName, update: updateName, currentTemplate: curTemplate, updateTemplate: template };
  }

  private sync(key: string): void {
    const set = this.setInformer.get(key) as StatefulSetView | undefined;
    if (!set) return;
    const ns = set.metadata.namespace;
    const name = set.metadata.name ?? '';
    const pods = this.pods.ownedBy(set.metadata.uid ?? '') as PodView[];
    const rev = this.revisionsOf(set);
    const claimExists = { has: (n: string) => !!this.deps.client.get(this.pvcType, ns, n) };
    const plan = reconcileStatefulSet(set, pods, claimExists, rev, this.deps.clock.now());
    if (!set.metadata.deletionTimestamp) {
      for (const c of plan.createClaims) {
        const pod = plan.createPods.find((p) => c.metadata.name?.endsWith(`-${p.metadata.name}`))?.metadata.name ?? '';
        try {
          this.deps.client.create(this.pvcType, c);
          this.deps.events.record(SOURCE, set, 'Normal', 'SuccessfulCreate', `create Claim ${c.metadata.name} Pod ${pod} in StatefulSet ${name} success`);
        } catch (e) {
          if (isConflict(e)) continue;
          this.deps.events.record(SOURCE, set, 'Warning', 'FailedCreate', `create Claim ${c.metadata.name} for Pod ${pod} in StatefulSet ${name} failed error: ${errText(e)}`);
          throw e;
        }
      }
      for (const p of plan.createPods) {
        try {
          this.deps.client.create(this.podType, p);
          this.deps.events.record(SOURCE, set, 'Normal', 'SuccessfulCreate', `create Pod ${p.metadata.name} in StatefulSet ${name} successful`);
        } catch (e) {
          if (isConflict(e)) continue; // the watch has not shown it yet
          this.deps.events.record(SOURCE, set, 'Warning', 'FailedCreate', `create Pod ${p.metadata.name} in StatefulSet ${name} failed error: ${errText(e)}`);
          throw e;
        }
      }
      for (const p of plan.deletePods) {
        this.deps.client.delete(this.podType, ns, p.metadata.name ?? '');
        this.deps.events.record(SOURCE, set, 'Normal', 'SuccessfulDelete', `delete Pod ${p.metadata.name} in StatefulSet ${name} successful`);
      }
    }
    if (JSON.stringify(plan.status) !== JSON.stringify(set.status ?? {})) {
      this.deps.client.updateStatus(this.setType, { ...set, status: plan.status });
    }
  }
}

function stripPatch(t: PodTemplate | undefined): PodTemplate {
  const { $patch: _drop, ...rest } = (t ?? {}) as PodTemplate & { $patch?: string };
  return rest;
}

/** The StatefulSet controller as a cluster component. */
export const statefulSetControllerFactory: ComponentFactory = (deps) => new StatefulSetController(deps);
