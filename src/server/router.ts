// Routes one HTTP request: kubeplay control endpoints, OpenAPI v3, aggregated discovery, watches,
// and every other API path through ApiServer.handle, answering JSON with upstream's status codes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cluster } from '../engine/cluster';
import { AGGREGATED_DISCOVERY_V2, aggregatedDiscovery, wantsAggregatedDiscovery } from '../engine/apiserver/aggregated-discovery';
import type { ApiRequest, Method } from '../engine/apiserver/request';
import { statusFailure } from '../engine/apiserver/status';
import { decodeBody } from './body';
import type { ClockDriver } from './clock-driver';
import { MAX_BODY_BYTES, parseQuery, readBody, sendJson, sendStatus } from './http-util';
import { handleKubeplay } from './kubeplay-api';
import { serveOpenApiV2 } from './openapi-v2';
import type { OpenApiV3 } from './openapi';
import { isPodLog, servePodLog } from './pod-logs';
import { isWatch, serveWatch } from './watch';

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** What the router needs from the running server. */
export interface RouterContext {
  cluster: Cluster;
  driver: ClockDriver;
  openapi: OpenApiV3;
  maxBodyBytes?: number;
  maxWatchBufferBytes?: number;
  /** Open watch connections, for the bound and for tests. */
  watches: { count: number };
}

const notFound = () => statusFailure(404, 'NotFound', 'the server could not find the requested resource');

/** Handles a request end to end; never throws (internal failures become a 500 Status). */
export async function route(ctx: RouterContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await dispatch(ctx, req, res);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (!res.headersSent) sendStatus(res, statusFailure(500, 'InternalError', `Internal error occurred: ${msg}`));
    else res.destroy();
  }
}

async function dispatch(ctx: RouterContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://kubeplay');
  const path = url.pathname;
  const query = parseQuery(url.searchParams);
  const method = (req.method ?? 'GET').toUpperCase();

  if (path.startsWith('/kubeplay/')) {
    if (!handleKubeplay(method, path, query, ctx.driver, res)) sendStatus(res, notFound());
    return;
  }
  if (path === '/healthz' || path === '/livez' || path === '/readyz') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('ok');
    return;
  }
  if (path === '/openapi/v2' || path === '/openapi/v2/') {
    req.resume();
    if (method !== 'GET') return sendStatus(res, statusFailure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
    return serveOpenApiV2(header(req, 'accept'), res);
  }
  if (path === '/openapi/v3' || path === '/openapi/v3/') {
    sendJson(res, 200, await ctx.openapi.index());
    return;
  }
  if (path.startsWith('/openapi/v3/')) {
    const blob = await ctx.openapi.document(path.slice('/openapi/v3/'.length));
    if (!blob) return sendStatus(res, notFound());
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': blob.bytes.length, Etag: `"${blob.hash}"` });
    res.end(blob.bytes);
    return;
  }
  const accept = header(req, 'accept');
  if (method === 'GET' && (path === '/api' || path === '/apis' || path === '/api/' || path === '/apis/') && wantsAggregatedDiscovery(accept)) {
    const root = path.startsWith('/apis') ? 'apis' : 'api';
    sendJson(res, 200, aggregatedDiscovery(ctx.cluster.registry, root), AGGREGATED_DISCOVERY_V2);
    return;
  }
  if (!(path === '/version' || path === '/version/' || path === '/api' || path.startsWith('/api/') || path === '/apis' || path.startsWith('/apis/'))) {
    req.resume();
    return sendStatus(res, notFound());
  }
  if (!METHODS.has(method)) {
    req.resume();
    return sendStatus(res, statusFailure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
  }

  const raw = await readBody(req, ctx.maxBodyBytes ?? MAX_BODY_BYTES);
  if (!raw.ok) {
    res.setHeader('Connection', 'close');
    return sendStatus(res, raw.status);
  }
  const contentType = header(req, 'content-type');
  const decoded = decodeBody(raw.body, contentType);
  if (!decoded.ok) return sendStatus(res, decoded.status);
  const apiReq: ApiRequest = { method: method as Method, path, query, body: decoded.body, contentType, accept };

  if (method === 'GET' && isWatch(query)) {
    ctx.watches.count++;
    serveWatch(ctx.cluster.server, apiReq, res, {
      maxBufferBytes: ctx.maxWatchBufferBytes,
      onEnd: () => void ctx.watches.count--,
    });
    return;
  }
  if (isPodLog(method, path)) return servePodLog(ctx.cluster, apiReq, res);
  const answer = ctx.cluster.server.handle(apiReq);
  // Let controllers react at this instant, as they would right after a real write.
  if (method !== 'GET') ctx.cluster.settle();
  // Warnings travel as RFC 7234 Warning headers (code 299), which client-go prints as `Warning: ...`.
  for (const w of answer.warnings ?? []) res.appendHeader('Warning', `299 - ${JSON.stringify(w)}`);
  sendJson(res, answer.status, answer.body);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}
