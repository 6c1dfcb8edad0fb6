// Simulated kube-proxy: maps a destination (ClusterIP:port, NodeIP:nodePort, LB ingress IP:port,
// or a pod IP) to one backend, as the iptables rules do: a random ready endpoint, the same one
// again for a client under sessionAffinity ClientIP, and a REJECT when there are none.

import type { KObject } from '../api/types';
import type { Clock, Random } from '../clock';
import { keyOf } from '../client/informer';
import type { NetworkView, PodPlace, ServicePort, Endpoint } from './view';
import { servicePorts } from './view';

type Json = Record<string, unknown>;

/** Where a connection ends up. */
export type Route =
  | { kind: 'pod'; pod: PodPlace; port: number; service?: string }
  /** Nothing accepts it: REJECT (no endpoints, no such port). */
  | { kind: 'refused' }
  /** The address is not on the simulated network (packets go nowhere). */
  | { kind: 'unreachable' };

/** sessionAffinityConfig.clientIP.timeoutSeconds default (3 hours). */
export const DEFAULT_AFFINITY_SECONDS = 10_800;

interface Affinity {
  endpoint: string;
  until: number;
}

export class KubeProxy {
  /** `svcKey/port|clientIP` -> the endpoint last chosen and when the stickiness ends. */
  private affinity = new Map<string, Affinity>();

  constructor(
    private readonly view: NetworkView,
    private readonly random: Random,
    private readonly clock: Clock,
  ) {}

  /** Routes a TCP connection from `clientIP` (a pod IP, a node IP or an outside address). */
  route(ip: string, port: number, clientIP: string): Route {
    const byCluster = this.view.serviceByClusterIP(ip);
    if (byCluster) return this.viaService(byCluster, (p) => p.port === port, clientIP, undefined, 'internal');
    const node = this.view.nodeByIP(ip);
    if (node !== undefined) {
      const svc = this.view.serviceByNodePort(port);
      if (!svc) return { kind: 'refused' };
      return this.viaService(svc, (p) => p.nodePort === port, clientIP, node, 'external');
    }
    const lb = this.view.serviceByLoadBalancerIP(ip);
    if (lb) return this.viaService(lb, (p) => p.port === port, clientIP, undefined, 'external');
    const pod = this.view.podByIP(ip);
    if (pod) return { kind: 'pod', pod, port };
    return { kind: 'unreachable' };
  }

  /**
   * Picks a backend of one Service port. `policy` is which traffic policy applies: internal
   * (ClusterIP) or external (NodePort/LB); `Local` keeps only endpoints on the receiving node.
   */
  private viaService(svc: KObject, match: (p: ServicePort) => boolean, clientIP: string, node: string | undefined, policy: 'internal' | 'external'): Route {
    const spec = (svc.spec ?? {}) as Json;
    const port = servicePorts(svc).find((p) => (p.protocol ?? 'TCP') === 'TCP' && match(p));
    if (!port) return { kind: 'refused' };
    // endpoints() is a shared cached array: filter copies, never mutate it.
    let ready = this.view.endpoints(svc, port).filter((e) => e.ready);
    const local = (policy === 'internal' ? spec.internalTrafficPolicy : spec.externalTrafficPolicy) === 'Local';
    if (local && node !== undefined) ready = ready.filter((e) => e.nodeName === node);
    if (ready.length === 0) return { kind: 'refused' };
    const ep = this.pick(svc, port, ready, clientIP);
    const pod = this.placeOf(ep);
    if (!pod) return { kind: 'refused' };
    return { kind: 'pod', pod, port: ep.port, service: keyOf(svc) };
  }

  private pick(svc: KObject, port: ServicePort, ready: Endpoint[], clientIP: string): Endpoint {
    const spec = (svc.spec ?? {}) as Json;
    if (spec.sessionAffinity !== 'ClientIP') return ready[this.random.intn(ready.length)];
    const cfg = ((spec.sessionAffinityConfig as Json | undefined)?.clientIP as Json | undefined)?.timeoutSeconds;
    const timeoutMs = (typeof cfg === 'number' ? cfg : DEFAULT_AFFINITY_SECONDS) * 1000;
    const key = `${keyOf(svc)}/${port.port}|${clientIP}`;
    const now = this.clock.now();
    const prev = this.affinity.get(key);
    const still = prev && prev.until > now ? ready.find((e) => `${e.ip}:${e.port}` === prev.endpoint) : undefined;
    const ep = still ?? ready[this.random.intn(ready.length)];
    // The iptables `recent` match refreshes the entry on every packet.
    this.affinity.set(key, { endpoint: `${ep.ip}:${ep.port}`, until: now + timeoutMs });
    return ep;
  }

  private placeOf(ep: Endpoint): PodPlace | undefined {
    const byIP = this.view.podByIP(ep.ip);
    if (byIP) return byIP;
    // An endpoint whose pod we have not seen (selector-less Service + hand-made slice to a pod IP).
    if (ep.pod && ep.nodeName) {
      const [namespace, name] = ep.pod.split('/');
      return { namespace, name, nodeName: ep.nodeName, ip: ep.ip };
    }
    return undefined;
  }
}
