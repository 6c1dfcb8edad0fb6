// The resource types the engine serves, with the discovery facts upstream v1.32 publishes for
// each (group, version, kind, plural, singular, short names, scope, verbs, categories).
// Behaviour per kind (defaulting, validation, printing) is attached in ./kinds.

export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  listKind: string;
  /** Lower-case plural, as in the URL path: `deployments`. */
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  categories: string[];
  /** Subresources served: `status`, `scale`. */
  subresources: string[];
  /** Served from a CustomResourceDefinition (no strategic merge patch, no built-in strategy). */
  custom?: boolean;
  /** A CRD version's additionalPrinterColumns (custom resources' `kubectl get` columns). */
  printerColumns?: { name: string; type: string; jsonPath: string; description?: string; priority?: number; format?: string }[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function rt(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  opts: { short?: string[]; verbs?: string[]; categories?: string[]; sub?: string[] } = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    shortNames: opts.short ?? [],
    namespaced,
    verbs: opts.verbs ?? ALL_VERBS,
    categories: opts.categories ?? [],
    subresources: opts.sub ?? [],
  };
}

/** Upstream's discovery order within each group version (api-resources prints it sorted anyway). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  // core/v1
  rt('', 'v1', 'ConfigMap', 'configmaps', true, { short: ['cm'] }),
  rt('', 'v1', 'Endpoints', 'endpoints', true, { short: ['ep'] }),
  rt('', 'v1', 'Event', 'events', true, { short: ['ev'] }),
  rt('', 'v1', 'LimitRange', 'limitranges', true, { short: ['limits'] }),
  rt('', 'v1', 'Namespace', 'namespaces', false, {
    short: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    sub: ['status', 'finalize'],
  }),
  rt('', 'v1', 'Node', 'nodes', false, { short: ['no'], sub: ['status', 'proxy'] }),
  rt('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, { short: ['pvc'], sub: ['status'] }),
  rt('', 'v1', 'PersistentVolume', 'persistentvolumes', false, { short: ['pv'], sub: ['status'] }),
  rt('', 'v1', 'Pod', 'pods', true, {
    short: ['po'],
    categories: ['all'],
    sub: ['status', 'log', 'exec', 'attach', 'portforward', 'binding', 'eviction', 'ephemeralcontainers', 'proxy', 'resize'],
  }),
  rt('', 'v1', 'ResourceQuota', 'resourcequotas', true, { short: ['quota'], sub: ['status'] }),
  rt('', 'v1', 'Secret', 'secrets', true),
  rt('', 'v1', 'ServiceAccount', 'serviceaccounts', true, { short: ['sa'], sub: ['token'] }),
  rt('', 'v1', 'Service', 'services', true, {
    short: ['svc'],
    categories: ['all'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    sub: ['status', 'proxy'],
  }),
  // apps/v1
  rt('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
  rt('apps', 'v1', 'DaemonSet', 'daemonsets', true, { short: ['ds'], categories: ['all'], sub: ['status'] }),
  rt('apps', 'v1', 'Deployment', 'deployments', true, { short: ['deploy'], categories: ['all'], sub: ['status', 'scale'] }),
  rt('apps', 'v1', 'ReplicaSet', 'replicasets', true, { short: ['rs'], categories: ['all'], sub: ['status', 'scale'] }),
  rt('apps', 'v1', 'StatefulSet', 'statefulsets', true, { short: ['sts'], categories: ['all'], sub: ['status', 'scale'] }),
  // autoscaling/v2
  rt('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    short: ['hpa'],
    categories: ['all'],
    sub: ['status'],
  }),
  // autoscaling/v1: the same objects through upstream's v1 <-> v2 conversion (src/engine/api/conversion)
  rt('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, { short: ['hpa'], categories: ['all'], sub: ['status'] }),
  // batch/v1
  rt('batch', 'v1', 'CronJob', 'cronjobs', true, { short: ['cj'], categories: ['all'], sub: ['status'] }),
  rt('batch', 'v1', 'Job', 'jobs', true, { categories: ['all'], sub: ['status'] }),
  // coordination.k8s.io/v1
  rt('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  // discovery.k8s.io/v1
  rt('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  // events.k8s.io/v1
  rt('events.k8s.io', 'v1', 'Event', 'events', true, { short: ['ev'] }),
  // networking.k8s.io/v1
  rt('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false),
  rt('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, { short: ['ing'], sub: ['status'] }),
  // storage.k8s.io/v1
  rt('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, { short: ['sc'] }),
  // metrics.k8s.io/v1beta1 (metrics-server's aggregated API: read-only, computed on request)
  rt('metrics.k8s.io', 'v1beta1', 'NodeMetrics', 'nodes', false, { verbs: ['get', 'list'] }),
  rt('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods', true, { verbs: ['get', 'list'] }),
  // apiextensions.k8s.io/v1
  rt('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, {
    short: ['crd', 'crds'],
    categories: ['api-extensions'],
    sub: ['status'],
  }),
];

/** `apps/v1`, or `v1` for the core group. */
export function groupVersion(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `deployments.apps`, or `pods` for the core group: how errors name a resource. */
export function qualifiedResource(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

/** `deployment.apps`, or `pod`: how kubectl's name printer names a kind. */
export function qualifiedKind(t: ResourceType): string {
  const k = t.kind.toLowerCase();
  return t.group ? `${k}.${t.group}` : k;
}

export class Registry {
  private byGVK = new Map<string, ResourceType>();
  /** group -> version -> plural -> type: every request looks its type up (no key string to build and hash). */
  private byGVR = new Map<string, Map<string, Map<string, ResourceType>>>();
  readonly types: ResourceType[] = [];

  constructor(types: readonly ResourceType[] = RESOURCE_TYPES) {
    for (const t of types) this.add(t);
  }

  add(t: ResourceType): void {
    this.types.push(t);
    this.byGVK.set(`${groupVersion(t)}|${t.kind}`, t);
    let versions = this.byGVR.get(t.group);
    if (!versions) this.byGVR.set(t.group, (versions = new Map()));
    let plurals = versions.get(t.version);
    if (!plurals) versions.set(t.version, (plurals = new Map()));
    plurals.set(t.plural, t);
  }

  remove(t: ResourceType): void {
    const i = this.types.indexOf(t);
    if (i >= 0) this.types.splice(i, 1);
    this.byGVK.delete(`${groupVersion(t)}|${t.kind}`);
    const versions = this.byGVR.get(t.group);
    const plurals = versions?.get(t.version);
    if (plurals?.delete(t.plural)) {
      if (plurals.size === 0) versions!.delete(t.version);
      if (versions!.size === 0) this.byGVR.delete(t.group);
    }
  }

  /** The served type of a group's kind (its first version); throws for a kind no group serves. */
  typeOf(group: string, kind: string): ResourceType {
    const t = this.types.find((x) => x.group === group && x.kind === kind);
    if (!t) throw new Error(`unknown kind ${group}/${kind}`);
    return t;
  }

  /** By apiVersion (`apps/v1`) and kind. */
  forKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.byGVK.get(`${apiVersion}|${kind}`);
  }

  forResource(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byGVR.get(group)?.get(version)?.get(plural);
  }

  /** Whether any version of the group serves this kind (for "no matches for kind" vs version errors). */
  groupVersions(): string[] {
    return [...new Set(this.types.map(groupVersion))];
  }
}
