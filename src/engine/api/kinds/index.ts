// The behaviour of each registered kind (defaults, validation, create/update preparation), looked
// up by API group and kind. Unknown kinds get an empty strategy.

import type { KindStrategy } from '../strategy';
import type { KObject } from '../types';
import type { KindBehaviour } from './types';
import { podStrategy } from './pod';
import { deploymentStrategy } from './deployment';
import { replicaSetStrategy } from './replicaset';
import { statefulSetStrategy } from './statefulset';
import { daemonSetStrategy } from './daemonset';
import { jobStrategy } from './job';
import { cronJobStrategy } from './cronjob';
import { serviceStrategy } from './service';
import { namespaceStrategy } from './namespace';
import { secretStrategy, configMapStrategy } from './config';
import { pvcStrategy, pvStrategy, storageClassStrategy } from './storage';
import { hpaStrategy } from './hpa';
import { ingressStrategy, ingressClassStrategy } from './ingress';
import {
  nodeStrategy,
  endpointsStrategy,
  endpointSliceStrategy,
  limitRangeStrategy,
  resourceQuotaStrategy,
  controllerRevisionStrategy,
  serviceAccountStrategy,
  eventStrategy,
  leaseStrategy,
  crdStrategy,
} from './misc';

export { admitPod, podQOSClass } from './pod';
export type { KindBehaviour } from './types';

const STRATEGIES: Record<string, KindBehaviour> = {
  '|Pod': podStrategy,
  '|Service': serviceStrategy,
  '|Namespace': namespaceStrategy,
  '|Secret': secretStrategy,
  '|ConfigMap': configMapStrategy,
  '|PersistentVolumeClaim': pvcStrategy,
  '|PersistentVolume': pvStrategy,
  '|Node': nodeStrategy,
  '|Endpoints': endpointsStrategy,
  '|Event': eventStrategy,
  '|LimitRange': limitRangeStrategy,
  '|ResourceQuota': resourceQuotaStrategy,
  '|ServiceAccount': serviceAccountStrategy,
  'apps|Deployment': deploymentStrategy,
  'apps|ReplicaSet': replicaSetStrategy,
  'apps|StatefulSet': statefulSetStrategy,
  'apps|DaemonSet': daemonSetStrategy,
  'apps|ControllerRevision': controllerRevisionStrategy,
  'batch|Job': jobStrategy,
  'batch|CronJob': cronJobStrategy,
  'autoscaling|HorizontalPodAutoscaler': hpaStrategy,
  'networking.k8s.io|Ingress': ingressStrategy,
  'networking.k8s.io|IngressClass': ingressClassStrategy,
  'storage.k8s.io|StorageClass': storageClassStrategy,
  'coordination.k8s.io|Lease': leaseStrategy,
  'discovery.k8s.io|EndpointSlice': endpointSliceStrategy,
  'events.k8s.io|Event': eventStrategy,
  'apiextensions.k8s.io|CustomResourceDefinition': crdStrategy,
};

const EMPTY: KindBehaviour = {};

/** The strategy for a kind (`''` for the core group); an empty one for kinds we know nothing about. */
export function strategyFor(group: string, kind: string): KindStrategy {
  return STRATEGIES[`${group}|${kind}`] ?? EMPTY;
}

/** The registry's PrepareForCreate for a kind (status reset, generation 1, ...); call after the uid is set. */
export function prepareForCreate(group: string, kind: string, obj: KObject): void {
  STRATEGIES[`${group}|${kind}`]?.prepareForCreate?.(obj);
}

/** The registry's PrepareForUpdate for a kind's main resource (old status kept, generation bumped). */
export function prepareForUpdate(group: string, kind: string, obj: KObject, old: KObject): void {
  STRATEGIES[`${group}|${kind}`]?.prepareForUpdate?.(obj, old);
}
