// The engine's own API client: controllers, the scheduler and kubelets talk to the apiserver
// only through it, with REST-shaped requests, exactly like client-go talks HTTP.

import type { ResourceType } from '../api/registry';
import type { KList, KObject, Status } from '../api/types';
import type { ReadApiServer } from '../apiserver/read-server';
import { resourcePath, type ApiRequest, type WatchHandle, type WatchSink } from '../apiserver/request';
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

  /** The object, or undefined when it does not exist. */
  get(t: ResourceType, ns: string | undefined, name: string): KObject | undefined {
    const res = this.server.handle({ method: 'GET', path: this.path(t, ns, name) });
    if (res.status === 404) return undefined;
    if (res.status >= 400) throw new ApiError(res.body as Status);
    return res.body as KObject;
  }

  list(t: ResourceType, ns?: string, q: ListQuery = {}): KList {
    return this.call({ method: 'GET', path: this.path(t, ns), query: { ...q } }) as KList;
  }

  /**
   * `handOver`: obj is a fresh object the caller will neither read nor change again (it may end
   * up stored and frozen as is, which saves copying what components build just to create it).
   */
  create(t: ResourceType, obj: KObject, handOver = false): KObject {
    const req: ApiRequest = { method: 'POST', path: this.path(t, obj.metadata.namespace), body: obj };
    if (handOver) req.handOver = true;
    return this.call(req) as KObject;
  }

  update(t: ResourceType, obj: KObject, subresource?: string, handOver = false): KObject {
    const req: ApiRequest = { method: 'PUT', path: this.path(t, obj.metadata.namespace, obj.metadata.name, subresource), body: obj };
    if (handOver) req.handOver = true;
    return this.call(req) as KObject;
  }

  /** POSTs to a subresource (`binding`, `eviction`) and returns the answer. */
  post(t: ResourceType, ns: string | undefined, name: string, subresource: string, body: unknown): unknown {
    return this.call({ method: 'POST', path: this.path(t, ns, name, subresource), body });
  }

  /** `handOver` as for create: obj's status (and top-level metadata object) may be stored as is. */
  updateStatus(t: ResourceType, obj: KObject, handOver = false): KObject {
    return this.update(t, obj, 'status', handOver);
  }

  patch(t: ResourceType, ns: string | undefined, name: string, patch: unknown, type = 'application/merge-patch+json', subresource?: string): KObject {
    return this.call({ method: 'PATCH', path: this.path(t, ns, name, subresource), body: patch, contentType: type }) as KObject;
  }

  /** Deletes; NotFound is not an error here (the goal is reached). */
  delete(t: ResourceType, ns: string | undefined, name: string, opts: { propagationPolicy?: string; gracePeriodSeconds?: number; uid?: string } = {}): void {
    const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
    if (opts.propagationPolicy) body.propagationPolicy = opts.propagationPolicy;
    if (opts.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = opts.gracePeriodSeconds;
    if (opts.uid) body.preconditions = { uid: opts.uid };
    const res = this.server.handle({ method: 'DELETE', path: this.path(t, ns, name), body });
    if (res.status >= 400 && res.status !== 404) throw new ApiError(res.body as Status);
  }

  watch(t: ResourceType, ns: string | undefined, sink: WatchSink, resourceVersion?: string, q: ListQuery = {}): WatchHandle {
    return this.server.watch({ method: 'GET', path: this.path(t, ns), query: { watch: 'true', resourceVersion, ...q } }, sink);
  }
}
