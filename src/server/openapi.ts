// /openapi/v3: the index of per-group-version documents (with content hashes, as upstream) and
// the documents themselves, served from the project's one OpenAPI source (src/engine/api/openapi).
import { createHash } from 'node:crypto';
import { loadOpenApi, openApiGroupVersions } from '../engine/api/openapi';

/** A served OpenAPI v3 document: its bytes and upstream's hash (uppercase hex SHA-512). */
export interface OpenApiBlob {
  bytes: Buffer;
  hash: string;
}

/** `v1` -> `api/v1`, `apps/v1` -> `apis/apps/v1`: the index key and URL suffix. */
export function openApiPathOf(groupVersion: string): string {
  return groupVersion.includes('/') ? `apis/${groupVersion}` : `api/${groupVersion}`;
}

/** Serves /openapi/v3 and /openapi/v3/<path>, loading and hashing each document once. */
export class OpenApiV3 {
  private blobs = new Map<string, OpenApiBlob>();
  private byPath = new Map<string, string>();

  constructor() {
    for (const gv of openApiGroupVersions()) this.byPath.set(openApiPathOf(gv), gv);
  }

  /** Loads every document up front so that requests never wait on a first import. */
  async preload(): Promise<void> {
    await Promise.all([...this.byPath.keys()].map((p) => this.document(p)));
  }

  /** The document at `api/v1` or `apis/apps/v1`, or undefined when there is none. */
  async document(path: string): Promise<OpenApiBlob | undefined> {
    const have = this.blobs.get(path);
    if (have) return have;
    const gv = this.byPath.get(path);
    if (gv === undefined) return undefined;
    const doc = await loadOpenApi(gv);
    if (!doc) return undefined;
    const bytes = Buffer.from(JSON.stringify(withPatchOperations(doc)));
    const blob = { bytes, hash: createHash('sha512').update(bytes).digest('hex').toUpperCase() };
    this.blobs.set(path, blob);
    return blob;
  }

  /** The index document: `{ paths: { "api/v1": { serverRelativeURL: "/openapi/v3/api/v1?hash=..." } } }`. */
  async index(): Promise<unknown> {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const p of [...this.byPath.keys()].sort()) {
      const blob = await this.document(p);
      if (blob) paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${blob.hash}` };
    }
    return { paths };
  }
}

/** The query parameters upstream declares on every PATCH operation. */
const PATCH_QUERY_PARAMS = [
  ['dryRun', 'When present, indicates that modifications should not be persisted.'],
  ['fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.'],
  ['fieldValidation', 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: Ignore, Warn, Strict.'],
  ['force', 'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people.'],
] as const;

type PathItem = { get?: { 'x-kubernetes-group-version-kind'?: unknown; description?: string }; patch?: unknown };

/**
 * The trimmed documents keep only GET operations, but kubectl decides whether the server
 * supports `fieldValidation` (server-side validation, else it wants /openapi/v2) by finding the
 * parameter on the PATCH operation of the kind's path. Add that operation to every object path.
 */
export function withPatchOperations<T extends { paths?: unknown }>(doc: T): T {
  const paths = (doc.paths ?? {}) as Record<string, PathItem>;
  const out: Record<string, PathItem> = {};
  for (const [p, item] of Object.entries(paths)) {
    const gvk = item.get?.['x-kubernetes-group-version-kind'];
    if (!gvk || item.patch || !/\{name\}(\/(status|scale))?$/.test(p)) {
      out[p] = item;
      continue;
    }
    out[p] = {
      ...item,
      patch: {
        description: (item.get?.description ?? '').replace(/^read/, 'partially update'),
        parameters: PATCH_QUERY_PARAMS.map(([name, description]) => ({ name, in: 'query', description, schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true } })),
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
      },
    };
  }
  return { ...doc, paths: out };
}
