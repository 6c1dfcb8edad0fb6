// The Endpoints controller's decisions as pure functions (pkg/controller/endpoint
// endpoints_controller.go syncService, pkg/api/v1/endpoints RepackSubsets): the subsets a
// Service's pods give, and the Endpoints object to create or update, if any.

import type { KObject } from '../../api/types';
import { rfc3339 } from '../../util/time';
import {
  findPort,
  isPodReady,
  isServiceIPSet,
  podIPv4,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  type EndpointPodView,
  type ServicePortView,
  type ServiceView,
} from './pods';

export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
export const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
/** maxCapacity: an Endpoints object keeps at most this many addresses. */
export const MAX_ENDPOINTS_CAPACITY = 1000;

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: ObjectRef;
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol?: string;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface EndpointsView extends KObject {
  subsets?: EndpointSubset[];
}

/** podToEndpointAddressForService: the pod's IPv4 address, node and reference. */
export function podAddress(pod: EndpointPodView, svc: ServiceView): EndpointAddress {
  const a: EndpointAddress = { ip: podIPv4(pod) };
  if (shouldSetHostname(pod, svc)) a.hostname = pod.spec!.hostname;
  a.nodeName = pod.spec?.nodeName ?? '';
  a.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '', uid: pod.metadata.uid };
  return a;
}

/** endpointPortFromServicePort: the Service port's name and protocol with the pod's number. */
function endpointPort(sp: ServicePortView, port: number): EndpointPort {
  const p: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
  if (sp.appProtocol !== undefined) p.appProtocol = sp.appProtocol;
  if (p.name === '') delete p.name;
  return p;
}

/**
 * The subsets of a Service's Endpoints: one (address, port) pair per selected pod and Service
 * port whose targetPort resolves on that pod, ready or not ready by the pod's Ready condition
 * (all ready with publishNotReadyAddresses), then repacked. A headless Service without ports
 * lists addresses with no ports.
 */
export function computeSubsets(svc: ServiceView, pods: readonly EndpointPodView[]): EndpointSubset[] {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const raw: EndpointSubset[] = [];
  const ports = svc.spec?.ports ?? [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    if (podIPv4(pod) === '') continue;
    const addr = podAddress(pod, svc);
    const ready = publishNotReady || isPodReady(pod);
    const add = (p: EndpointPort | undefined) =>
      raw.push(ready ? { addresses: [addr], ports: p ? [p] : [] } : { notReadyAddresses: [addr], ports: p ? [p] : [] });
    if (ports.length === 0) {
      if (svc.spec?.clusterIP === 'None') add(undefined);
      continue;
    }
    for (const sp of ports) {
      const num = findPort(pod, sp);
      if (num === undefined) continue;
      add(endpointPort(sp, num));
    }
  }
  return repackSubsets(raw);
}

function portKey(p: EndpointPort): string {
  return `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? '\u0001'}`;
}

