// Typed views of the objects the ReplicaSet and Deployment controllers read, and the pod
// predicates they share (k8s.io/kubernetes pkg/api/v1/pod util.go, controller_utils.go).

import type { LabelSelector } from '../../api/labels';
import type { KObject, OwnerReference } from '../../api/types';
import { parseTime } from '../../util/time';

export interface PodCondition {
  type: string;
  status: string;
  lastTransitionTime?: string | null;
  lastProbeTime?: string | null;
  reason?: string;
  message?: string;
}

export interface ContainerStatus {
  name: string;
  restartCount?: number;
}

/** The parts of a Pod the controllers look at. */
export interface PodView extends KObject {
  spec?: {
    nodeName?: string;
    initContainers?: Array<{ name: string; restartPolicy?: string }>;
    [k: string]: unknown;
  };
  status?: {
    phase?: string;
    conditions?: PodCondition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    [k: string]: unknown;
  };
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
  spec?: Record<string, unknown>;
}

export interface ReplicaSetCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** apps/v1 ReplicaSet as the controllers read it. */
export interface ReplicaSetView extends KObject {
  spec: {
    replicas?: number;
    minReadySeconds?: number;
    selector?: LabelSelector;
    template?: PodTemplate;
  };
  status?: {
    replicas?: number;
    fullyLabeledReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
    conditions?: ReplicaSetCondition[];
  };
}

/** The owner reference marked controller: true, if any (metav1.GetControllerOf). */
export function controllerOf(obj: KObject): OwnerReference | undefined {
  // Plain loops here and below: these run for every pod on every sync and watch event.
  const refs = obj.metadata.ownerReferences;
  if (!refs) return undefined;
  for (let i = 0; i < refs.length; i++) if (refs[i].controller === true) return refs[i];
  return undefined;
}

/** metav1.NewControllerRef. */
export function newControllerRef(owner: KObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The pod's Ready condition, if any. */
export function podReadyCondition(pod: PodView): PodCondition | undefined {
  const conds = pod.status?.conditions;
  if (!conds) return undefined;
  for (let i = 0; i < conds.length; i++) if (conds[i].type === 'Ready') return conds[i];
  return undefined;
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: PodView): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/**
 * podutil.IsPodAvailable: ready, and ready for more than minReadySeconds. The comparison is
 * strict (Time.Before): ready at 10:00:00 with minReadySeconds 5 is available after 10:00:05.
 */
export function isPodAvailable(pod: PodView, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const t = parseTime(podReadyCondition(pod)?.lastTransitionTime);
  return t !== undefined && t + minReadySeconds * 1000 < now;
}

/**
 * The instant a ready but not yet available pod becomes available (first ms after the strict
 * comparison holds), or undefined when it is not ready or has no transition time.
 */
export function availableAt(pod: PodView, minReadySeconds: number): number | undefined {
  if (!isPodReady(pod) || minReadySeconds === 0) return undefined;
  const t = parseTime(podReadyCondition(pod)?.lastTransitionTime);
  return t === undefined ? undefined : t + minReadySeconds * 1000 + 1;
}

/** controller.IsPodActive: not Succeeded/Failed and not being deleted. */
export function isPodActive(pod: PodView): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** `ns/name` (controller.PodKey / cache.MetaNamespaceKeyFunc). */
export function objectKey(obj: KObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}

/** spec.replicas with the apps/v1 default of 1 (pointer fields are defaulted by the apiserver). */
export function specReplicas(obj: { spec?: { replicas?: number } }): number {
  return obj.spec?.replicas ?? 1;
}
