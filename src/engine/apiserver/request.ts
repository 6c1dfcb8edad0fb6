// The request and response shapes of the apiserver: HTTP-shaped (method, path as the real API
// spells it, query, body, content type, accept), so an HTTP front can pass real requests through.

import type { WatchEvent } from '../api/types';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method: Method;
  /** `/apis/apps/v1/namespaces/default/deployments/web`, without the query string. */
  path: string;
  query?: Record<string, string | undefined>;
  /** A parsed JSON body, or raw text (YAML for apply patches). */
  body?: unknown;
  contentType?: string;
  accept?: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  /** Warnings for the client (the `Warning:` response headers upstream). */
  warnings?: string[];
}

export interface WatchSink {
  onEvent(e: WatchEvent): void;
  /** Called once if the server ends the watch (timeout, error). */
  onClose?(): void;
}

export interface WatchHandle {
  stop(): void;
}

/** A parsed resource path. */
export interface ResourcePath {
  group: string;
  version: string;
  namespace?: string;
  plural: string;
  name?: string;
  subresource?: string;
}

export type ParsedPath =
  | { kind: 'resource'; path: ResourcePath }
  | { kind: 'discovery'; what: 'api' | 'apis' | 'groupVersion' | 'group'; group?: string; version?: string }
  | { kind: 'version' }
  | { kind: 'unknown' };

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Parsed paths by path: a controller or kubelet sends the same few paths again and again. */
const parsedPaths = new Map<string, ParsedPath>();
const PARSED_PATHS_MAX = 32_768;

/**
 * Splits an API path into its parts, as the apiserver's request info resolver does. The answer is
 * shared between callers (memoised) and frozen.
 */
export function parsePath(path: string): ParsedPath {
  let p = parsedPaths.get(path);
  if (p) return p;
  // A crude bound: start over when full (paths of objects long deleted would pile up otherwise).
  if (parsedPaths.size >= PARSED_PATHS_MAX) parsedPaths.clear();
  p = parse(path);
  if (p.kind === 'resource') Object.freeze(p.path);
  parsedPaths.set(path, Object.freeze(p));
  return p;
}

function parse(path: string): ParsedPath {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 1 && parts[0] === 'version') return { kind: 'version' };
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'discovery', what: 'api' };
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'discovery', what: 'apis' };
    if (parts.length === 2) return { kind: 'discovery', what: 'group', group: parts[1] };
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { kind: 'unknown' };
  }
  if (rest.length === 0) return { kind: 'discovery', what: 'groupVersion', group, version };
  let namespace: string | undefined;
  // `/namespaces/NAME/status` and `/namespaces/NAME/finalize` are the namespace's own
  // subresources; anything else after `/namespaces/NAME/` is a namespaced resource.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]))) {
    namespace = decodeURIComponent(rest[1]);
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  if (extra.length > 0) return { kind: 'unknown' };
  return {
    kind: 'resource',
    path: {
      group,
      version,
      namespace,
      plural,
      name: name !== undefined ? decodeURIComponent(name) : undefined,
      subresource,
    },
  };
}

/** Builds the path of a resource or collection (the inverse of parsePath). */
export function resourcePath(p: ResourcePath): string {
  let s = p.group ? `/apis/${p.group}/${p.version}` : `/api/${p.version}`;
  if (p.namespace) s += `/namespaces/${encodeURIComponent(p.namespace)}`;
  s += `/${p.plural}`;
  if (p.name !== undefined) s += `/${encodeURIComponent(p.name)}`;
  if (p.subresource) s += `/${p.subresource}`;
  return s;
}

/** Whether the Accept header asks for server-side printing (a meta.k8s.io Table). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => /;\s*as=Table/.test(part) && /g=meta\.k8s\.io/.test(part));
}
