// The scheduler's parsed view of a Pod (framework.PodInfo): requests, host ports, tolerations,
// node and pod (anti-)affinity terms and images, computed once per pod version so the hot
// filter/score loop reads plain fields instead of walking the object.

import type { KObject } from '../api/types';
import { selectorFromLabelSelector, nothing, everything, type LabelSelector, type Selector } from '../api/labels';
import { podRequests, isZero, type Resources } from './resources';

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[] | null;
  matchFields?: NodeSelectorRequirement[] | null;
}

/** A PodAffinityTerm with its selectors parsed (framework.AffinityTerm). */
export interface AffinityTerm {
  selector: Selector;
  /** Namespaces named explicitly (empty with no namespaceSelector = the pod's own). */
  namespaces: Set<string>;
  /** null = no namespace selector (labels.Nothing upstream). */
  namespaceSelector: Selector | null;
  topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

export interface PodAffinityInfo {
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedAffinityTerm[];
  preferredAntiAffinity: WeightedAffinityTerm[];
}

export interface PodInfo {
  obj: KObject;
  key: string;
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  priority: number;
  /** creationTimestamp in ms (0 when absent). */
  created: number;
  nodeName: string;
  terminating: boolean;
  requests: Resources;
  /** Requests with absent cpu/memory counted as 100m / 200Mi (scoring). */
  nonZero: Resources;
  zeroRequest: boolean;
  hostPorts: HostPort[];
  tolerations: Toleration[];
  nodeSelector: Record<string, string> | undefined;
  requiredNodeTerms: NodeSelectorTerm[] | undefined;
  preferredNodeTerms: { weight: number; preference: NodeSelectorTerm }[];
  /** undefined when the pod has no pod affinity of any kind. */
  affinity: PodAffinityInfo | undefined;
  spreadConstraints: Record<string, unknown>[];
  images: string[];
  numContainers: number;
  pvcNames: string[];
  preemptionPolicy: string;
  nominatedNodeName: string;
  schedulerName: string;
}

type Obj = Record<string, unknown>;
const EMPTY_LABELS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** framework's normalizedImageName: a reference without a tag gets `:latest` (digests are kept). */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/')) return `${name}:latest`;
  return name;
}

function parseTerm(t: Obj, podNs: string): AffinityTerm {
  let selector: Selector;
  try {
    selector = t.labelSelector == null ? nothing() : selectorFromLabelSelector(t.labelSelector as LabelSelector);
  } catch {
    selector = nothing();
  }
  const names = (t.namespaces as string[] | undefined) ?? [];
  let nsSel: Selector | null = null;
  if (t.namespaceSelector != null) {
    const ls = t.namespaceSelector as LabelSelector;
    try {
      nsSel = Object.keys(ls.matchLabels ?? {}).length + (ls.matchExpressions ?? []).length === 0 ? everything() : selectorFromLabelSelector(ls);
    } catch {
      nsSel = nothing();
    }
  }
  const namespaces = new Set(names);
  if (names.length === 0 && nsSel === null) namespaces.add(podNs);
  return { selector, namespaces, namespaceSelector: nsSel, topologyKey: String(t.topologyKey ?? '') };
}