function addrKey(a: EndpointAddress): string {
  return `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
}

/** LessEndpointAddress: by IP (as bytes), then target uid. */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid;
  const ub = b.targetRef?.uid;
  if (ub === undefined) return ua === undefined ? 0 : 1;
  if (ua === undefined) return -1;
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  if (a.port !== b.port) return a.port - b.port;
  const ka = portKey(a);
  const kb = portKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * RepackSubsets: groups addresses that offer exactly the same ports into one subset, so
 * `[{a1: 80}, {a2: 80}, {a1: 443}]` becomes `[{a1: 80,443}, {a2: 80}]`... as long as the
 * address sets match: a1 and a2 both on 80, only a1 on 443 gives `[{a1,a2: 80}, {a1: 443}]`.
 * An address not ready on any subset of a port is not ready for that port. Upstream orders
 * subsets and ports by an object hash; here they are ordered by their lowest port (stable).
 */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const addrs = new Map<string, EndpointAddress>();
  // port key -> (address key -> ready)
  const byPort = new Map<string, { port: EndpointPort | undefined; ready: Map<string, boolean> }>();
  const note = (a: EndpointAddress, port: EndpointPort | undefined, ready: boolean) => {
    const ak = addrKey(a);
    if (!addrs.has(ak)) addrs.set(ak, a);
    const pk = port ? portKey(port) : '\u0002sentinel';
    let e = byPort.get(pk);
    if (!e) byPort.set(pk, (e = { port, ready: new Map() }));
    const was = e.ready.get(ak);
    if (was === undefined || was) e.ready.set(ak, ready);
  };
  for (const s of subsets) {
    const ports: (EndpointPort | undefined)[] = s.ports && s.ports.length ? s.ports : [undefined];
    for (const p of ports) {
      for (const a of s.addresses ?? []) note(a, p, true);
      for (const a of s.notReadyAddresses ?? []) note(a, p, false);
    }
  }
  // Address set (with readiness) -> ports offering exactly that set.
  const groups = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, ready } of byPort.values()) {
    const sig = [...ready.entries()].map(([k, r]) => `${k}\u0000${r}`).sort().join('\u0001');
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { ready, ports: [] }));
    if (port) g.ports.push(port);
  }
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.ready) (r ? ready : notReady).push(addrs.get(k)!);
    const s: EndpointSubset = {};
    if (ready.length) s.addresses = ready.sort(compareAddresses);
    if (notReady.length) s.notReadyAddresses = notReady.sort(compareAddresses);
    if (g.ports.length) s.ports = g.ports.sort(comparePorts);
    out.push(s);
  }
  return out.sort((a, b) => {
    const pa = a.ports?.[0];
    const pb = b.ports?.[0];
    if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
    return comparePorts(pa, pb);
  });
}

/** Keeps at most MAX_ENDPOINTS_CAPACITY addresses (ready first); true when something was cut. */
export function truncateSubsets(subsets: EndpointSubset[]): boolean {
  let total = 0;
  for (const s of subsets) total += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0);
  if (total <= MAX_ENDPOINTS_CAPACITY) return false;
  let left = MAX_ENDPOINTS_CAPACITY;
  for (const s of subsets) {
    const ready = s.addresses ?? [];
    const keep = Math.min(left, ready.length);
    if (s.addresses) s.addresses = ready.slice(0, keep);
    left -= keep;
  }
  for (const s of subsets) {
    const nr = s.notReadyAddresses ?? [];
    const keep = Math.min(left, nr.length);
    if (s.notReadyAddresses) s.notReadyAddresses = nr.slice(0, keep);
    left -= keep;
  }
  return true;
}

function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function withoutKey(m: Record<string, string> | undefined, k: string): Record<string, string> {
  const out = { ...(m ?? {}) };
  delete out[k];
  return out;
}

export type EndpointsWrite = { op: 'none' } | { op: 'create' | 'update'; object: EndpointsView };

/**
 * What to write for a Service given its current Endpoints (undefined when none yet): nothing
 * when subsets, labels and the capacity annotation already agree, otherwise the new object
 * with the Service's labels (plus the headless label), the trigger-time annotation (removed
 * when there is no new trigger) and the over-capacity annotation when truncated.
 */
export function endpointsToWrite(svc: ServiceView, current: EndpointsView | undefined, subsets: EndpointSubset[], triggerTime: number | undefined): EndpointsWrite {
  const svcLabels = svc.metadata.labels ?? {};
  if (current) {
    const overCapacitySet = current.metadata.annotations?.[OVER_CAPACITY] === 'truncated';
    let total = 0;
    for (const s of current.subsets ?? []) total += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0);
    const capacityOk = overCapacitySet ? total >= MAX_ENDPOINTS_CAPACITY : true;
    if (sameJSON(current.subsets ?? [], subsets) && sameJSON(withoutKey(current.metadata.labels, HEADLESS_LABEL), svcLabels) && capacityOk) {
      return { op: 'none' };
    }
  }
  const next: EndpointsView = current
    ? (JSON.parse(JSON.stringify(current)) as EndpointsView)
    : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: svc.metadata.namespace } };
  const subs = JSON.parse(JSON.stringify(subsets)) as EndpointSubset[];
  const annotations = { ...(next.metadata.annotations ?? {}) };
  if (triggerTime !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = rfc3339(triggerTime);
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  if (truncateSubsets(subs)) annotations[OVER_CAPACITY] = 'truncated';
  else delete annotations[OVER_CAPACITY];
  const labels: Record<string, string> = { ...svcLabels };
  if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  next.metadata = { ...next.metadata, labels, annotations };
  if (Object.keys(labels).length === 0) delete next.metadata.labels;
  if (Object.keys(annotations).length === 0) delete next.metadata.annotations;
  if (subs.length) next.subsets = subs;
  else delete next.subsets;
  return { op: current ? 'update' : 'create', object: next };
}
