// The persistent-volume controller (binding, phases, Delete reclaim) together with kind's
// local-path-provisioner: WaitForFirstConsumer claims wait for a pod on a node, then get a
// hostPath volume `pvc-<uid>` pinned to that node; Immediate claims are served at once.

import type { ResourceType } from '../../api/registry';
import type { KObject } from '../../api/types';
import { newUid } from '../../apiserver/meta';
import { ApiError } from '../../apiserver/status';
import { NAME_ALPHABET } from '../../clock';
import { Informer, keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { LOCAL_PATH_PROVISIONER } from '../../system/storage';
import { parseTime, rfc3339 } from '../../util/time';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import {
  BETA_STORAGE_PROVISIONER, MSG_WAIT_FOR_CONSUMER, SELECTED_NODE, STORAGE_PROVISIONER,
  boundClaim, boundClaimStatus, claimStep, claimedVolume, matchVolume, msgExternalProvisioning,
  msgProvisioned, msgProvisioning, podClaims, provisionedVolume, volumePhase,
} from './reconcile';

type Obj = Record<string, unknown>;

const PV_CONTROLLER = { component: 'persistentvolume-controller' };
/** The PV controller's resync period: a waiting claim is looked at (and its event repeated) this often. */
export const PV_RESYNC_MS = 15_000;
/** How long local-path-provisioner's helper pod takes to create the directory on the node. */
export const PROVISION_DELAY_MS = 2_000;
/** A Released volume with the Delete policy is removed this long after its claim went away. */
export const RECLAIM_DELAY_MS = 1_000;

const claimKey = (k: string) => `c:${k}`;
const volumeKey = (name: string) => `v:${name}`;

export class VolumeController implements Component {
  private readonly t: { pvc: ResourceType; pv: ResourceType };
  private readonly pvcs: Informer;
  private readonly pvs: Informer;
  private readonly pods: Informer;
  private readonly classes: Informer;
  private readonly nodes: Informer;
  private readonly queue: WorkQueue;
  /** claim key -> keys of the pods that mount it (the consumers WaitForFirstConsumer waits for). */
  private readonly consumers = new Map<string, Set<string>>();
  /** claim uids whose volume the provisioner is creating right now. */
  private readonly inFlight = new Set<string>();
  private identity: string | undefined;
  /** The last sync failure (retried with back-off); for tests and debugging. */
  lastError: { key: string; err: unknown } | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.t = { pvc: deps.type('', 'PersistentVolumeClaim'), pv: deps.type('', 'PersistentVolume') };
    this.pvcs = deps.informers.informerFor(this.t.pvc);
    this.pvs = deps.informers.informerFor(this.t.pv);
    this.pods = deps.informers.informerFor(deps.type('', 'Pod'));
    this.classes = deps.informers.informerFor(deps.type('storage.k8s.io', 'StorageClass'));
    this.nodes = deps.informers.informerFor(deps.type('', 'Node'));
    this.queue = new WorkQueue(deps.clock, (k) => this.sync(k), (key, err) => (this.lastError = { key, err }));

    const onClaim = (c: KObject) => {
      this.queue.add(claimKey(keyOf(c)));
      const vol = (c.spec as Obj | undefined)?.volumeName;
      if (typeof vol === 'string' && vol) this.queue.add(volumeKey(vol));
    };
    this.pvcs.addHandlers({ add: onClaim, update: (_, c) => onClaim(c), delete: onClaim });
    const onVolume = (v: KObject) => {
      this.queue.add(volumeKey(v.metadata.name!));
      const ref = (v.spec as Obj | undefined)?.claimRef as Obj | undefined;
      if (ref?.name) this.queue.add(claimKey(`${String(ref.namespace ?? 'default')}/${String(ref.name)}`));
    };
    this.pvs.addHandlers({ add: onVolume, update: (_, v) => onVolume(v), delete: onVolume });
    this.pods.addHandlers({ add: (p) => this.notePod(p), update: (_, p) => this.notePod(p), delete: (p) => this.forgetPod(p) });
  }

  start(): void {
    for (const i of [this.classes, this.nodes, this.pvs, this.pvcs, this.pods]) i.start();
  }

  stop(): void {
    for (const i of [this.classes, this.nodes, this.pvs, this.pvcs, this.pods]) i.stop();
    this.inFlight.clear();
  }

  private notePod(pod: KObject): void {
    const claims = podClaims(pod);
    if (claims.length === 0) return;
    const ns = pod.metadata.namespace ?? 'default';
    const podKey = keyOf(pod);
    const onNode = typeof (pod.spec as Obj | undefined)?.nodeName === 'string';
    for (const c of claims) {
      const k = `${ns}/${c}`;
      let set = this.consumers.get(k);
      if (!set) this.consumers.set(k, (set = new Set()));
      set.add(podKey);
      if (onNode) this.queue.add(claimKey(k));
    }
  }

  private forgetPod(pod: KObject): void {
    const ns = pod.metadata.namespace ?? 'default';
    for (const c of podClaims(pod)) {
      const set = this.consumers.get(`${ns}/${c}`);
      set?.delete(keyOf(pod));
      if (set?.size === 0) this.consumers.delete(`${ns}/${c}`);
    }
  }

  private sync(key: string): void {
    if (key.startsWith('c:')) this.syncClaim(key.slice(2));
    else this.syncVolume(key.slice(2));
  }

  /** The node of a live pod that mounts the claim, if any. */
  private consumerNode(k: string): string | undefined {
    for (const pk of this.consumers.get(k) ?? []) {
      const pod = this.pods.get(pk);
      const node = (pod?.spec as Obj | undefined)?.nodeName;
      const phase = (pod?.status as Obj | undefined)?.phase;
      if (typeof node === 'string' && node && phase !== 'Succeeded' && phase !== 'Failed') return node;
    }
    return undefined;
  }

  /** Where an Immediate local volume goes: the first schedulable worker by name. */
  private anyNode(): string | undefined {
    const names = this.nodes
      .list()
      .filter((n) => !n.spec || !((n.spec as Obj).unschedulable === true) && !((n.spec as Obj).taints as Obj[] | undefined)?.some((t) => t.effect === 'NoSchedule'))
      .map((n) => n.metadata.name!)
      .sort();
    return names[0];
  }

  private syncClaim(k: string): void {
    const pvc = this.pvcs.get(k);
    if (!pvc) return;
    const spec = (pvc.spec ?? {}) as Obj;
    const className = typeof spec.storageClassName === 'string' ? spec.storageClassName : '';
    const sc = className ? this.classes.get(className) : undefined;
    const unbound = !spec.volumeName;
    const node = unbound ? this.consumerNode(k) : undefined;
    const match = unbound ? matchVolume(pvc, this.pvs.list()) : undefined;
    const step = claimStep(pvc, sc, match, node, unbound ? this.anyNode() : undefined);
    const { events, client } = this.deps;
    switch (step.kind) {
      case 'wait':
        events.record(PV_CONTROLLER, pvc, 'Normal', 'WaitForFirstConsumer', MSG_WAIT_FOR_CONSUMER);
        this.queue.addAfter(claimKey(k), PV_RESYNC_MS);
        return;
      case 'bind': {
        const pv = this.pvs.get(step.volume);
        if (!pv) return;
        const claimed = claimedVolume(pv, pvc);
        if (claimed !== pv) client.update(this.t.pv, claimed);
        let cur = pvc;
        if (spec.volumeName !== pv.metadata.name || pvc.metadata.annotations?.['pv.kubernetes.io/bind-completed'] !== 'yes') cur = client.update(this.t.pvc, boundClaim(pvc, pv));
        client.updateStatus(this.t.pvc, boundClaimStatus(cur, pv));
        return;
      }
      case 'provision':
        return this.provision(pvc, sc!, step.node, step.provisioner, (sc as Obj).volumeBindingMode === 'WaitForFirstConsumer');
      default:
        return;
    }
  }

  private provision(pvc: KObject, sc: KObject, node: string, provisioner: string, waits: boolean): void {
    const uid = pvc.metadata.uid!;
    if (this.inFlight.has(uid)) return;
    const { events, client, clock } = this.deps;
    const a = pvc.metadata.annotations ?? {};
    if (a[STORAGE_PROVISIONER] !== provisioner || (waits && a[SELECTED_NODE] !== node)) {
      // What the scheduler (selected-node) and the PV controller (provisioner) write on the claim.
      const annotations = { ...a, ...(waits ? { [SELECTED_NODE]: node } : {}), [BETA_STORAGE_PROVISIONER]: provisioner, [STORAGE_PROVISIONER]: provisioner };
      pvc = client.update(this.t.pvc, { ...pvc, metadata: { ...pvc.metadata, annotations } });
    }
    events.record(PV_CONTROLLER, pvc, 'Normal', 'ExternalProvisioning', msgExternalProvisioning(provisioner));
    if (provisioner !== LOCAL_PATH_PROVISIONER) return; // nobody else provisions in this cluster
    const source = { component: this.provisionerIdentity() };
    const ns = pvc.metadata.namespace ?? 'default';
    events.record(source, pvc, 'Normal', 'Provisioning', msgProvisioning(ns, pvc.metadata.name!));
    this.inFlight.add(uid);
    const claim = pvc;
    clock.schedule(PROVISION_DELAY_MS, () => {
      if (!this.inFlight.delete(uid)) return; // stopped meanwhile
      const cur = this.pvcs.get(keyOf(claim));
      if (!cur || cur.metadata.uid !== uid || cur.metadata.deletionTimestamp) return;
      const pv = provisionedVolume(cur, sc, node);
      try {
        client.create(this.t.pv, pv);
      } catch (e) {
        if (!(e instanceof ApiError && e.status.code === 409)) throw e;
      }
      events.record(source, cur, 'Normal', 'ProvisioningSucceeded', msgProvisioned(pv.metadata.name!));
    });
  }

  /** `rancher.io/local-path_<provisioner pod>_<uuid>`, as the external provisioner names itself. */
  private provisionerIdentity(): string {
    if (!this.identity) {
      const r = this.deps.random;
      this.identity = `${LOCAL_PATH_PROVISIONER}_local-path-provisioner-${r.string(10, NAME_ALPHABET)}-${r.string(5, NAME_ALPHABET)}_${newUid(r)}`;
    }
    return this.identity;
  }

  private syncVolume(name: string): void {
    const pv = this.pvs.get(name);
    if (!pv) return;
    const ref = (pv.spec as Obj | undefined)?.claimRef as Obj | undefined;
    const claim = ref ? this.pvcs.get(`${String(ref.namespace ?? 'default')}/${String(ref.name)}`) : undefined;
    const phase = volumePhase(pv, claim);
    const status = (pv.status ?? {}) as Obj;
    const { client, clock } = this.deps;
    if (phase === 'Released' && (pv.spec as Obj).persistentVolumeReclaimPolicy === 'Delete' && status.phase === 'Released') {
      // The provisioner deletes a Released volume a moment after the PV controller marked it.
      const since = clock.now() - (parseTime(status.lastPhaseTransitionTime) ?? 0);
      if (since < RECLAIM_DELAY_MS) this.queue.addAfter(volumeKey(name), RECLAIM_DELAY_MS - since);
      else if (!pv.metadata.deletionTimestamp) client.delete(this.t.pv, undefined, name);
      return;
    }
    if (status.phase !== phase) {
      client.updateStatus(this.t.pv, { ...pv, status: { ...status, phase, lastPhaseTransitionTime: rfc3339(clock.now()) } });
    }
    if (phase === 'Released' && (pv.spec as Obj).persistentVolumeReclaimPolicy === 'Delete') this.queue.addAfter(volumeKey(name), RECLAIM_DELAY_MS);
  }
}

/** Factory for createCluster's component list. */
export const volumeControllerFactory: ComponentFactory = (deps) => new VolumeController(deps);
