// The apiserver's read side: /version, discovery, get/list (objects or Tables) and watches, over
// a loaded store. ApiServer (server.ts) extends it with writes, subresources and conversion; on its
// own it serves a restored cluster's reads before the rest of the engine has loaded.

import type { ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import { conversionFor } from '../api/conversion/index';
import type { ReadContext } from './context';
import { apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery';
import { getObject, listObjects, watchObjects, type ListOptions } from './handlers/read';
import { parsePath, requestPath, wantsTable, type ApiRequest, type ApiResponse, type ResourcePath, type WatchHandle, type WatchSink } from './request';
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

/**
 * Thrown by a read-only server for a request only the full ApiServer answers (a write, a
 * subresource, metrics, a version served through conversion): the caller retries it there.
 */
export class NotServedHere extends Error {
  constructor(what: string) {
    super(`not served by the read-only apiserver: ${what}`);
    this.name = 'NotServedHere';
  }
}

export class ReadApiServer {
  constructor(readonly ctx: ReadContext) {}

  /** Handles one request; errors come back as Status bodies with their HTTP code, never as throws. */
  handle(req: ApiRequest): ApiResponse {
    try {
      return this.serve(req);
    } catch (e) {
      if (e instanceof NotServedHere) throw e;
      if (e instanceof ApiError) return { status: e.status.code, body: e.status };
      const msg = e instanceof Error ? e.message : String(e);
      return { status: 500, body: statusFailure(500, 'InternalError', `Internal error occurred: ${msg}`) };
    }
  }

  /** Starts a watch (`?watch=true` requests). Throws ApiError for a bad request or 410 Gone. */
  watch(req: ApiRequest, sink: WatchSink): WatchHandle {
    const parsed = parsePath(req.path);
    if (parsed.kind !== 'resource') throw pathNotFound();
    const { t, path } = this.resolve(parsed.path);
    if (path.subresource) throw methodNotAllowed();
    this.checkServed(req, t, path, 'GET');
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

  /** One request, errors thrown; ApiServer first sends versions served through conversion aside. */
  protected serve(req: ApiRequest): ApiResponse {
    return this.route(req, requestPath(req));
  }

  protected resolve(p: ResourcePath): { t: ResourceType; path: ResourcePath } {
    const t = this.ctx.registry.forResource(p.group, p.version, p.plural);
    if (!t) throw pathNotFound();
    if (!t.namespaced && p.namespace !== undefined) throw pathNotFound();
    if (p.subresource && !t.subresources.includes(p.subresource)) throw pathNotFound();
    return { t, path: p };
  }

  protected route(req: ApiRequest, parsed = parsePath(req.path)): ApiResponse {
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
    return this.resource(req, t, t.namespaced ? path.namespace : undefined, path);
  }

  /** A request for resource `t`: here only plain GETs of objects and lists. */
  protected resource(req: ApiRequest, t: ResourceType, ns: string | undefined, path: ResourcePath): ApiResponse {
    this.checkServed(req, t, path);
    return this.read(req, t, ns, path);
  }

  /** Refuses what only the full server can answer (it overrides this to refuse nothing). */
  protected checkServed(req: ApiRequest, t: ResourceType, path: ResourcePath, method = req.method): void {
    if (method !== 'GET') throw new NotServedHere(`${method} ${req.path}`);
    if (path.subresource || t.group === 'metrics.k8s.io' || conversionFor(t)) throw new NotServedHere(req.path);
  }

  /** GET of one object or a list, as objects or as a Table. */
  protected read(req: ApiRequest, t: ResourceType, ns: string | undefined, path: ResourcePath): ApiResponse {
    const q = req.query ?? {};
    if (q.watch === 'true' || q.watch === '1') throw badRequest('watch requests must be made through watch()');
    if (path.name !== undefined) {
      const obj = getObject(this.ctx, t, ns, path.name);
      return ok(wantsTable(req.accept) ? this.table(req, t, [obj], { resourceVersion: obj.metadata.resourceVersion }) : obj);
    }
    const list = listObjects(this.ctx, t, ns, listOptions(q));
    return ok(wantsTable(req.accept) ? this.table(req, t, list.items, list.metadata) : list);
  }

  private table(req: ApiRequest, t: ResourceType, objs: KObject[], meta: { resourceVersion?: string; continue?: string }): unknown {
    const include = (req.query?.includeObject as IncludeObject | undefined) ?? 'Metadata';
    return toTable(this.ctx, t, objs, meta, include);
  }
}

export function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

export function listOptions(q: Record<string, string | undefined>): ListOptions {
  const limit = q.limit !== undefined ? Number(q.limit) : undefined;
  return {
    labelSelector: q.labelSelector,
    fieldSelector: q.fieldSelector,
    limit: limit !== undefined && !Number.isNaN(limit) ? limit : undefined,
    continue: q.continue,
    resourceVersion: q.resourceVersion,
  };
}
