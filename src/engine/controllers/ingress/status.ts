// The pure parts of the controller's status sync: the addresses it publishes (its Service's load
// balancer, else the nodes running its pods), the Ingress status to write, and TLS problems.

import type { KObject } from '../../api/types';

/** One status.loadBalancer.ingress entry. */
export interface LBIngress {
  ip?: string;
  hostname?: string;
}

interface ServiceView {
  spec?: { type?: string; externalIPs?: string[] };
  status?: { loadBalancer?: { ingress?: LBIngress[] } };
}

/** A node's address as published: InternalIP (`--report-node-internal-ip-address`), else ExternalIP. */
export function nodeAddress(node: KObject | undefined): string | undefined {
  const addrs = (node as { status?: { addresses?: Array<{ type?: string; address?: string }> } } | undefined)?.status?.addresses ?? [];
  return addrs.find((a) => a.type === 'InternalIP')?.address ?? addrs.find((a) => a.type === 'ExternalIP')?.address;
}

/** Sorted by IP then hostname, without duplicates (ingress-nginx sorts before comparing). */
export function sortAddresses(list: readonly LBIngress[]): LBIngress[] {
  const seen = new Set<string>();
  const out: LBIngress[] = [];
  for (const a of list) {
    const k = `${a.ip ?? ''}\u0000${a.hostname ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a.ip ? { ip: a.ip } : { hostname: a.hostname ?? '' });
  }
  return out.sort((a, b) => {
    const ka = a.ip ?? '';
    const kb = b.ip ?? '';
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ha = a.hostname ?? '';
    const hb = b.hostname ?? '';
    return ha < hb ? -1 : ha > hb ? 1 : 0;
  });
}

/**
 * The addresses to publish. A LoadBalancer controller Service publishes its assigned ingress
 * (nothing while it is pending); any other Service type publishes the IPs of the nodes that run
 * controller pods (what minikube and kind show), plus the Service's externalIPs.
 */
export function controllerAddresses(svc: KObject | undefined, podNodeIPs: readonly string[]): LBIngress[] {
  const s = svc as ServiceView | undefined;
  const external = (s?.spec?.externalIPs ?? []).map((ip) => ({ ip }));
  if (s?.spec?.type === 'LoadBalancer') return sortAddresses([...(s.status?.loadBalancer?.ingress ?? []), ...external]);
  return sortAddresses([...podNodeIPs.map((ip) => ({ ip })), ...external]);
}

function sameAddresses(a: readonly LBIngress[], b: readonly LBIngress[]): boolean {
  return a.length === b.length && a.every((x, i) => (x.ip ?? '') === (b[i]?.ip ?? '') && (x.hostname ?? '') === (b[i]?.hostname ?? ''));
}

/**
 * The status to write to `ing` for `addrs`, or undefined when it already holds them (the
 * controller writes only on change, so a steady cluster makes no writes).
 */
export function ingressStatusUpdate(ing: KObject, addrs: readonly LBIngress[]): { loadBalancer: { ingress?: LBIngress[] } } | undefined {
  const cur = sortAddresses((ing as { status?: { loadBalancer?: { ingress?: LBIngress[] } } }).status?.loadBalancer?.ingress ?? []);
  const want = sortAddresses(addrs);
  if (sameAddresses(cur, want)) return undefined;
  return { loadBalancer: want.length === 0 ? {} : { ingress: want } };
}

/**
 * The controller's log lines for TLS entries it cannot serve with their Secret: a missing
 * Secret (or one without a certificate) falls back to the default (fake) certificate.
 * `secret(ns, name)` returns the Secret or undefined.
 */
export function tlsProblems(ing: KObject, secret: (ns: string, name: string) => KObject | undefined): string[] {
  const ns = ing.metadata.namespace ?? 'default';
  const tls = (ing as { spec?: { tls?: Array<{ hosts?: string[]; secretName?: string }> } }).spec?.tls ?? [];
  const out: string[] = [];
  for (const t of tls) {
    if (!t.secretName) continue;
    const key = `${ns}/${t.secretName}`;
    const s = secret(ns, t.secretName) as { data?: Record<string, string> } | undefined;
    // A Secret without tls.crt/tls.key never makes it into the controller's local SSL store either.
    if (!s?.data?.['tls.crt'] || !s.data['tls.key']) out.push(`Error getting SSL certificate "${key}": local SSL certificate ${key} was not found. Using default certificate`);
  }
  return out;
}
