// A simulated HTTP request over the cluster network: resolve the host (cluster DNS from a pod,
// IP literals from outside), route through kube-proxy, deliver to the chosen pod's container and
// return its answer, or the failure curl/wget turn into their own error texts.

import type { HttpRequest, HttpResponse } from '../kubelet/process';
import type { NetResult } from '../kubelet/shell/state';
import { splitUrl } from '../kubelet/shell/net';
import { isIPv4, resolve, answer } from './dns';
import type { KubeProxy } from './proxy';
import type { NetworkView, PodPlace } from './view';

/** Delivers a request to a pod's container; undefined when the pod's node does not answer. */
export type Deliver = (pod: PodPlace, req: HttpRequest) => HttpResponse | 'refused' | undefined;

export interface RequestOptions {
  /** The pod the request leaves from (cluster DNS with its search path); absent = outside the cluster. */
  fromPod?: { namespace: string; ip: string };
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The source address seen by servers and session affinity (default: the pod IP, or OUTSIDE_IP). */
  clientIP?: string;
}

/** The address outside traffic comes from (the kind network's gateway, where a learner's shell sits). */
export const OUTSIDE_IP = '172.18.0.1';

export interface HttpContext {
  view: NetworkView;
  proxy: KubeProxy;
  deliver: Deliver;
}

/** Resolves `host` to one IPv4 address, following a CNAME inside the cluster zone once. */
export function resolveHost(view: NetworkView, host: string, fromNamespace: string | undefined): string | undefined {
  if (isIPv4(host)) return host;
  if (fromNamespace === undefined) return undefined;
  let a = resolve(view, host, fromNamespace);
  if (a.kind === 'CNAME') a = answer(view, a.target);
  return a.kind === 'A' ? a.addresses[0] : undefined;
}

/** Performs `method url` and returns what the client sees (the NetResult the shell's curl/wget print from). */
export function request(ctx: HttpContext, url: string, opts: RequestOptions = {}): NetResult {
  const u = splitUrl(url);
  const ip = resolveHost(ctx.view, u.host, opts.fromPod?.namespace);
  if (ip === undefined) return { ok: false, error: 'unresolved', host: u.host, port: u.port };
  if (u.scheme !== 'http') {
    // No simulated TLS: a plain listener answers the handshake with garbage; treat as refused.
    return { ok: false, error: 'refused', host: u.host, ip, port: u.port };
  }
  const clientIP = opts.clientIP ?? opts.fromPod?.ip ?? OUTSIDE_IP;
  const route = ctx.proxy.route(ip, u.port, clientIP);
  if (route.kind === 'unreachable') return { ok: false, error: 'timeout', host: u.host, ip, port: u.port };
  if (route.kind === 'refused') return { ok: false, error: 'refused', host: u.host, ip, port: u.port };
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const hostHeader = Object.keys(headers).find((k) => k.toLowerCase() === 'host');
  const host = hostHeader ? headers[hostHeader] : `${u.host}${u.port !== 80 ? ':' + u.port : ''}`;
  if (!hostHeader) headers.Host = host;
  const req: HttpRequest = { method: opts.method ?? 'GET', path: u.path, port: route.port, host, headers, clientIP };
  if (opts.body !== undefined) req.body = opts.body;
  const res = ctx.deliver(route.pod, req);
  if (res === undefined) return { ok: false, error: 'timeout', host: u.host, ip, port: u.port };
  if (res === 'refused') return { ok: false, error: 'refused', host: u.host, ip, port: u.port };
  return { ok: true, status: res.status, headers: res.headers, body: res.body, ip };
}
