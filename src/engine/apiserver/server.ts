// The apiserver: takes HTTP-shaped requests (method, path, query, body, content type, accept)
// and answers as the real one does (objects, Lists, Tables, Status errors, watch streams). The
// read side (discovery, get/list, watch) is ReadApiServer's; this adds writes, subresources and
// versions served through conversion.

import { groupVersion, type ResourceType } from '../api/registry';
import { deleteObject, deleteOptionsFrom } from './handlers/delete';
import { patchObject } from './handlers/patch';
import { listObjects } from './handlers/read';
import { getScale, updateScale, patchScale } from './handlers/scale';
import { createObject, updateObject, type WriteOptions } from './handlers/write';
import { bindPod, evictPod } from './handlers/pod-binding';
import { getNodeMetrics, getPodMetrics } from './handlers/metrics';
import { followPodLog, podExec, podLog } from './handlers/pod-subresources';
import { NodeAgents } from '../kubelet/agents';
import { fieldValidationMode } from './field-validation';
import { conversionFor } from '../api/conversion';
import { handleConverted, watchConverted } from '../api/conversion/serve';
import { parsePath, requestPath, type ApiRequest, type ApiResponse, type ResourcePath, type WatchHandle, type WatchSink } from './request';
import { badRequest, methodNotAllowed, pathNotFound } from './status';
import type { ServerContext } from './context';
import { listOptions, ok, ReadApiServer } from './read-server';

export { SERVER_VERSION } from './read-server';

export class ApiServer extends ReadApiServer {
  constructor(override readonly ctx: ServerContext) {
    super(ctx);
  }

  /** Starts a watch (`?watch=true` requests). Throws ApiError for a bad request or 410 Gone. */
  override watch(req: ApiRequest, sink: WatchSink): WatchHandle {
    const conv = this.conversion(req);
    if (conv) return watchConverted(conv, req, sink, (r, s) => this.watch(r, s));
    return super.watch(req, sink);
  }

  protected override serve(req: ApiRequest): ApiResponse {
    // Parsed once: conversion and routing both look at the path.
    const parsed = requestPath(req);
    const conv = this.conversion(req, parsed);
    // The storage version's requests are built from the path alone (a target would be stale).
    if (conv) return handleConverted(conv, req.target !== undefined ? { ...req, target: undefined } : req, (r) => super.serve(r));
    return this.route(req, parsed);
  }

  /** The full server answers everything the read side would refuse. */
  protected override checkServed(): void {}

  /** A request to a version served through conversion from the storage version (autoscaling/v1). */
  private conversion(req: ApiRequest, parsed = parsePath(req.path)) {
    if (parsed.kind !== 'resource') return undefined;
    const t = this.ctx.registry.forResource(parsed.path.group, parsed.path.version, parsed.path.plural);
    return t ? conversionFor(t) : undefined;
  }

  protected override resource(req: ApiRequest, t: ResourceType, ns: string | undefined, path: ResourcePath): ApiResponse {
    const q = req.query ?? {};
    const dryRun = parseDryRun(q.dryRun);
    if (path.subresource === 'scale') return this.scale(req, t, ns, path.name!, dryRun);
    if (t.group === 'metrics.k8s.io') {
      if (req.method !== 'GET') throw methodNotAllowed();
      return ok(t.kind === 'PodMetrics' ? getPodMetrics(this.ctx, ns, path.name, q) : getNodeMetrics(this.ctx, path.name, q));
    }
    if (t.group === '' && t.kind === 'Pod' && path.subresource && POD_ACTIONS.has(path.subresource)) {
      return this.podAction(req, t, ns!, path.name!, path.subresource);
    }
    const warnings: string[] = [];
    const writeOpts: WriteOptions = { dryRun, subresource: path.subresource, fieldValidation: fieldValidationMode(q.fieldValidation), warnings };
    if (req.handOver === true && (req.method === 'POST' || req.method === 'PUT')) writeOpts.handOver = true;
    const res = this.dispatch(req, t, ns, path, writeOpts);
    if (warnings.length) res.warnings = warnings;
    return res;
  }

