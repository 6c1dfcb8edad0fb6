// Which backend an ingress-nginx-style controller sends a request to: servers by host (exact, then
// wildcard, then the catch-all), locations by path (Exact, then the longest Prefix by elements).

import type { KObject } from '../../api/types';
import { parseTime } from '../../util/time';

/** A request's destination: a Service port (number or name) in the Ingress's namespace. */
export interface IngressRoute {
  namespace: string;
  /** The Ingress whose rule (or defaultBackend) matched, for logs and tests. */
  ingress: string;
  service: string;
  port: number | string;
}

/** What the controller answers with when nothing matches: its own 404 page. */
export type DefaultBackend = 'default-backend';

interface Backend {
  service?: { name?: string; port?: { number?: number; name?: string } };
  resource?: unknown;
}

interface Location {
  ing: KObject;
  pathType: string;
  path: string;
  backend: Backend | undefined;
}

/** Ingresses in the controller's merge order: oldest first (ingress-nginx lets the oldest win a tie). */
export function sortIngresses(ingresses: readonly KObject[]): KObject[] {
  const key = (o: KObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  return [...ingresses].sort((a, b) => {
    const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
    const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
    if (ta !== tb) return ta - tb;
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  });
}

/** The Host header as a server name: lower case, without `:port` or a trailing dot. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h; // IPv6 literal: never a rule host (validation forbids IPs)
  const colon = h.lastIndexOf(':');
  if (colon >= 0) h = h.slice(0, colon);
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

/**
 * Whether rule host `pattern` serves `host`. A wildcard covers exactly one DNS label, as the
 * Ingress API defines it: `*.foo.com` serves `bar.foo.com` but not `baz.bar.foo.com` nor `foo.com`.
 */
export function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1); // `.foo.com`
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return label.length > 0 && !label.includes('.');
}

function elements(path: string): string[] {
  return path.split('/').filter((e) => e !== '');
}

/**
 * Whether a Prefix path matches a request path, element by element: `/aaa/bbb` matches
 * `/aaa/bbb`, `/aaa/bbb/` and `/aaa/bbb/ccc` but not `/aaa/bbbxyz`; a trailing slash on either
 * side is ignored; `/` matches everything.
 */
export function prefixMatches(prefix: string, reqPath: string): boolean {
  const want = elements(prefix);
  const got = elements(reqPath);
  if (want.length > got.length) return false;
  return want.every((e, i) => got[i] === e);
}

function rulesOf(ing: KObject): Array<{ host: string; paths: Location[] }> {
  const spec = (ing as { spec?: { rules?: unknown } }).spec;
  const rules = Array.isArray(spec?.rules) ? (spec.rules as Array<Record<string, unknown>>) : [];
  return rules.map((r) => {
    const http = (r.http ?? {}) as { paths?: Array<Record<string, unknown>> };
    const paths = (Array.isArray(http.paths) ? http.paths : []).map((p) => ({
      ing,
      pathType: typeof p.pathType === 'string' ? p.pathType : 'ImplementationSpecific',
      path: typeof p.path === 'string' && p.path !== '' ? p.path : '/',
      backend: p.backend as Backend | undefined,
    }));
    return { host: typeof r.host === 'string' ? r.host.toLowerCase() : '', paths };
  });
}

function defaultBackendOf(ing: KObject): Backend | undefined {
  return (ing as { spec?: { defaultBackend?: Backend } }).spec?.defaultBackend;
}

function toRoute(ing: KObject, b: Backend | undefined): IngressRoute | DefaultBackend {
  const svc = b?.service;
  if (!svc?.name) return 'default-backend'; // resource backends are not served by ingress-nginx
  const port = svc.port?.number ?? svc.port?.name ?? 80;
  return { namespace: ing.metadata.namespace ?? 'default', ingress: ing.metadata.name ?? '', service: svc.name, port };
}

/** The server (virtual host) a request lands in: exact host, else a wildcard one, else `''`. */
export function selectServer(ingresses: readonly KObject[], host: string): string {
  const h = normalizeHost(host);
  const hosts = new Set<string>();
  for (const ing of ingresses) for (const r of rulesOf(ing)) if (r.host !== '') hosts.add(r.host);
  if (hosts.has(h)) return h;
  for (const p of hosts) if (p.startsWith('*.') && hostMatches(p, h)) return p;
  return '';
}

/**
 * Routes a request as ingress-nginx does over the Ingresses of its class:
 * - the server: a rule with exactly the request's host, else a wildcard rule covering it, else the
 *   rules without a host (the catch-all server);
 * - in that server, an Exact path equal to the request path wins; else the longest matching Prefix
 *   by path elements (ImplementationSpecific is treated as Prefix); on a tie the oldest Ingress;
 * - no path matches: the `defaultBackend` of an Ingress defining that server (for the catch-all,
 *   of any Ingress), else the controller's own default backend (a 404 page).
 * Example: paths `/` (Prefix, svc a) and `/api` (Prefix, svc b): `/api/v1` -> b, `/apix` -> a.
 */
export function routeIngress(ingresses: readonly KObject[], host: string, path: string): IngressRoute | DefaultBackend {
  const sorted = sortIngresses(ingresses);
  const server = selectServer(sorted, host);
  const reqPath = (path.split(/[?#]/)[0] ?? '') || '/';
  const locations: Location[] = [];
  const owners: KObject[] = [];
  for (const ing of sorted) {
    let owns = false;
    for (const r of rulesOf(ing)) {
      if (r.host !== server) continue;
      owns = true;
      locations.push(...r.paths);
    }
    if (owns) owners.push(ing);
  }
  const exact = locations.find((l) => l.pathType === 'Exact' && l.path === reqPath);
  if (exact) return toRoute(exact.ing, exact.backend);
  let best: Location | undefined;
  let bestLen = -1;
  for (const l of locations) {
    if (l.pathType === 'Exact' || !prefixMatches(l.path, reqPath)) continue;
    const len = elements(l.path).length;
    if (len > bestLen) {
      best = l;
      bestLen = len;
    }
  }
  if (best) return toRoute(best.ing, best.backend);
  const fallbackFrom = server === '' ? sorted : owners;
  for (const ing of fallbackFrom) {
    const b = defaultBackendOf(ing);
    if (b) return toRoute(ing, b);
  }
  return 'default-backend';
}

/**
 * The TLS Secret (`namespace/name`) that serves `host` over HTTPS, or undefined when the host is
 * not listed in any `spec.tls[].hosts` (or lists no secretName): the default certificate then.
 */
export function tlsSecretFor(ingresses: readonly KObject[], host: string): string | undefined {
  const h = normalizeHost(host);
  for (const ing of sortIngresses(ingresses)) {
    const tls = (ing as { spec?: { tls?: Array<{ hosts?: string[]; secretName?: string }> } }).spec?.tls ?? [];
    for (const t of tls) {
      if (!(t.hosts ?? []).some((p) => hostMatches(p.toLowerCase(), h))) continue;
      return t.secretName ? `${ing.metadata.namespace ?? 'default'}/${t.secretName}` : undefined;
    }
  }
  return undefined;
}

/**
 * ingress-nginx's default backend page (404), byte for byte as nginx writes it (CRLF line ends).
 * The image catalog's controller image answers unmatched requests with it.
 */
export const DEFAULT_BACKEND_404 =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
