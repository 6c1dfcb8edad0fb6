// Typed calls over the transport for kubectl commands: each returns the decoded body or throws
// a StatusError carrying the server's Status, as client-go's REST client does.

import type { KList, KObject, Status } from '../engine/api/types';
import { resourcePath, type ApiRequest, type WatchHandle, type WatchSink } from '../engine/apiserver/request';
import { StatusError } from './errors';
import type { Transport } from './transport';
import type { Mapping } from './discovery';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export interface Query {
  [k: string]: string | undefined;
}

export class Api {
  /** `fieldValidation` sent with writes (from --validate), when the command has that flag. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';

  constructor(
    private readonly transport: Transport,
    /** Prints a server warning (`Warning: ...` on stderr, as client-go's warning handler). */
    private readonly onWarning: (w: string) => void = () => {},
  ) {}

  async call(req: ApiRequest): Promise<unknown> {
    if (this.fieldValidation && (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH')) {
      req = { ...req, query: { fieldValidation: this.fieldValidation, ...req.query } };
    }
    const res = await this.transport.request(req);
    for (const w of res.warnings ?? []) this.onWarning(w);
    if (res.status >= 400) {
      const body = res.body as Status;
      if (body && typeof body === 'object' && (body as { kind?: string }).kind === 'Status') throw new StatusError(body);
      throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: res.status, message: String(res.body) });
    }
    return res.body;
  }

  path(m: Mapping, ns: string | undefined, name?: string, sub?: string): string {
    return resourcePath({ group: m.group, version: m.version, namespace: m.namespaced ? ns : undefined, plural: m.plural, name, subresource: sub });
  }

  get(m: Mapping, ns: string | undefined, name: string, query: Query = {}, accept?: string): Promise<KObject> {
    return this.call({ method: 'GET', path: this.path(m, ns, name), query, accept }) as Promise<KObject>;
  }

  list(m: Mapping, ns: string | undefined, query: Query = {}, accept?: string): Promise<KList> {
    return this.call({ method: 'GET', path: this.path(m, ns), query, accept }) as Promise<KList>;
  }

  create(m: Mapping, ns: string | undefined, obj: unknown, query: Query = {}): Promise<KObject> {
    return this.call({ method: 'POST', path: this.path(m, ns), body: obj, query }) as Promise<KObject>;
  }

  replace(m: Mapping, ns: string | undefined, name: string, obj: unknown, query: Query = {}, sub?: string): Promise<KObject> {
    return this.call({ method: 'PUT', path: this.path(m, ns, name, sub), body: obj, query }) as Promise<KObject>;
  }

  patch(m: Mapping, ns: string | undefined, name: string, patch: unknown, contentType: string, query: Query = {}, sub?: string): Promise<KObject> {
    return this.call({ method: 'PATCH', path: this.path(m, ns, name, sub), body: patch, contentType, query }) as Promise<KObject>;
  }

  delete(m: Mapping, ns: string | undefined, name: string, options: Record<string, unknown> = {}, query: Query = {}): Promise<KObject> {
    return this.call({ method: 'DELETE', path: this.path(m, ns, name), body: { kind: 'DeleteOptions', apiVersion: 'v1', ...options }, query }) as Promise<KObject>;
  }

  raw(method: ApiRequest['method'], path: string, query: Query = {}, accept?: string): Promise<unknown> {
    return this.call({ method, path, query, accept });
  }

  async watch(m: Mapping, ns: string | undefined, query: Query, sink: WatchSink, accept?: string): Promise<WatchHandle> {
    const r = await this.transport.watch({ method: 'GET', path: this.path(m, ns), query: { ...query, watch: 'true' }, accept }, sink);
    if ('status' in r && typeof (r as { status: unknown }).status === 'number') throw new StatusError((r as { body: Status }).body);
    return r as WatchHandle;
  }
}
