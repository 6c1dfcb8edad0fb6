// The network's view of the cluster (what kube-proxy and CoreDNS watch): Services, EndpointSlices,
// Pods and Nodes through informers, indexed by what a packet or a DNS query looks up, so that a
// request costs a few map lookups whatever the cluster size.

import type { KObject } from '../api/types';
import type { ComponentDeps } from '../controllers/deps';
import { Informer, keyOf } from '../client/informer';

type Json = Record<string, unknown>;

/** One Service port as kube-proxy uses it. */
export interface ServicePort {
  name?: string;
  protocol: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
}

/** One endpoint address of a Service port, as the EndpointSlices list it. */
export interface Endpoint {
  ip: string;
  port: number;
  ready: boolean;
  hostname?: string;
  nodeName?: string;
  /** `ns/name` of the backing pod, when the slice says. */
  pod?: string;
}

/** Where a pod lives on the simulated network. */
export interface PodPlace {
  namespace: string;
  name: string;
  nodeName: string;
  ip: string;
  hostname?: string;
  subdomain?: string;
}

function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

function removeFrom<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) m.delete(k);
}

/** The Service's ClusterIPs (none for headless and ExternalName). */
export function clusterIPs(svc: KObject): string[] {
  const spec = (svc.spec ?? {}) as Json;
  const ips = (spec.clusterIPs as string[] | undefined) ?? (spec.clusterIP ? [String(spec.clusterIP)] : []);
  return ips.filter((ip) => ip && ip !== 'None');
}

/** The load-balancer ingress IPs in the Service's status. */
export function ingressIPs(svc: KObject): string[] {
  const ingress = (((svc.status ?? {}) as Json).loadBalancer as Json | undefined)?.ingress as Json[] | undefined;
  return (ingress ?? []).map((i) => String(i.ip ?? '')).filter(Boolean);
}

export function servicePorts(svc: KObject): ServicePort[] {
  return (((svc.spec ?? {}) as Json).ports as ServicePort[] | undefined) ?? [];
}

/** Informers plus indexes; start() before use, stop() on shutdown. */
export class NetworkView {
  readonly services: Informer;
  readonly slices: Informer;
  readonly pods: Informer;
  readonly nodes: Informer;
  private svcByIP = new Map<string, string>();
  private svcByNodePort = new Map<number, string>();
  private svcByLbIP = new Map<string, string>();
  private slicesBySvc = new Map<string, Set<string>>();
  private podsByIP = new Map<string, PodPlace>();
  private podIPOf = new Map<string, string>();
  private nodeIPs = new Map<string, string>();
  /** Endpoints per `svcKey|portName|protocol`, dropped when one of the Service's slices changes. */
  private endpointCache = new Map<string, Map<string, Endpoint[]>>();

  constructor(deps: Pick<ComponentDeps, 'informers' | 'type'>) {
    const { informers, type } = deps;
    this.services = informers.informerFor(type('', 'Service'));
    this.slices = informers.informerFor(type('discovery.k8s.io', 'EndpointSlice'));
    this.pods = informers.informerFor(type('', 'Pod'));
    this.nodes = informers.informerFor(type('', 'Node'));
    this.services.addHandlers({
      add: (o) => this.indexService(o, true),
      update: (a, b) => (this.indexService(a, false), this.indexService(b, true)),
      delete: (o) => this.indexService(o, false),
    });
    this.slices.addHandlers({
      add: (o) => this.indexSlice(o, true),
      update: (a, b) => (this.indexSlice(a, false), this.indexSlice(b, true)),
      delete: (o) => this.indexSlice(o, false),
    });
    this.pods.addHandlers({
      add: (o) => this.indexPod(o, true),
      update: (a, b) => {
        // Most pod updates are status writes that keep the IP and placement: the index (looked up,
        // never iterated) would end up the same.
        if (samePodPlace(a, b) && this.filedAsIs(b)) return;
        this.indexPod(a, false);
        this.indexPod(b, true);
      },
      delete: (o) => this.indexPod(o, false),
    });
    this.nodes.addHandlers({
      add: (o) => this.indexNode(o, true),
      update: (a, b) => (this.indexNode(a, false), this.indexNode(b, true)),
      delete: (o) => this.indexNode(o, false),
    });
  }

