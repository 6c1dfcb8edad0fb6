// The EndpointSlice controller's decisions as a pure function (pkg/controller/endpointslice
// reconciler.go, staging endpointslice/utils.go): the endpoints a Service's pods give, grouped
// by their resolved port set, spread over slices of at most 100, reusing existing slices first.

import type { KObject, OwnerReference } from '../../api/types';
import { rfc3339 } from '../../util/time';
import {
  findPort,
  isPodReady,
  isServiceIPSet,
  podIPv4,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  type EndpointPodView,
  type ServiceView,
} from '../endpoints/pods';
import { HEADLESS_LABEL, LAST_CHANGE_TRIGGER_TIME } from '../endpoints/reconcile';

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface SlicePort {
  name?: string;
  protocol?: string;
  port?: number;
  appProtocol?: string;
}

export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string };
  nodeName?: string;
  zone?: string;
}

export interface EndpointSliceView extends KObject {
  addressType?: string;
  endpoints?: SliceEndpoint[] | null;
  ports?: SlicePort[] | null;
}

export interface SlicePlan {
  creates: EndpointSliceView[];
  updates: EndpointSliceView[];
  deletes: EndpointSliceView[];
}

/** getEndpointPorts: each Service port whose targetPort resolves on the pod, name always set. */
export function endpointPorts(svc: ServiceView, pod: EndpointPodView): SlicePort[] {
  const out: SlicePort[] = [];
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0 && svc.spec?.clusterIP === 'None') return out;
  for (const sp of ports) {
    const n = findPort(pod, sp);
    if (n === undefined) continue;
    const p: SlicePort = { name: sp.name ?? '', protocol: sp.protocol ?? 'TCP', port: n };
    if (sp.appProtocol !== undefined) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

/**
 * podToEndpoint: serving = pod Ready; terminating = being deleted; ready = serving and not
 * terminating (always true with publishNotReadyAddresses).
 */
export function podToEndpoint(pod: EndpointPodView, svc: ServiceView): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ip = podIPv4(pod);
  const ep: SliceEndpoint = { addresses: ip ? [ip] : [], conditions: { ready, serving, terminating } };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec!.hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '', uid: pod.metadata.uid };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  return ep;
}

/** NewPortMapKey: the same key for the same set of ports in any order. */
export function portMapKey(ports: readonly SlicePort[] | null | undefined): string {
  return (ports ?? [])
    .map((p) => JSON.stringify([p.name ?? '', p.protocol ?? '', p.port ?? null, p.appProtocol ?? null]))
    .sort()
    .join('|');
}

/** The identity of an endpoint within a port set (addresses, hostname, target namespace/name). */
function endpointKey(ep: SliceEndpoint): string {
  const addrs = ep.addresses.length > 1 ? [...ep.addresses].sort().join(',') : (ep.addresses[0] ?? '');
  return `${addrs}\u0000${ep.hostname ?? ''}\u0000${ep.targetRef?.namespace ?? ''}\u0000${ep.targetRef?.name ?? ''}`;
}

/** EndpointsEqualBeyondHash: conditions, node, zone and target uid too (field by field: hot path). */
function sameEndpoint(a: SliceEndpoint, b: SliceEndpoint): boolean {
  const ca = a.conditions;
  const cb = b.conditions ?? {};
  return (
    ca.ready === cb.ready &&
    ca.serving === cb.serving &&
    ca.terminating === cb.terminating &&
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    a.hostname === b.hostname &&
    a.targetRef?.uid === b.targetRef?.uid &&
    a.targetRef?.kind === b.targetRef?.kind &&
    a.addresses.length === b.addresses.length &&
    a.addresses.every((x, i) => x === b.addresses[i])
  );
}

/** setEndpointSliceLabels: the Service's labels minus reserved keys, plus the slice's own. */
export function sliceLabels(svc: ServiceView): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY || k === HEADLESS_LABEL) continue;
    out[k] = v;
  }
  if (!isServiceIPSet(svc)) out[HEADLESS_LABEL] = '';
  out[LABEL_SERVICE_NAME] = svc.metadata.name ?? '';
  out[LABEL_MANAGED_BY] = CONTROLLER_NAME;
  return out;
}

function ownerRef(svc: ServiceView): OwnerReference {
  return { apiVersion: 'v1', kind: 'Service', name: svc.metadata.name ?? '', uid: svc.metadata.uid ?? '', controller: true, blockOwnerDeletion: true } as OwnerReference;
}

function ownedBy(slice: KObject, svc: ServiceView): boolean {
  return (slice.metadata.ownerReferences ?? []).some((r) => r.uid === svc.metadata.uid && r.kind === 'Service' && r.controller === true);
}

function newSlice(svc: ServiceView, ports: SlicePort[]): EndpointSliceView {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { generateName: `${svc.metadata.name}-`, namespace: svc.metadata.namespace, labels: sliceLabels(svc), ownerReferences: [ownerRef(svc)] },
    addressType: 'IPv4',
    endpoints: [],
    ports: ports.length ? ports : null,
  };
}

