// Simulated CoreDNS (the kubeadm Corefile's `kubernetes cluster.local` plugin with `pods insecure`):
// Service, headless-endpoint and pod records answered from the network view, plus the resolver
// side of a pod (resolv.conf search path with ndots:5) that turns a typed name into an answer.

import type { KObject } from '../api/types';
import type { NetworkView } from './view';
import { clusterIPs } from './view';

export const CLUSTER_DOMAIN = 'cluster.local';
/** kube-dns's ClusterIP: the nameserver in every ClusterFirst pod's resolv.conf. */
export const DNS_SERVER = '10.96.0.10';
/** resolv.conf's `options ndots:5`. */
export const NDOTS = 5;

/** What the cluster DNS answers for one fully qualified name. */
export type DnsAnswer =
  | { kind: 'A'; name: string; addresses: string[] }
  | { kind: 'CNAME'; name: string; target: string }
  | { kind: 'NXDOMAIN'; name: string };

type Json = Record<string, unknown>;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Whether `s` is a dotted IPv4 literal. */
export function isIPv4(s: string): boolean {
  const m = IPV4.exec(s);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}

/** `10-244-1-3` -> `10.244.1.3` (CoreDNS's pod and endpoint names); undefined when not that shape. */
export function dashedIP(label: string): string | undefined {
  const ip = label.replace(/-/g, '.');
  return /^\d+-\d+-\d+-\d+$/.test(label) && isIPv4(ip) ? ip : undefined;
}

/** The search list of a ClusterFirst pod in `namespace` (as its /etc/resolv.conf says). */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/**
 * The names the resolver tries, in order (glibc/musl with `ndots:5`): a name with fewer than 5
 * dots goes through the search list first and is tried as typed last; a trailing dot means
 * absolute. Example for `web.prod` in `default`: web.prod.default.svc.cluster.local,
 * web.prod.svc.cluster.local, web.prod.cluster.local, web.prod.
 */
export function candidates(name: string, search: string[]): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = search.map((d) => `${name}.${d}`);
  return dots >= NDOTS ? [name, ...searched] : [...searched, name];
}

function serviceAnswer(view: NetworkView, fqdn: string, svc: KObject): DnsAnswer {
  const spec = (svc.spec ?? {}) as Json;
  if (spec.type === 'ExternalName') return { kind: 'CNAME', name: fqdn, target: String(spec.externalName ?? '') };
  const ips = clusterIPs(svc);
  if (ips.length > 0) return { kind: 'A', name: fqdn, addresses: ips };
  // Headless: the ready endpoints' addresses (all of them with publishNotReadyAddresses).
  const all = spec.publishNotReadyAddresses === true;
  const addresses = view.serviceAddresses(svc).filter((e) => all || e.ready).map((e) => e.ip);
  return addresses.length ? { kind: 'A', name: fqdn, addresses } : { kind: 'NXDOMAIN', name: fqdn };
}

/** Answers one fully qualified name (no trailing dot) from the cluster zone. */
export function answer(view: NetworkView, fqdn: string): DnsAnswer {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  const nx: DnsAnswer = { kind: 'NXDOMAIN', name };
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!name.endsWith(suffix)) return nx;
  const labels = name.slice(0, -suffix.length).split('.');
  // <a-b-c-d>.<ns>.pod.cluster.local: `pods insecure` answers the IP in the name unchecked.
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = dashedIP(labels[0]);
    return ip ? { kind: 'A', name, addresses: [ip] } : nx;
  }
  if (labels[labels.length - 1] !== 'svc') return nx;
  if (labels.length === 3) {
    const svc = view.service(labels[1], labels[0]);
    return svc ? serviceAnswer(view, name, svc) : nx;
  }
  if (labels.length === 4) {
    // <hostname or a-b-c-d>.<svc>.<ns>.svc.cluster.local: one endpoint of a headless Service.
    const svc = view.service(labels[2], labels[1]);
    if (!svc || clusterIPs(svc).length > 0) return nx;
    const all = ((svc.spec ?? {}) as Json).publishNotReadyAddresses === true;
    const hits = view
      .serviceAddresses(svc)
      .filter((e) => (all || e.ready) && (e.hostname === labels[0] || (!e.hostname && e.ip === dashedIP(labels[0]))))
      .map((e) => e.ip);
    return hits.length ? { kind: 'A', name, addresses: hits } : nx;
  }
  return nx;
}

/** The outcome of resolving a typed name from a pod: the first candidate that answers. */
export function resolve(view: NetworkView, name: string, namespace: string | undefined): DnsAnswer {
  if (isIPv4(name)) return { kind: 'A', name, addresses: [name] };
  const search = namespace === undefined ? [] : searchPath(namespace);
  for (const c of candidates(name, search)) {
    const a = answer(view, c);
    if (a.kind !== 'NXDOMAIN') return a;
  }
  // nslookup names the query as typed in its NXDOMAIN line.
  return { kind: 'NXDOMAIN', name };
}