  start(): void {
    for (const i of [this.nodes, this.pods, this.services, this.slices]) i.start();
  }

  stop(): void {
    for (const i of [this.nodes, this.pods, this.services, this.slices]) i.stop();
  }

  private indexService(svc: KObject, add: boolean): void {
    const key = keyOf(svc);
    const set = <K>(m: Map<K, string>, k: K) => {
      if (add) m.set(k, key);
      else if (m.get(k) === key) m.delete(k);
    };
    for (const ip of clusterIPs(svc)) set(this.svcByIP, ip);
    for (const p of servicePorts(svc)) if (p.nodePort) set(this.svcByNodePort, p.nodePort);
    for (const ip of ingressIPs(svc)) set(this.svcByLbIP, ip);
  }

  private indexSlice(slice: KObject, add: boolean): void {
    const svc = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!svc) return;
    const svcKey = `${slice.metadata.namespace}/${svc}`;
    this.endpointCache.delete(svcKey);
    if (add) addTo(this.slicesBySvc, svcKey, keyOf(slice));
    else removeFrom(this.slicesBySvc, svcKey, keyOf(slice));
  }

  /** Whether the index already files this pod (or has nothing to file for it) as indexPod would. */
  private filedAsIs(pod: KObject): boolean {
    const ip = String(((pod.status ?? {}) as Json).podIP ?? '');
    if (!ip || ((pod.spec ?? {}) as Json).hostNetwork === true) return true;
    const at = this.podsByIP.get(ip);
    return this.podIPOf.get(keyOf(pod)) === ip && at?.name === pod.metadata.name && at?.namespace === pod.metadata.namespace;
  }

  private indexPod(pod: KObject, add: boolean): void {
    const key = keyOf(pod);
    const ip = String(((pod.status ?? {}) as Json).podIP ?? '');
    const spec = (pod.spec ?? {}) as Json;
    if (!add) {
      if (this.podIPOf.get(key) === ip) this.podIPOf.delete(key);
      if (ip && this.podsByIP.get(ip)?.name === pod.metadata.name && this.podsByIP.get(ip)?.namespace === pod.metadata.namespace) this.podsByIP.delete(ip);
      return;
    }
    // hostNetwork pods share the node's address: they are reached as the node, not indexed here.
    if (!ip || spec.hostNetwork === true) return;
    this.podIPOf.set(key, ip);
    this.podsByIP.set(ip, {
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name ?? '',
      nodeName: String(spec.nodeName ?? ''),
      ip,
      hostname: spec.hostname as string | undefined,
      subdomain: spec.subdomain as string | undefined,
    });
  }

  private indexNode(node: KObject, add: boolean): void {
    const addrs = ((((node.status ?? {}) as Json).addresses ?? []) as Json[]).filter((a) => a.type === 'InternalIP' || a.type === 'ExternalIP');
    for (const a of addrs) {
      const ip = String(a.address);
      if (add) this.nodeIPs.set(ip, node.metadata.name ?? '');
      else if (this.nodeIPs.get(ip) === node.metadata.name) this.nodeIPs.delete(ip);
    }
  }

  service(ns: string, name: string): KObject | undefined {
    return this.services.get(`${ns}/${name}`);
  }

  serviceByClusterIP(ip: string): KObject | undefined {
    const k = this.svcByIP.get(ip);
    return k ? this.services.get(k) : undefined;
  }

  serviceByNodePort(port: number): KObject | undefined {
    const k = this.svcByNodePort.get(port);
    return k ? this.services.get(k) : undefined;
  }

  serviceByLoadBalancerIP(ip: string): KObject | undefined {
    const k = this.svcByLbIP.get(ip);
    return k ? this.services.get(k) : undefined;
  }

  /** The node that owns an InternalIP/ExternalIP. */
  nodeByIP(ip: string): string | undefined {
    return this.nodeIPs.get(ip);
  }

  podByIP(ip: string): PodPlace | undefined {
    return this.podsByIP.get(ip);
  }

  pod(ns: string, name: string): KObject | undefined {
    return this.pods.get(`${ns}/${name}`);
  }

  /**
   * The endpoints behind one Service port, from its EndpointSlices: slice ports match the
   * Service port by name (the EndpointSlice controller names them after the Service port).
   */
  endpoints(svc: KObject, port: ServicePort): Endpoint[] {
    const key = keyOf(svc);
    const portKey = `${port.name ?? ''}|${port.protocol ?? 'TCP'}`;
    let perSvc = this.endpointCache.get(key);
    const hit = perSvc?.get(portKey);
    if (hit) return hit;
    if (!perSvc) this.endpointCache.set(key, (perSvc = new Map()));
    const out: Endpoint[] = [];
    for (const sk of this.slicesBySvc.get(key) ?? []) {
      const slice = this.slices.get(sk);
      if (!slice) continue;
      const sp = ((slice as unknown as Json).ports as Json[] | undefined)?.find((p) => (p.name ?? '') === (port.name ?? '') && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
      if (!sp || typeof sp.port !== 'number') continue;
      for (const e of ((slice as unknown as Json).endpoints as Json[] | undefined) ?? []) {
        const cond = (e.conditions ?? {}) as Json;
        const ref = e.targetRef as Json | undefined;
        for (const ip of (e.addresses as string[] | undefined) ?? []) {
          out.push({
            ip,
            port: sp.port,
            // Unset ready means ready (discovery/v1 EndpointConditions).
            ready: cond.ready !== false,
            hostname: e.hostname as string | undefined,
            nodeName: e.nodeName as string | undefined,
            pod: ref?.kind === 'Pod' ? `${ref.namespace ?? slice.metadata.namespace}/${ref.name}` : undefined,
          });
        }
      }
    }
    // Slices arrive in watch order; sort so the PRNG picks the same endpoint for the same state.
    out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.port - b.port));
    perSvc.set(portKey, out);
    return out;
  }

  /** Every address behind a Service (any port), for headless DNS answers. */
  serviceAddresses(svc: KObject): Endpoint[] {
    const seen = new Map<string, Endpoint>();
    for (const sk of this.slicesBySvc.get(keyOf(svc)) ?? []) {
      const slice = this.slices.get(sk) as unknown as Json | undefined;
      for (const e of ((slice?.endpoints as Json[] | undefined) ?? [])) {
        const cond = (e.conditions ?? {}) as Json;
        for (const ip of (e.addresses as string[] | undefined) ?? []) {
          if (!seen.has(ip)) seen.set(ip, { ip, port: 0, ready: cond.ready !== false, hostname: e.hostname as string | undefined });
        }
      }
    }
    return [...seen.values()].sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
  }
}

/** Whether two versions of a pod file the same way in indexPod (IP, host network, placement). */
function samePodPlace(a: KObject, b: KObject): boolean {
  const sa = (a.spec ?? {}) as Json;
  const sb = (b.spec ?? {}) as Json;
  return (
    String(((a.status ?? {}) as Json).podIP ?? '') === String(((b.status ?? {}) as Json).podIP ?? '') &&
    (sa.hostNetwork === true) === (sb.hostNetwork === true) &&
    String(sa.nodeName ?? '') === String(sb.nodeName ?? '') &&
    sa.hostname === sb.hostname &&
    sa.subdomain === sb.subdomain &&
    a.metadata.name === b.metadata.name &&
    a.metadata.namespace === b.metadata.namespace
  );
}
