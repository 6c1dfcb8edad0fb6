// The apiserver: takes HTTP-shaped requests (method, path, query, body, content type, accept)
// and answers as the real one does (objects, Lists, Tables, Status errors, watch streams).

import { groupVersion, type ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import type { ServerContext } from './context';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery';
import { deleteObject, deleteOptionsFrom } from './handlers/delete';
import { patchObject } from './handlers/patch';
import { getObject, listObjects, watchObjects, type ListOptions } from './handlers/read';
import { getScale, updateScale, patchScale } from './handlers/scale';
import { createObject, updateObject, type WriteOptions } from './handlers/write';
import { bindPod, evictPod } from './handlers/pod-binding';
import { getNodeMetrics, getPodMetrics } from './handlers/metrics';
import { followPodLog, podExec, podLog } from './handlers/pod-subresources';
import { NodeAgents } from '../kubelet/agents';
import { fieldValidationMode } from './field-validation';
import { conversionFor } from '../api/conversion';
import { handleConverted, watchConverted } from '../api/conversion/serve';
import { parsePath, wantsTable, type ApiRequest, type ApiResponse, type ResourcePath, type WatchHandle, type WatchSink } from './request';
import { ApiError, badRequest, methodNotAllowed, pathNotFound, statusFailure } from './status';
import { toTable, type IncludeObject } from './table';

/** What /version answers (a v1.32.4 apiserver). */
export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export class ApiServer {
  constructor(readonly ctx: ServerContext) {}

  /** Handles one request; errors come back as Status bodies with their HTTP code, never as throws. */
  handle(req: ApiRequest): ApiResponse {
    try {
      // Parsed once: conversion and routing both look at the path.
      const parsed = parsePath(req.path);
      const conv = this.conversion(req, parsed);
      if (conv) return handleConverted(conv, req, (r) => this.route(r));
      return this.route(req, parsed);
    } catch (e) {
      if (e instanceof ApiError) return { status: e.status.code, body: e.status };
      const msg = e instanceof Error ? e.message : String(e);
      return { status: 500, body: statusFailure(500, 'InternalError', `Internal error occurred: ${msg}`) };
    }
  }

  /** Starts a watch (`?watch=true` requests). Throws ApiError for a bad request or 410 Gone. */
  watch(req: ApiRequest, sink: WatchSink): WatchHandle {
    const conv = this.conversion(req);
    if (conv) return watchConverted(conv, req, sink, (r, s) => this.watch(r, s));
    const parsed = parsePath(req.path);
    if (parsed.kind !== 'resource') throw pathNotFound();
    const { t, path } = this.resolve(parsed.path);
    if (path.subresource) throw methodNotAllowed();
    const q = req.query ?? {};
    const opts = listOptions(q);
    if (path.name !== undefined) opts.fieldSelector = [`metadata.name=${path.name}`, opts.fieldSelector].filter(Boolean).join(',');
    if (!wantsTable(req.accept)) return watchObjects(this.ctx, t, path.namespace, opts, sink);
    const include = (q.includeObject as IncludeObject | undefined) ?? 'Metadata';
    return watchObjects(this.ctx, t, path.namespace, opts, {
      onEvent: (e) => {
        const obj = e.object as KObject;
        sink.onEvent({ type: e.type, object: toTable(this.ctx, t, [obj], { resourceVersion: obj.metadata.resourceVersion }, include, true) as unknown as KObject });
      },
      onClose: sink.onClose,
    });
  }

  /** A request to a version served through conversion from the storage version (autoscaling/v1). */
  private conversion(req: ApiRequest, parsed = parsePath(req.path)) {
    if (parsed.kind !== 'resource') return undefined;
    const t = this.ctx.registry.forResource(parsed.path.group, parsed.path.version, parsed.path.plural);
    return t ? conversionFor(t) : undefined;
  }

  private resolve(p: ResourcePath): { t: ResourceType; path: ResourcePath } {
    const t = this.ctx.registry.forResource(p.group, p.version, p.plural);
    if (!t) throw pathNotFound();
    if (!t.namespaced && p.namespace !== undefined) throw pathNotFound();
    if (p.subresource && !t.subresources.includes(p.subresource)) throw pathNotFound();
    return { t, path: p };
  }

  private route(req: ApiRequest, parsed = parsePath(req.path)): ApiResponse {
    if (parsed.kind === 'version') return ok(SERVER_VERSION);
    if (parsed.kind === 'discovery') {
      if (req.method !== 'GET') throw methodNotAllowed();
      const reg = this.ctx.registry;
      const doc =
        parsed.what === 'api' ? apiVersions()
        : parsed.what === 'apis' ? apiGroupList(reg)
        : parsed.what === 'group' ? apiGroup(reg, parsed.group!)
        : apiResourceList(reg, parsed.group!, parsed.version!);
      if (doc === undefined) throw pathNotFound();
      return ok(doc);
    }
    if (parsed.kind !== 'resource') throw pathNotFound();
    const { t, path } = this.resolve(parsed.path);
    const q = req.query ?? {};
    const dryRun = parseDryRun(q.dryRun);
    const ns = t.namespaced ? path.namespace : undefined;
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
      case 'GET': {
        if (q.watch === 'true' || q.watch === '1') throw badRequest('watch requests must be made through watch()');
        if (path.name !== undefined) {
          const obj = getObject(this.ctx, t, ns, path.name);
          return ok(wantsTable(req.accept) ? this.table(req, t, [obj], { resourceVersion: obj.metadata.resourceVersion }) : obj);
        }
        const list = listObjects(this.ctx, t, ns, listOptions(q));
        return ok(wantsTable(req.accept) ? this.table(req, t, list.items, list.metadata) : list);
      }
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

  private table(req: ApiRequest, t: ResourceType, objs: KObject[], meta: { resourceVersion?: string; continue?: string }): unknown {
    const include = (req.query?.includeObject as IncludeObject | undefined) ?? 'Metadata';
    return toTable(this.ctx, t, objs, meta, include);
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

function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

function parseDryRun(v: string | undefined): boolean {
  if (v === undefined || v === '') return false;
  if (v === 'All') return true;
  throw badRequest(`Invalid dry run value: ${v}`);
}

function listOptions(q: Record<string, string | undefined>): ListOptions {
  const limit = q.limit !== undefined ? Number(q.limit) : undefined;
  return {
    labelSelector: q.labelSelector,
    fieldSelector: q.fieldSelector,
    limit: limit !== undefined && !Number.isNaN(limit) ? limit : undefined,
    continue: q.continue,
    resourceVersion: q.resourceVersion,
  };
}