function copy<T>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The slices to create, update and delete so that `existing` (the slices labelled with the
 * Service's name and managed by this controller) carry exactly the endpoints of `pods`.
 * Per port set: keep endpoints where they are (updating changed ones), drop the undesired,
 * top up slices being updated anyway (fullest first), put what is left into one unchanged slice
 * it fits in, else new slices. Slices of a port set no longer wanted are deleted, and a create
 * and a delete are merged into an update (the slice keeps its name, e.g. after a targetPort
 * change). With no endpoints at all, one empty placeholder slice remains.
 * Worked example (max 100): 250 pods, no slices -> creates of 100, 100, 50.
 */
export function reconcileSlices(
  svc: ServiceView,
  pods: readonly EndpointPodView[],
  existing: readonly EndpointSliceView[],
  opts: { maxEndpointsPerSlice?: number; triggerTime?: number } = {},
): SlicePlan {
  const max = opts.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const labels = sliceLabels(svc);
  // Desired endpoints by port-set key, in pod order.
  const desired = new Map<string, { ports: SlicePort[]; eps: Map<string, SliceEndpoint> }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    const ep = podToEndpoint(pod, svc);
    if (ep.addresses.length === 0) continue;
    const k = portMapKey(ports);
    let d = desired.get(k);
    if (!d) desired.set(k, (d = { ports, eps: new Map() }));
    d.eps.set(endpointKey(ep), ep);
  }

  const plan: SlicePlan = { creates: [], updates: [], deletes: [] };
  const byPorts = new Map<string, EndpointSliceView[]>();
  for (const s of existing) {
    if (!ownedBy(s, svc) || s.addressType !== 'IPv4') {
      plan.deletes.push(s);
      continue;
    }
    const k = portMapKey(s.ports);
    let l = byPorts.get(k);
    if (!l) byPorts.set(k, (l = []));
    l.push(s);
  }
  for (const [k, slices] of byPorts) if (!desired.has(k)) plan.deletes.push(...slices);

  for (const [k, d] of desired) {
    // Desired endpoints not yet placed in a slice; each placement removes its key.
    const unplaced = d.eps;
    const toUpdate: EndpointSliceView[] = [];
    const unchanged: EndpointSliceView[] = [];
    for (const s of byPorts.get(k) ?? []) {
      const kept: SliceEndpoint[] = [];
      let changed = false;
      for (const ep of s.endpoints ?? []) {
        const ek = endpointKey(ep);
        const want = unplaced.get(ek);
        if (!want) continue;
        kept.push(want);
        if (!changed && !sameEndpoint(want, ep)) changed = true;
        unplaced.delete(ek);
      }
      const labelsChanged = !same(Object.entries(s.metadata.labels ?? {}).sort(), Object.entries(labels).sort());
      if (changed || kept.length !== (s.endpoints ?? []).length) {
        if (kept.length === 0) plan.deletes.push(s);
        else toUpdate.push({ ...copy(s), metadata: { ...copy(s.metadata), labels: { ...labels } }, endpoints: kept });
      } else if (labelsChanged) {
        toUpdate.push({ ...copy(s), metadata: { ...copy(s.metadata), labels: { ...labels } } });
      } else unchanged.push(s);
    }
    const take = (slice: EndpointSliceView) => {
      const eps = (slice.endpoints ??= []);
      for (const [ek, ep] of unplaced) {
        if (eps.length >= max) break;
        eps.push(ep);
        unplaced.delete(ek);
      }
    };
    // Fill the slices that are being written anyway, fullest first.
    if (unplaced.size > 0) for (const s of [...toUpdate].sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0))) take(s);
    while (unplaced.size > 0) {
      let fill: EndpointSliceView | undefined;
      if (unplaced.size < max && unchanged.length > 0) {
        // getSliceToFill: the unchanged slice closest to full that still fits them all.
        let best = -1;
        for (const s of unchanged) {
          const n = s.endpoints?.length ?? 0;
          if (n + unplaced.size <= max && n > best) {
            best = n;
            fill = s;
          }
        }
      }
      if (fill) {
        unchanged.splice(unchanged.indexOf(fill), 1);
        fill = copy(fill);
        take(fill);
        toUpdate.push(fill);
      } else {
        fill = newSlice(svc, d.ports);
        take(fill);
        plan.creates.push(fill);
      }
    }
    plan.updates.push(...toUpdate);
  }

  // No endpoints anywhere: keep (or make) one empty placeholder slice.
  if (existing.length === plan.deletes.length && plan.creates.length === 0) {
    const placeholder = newSlice(svc, []);
    placeholder.endpoints = null;
    const only = plan.deletes.length === 1 ? plan.deletes[0] : undefined;
    if (only && ownedBy(only, svc) && !(only.endpoints ?? []).length && !(only.ports ?? []).length && same(only.metadata.labels, labels)) plan.deletes = [];
    else plan.creates.push(placeholder);
  }

  // Turn create + delete pairs into updates so slice names survive.
  for (let i = 0; i < plan.deletes.length && plan.creates.length > 0; ) {
    const del = plan.deletes[i];
    if (del.addressType === 'IPv4' && ownedBy(del, svc)) {
      const c = plan.creates.pop()!;
      const { generateName: _g, ...meta } = c.metadata;
      plan.updates.push({ ...c, metadata: { ...meta, name: del.metadata.name, uid: del.metadata.uid, resourceVersion: del.metadata.resourceVersion, annotations: del.metadata.annotations } });
      plan.deletes.splice(i, 1);
    } else i++;
  }

  for (const s of [...plan.creates, ...plan.updates]) {
    if (s.endpoints && s.endpoints.length === 0) s.endpoints = null;
    if (opts.triggerTime !== undefined) s.metadata.annotations = { ...(s.metadata.annotations ?? {}), [LAST_CHANGE_TRIGGER_TIME]: rfc3339(opts.triggerTime) };
  }
  return plan;
}
