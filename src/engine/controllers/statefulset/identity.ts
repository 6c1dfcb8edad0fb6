// StatefulSet pod identity (pkg/controller/statefulset/stateful_set_utils.go): ordinal names,
// identity labels, the pod and PVCs built from the template for one ordinal and revision.

import type { LabelSelector } from '../../api/labels';
import { clone, type KObject } from '../../api/types';
import { newControllerRef, type PodTemplate, type PodView } from '../replicaset/pods';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

/** apps/v1 StatefulSet as the controller reads it (apiserver-defaulted). */
export interface StatefulSetView extends KObject {
  spec: {
    replicas?: number;
    selector?: LabelSelector;
    template?: PodTemplate;
    serviceName?: string;
    podManagementPolicy?: 'OrderedReady' | 'Parallel';
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: number | string } };
    revisionHistoryLimit?: number;
    minReadySeconds?: number;
    ordinals?: { start?: number };
    volumeClaimTemplates?: KObject[];
  };
  status?: Record<string, unknown>;
}

/** getParentNameAndOrdinal: `web-3` of set `web` -> 3, anything else -> -1. */
export function ordinalOf(setName: string, podName: string): number {
  if (!podName.startsWith(`${setName}-`)) return -1;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
}

export function podName(set: KObject, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** getPersistentVolumeClaimName: `<claim>-<set>-<ordinal>`. */
export function claimName(set: KObject, claim: string, ordinal: number): string {
  return `${claim}-${set.metadata.name}-${ordinal}`;
}

/** The revision a pod was made from (its controller-revision-hash label, the revision's name). */
export function revisionOf(pod: PodView): string | undefined {
  return pod.metadata.labels?.[REVISION_LABEL];
}

/** getPersistentVolumeClaims: one claim per template for this ordinal, labelled with the selector. */
export function claimsFor(set: StatefulSetView, ordinal: number): KObject[] {
  const matchLabels = set.spec.selector?.matchLabels ?? {};
  return (set.spec.volumeClaimTemplates ?? []).map((t) => {
    const c = clone(t);
    const labels = { ...(c.metadata.labels ?? {}), ...matchLabels };
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: claimName(set, t.metadata.name ?? '', ordinal), namespace: set.metadata.namespace, labels, ...(c.metadata.annotations ? { annotations: c.metadata.annotations } : {}) },
      spec: (c as { spec?: unknown }).spec ?? {},
    } as KObject;
  });
}

/**
 * newVersionedStatefulSetPod: the pod for one ordinal from a template revision, with its stable
 * identity (hostname, subdomain, labels) and its claims mounted in place of same-named volumes.
 */
export function newStatefulPod(set: StatefulSetView, template: PodTemplate, revision: string, ordinal: number): KObject {
  const name = podName(set, ordinal);
  const md = template.metadata ?? {};
  const labels = { ...(md.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision };
  const spec = clone(template.spec ?? {}) as Record<string, unknown>;
  spec.hostname = name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  const claims = set.spec.volumeClaimTemplates ?? [];
  if (claims.length) {
    const vols = ((spec.volumes as Array<{ name: string }> | undefined) ?? []).filter((v) => !claims.some((c) => c.metadata.name === v.name));
    for (const c of claims) vols.push({ name: c.metadata.name ?? '', persistentVolumeClaim: { claimName: claimName(set, c.metadata.name ?? '', ordinal) } } as { name: string });
    spec.volumes = vols;
  }
  const metadata: KObject['metadata'] = { name, namespace: set.metadata.namespace, labels };
  if (md.annotations && Object.keys(md.annotations).length) metadata.annotations = { ...md.annotations };
  metadata.ownerReferences = [newControllerRef(set)];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}
