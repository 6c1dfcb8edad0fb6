// Typed views of the Pods and Services the Endpoints and EndpointSlice controllers read, and
// the predicates they share (pkg/api/v1/pod FindPort, endpointslice/util ShouldPodBeInEndpoints,
// ShouldSetHostname, IsPodReady).

import type { KObject } from '../../api/types';
import { parseTime } from '../../util/time';

export interface ContainerPortView {
  name?: string;
  containerPort?: number;
  protocol?: string;
}

/** The parts of a Pod endpoints are built from. */
export interface EndpointPodView extends KObject {
  spec?: {
    nodeName?: string;
    hostname?: string;
    subdomain?: string;
    containers?: Array<{ name?: string; ports?: ContainerPortView[] }>;
    initContainers?: Array<{ name?: string; restartPolicy?: string; ports?: ContainerPortView[] }>;
    [k: string]: unknown;
  };
  status?: {
    phase?: string;
    podIP?: string;
    podIPs?: Array<{ ip?: string }>;
    conditions?: Array<{ type: string; status: string; lastTransitionTime?: string | null }>;
    [k: string]: unknown;
  };
}

export interface ServicePortView {
  name?: string;
  port?: number;
  protocol?: string;
  targetPort?: number | string;
  appProtocol?: string;
  nodePort?: number;
}

/** The parts of a Service the endpoint controllers and the LB controller read. */
export interface ServiceView extends KObject {
  spec?: {
    type?: string;
    selector?: Record<string, string> | null;
    clusterIP?: string;
    ports?: ServicePortView[];
    publishNotReadyAddresses?: boolean;
    [k: string]: unknown;
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string; ipMode?: string }> }; [k: string]: unknown };
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: EndpointPodView): boolean {
  return !!pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** IsPodTerminal: Succeeded or Failed pods never serve again. */
export function isPodTerminal(pod: EndpointPodView): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The pod's first IPv4 address ('' when it has none yet). */
export function podIPv4(pod: EndpointPodView): string {
  const ips = [pod.status?.podIP ?? '', ...(pod.status?.podIPs ?? []).map((p) => p.ip ?? '')];
  return ips.find((ip) => ip !== '' && !ip.includes(':')) ?? '';
}

/**
 * ShouldPodBeInEndpoints: not terminal, has an IP, and (unless terminating pods are included)
 * not being deleted. The Endpoints controller includes terminating pods only with
 * publishNotReadyAddresses; the EndpointSlice controller always does (and marks them).
 */
export function shouldPodBeInEndpoints(pod: EndpointPodView, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** ShouldSetHostname: the pod's hostname is published when its subdomain names the Service. */
export function shouldSetHostname(pod: EndpointPodView, svc: ServiceView): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

/**
 * FindPort: the container port a Service port's targetPort means for this pod. A number is
 * taken as is; a name is looked up among the containers' (and sidecar init containers') ports
 * with the same protocol. undefined when a named port is not found (the pod is skipped for
 * that Service port, as upstream).
 */
export function findPort(pod: EndpointPodView, sp: ServicePortView): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (target === undefined) return undefined;
  if (/^[0-9]+$/.test(target)) return Number(target);
  const protocol = sp.protocol ?? 'TCP';
  const lists = [
    ...(pod.spec?.containers ?? []).map((c) => c.ports ?? []),
    ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.ports ?? []),
  ];
  for (const ports of lists) {
    for (const p of ports) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol && p.containerPort !== undefined) return p.containerPort;
    }
  }
  return undefined;
}

/** A selector map that selects pods (nil or empty selectors select nothing here). */
export function serviceSelector(svc: ServiceView): Record<string, string> | undefined {
  const sel = svc.spec?.selector;
  if (!sel || Object.keys(sel).length === 0) return undefined;
  return sel;
}

/** Whether labels carry every key=value of a selector map. */
export function selectorMatches(sel: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  if (!labels) return false;
  for (const k in sel) if (labels[k] !== sel[k]) return false;
  return true;
}

/** helper.IsServiceIPSet: a ClusterIP other than None (headless Services have none). */
export function isServiceIPSet(svc: ServiceView): boolean {
  const ip = svc.spec?.clusterIP ?? '';
  return ip !== '' && ip !== 'None';
}

const parsedTimes = new Map<string, number>();

/** The time of the pod's Ready condition's last transition (ms), the "trigger time" of a change. */
export function podTriggerTime(pod: EndpointPodView): number | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  const ts = c?.lastTransitionTime;
  if (!ts) return undefined;
  // Many pods share a transition second; parsing each timestamp once keeps big syncs cheap.
  let ms = parsedTimes.get(ts);
  if (ms === undefined) {
    if (parsedTimes.size > 4096) parsedTimes.clear();
    ms = parseTime(ts) ?? NaN;
    parsedTimes.set(ts, ms);
  }
  return Number.isNaN(ms) ? undefined : ms;
}
