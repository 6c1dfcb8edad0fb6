// The engine's own API client: controllers, the scheduler and kubelets talk to the apiserver
// only through it, with REST-shaped requests, exactly like client-go talks HTTP.

import type { ResourceType } from '../api/registry';
import type { KList, KObject, Status } from '../api/types';
import type { ReadApiServer } from '../apiserver/read-server';
import { resourcePath, resourceRequestPath, type ApiRequest, type WatchHandle, type WatchSink } from '../apiserver/request';
import { ApiError } from '../apiserver/status';

export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
}

export class EngineClient {
  /** The full ApiServer, or the read-only one a restored cluster's reads are served by first. */
  constructor(private readonly server: Pick<ReadApiServer, 'handle' | 'watch'>) {}

  private call(req: ApiRequest): unknown {
    const res = this.server.handle(req);
    if (res.status >= 400) throw new ApiError(res.body as Status);
    return res.body;
  }

  private path(t: ResourceType, ns: string | undefined, name?: string, subresource?: string): string {
    return resourcePath({ group: t.group, version: t.version, namespace: t.namespaced ? ns : undefined, plural: t.plural, name, subresource });
  }

  /** A request with its path parsed already (ApiRequest.target): the server skips parsing it. */
  private req(method: ApiRequest['method'], t: ResourceType, ns: string | undefined, name?: string, subresource?: string): ApiRequest {
    const { path, target } = resourceRequestPath({ group: t.group, version: t.version, namespace: t.namespaced ? ns : undefined, plural: t.plural, name, subresource });
    return { method, path, target };
  }

  /** The object, or undefined when it does not exist. */
  get(t: ResourceType, ns: string | undefined, name: string): KObject | undefined {
    const res = this.server.handle(this.req('GET', t, ns, name));
    if (res.status === 404) return undefined;
    if (res.status >= 400) throw new ApiError(res.body as Status);
    return res.body as KObject;
  }

  list(t: ResourceType, ns?: string, q: ListQuery = {}): KList {
    const req = this.req('GET', t, ns);
    req.query = { ...q };
    return this.call(req) as KList;
  }

  /**
   * `handOver`: obj is a fresh object the caller will neither read nor change again (it may end
   * up stored and frozen as is, which saves copying what components build just to create it).
   */
  create(t: ResourceType, obj: KObject, handOver = false): KObject {
    const req = this.req('POST', t, obj.metadata.namespace);
    req.body = obj;
    if (handOver) req.handOver = true;
    return this.call(req) as KObject;
  }

  update(t: ResourceType, obj: KObject, subresource?: string, handOver = false): KObject {
    const req = this.req('PUT', t, obj.metadata.namespace, obj.metadata.name, subresource);
    req.body = obj;
    if (handOver) req.handOver = true;
    return this.call(req) as KObject;
  }

  /** POSTs to a subresource (`binding`, `eviction`) and returns the answer. */
  post(t: ResourceType, ns: string | undefined, name: string, subresource: string, body: unknown): unknown {
    const req = this.req('POST', t, ns, name, subresource);
    req.body = body;
    return this.call(req);
  }

  /** `handOver` as for create: obj's status (and top-level metadata object) may be stored as is. */
  updateStatus(t: ResourceType, obj: KObject, handOver = false): KObject {
    return this.update(t, obj, 'status', handOver);
  }

  patch(t: ResourceType, ns: string | undefined, name: string, patch: unknown, type = 'application/merge-patch+json', subresource?: string): KObject {
    const req = this.req('PATCH', t, ns, name, subresource);
    req.body = patch;
    req.contentType = type;
    return this.call(req) as KObject;
  }

  /** Deletes; NotFound is not an error here (the goal is reached). */
  delete(t: ResourceType, ns: string | undefined, name: string, opts: { propagationPolicy?: string; gracePeriodSeconds?: number; uid?: string } = {}): void {
    const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
    if (opts.propagationPolicy) body.propagationPolicy = opts.propagationPolicy;
    if (opts.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = opts.gracePeriodSeconds;
    if (opts.uid) body.preconditions = { uid: opts.uid };
    const req = this.req('DELETE', t, ns, name);
    req.body = body;
    const res = this.server.handle(req);
    if (res.status >= 400 && res.status !== 404) throw new ApiError(res.body as Status);
  }

  watch(t: ResourceType, ns: string | undefined, sink: WatchSink, resourceVersion?: string, q: ListQuery = {}): WatchHandle {
    return this.server.watch({ method: 'GET', path: this.path(t, ns), query: { watch: 'true', resourceVersion, ...q } }, sink);
  }
}
