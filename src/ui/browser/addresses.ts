// The in-app browser's address choices and how a typed address becomes a request: Services reached
// from outside (LoadBalancer IP, NodePort on a node) and Ingress hosts, sent to the ingress
// controller's address with the host as the Host header (from outside only IP literals resolve).

import type { IngressView, NodeView, ObjectView, ServiceView } from '../../worker/protocol';
import { isAddOnNamespace } from '../map/namespaces';

export interface AddressChoice {
  /** What the address bar shows and the user picks. */
  label: string;
  /** Where the request goes. */
  url: string;
  /** Host header to send (Ingress virtual hosts). */
  host?: string;
  /** Where the choice comes from, e.g. `service default/web`. */
  source: string;
}

interface PortSpec {
  port: number;
  nodePort?: number;
}

/** kubectl's PORT(S) column (`80:31234/TCP,443/TCP`) back to numbers. */
export function parsePorts(ports: string): PortSpec[] {
  const out: PortSpec[] = [];
  for (const part of ports.split(',')) {
    const m = /^(\d+)(?::(\d+))?\//.exec(part.trim());
    if (m) out.push(m[2] ? { port: Number(m[1]), nodePort: Number(m[2]) } : { port: Number(m[1]) });
  }
  return out;
}

const hostPort = (host: string, port: number): string => (port === 80 ? host : `${host}:${port}`);

function serviceChoices(svc: ServiceView, nodeIP: string | undefined): AddressChoice[] {
  const source = `service ${svc.namespace ?? 'default'}/${svc.name}`;
  const ports = parsePorts(svc.ports);
  const ext = svc.externalAddress;
  if (svc.type === 'LoadBalancer' && ext && !ext.includes(':')) {
    return ports.map((p) => ({ label: `http://${hostPort(ext, p.port)}/`, url: `http://${hostPort(ext, p.port)}/`, source }));
  }
  if (svc.type === 'NodePort' || svc.type === 'LoadBalancer') {
    // A NodePort answers on every node; prefer the address the worker chose, else the first node's.
    const ip = ext?.split(':')[0] ?? nodeIP;
    if (!ip) return [];
    return ports.filter((p) => p.nodePort).map((p) => {
      const url = `http://${ip}:${p.nodePort}/`;
      return { label: url, url, source };
    });
  }
  return [];
}

function ingressChoices(ing: IngressView): AddressChoice[] {
  const source = `ingress ${ing.namespace ?? 'default'}/${ing.name}`;
  // The ADDRESS column may list several IPs separated by commas; any one reaches the controller.
  const ip = ing.address?.split(',')[0]?.trim() || undefined;
  const out: AddressChoice[] = [];
  const seen = new Set<string>();
  for (const r of ing.rules) {
    const path = r.path.startsWith('/') ? r.path : `/${r.path}`;
    const label = r.host ? `http://${r.host}${path}` : ip ? `http://${ip}${path}` : undefined;
    if (!label || seen.has(label)) continue;
    seen.add(label);
    const choice: AddressChoice = { label, url: ip ? `http://${ip}${path}` : label, source };
    if (r.host) choice.host = r.host;
    out.push(choice);
  }
  return out;
}

/** Every address a user can open from outside the cluster, Services first, sorted by label. */
export function addressChoices(objects: Iterable<ObjectView>): AddressChoice[] {
  const services: ServiceView[] = [];
  const ingresses: IngressView[] = [];
  const workers: NodeView[] = [];
  for (const o of objects) {
    if (o.kind === 'Service') services.push(o);
    else if (o.kind === 'Ingress') ingresses.push(o);
    else if (o.kind === 'Node' && !o.controlPlane && o.ready === 'True' && o.internalIP) workers.push(o);
  }
  // The first Ready worker by name: stable while nodes come and go elsewhere.
  const nodeIP = workers.sort((a, b) => (a.name < b.name ? -1 : 1))[0]?.internalIP;
  // The learner's own Services come first (LoadBalancers before NodePorts), add-ons' last: the
  // address bar opens on what the user just exposed, not on ingress-nginx's NodePort.
  const rank = (s: ServiceView) => (isAddOnNamespace(s.namespace) ? 2 : 0) + (s.type === 'LoadBalancer' ? 0 : 1);
  const svc = services
    .flatMap((s) => serviceChoices(s, nodeIP).map((c) => ({ c, r: rank(s) })))
    .sort((a, b) => a.r - b.r || a.c.label.localeCompare(b.c.label))
    .map((x) => x.c);
  const ing = ingresses.flatMap(ingressChoices).sort((a, b) => a.label.localeCompare(b.label));
  return [...svc, ...ing];
}

/**
 * The request for what the user typed: a known choice as is; an Ingress host typed by hand goes
 * to that Ingress's address with the Host header; anything else is sent unchanged (the worker
 * answers as curl would, e.g. "Could not resolve host").
 */
export function resolveAddress(typed: string, choices: AddressChoice[]): { url: string; host?: string } {
  let text = typed.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `http://${text}`;
  const exact = choices.find((c) => c.label === text || c.label === `${text}/`);
  if (exact) return exact.host ? { url: exact.url, host: exact.host } : { url: exact.url };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { url: text };
  }
  const viaIngress = choices.find((c) => c.host && c.host === parsed.hostname && c.url !== c.label);
  if (viaIngress) {
    const base = new URL(viaIngress.url);
    return { url: `${base.protocol}//${base.host}${parsed.pathname}${parsed.search}`, host: viaIngress.host };
  }
  return { url: text };
}
