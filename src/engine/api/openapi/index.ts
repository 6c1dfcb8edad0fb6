// The project's one schema source: upstream v1.32's OpenAPI v3 documents (trimmed, see
// scripts/openapi/generate.mjs), loaded lazily per group-version and looked up by kind or field path.
import { OPENAPI_LOADERS } from './catalog';
import type { OpenApiDocument, OpenApiGVK, OpenApiSchema } from './types';

export type { OpenApiDocument, OpenApiGVK, OpenApiSchema, OpenApiSource } from './types';
export { OPENAPI_SOURCE } from './catalog';

const REF_PREFIX = '#/components/schemas/';
const loaded = new Map<string, OpenApiDocument>();

/** Group-versions that have a document (`v1`, `apps/v1`, ...). */
export function openApiGroupVersions(): string[] {
  return Object.keys(OPENAPI_LOADERS);
}

/** Loads (once) the document of a group-version; undefined when there is none. */
export async function loadOpenApi(groupVersion: string): Promise<OpenApiDocument | undefined> {
  const have = loaded.get(groupVersion);
  if (have) return have;
  const loader = OPENAPI_LOADERS[groupVersion];
  if (!loader) return undefined;
  const doc = await loader();
  loaded.set(groupVersion, doc);
  return doc;
}

/** Loads every document (for Node: tests, the headless runner, the HTTP front). */
export async function loadAllOpenApi(): Promise<void> {
  await Promise.all(openApiGroupVersions().map((gv) => loadOpenApi(gv)));
}

/** The document of a group-version if already loaded: the synchronous access path. */
export function openApiDocument(groupVersion: string): OpenApiDocument | undefined {
  return loaded.get(groupVersion);
}

/** Registers a document directly (tests, or a host that loaded it another way). */
export function registerOpenApi(groupVersion: string, doc: OpenApiDocument): void {
  loaded.set(groupVersion, doc);
}

/** Splits `apps/v1` into group and version (`v1` -> core group ''). */
export function parseGroupVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/**
 * Resolves a `#/components/schemas/NAME` reference. Schema names are global in Kubernetes
 * (io.k8s.api.core.v1.PodSpec is the same everywhere), so any loaded document may answer;
 * `doc` is tried first when given. Unknown or non-local references give undefined.
 */
export function resolve(ref: string, doc?: OpenApiDocument): OpenApiSchema | undefined {
  if (!ref.startsWith(REF_PREFIX)) return undefined;
  const name = ref.slice(REF_PREFIX.length);
  const own = doc?.components.schemas[name];
  if (own) return own;
  for (const d of loaded.values()) {
    const s = d.components.schemas[name];
    if (s) return s;
  }
  return undefined;
}

function sameGVK(a: OpenApiGVK, b: OpenApiGVK): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

/**
 * The schema name and schema of a kind (the first, in name order, whose
 * x-kubernetes-group-version-kind lists it, as kubectl explain picks it), if its document is loaded.
 */
export function schemaEntryForKind(apiVersion: string, kind: string): { name: string; schema: OpenApiSchema } | undefined {
  const doc = loaded.get(apiVersion);
  if (!doc) return undefined;
  const gvk = { ...parseGroupVersion(apiVersion), kind };
  for (const name of Object.keys(doc.components.schemas).sort()) {
    const schema = doc.components.schemas[name];
    if ((schema['x-kubernetes-group-version-kind'] ?? []).some((g) => sameGVK(g, gvk))) return { name, schema };
  }
  return undefined;
}

/** The schema of a kind (`apps/v1`, `Deployment`), if its document is loaded. */
export function schemaForKind(apiVersion: string, kind: string): OpenApiSchema | undefined {
  return schemaEntryForKind(apiVersion, kind)?.schema;
}

/** Follows a `$ref` and single-alternative `allOf` wrappers down to the schema that has the content. */
export function deref(schema: OpenApiSchema, doc?: OpenApiDocument): OpenApiSchema {
  let cur = schema;
  for (let depth = 0; depth < 64; depth++) {
    if (cur.$ref) {
      const next = resolve(cur.$ref, doc);
      if (!next) return cur;
      cur = next;
    } else if (cur.allOf && cur.allOf.length === 1 && !cur.properties) {
      cur = cur.allOf[0];
    } else return cur;
  }
  return cur;
}

/**
 * The schema at a field path under a kind (`['spec', 'template', 'spec', 'containers', 'image']`),
 * stepping through $ref, allOf, array items and map values the way `kubectl explain` does.
 * The returned schema is the field's own (its description, not the referenced type's); use
 * `deref` for the type. Undefined when the kind or a field does not exist.
 */
export function fieldSchema(apiVersion: string, kind: string, path: readonly string[]): OpenApiSchema | undefined {
  const doc = loaded.get(apiVersion);
  let cur = schemaForKind(apiVersion, kind);
  for (const field of path) {
    if (!cur) return undefined;
    cur = childField(cur, field, doc);
  }
  return cur;
}

/** The property `field` of a schema, looking through $ref, items, map values and allOf. */
function childField(schema: OpenApiSchema, field: string, doc: OpenApiDocument | undefined, depth = 0): OpenApiSchema | undefined {
  if (depth > 32) return undefined;
  const s = schema.$ref ? resolve(schema.$ref, doc) ?? schema : schema;
  const own = s.properties?.[field];
  if (own) return own;
  if (s.items) return childField(s.items, field, doc, depth + 1);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    return childField(s.additionalProperties, field, doc, depth + 1);
  }
  for (const alt of s.allOf ?? []) {
    const found = childField(alt, field, doc, depth + 1);
    if (found) return found;
  }
  return undefined;
}
