// Server-side table printing: picks the KindPrinter for a group and kind, as the apiserver's
// per-resource TableConvertor does (printers.go handlers, else the default NAME / CREATED AT).

import type { KindPrinter } from './types';
import { podPrinter } from './pod';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from './apps';
import { cronJobPrinter, jobPrinter } from './batch';
import { endpointSlicePrinter, endpointsPrinter, servicePrinter } from './network';
import { nodePrinter } from './node';
import { configMapPrinter, namespacePrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter } from './core';
import { eventPrinter } from './event';
import { ingressClassPrinter, ingressPrinter } from './ingress';
import { hpaPrinter } from './hpa';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage';
import { defaultPrinter, leasePrinter } from './misc';

export type { KindPrinter, TableColumnDefinition } from './types';
export { defaultPrinter } from './misc';

/**
 * Printers keyed by `group/kind` ('' for the core group). LimitRange and
 * CustomResourceDefinition have no handler upstream either: they get the default table.
 */
const PRINTERS: ReadonlyMap<string, KindPrinter> = new Map([
  ['/Pod', podPrinter],
  ['/Service', servicePrinter],
  ['/Endpoints', endpointsPrinter],
  ['/Node', nodePrinter],
  ['/Namespace', namespacePrinter],
  ['/Secret', secretPrinter],
  ['/ConfigMap', configMapPrinter],
  ['/ServiceAccount', serviceAccountPrinter],
  ['/Event', eventPrinter],
  ['/PersistentVolume', persistentVolumePrinter],
  ['/PersistentVolumeClaim', persistentVolumeClaimPrinter],
  ['/ResourceQuota', resourceQuotaPrinter],
  ['apps/Deployment', deploymentPrinter],
  ['apps/ReplicaSet', replicaSetPrinter],
  ['apps/StatefulSet', statefulSetPrinter],
  ['apps/DaemonSet', daemonSetPrinter],
  ['apps/ControllerRevision', controllerRevisionPrinter],
  ['batch/Job', jobPrinter],
  ['batch/CronJob', cronJobPrinter],
  ['autoscaling/HorizontalPodAutoscaler', hpaPrinter],
  ['networking.k8s.io/Ingress', ingressPrinter],
  ['networking.k8s.io/IngressClass', ingressClassPrinter],
  ['discovery.k8s.io/EndpointSlice', endpointSlicePrinter],
  ['events.k8s.io/Event', eventPrinter],
  ['storage.k8s.io/StorageClass', storageClassPrinter],
  ['coordination.k8s.io/Lease', leasePrinter],
]);

/**
 * The table printer for a kind: upstream's columns and cells for built-in kinds, the
 * apiserver's default table (`Name`, `Created At`) for anything else, such as CRD instances.
 */
export function printerFor(group: string, kind: string): KindPrinter {
  return PRINTERS.get(`${group}/${kind}`) ?? defaultPrinter;
}