function parseAffinity(aff: Obj | undefined, ns: string): PodAffinityInfo | undefined {
  const pa = aff?.podAffinity as Obj | undefined;
  const paa = aff?.podAntiAffinity as Obj | undefined;
  if (!pa && !paa) return undefined;
  const req = (x: Obj | undefined) => ((x?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as Obj[]).map((t) => parseTerm(t, ns));
  const pref = (x: Obj | undefined) =>
    ((x?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as Obj[]).map((w) => ({
      ...parseTerm((w.podAffinityTerm ?? {}) as Obj, ns),
      weight: Number(w.weight ?? 0),
    }));
  const info = { requiredAffinity: req(pa), requiredAntiAffinity: req(paa), preferredAffinity: pref(pa), preferredAntiAffinity: pref(paa) };
  const n = info.requiredAffinity.length + info.requiredAntiAffinity.length + info.preferredAffinity.length + info.preferredAntiAffinity.length;
  return n === 0 ? undefined : info;
}

/** Parses a pod object; the result is cached by the caller per resourceVersion. */
export function podInfoOf(pod: KObject): PodInfo {
  const spec = (pod.spec ?? {}) as Obj;
  const status = (pod.status ?? {}) as Obj;
  const m = pod.metadata;
  const ns = m.namespace ?? '';
  const containers = (spec.containers ?? []) as Obj[];
  const inits = (spec.initContainers ?? []) as Obj[];
  const hostPorts: HostPort[] = [];
  for (const c of containers) {
    for (const p of (c.ports ?? []) as Obj[]) {
      const hp = Number(p.hostPort ?? 0);
      if (hp > 0) hostPorts.push({ ip: String(p.hostIP || '0.0.0.0'), protocol: String(p.protocol || 'TCP'), port: hp });
    }
  }
  const aff = spec.affinity as Obj | undefined;
  const na = aff?.nodeAffinity as Obj | undefined;
  const reqNode = na?.requiredDuringSchedulingIgnoredDuringExecution as Obj | undefined;
  const requests = podRequests(spec);
  const images: string[] = [];
  for (const c of inits) if (typeof c.image === 'string') images.push(normalizedImageName(c.image));
  for (const c of containers) if (typeof c.image === 'string') images.push(normalizedImageName(c.image));
  const pvcNames: string[] = [];
  for (const v of (spec.volumes ?? []) as Obj[]) {
    const claim = (v.persistentVolumeClaim as Obj | undefined)?.claimName;
    if (typeof claim === 'string') pvcNames.push(claim);
  }
  const created = typeof m.creationTimestamp === 'string' ? Date.parse(m.creationTimestamp) : 0;
  return {
    obj: pod,
    key: `${ns}/${m.name ?? ''}`,
    namespace: ns,
    name: m.name ?? '',
    uid: m.uid ?? '',
    labels: m.labels ?? EMPTY_LABELS,
    priority: typeof spec.priority === 'number' ? spec.priority : 0,
    created: Number.isNaN(created) ? 0 : created,
    nodeName: typeof spec.nodeName === 'string' ? spec.nodeName : '',
    terminating: m.deletionTimestamp !== undefined,
    requests,
    nonZero: podRequests(spec, true),
    zeroRequest: isZero(requests),
    hostPorts,
    tolerations: (spec.tolerations ?? []) as Toleration[],
    nodeSelector: spec.nodeSelector as Record<string, string> | undefined,
    requiredNodeTerms: reqNode ? ((reqNode.nodeSelectorTerms ?? []) as NodeSelectorTerm[]) : undefined,
    preferredNodeTerms: (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as PodInfo['preferredNodeTerms'],
    affinity: parseAffinity(aff, ns),
    spreadConstraints: (spec.topologySpreadConstraints ?? []) as Obj[],
    images,
    numContainers: containers.length + inits.length,
    pvcNames,
    preemptionPolicy: typeof spec.preemptionPolicy === 'string' ? spec.preemptionPolicy : 'PreemptLowerPriority',
    nominatedNodeName: typeof status.nominatedNodeName === 'string' ? status.nominatedNodeName : '',
    schedulerName: typeof spec.schedulerName === 'string' ? spec.schedulerName : 'default-scheduler',
  };
}

/** Whether an affinity term selects `pod` (namespace and labels), given namespace labels. */
export function termMatches(term: AffinityTerm, pod: PodInfo, nsLabels: (ns: string) => Record<string, string> | undefined): boolean {
  if (!term.namespaces.has(pod.namespace)) {
    if (!term.namespaceSelector || !term.namespaceSelector.matches(nsLabels(pod.namespace))) return false;
  }
  return term.selector.matches(pod.labels);
}