  private dispatch(req: ApiRequest, t: ResourceType, ns: string | undefined, path: ResourcePath, writeOpts: WriteOptions): ApiResponse {
    const q = req.query ?? {};
    const dryRun = writeOpts.dryRun;
    switch (req.method) {
      case 'GET':
        return this.read(req, t, ns, path);
      case 'POST':
        if (path.name !== undefined) throw methodNotAllowed();
        if (t.namespaced && ns === undefined) throw pathNotFound();
        return { status: dryRun ? 200 : 201, body: createObject(this.ctx, t, ns, req.body, writeOpts) };
      case 'PUT':
        if (path.name === undefined) throw methodNotAllowed();
        return ok(updateObject(this.ctx, t, ns, path.name, req.body, writeOpts));
      case 'PATCH':
        if (path.name === undefined) throw methodNotAllowed();
        return ok(patchObject(this.ctx, t, ns, path.name, req.contentType, req.body, writeOpts));
      case 'DELETE': {
        const opts = deleteOptionsFrom(req.body, q);
        if (path.name !== undefined) return ok(deleteObject(this.ctx, t, ns, path.name, opts));
        const list = listObjects(this.ctx, t, ns, listOptions(q));
        const deleted = list.items.map((o) => deleteObject(this.ctx, t, o.metadata.namespace, o.metadata.name!, opts));
        return ok({ apiVersion: groupVersion(t), kind: t.listKind, metadata: { resourceVersion: String(this.ctx.store.currentRV()) }, items: deleted });
      }
    }
    throw methodNotAllowed();
  }

  /** pods/log, pods/exec, pods/binding, pods/eviction. */
  private podAction(req: ApiRequest, t: ResourceType, ns: string, name: string, sub: string): ApiResponse {
    const q = req.query ?? {};
    switch (sub) {
      case 'log':
        if (req.method !== 'GET') throw methodNotAllowed();
        return { status: 200, body: podLog(this.ctx, this.agents(), ns, name, q) };
      case 'exec': {
        if (req.method !== 'POST' && req.method !== 'GET') throw methodNotAllowed();
        const b = (req.body ?? {}) as { command?: string[]; container?: string; stdin?: string };
        const command = b.command ?? parseCommand(q.command);
        return { status: 200, body: podExec(this.ctx, this.agents(), ns, name, { container: b.container ?? q.container, command, stdin: b.stdin }) };
      }
      case 'binding':
        if (req.method !== 'POST') throw methodNotAllowed();
        return { status: 201, body: bindPod(this.ctx, t, ns, name, req.body) };
      case 'eviction':
        if (req.method !== 'POST') throw methodNotAllowed();
        return { status: 201, body: evictPod(this.ctx, t, ns, name, req.body) };
    }
    throw methodNotAllowed();
  }

  private agents(): NodeAgents {
    return this.ctx.agents ?? new NodeAgents();
  }

  /** Follows a pod's log (`logs -f`): the current text, then each new line, until stopped. */
  followLog(req: ApiRequest, onText: (text: string) => void): WatchHandle {
    const parsed = parsePath(req.path);
    if (parsed.kind !== 'resource' || parsed.path.subresource !== 'log' || !parsed.path.name) throw pathNotFound();
    return followPodLog(this.ctx, this.agents(), parsed.path.namespace ?? '', parsed.path.name, req.query ?? {}, onText);
  }

  private scale(req: ApiRequest, t: ResourceType, ns: string | undefined, name: string, dryRun: boolean): ApiResponse {
    switch (req.method) {
      case 'GET':
        return ok(getScale(this.ctx, t, ns, name));
      case 'PUT':
        return ok(updateScale(this.ctx, t, ns, name, req.body, dryRun));
      case 'PATCH':
        return ok(patchScale(this.ctx, t, ns, name, req.contentType, req.body, dryRun));
    }
    throw methodNotAllowed();
  }
}

const POD_ACTIONS = new Set(['log', 'exec', 'binding', 'eviction']);

/** `command` as a query parameter: a JSON array (our convention) or one word. */
function parseCommand(v: string | undefined): string[] {
  if (!v) return [];
  try {
    const parsed = JSON.parse(v);
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
  } catch {
    // a single word
  }
  return [v];
}

function parseDryRun(v: string | undefined): boolean {
  if (v === undefined || v === '') return false;
  if (v === 'All') return true;
  throw badRequest(`Invalid dry run value: ${v}`);
}
