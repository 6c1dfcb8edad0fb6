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
  /**
   * In-process callers only (never set from HTTP): the body is the caller's own fresh object,
   * which it will neither read nor change again, so a create (or a status write, for the parts
   * it keeps) may store it instead of copying it.
   */
  handOver?: boolean;
  /**
   * In-process callers only: `path` already parsed, exactly as parsePath(path) gives it (see
   * resourceRequestPath), so the server need not parse the string it was just built from.
   */
  target?: ResourcePath;
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

/**
 * Splits an API path into its parts, as the apiserver's request info resolver does. One scan of
 * the string, no intermediate arrays: every request is parsed (a memo keyed by path thrashed with
 * 10,000 pods, each with its own status and binding paths).
 */
export function parsePath(path: string): ParsedPath {
  return parse(path);
}

/** The non-empty '/'-separated segments of a path, raw (not yet URI-decoded). */
function segments(path: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path.charCodeAt(i) === 47 /* / */) {
      if (i > start) parts.push(path.slice(start, i));
      start = i + 1;
    }
  }
  return parts;
}

/** decodeURIComponent, skipped for the usual segment without escapes (it would return it as is). */
function decode(s: string): string {
  return s.includes('%') ? decodeURIComponent(s) : s;
}

function parse(path: string): ParsedPath {
  const parts = segments(path);
  if (parts.length === 1 && parts[0] === 'version') return { kind: 'version' };
  let group: string;
  let version: string;
  // Where the resource part (`namespaces/NS/...` or `PLURAL/...`) starts.
  let at: number;
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'discovery', what: 'api' };
    group = '';
    version = parts[1];
    at = 2;
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'discovery', what: 'apis' };
    if (parts.length === 2) return { kind: 'discovery', what: 'group', group: parts[1] };
    group = parts[1];
    version = parts[2];
    at = 3;
  } else {
    return { kind: 'unknown' };
  }
  const rest = parts.length - at;
  if (rest === 0) return { kind: 'discovery', what: 'groupVersion', group, version };
  let namespace: string | undefined;
  // `/namespaces/NAME/status` and `/namespaces/NAME/finalize` are the namespace's own
  // subresources; anything else after `/namespaces/NAME/` is a namespaced resource.
  if (parts[at] === 'namespaces' && rest >= 3 && !(rest === 3 && NAMESPACE_SUBRESOURCES.has(parts[at + 2]))) {
    namespace = decode(parts[at + 1]);
    at += 2;
  }
  if (parts.length - at > 3) return { kind: 'unknown' };
  const name = parts[at + 1];
  return {
    kind: 'resource',
    path: {
      group,
      version,
      namespace,
      plural: parts[at],
      name: name !== undefined ? decode(name) : undefined,
      subresource: parts[at + 2],
    },
  };
}

/** Builds the path of a resource or collection (the inverse of parsePath). */
export function resourcePath(p: ResourcePath): string {
  let s = p.group ? `/apis/${p.group}/${p.version}` : `/api/${p.version}`;
  if (p.namespace) s += `/namespaces/${encodeSegment(p.namespace)}`;
  s += `/${p.plural}`;
  if (p.name !== undefined) s += `/${encodeSegment(p.name)}`;
  if (p.subresource) s += `/${p.subresource}`;
  return s;
}

/**
 * encodeURIComponent, skipped for the usual name of letters, digits, `-`, `.` and `_` (which it
 * returns as is): every engine request encodes a name or two, and the call is not cheap.
 */
function encodeSegment(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // a-z, 0-9, A-Z, '-', '.', '_'
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 45 || c === 46 || c === 95)) return encodeURIComponent(s);
  }
  return s;
}

/**
 * The path of `p` for an in-process request, with `target` = what parsePath gives for that
 * path: `p` itself, except that an empty namespace, name or subresource is left out of the path
 * and so comes back undefined.
 */
export function resourceRequestPath(p: ResourcePath): { path: string; target: ResourcePath } {
  const path = resourcePath(p);
  const target: ResourcePath = {
    group: p.group,
    version: p.version,
    namespace: p.namespace || undefined,
    plural: p.plural,
    name: p.name || undefined,
    subresource: p.subresource || undefined,
  };
  return { path, target };
}

/** The parsed path of a request: its `target` when the caller gave one, else parsePath(path). */
export function requestPath(req: ApiRequest): ParsedPath {
  return req.target !== undefined ? { kind: 'resource', path: req.target } : parsePath(req.path);
}

/** Whether the Accept header asks for server-side printing (a meta.k8s.io Table). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => /;\s*as=Table/.test(part) && /g=meta\.k8s\.io/.test(part));
}
