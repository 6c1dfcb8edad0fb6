// The simulated cloud's load-balancer decisions as pure functions (k8s.io/cloud-provider
// controllers/service/controller.go: wantsLoadBalancer, needsCleanup, needsUpdate) and the
// address a Service's load balancer gets from the 203.0.113.0/24 documentation range.

import type { ServicePortView, ServiceView } from '../endpoints/pods';

/** servicehelper.LoadBalancerCleanupFinalizer. */
export const LB_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
/** The range load balancers get addresses from (TEST-NET-3, RFC 5737). */
export const LB_PREFIX = '203.0.113.';

interface LBSpec {
  type?: string;
  loadBalancerClass?: string;
  loadBalancerSourceRanges?: string[];
  loadBalancerIP?: string;
  sessionAffinity?: string;
  sessionAffinityConfig?: unknown;
  externalIPs?: string[];
  externalTrafficPolicy?: string;
  healthCheckNodePort?: number;
  ipFamilies?: string[];
  allocateLoadBalancerNodePorts?: boolean;
  ports?: ServicePortView[];
}

function spec(svc: ServiceView): LBSpec {
  return (svc.spec ?? {}) as LBSpec;
}

/** wantsLoadBalancer: type LoadBalancer with no loadBalancerClass (another controller's). */
export function wantsLoadBalancer(svc: ServiceView): boolean {
  const s = spec(svc);
  return s.type === 'LoadBalancer' && s.loadBalancerClass === undefined;
}

export function hasLBFinalizer(svc: ServiceView): boolean {
  return (svc.metadata.finalizers ?? []).includes(LB_FINALIZER);
}

/** needsCleanup: holds the finalizer and is being deleted or no longer of type LoadBalancer. */
export function needsCleanup(svc: ServiceView): boolean {
  if (!hasLBFinalizer(svc)) return false;
  return !!svc.metadata.deletionTimestamp || spec(svc).type !== 'LoadBalancer';
}

/** portEqualForLB: name, protocol, port and (when allocated) nodePort; targetPort does not matter. */
function portsEqualForLB(a: ServiceView, b: ServiceView): boolean {
  const pa = spec(a).ports ?? [];
  const pb = spec(b).ports ?? [];
  if (pa.length !== pb.length) return false;
  const withNodePort = spec(b).allocateLoadBalancerNodePorts !== false;
  return pa.every((p, i) => {
    const q = pb[i];
    if (p.name !== q.name || (p.protocol ?? 'TCP') !== (q.protocol ?? 'TCP') || p.port !== q.port) return false;
    return !withNodePort || p.nodePort === q.nodePort;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Go's %v of a []string: `[a b]`. */
const goList = (l: string[] | undefined) => `[${(l ?? []).join(' ')}]`;

/**
 * needsUpdate: whether a Service change needs the load balancer re-ensured, with the events
 * upstream records on the way (reason, message), e.g. a type change gives
 * `Type  ClusterIP -> LoadBalancer`.
 */
export function needsUpdate(old: ServiceView, cur: ServiceView): { update: boolean; events: [string, string][] } {
  const o = spec(old);
  const n = spec(cur);
  const yes = (...ev: [string, string][]) => ({ update: true, events: ev });
  if (!wantsLoadBalancer(old) && !wantsLoadBalancer(cur)) return { update: false, events: [] };
  if (wantsLoadBalancer(old) !== wantsLoadBalancer(cur)) return yes(['Type', `${o.type ?? ''} -> ${n.type ?? ''}`]);
  if (wantsLoadBalancer(cur) && !same(o.loadBalancerSourceRanges, n.loadBalancerSourceRanges)) {
    return yes(['LoadBalancerSourceRanges', `${goList(o.loadBalancerSourceRanges)} -> ${goList(n.loadBalancerSourceRanges)}`]);
  }
  if (!portsEqualForLB(old, cur) || o.sessionAffinity !== n.sessionAffinity) return yes();
  if (!same(o.sessionAffinityConfig, n.sessionAffinityConfig)) return yes();
  if ((o.loadBalancerIP ?? '') !== (n.loadBalancerIP ?? '')) return yes(['LoadbalancerIP', `${o.loadBalancerIP ?? ''} -> ${n.loadBalancerIP ?? ''}`]);
  const oe = o.externalIPs ?? [];
  const ne = n.externalIPs ?? [];
  if (oe.length !== ne.length) return yes(['ExternalIP', `Count: ${oe.length} -> ${ne.length}`]);
  for (let i = 0; i < oe.length; i++) if (oe[i] !== ne[i]) return yes(['ExternalIP', `Added: ${ne[i]}`]);
  if (!same(old.metadata.annotations, cur.metadata.annotations)) return yes();
  if (old.metadata.uid !== cur.metadata.uid) return yes(['UID', `${old.metadata.uid ?? ''} -> ${cur.metadata.uid ?? ''}`]);
  if ((o.externalTrafficPolicy ?? '') !== (n.externalTrafficPolicy ?? '')) {
    return yes(['ExternalTrafficPolicy', `${o.externalTrafficPolicy ?? ''} -> ${n.externalTrafficPolicy ?? ''}`]);
  }
  if ((o.healthCheckNodePort ?? 0) !== (n.healthCheckNodePort ?? 0)) {
    return yes(['HealthCheckNodePort', `${o.healthCheckNodePort ?? 0} -> ${n.healthCheckNodePort ?? 0}`]);
  }
  const of = o.ipFamilies ?? [];
  const nf = n.ipFamilies ?? [];
  if (of.length !== nf.length) return yes(['IPFamilies', `Count: ${of.length} -> ${nf.length}`]);
  return { update: false, events: [] };
}

/** FNV-1a of a string: a stable, seed-free starting point for the address of a Service. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The address for a Service's load balancer: the one it already has, else 203.0.113.N with N
 * in 1..254 picked from a hash of `ns/name` and moved on past addresses in use (undefined when
 * all 254 are taken). The same Service therefore gets the same address in every session.
 */
export function allocateAddress(svc: ServiceView, inUse: ReadonlySet<string>): string | undefined {
  const current = svc.status?.loadBalancer?.ingress?.[0]?.ip;
  if (current) return current;
  const start = fnv1a(`${svc.metadata.namespace}/${svc.metadata.name}`) % 254;
  for (let i = 0; i < 254; i++) {
    const ip = `${LB_PREFIX}${((start + i) % 254) + 1}`;
    if (!inUse.has(ip)) return ip;
  }
  return undefined;
}
