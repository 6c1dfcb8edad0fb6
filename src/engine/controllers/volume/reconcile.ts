// Pure decisions of the PV controller + local-path provisioner: what a claim needs next
// (wait for a consumer, provision on a node, bind to a volume) and the objects written for it.

import type { KObject } from '../../api/types';
import { quantityValue } from '../../api/kinds/quantities';

type Obj = Record<string, unknown>;

export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const LOCAL_PATH_SELECTED_NODE = 'local.path.provisioner/selected-node';
/** Where local-path-provisioner (kind's config) creates volume directories. */
export const LOCAL_PATH_ROOT = '/var/local-path-provisioner';

/** pv_controller's event texts. */
export const MSG_WAIT_FOR_CONSUMER = 'waiting for first consumer to be created before binding';
export const msgExternalProvisioning = (provisioner: string) =>
  `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
/** external-provisioner (sig-storage-lib-external-provisioner) event texts. */
export const msgProvisioning = (ns: string, name: string) => `External provisioner is provisioning volume for claim "${ns}/${name}"`;
export const msgProvisioned = (pv: string) => `Successfully provisioned volume ${pv}`;

const spec = (o: KObject): Obj => (o.spec ?? {}) as Obj;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** What a claim needs now. */
export type ClaimStep =
  | { kind: 'done' }
  /** spec.volumeName is set: finish the binding (claim status / volume claimRef). */
  | { kind: 'bind'; volume: string }
  /** WaitForFirstConsumer and no pod using it is on a node yet. */
  | { kind: 'wait' }
  /** Provision a volume on `node` with the class's provisioner. */
  | { kind: 'provision'; node: string; provisioner: string }
  /** No class, an unknown class or no node to put it on: nothing to do (upstream waits too). */
  | { kind: 'pending' };

/**
 * The next step for `pvc`. `matchVolume` is an Available volume matching it (static binding);
 * `consumerNode` the node of a pod that uses it (WaitForFirstConsumer); `anyNode` where an
 * Immediate claim's local volume goes.
 */
export function claimStep(pvc: KObject, sc: KObject | undefined, matchVolume: KObject | undefined, consumerNode: string | undefined, anyNode: string | undefined): ClaimStep {
  if (pvc.metadata.deletionTimestamp) return { kind: 'done' };
  const volumeName = str(spec(pvc).volumeName);
  if (volumeName) return (pvc.status as Obj | undefined)?.phase === 'Bound' ? { kind: 'done' } : { kind: 'bind', volume: volumeName };
  const waits = (sc as Obj | undefined)?.volumeBindingMode === 'WaitForFirstConsumer';
  if (waits && !consumerNode) return { kind: 'wait' };
  if (matchVolume) return { kind: 'bind', volume: matchVolume.metadata.name! };
  if (!sc) return { kind: 'pending' };
  const node = waits ? consumerNode : (pvc.metadata.annotations?.[SELECTED_NODE] ?? anyNode);
  if (!node) return { kind: 'pending' };
  return { kind: 'provision', node, provisioner: str((sc as Obj).provisioner) };
}

/** Requested storage of a claim in bytes (0 when absent or unparsable). */
export function requestedBytes(pvc: KObject): number {
  const req = ((spec(pvc).resources as Obj | undefined)?.requests ?? {}) as Obj;
  return quantityBytes(req.storage);
}

function quantityBytes(v: unknown): number {
  const n = quantityValue(v);
  return Number.isNaN(n) ? 0 : n;
}

/**
 * The smallest Available volume that can hold `pvc` (FindMatchingVolume): same class name (""
 * for none), every requested access mode, enough capacity, not claimed by another claim, and
 * (when the claim is already pre-bound by volumeName it never gets here).
 */
export function matchVolume(pvc: KObject, volumes: Iterable<KObject>): KObject | undefined {
  const want = requestedBytes(pvc);
  const cls = str(spec(pvc).storageClassName);
  const modes = arr(spec(pvc).accessModes).map(String);
  let best: KObject | undefined;
  let bestSize = Infinity;
  for (const pv of volumes) {
    const s = spec(pv);
    if (pv.metadata.deletionTimestamp) continue;
    const ref = s.claimRef as Obj | undefined;
    if (ref && !(ref.name === pvc.metadata.name && ref.namespace === pvc.metadata.namespace && (!ref.uid || ref.uid === pvc.metadata.uid))) continue;
    if (!ref && (pv.status as Obj | undefined)?.phase !== 'Available') continue;
    if (str(s.storageClassName) !== cls) continue;
    if (str(s.volumeMode || 'Filesystem') !== str(spec(pvc).volumeMode || 'Filesystem')) continue;
    const pvModes = arr(s.accessModes).map(String);
    if (!modes.every((m) => pvModes.includes(m))) continue;
    const size = quantityBytes((s.capacity as Obj | undefined)?.storage);
    if (size < want) continue;
    if (ref) return pv; // pre-bound to this claim wins outright
    if (size < bestSize) [best, bestSize] = [pv, size];
  }
  return best;
}

/** The volume local-path-provisioner creates for `pvc` on `node` (hostPath + node affinity). */
export function provisionedVolume(pvc: KObject, sc: KObject, node: string): KObject {
  const ns = pvc.metadata.namespace ?? 'default';
  const name = `pvc-${pvc.metadata.uid}`;
  const s = spec(pvc);
  const storage = ((s.resources as Obj | undefined)?.requests as Obj | undefined)?.storage;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      annotations: { [LOCAL_PATH_SELECTED_NODE]: node, [PROVISIONED_BY]: str((sc as Obj).provisioner) },
    },
    spec: {
      accessModes: arr(s.accessModes),
      capacity: { storage },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: ns, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid },
      hostPath: { path: `${LOCAL_PATH_ROOT}/${name}_${ns}_${pvc.metadata.name}`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
      persistentVolumeReclaimPolicy: str((sc as Obj).reclaimPolicy) || 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode: str(s.volumeMode) || 'Filesystem',
    },
  } as KObject;
}

/** The claim after binding to `pv` (spec.volumeName + bind annotations); status is separate. */
export function boundClaim(pvc: KObject, pv: KObject): KObject {
  const annotations = { ...(pvc.metadata.annotations ?? {}), [BIND_COMPLETED]: 'yes', [BOUND_BY_CONTROLLER]: 'yes' };
  return { ...pvc, metadata: { ...pvc.metadata, annotations }, spec: { ...spec(pvc), volumeName: pv.metadata.name } };
}

/** The claim's Bound status: access modes and capacity come from the volume. */
export function boundClaimStatus(pvc: KObject, pv: KObject): KObject {
  const s = spec(pv);
  return { ...pvc, status: { phase: 'Bound', accessModes: arr(s.accessModes), capacity: { ...((s.capacity as Obj | undefined) ?? {}) } } };
}

/** The volume after claiming it for `pvc` (claimRef; bound-by-controller when we chose it). */
export function claimedVolume(pv: KObject, pvc: KObject): KObject {
  const ref = spec(pv).claimRef as Obj | undefined;
  if (ref?.uid === pvc.metadata.uid) return pv;
  const annotations = { ...(pv.metadata.annotations ?? {}), [BOUND_BY_CONTROLLER]: 'yes' };
  const claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid };
  return { ...pv, metadata: { ...pv.metadata, annotations }, spec: { ...spec(pv), claimRef } };
}

/** What a volume's phase should be: Bound to a live claim, Released once it is gone, else Available. */
export function volumePhase(pv: KObject, claim: KObject | undefined): 'Available' | 'Bound' | 'Released' {
  const ref = spec(pv).claimRef as Obj | undefined;
  if (!ref) return 'Available';
  if (claim && (!ref.uid || ref.uid === claim.metadata.uid)) return str(spec(claim).volumeName) === pv.metadata.name ? 'Bound' : 'Available';
  return ref.uid ? 'Released' : 'Available';
}

/** Claim names a pod mounts (`volumes[].persistentVolumeClaim.claimName`). */
export function podClaims(pod: KObject): string[] {
  const out: string[] = [];
  for (const v of arr(spec(pod).volumes) as Obj[]) {
    const name = str((v.persistentVolumeClaim as Obj | undefined)?.claimName);
    if (name) out.push(name);
  }
  return out;
}
