// `kubectl describe` text for one object: picks the describer upstream registers for its group
// and kind (describe.go describerMap), or the generic one.
import type { KObject } from '../../engine/api/types';
import type { DescribeClient, DescribeContext, DescribeOptions } from './client';
import { describeCronJob, describeJob } from './batch';
import { describeConfigMap, describeSecret, describeServiceAccount } from './config';
import { describeGeneric } from './generic';
import { describeHPA } from './hpa';
import { describeLimitRange, describeNamespace, describeQuota } from './namespace';
import { describeIngress, describeIngressClass } from './networking';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeEndpointSlice, describeEndpoints, describeService } from './service';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeStatefulSet } from './workloads';

export type { DescribeClient, DescribeOptions } from './client';
export { DescribeError } from './client';

type Describer = (obj: KObject, ctx: DescribeContext) => Promise<string>;

/** Describers by `group/Kind` ('' group = core), as upstream's describerMap. */
const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/Secret': (o) => describeSecret(o),
  '/Service': describeService,
  '/ServiceAccount': describeServiceAccount,
  '/Node': describeNode,
  '/LimitRange': (o) => describeLimitRange(o),
  '/ResourceQuota': (o) => describeQuota(o),
  '/PersistentVolume': describePersistentVolume,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  '/Namespace': describeNamespace,
  '/Endpoints': describeEndpoints,
  '/ConfigMap': describeConfigMap,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'autoscaling/HorizontalPodAutoscaler': describeHPA,
  'networking.k8s.io/Ingress': describeIngress,
  'networking.k8s.io/IngressClass': describeIngressClass,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'apps/StatefulSet': describeStatefulSet,
  'apps/Deployment': describeDeployment,
  'apps/DaemonSet': describeDaemonSet,
  'apps/ReplicaSet': describeReplicaSet,
  'storage.k8s.io/StorageClass': describeStorageClass,
};

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/**
 * The text `kubectl describe` prints for one object (ends with a newline). Related objects and
 * events are read through `client`. Throws DescribeError where upstream's describer fails.
 */
export function describeObject(obj: KObject, client: DescribeClient, opts: DescribeOptions): Promise<string> {
  const key = `${groupOf(typeof obj.apiVersion === 'string' ? obj.apiVersion : '')}/${obj.kind}`;
  const describer = DESCRIBERS[key] ?? describeGeneric;
  return describer(obj, { client, opts });
}
