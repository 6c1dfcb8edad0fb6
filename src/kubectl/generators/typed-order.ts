// Re-serializes object parts the way a typed Go struct would: keys in struct field order and the
// non-omittable zero values (`creationTimestamp: null`, `resources: {}`), for generators that copy
// from a server object into a new one (`create job --from=cronjob/x` copies the job template).
import { sortedMap } from './common';

const OBJECT_META = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields'];
const JOB_SPEC = ['parallelism', 'completions', 'activeDeadlineSeconds', 'podFailurePolicy', 'successPolicy',
  'backoffLimit', 'backoffLimitPerIndex', 'maxFailedIndexes', 'selector', 'manualSelector', 'template',
  'ttlSecondsAfterFinished', 'completionMode', 'suspend', 'podReplacementPolicy', 'managedBy'];
const POD_SPEC = ['volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy',
  'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName',
  'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC',
  'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity',
  'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig', 'readinessGates',
  'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints',
  'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources'];
const CONTAINER = ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources',
  'resizePolicy', 'restartPolicy', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe',
  'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy',
  'securityContext', 'stdin', 'stdinOnce', 'tty'];

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Copies `o` with the listed keys first, in list order, then any others in their original order. */
export function orderKeys(o: Obj, order: string[]): Obj {
  const out: Obj = {};
  for (const k of order) if (k in o) out[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in out)) out[k] = o[k];
  return out;
}

/** ObjectMeta as metav1.ObjectMeta marshals: field order, creationTimestamp always present. */
export function typedObjectMeta(meta: unknown): Obj {
  const m: Obj = isObj(meta) ? { ...meta } : {};
  if (!('creationTimestamp' in m)) m.creationTimestamp = null;
  for (const k of ['labels', 'annotations']) if (isObj(m[k])) m[k] = sortedMap(m[k] as Obj);
  return orderKeys(m, OBJECT_META);
}

function typedContainer(c: unknown): unknown {
  if (!isObj(c)) return c;
  return orderKeys({ resources: {}, ...c }, CONTAINER);
}

/** corev1.PodSpec: field order, containers in Container field order. */
export function typedPodSpec(s: unknown): Obj {
  const spec: Obj = isObj(s) ? { ...s } : {};
  for (const k of ['initContainers', 'containers', 'ephemeralContainers']) {
    if (Array.isArray(spec[k])) spec[k] = (spec[k] as unknown[]).map(typedContainer);
  }
  if (!('containers' in spec)) spec.containers = null;
  for (const k of ['nodeSelector', 'overhead']) if (isObj(spec[k])) spec[k] = sortedMap(spec[k] as Obj);
  return orderKeys(spec, POD_SPEC);
}

/** corev1.PodTemplateSpec: metadata then spec. */
export function typedPodTemplate(t: unknown): Obj {
  const tpl: Obj = isObj(t) ? t : {};
  return { metadata: typedObjectMeta(tpl.metadata), spec: typedPodSpec(tpl.spec) };
}

/** batchv1.JobSpec: field order, template typed. */
export function typedJobSpec(s: unknown): Obj {
  const spec: Obj = isObj(s) ? { ...s } : {};
  spec.template = typedPodTemplate(spec.template);
  return orderKeys(spec, JOB_SPEC);
}

const SERVICE_SPEC = ['ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity',
  'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort',
  'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy',
  'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution'];
const SERVICE_PORT = ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'];

/** corev1.ServiceSpec: field order, ports in ServicePort order (targetPort always present). */
export function typedServiceSpec(s: unknown): Obj {
  const spec: Obj = isObj(s) ? { ...s } : {};
  if (Array.isArray(spec.ports)) {
    spec.ports = (spec.ports as unknown[]).map((p) => (isObj(p) ? orderKeys({ targetPort: 0, ...p }, SERVICE_PORT) : p));
  }
  if (isObj(spec.selector)) spec.selector = sortedMap(spec.selector as Obj);
  return orderKeys(spec, SERVICE_SPEC);
}
