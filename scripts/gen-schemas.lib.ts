// Builds the editor's JSON schema (draft-07) for Kubernetes manifests from the engine's upstream
// v1.32 OpenAPI v3 documents: one schema whose top-level oneOf is keyed by apiVersion + kind.
// Pure: the CLI (scripts/gen-schemas.ts) feeds it the documents and the registry's kinds.

/** The subset of an OpenAPI v3 schema object the trimmed upstream documents carry. */
export interface OpenApiSchemaIn {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, OpenApiSchemaIn>;
  items?: OpenApiSchemaIn;
  additionalProperties?: OpenApiSchemaIn | boolean;
  required?: string[];
  enum?: unknown[];
  $ref?: string;
  allOf?: OpenApiSchemaIn[];
  oneOf?: OpenApiSchemaIn[];
  anyOf?: OpenApiSchemaIn[];
  default?: unknown;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  [other: string]: unknown;
}

export interface OpenApiDocumentIn {
  components: { schemas: Record<string, OpenApiSchemaIn> };
}

/** A JSON schema node as monaco-yaml (yaml-language-server) reads it. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  default?: unknown;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  $ref?: string;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  not?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
}

/** A kind the engine serves: group ('' for core), version, kind. */
export interface KindIn {
  group: string;
  version: string;
  kind: string;
}

export interface BuiltSchema {
  schema: JsonSchema;
  /** `apps/v1 Deployment` for every kind the schema validates. */
  covered: string[];
  /** Kinds of the registry with no OpenAPI definition (no document for their group-version). */
  uncovered: string[];
}

const OPENAPI_REF = '#/components/schemas/';
const JSON_REF = '#/definitions/';
/** Where the per-kind root schemas live in `definitions` (never clashes with upstream's io.k8s.* names). */
export const ROOT_PREFIX = 'kubeplay.';

/** metav1.Time prints as `null` when unset (`kubectl create --dry-run=client -o yaml`): allow it. */
const NULLABLE = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime']);

/** `apps/v1`, or `v1` for the core group. */
export function apiVersionOf(k: KindIn): string {
  return k.group ? `${k.group}/${k.version}` : k.version;
}

/** The definitions key of a kind's root schema: `kubeplay.apps.v1.Deployment`, `kubeplay.core.v1.Pod`. */
export function rootName(k: KindIn): string {
  return `${ROOT_PREFIX}${k.group || 'core'}.${k.version}.${k.kind}`;
}

/**
 * Builds the multi-kind schema. Every registry kind whose group-version has a document and whose
 * kind has a definition there gets a root: upstream's schema with apiVersion and kind pinned
 * (enum of one value, so the editor completes them and picks the right alternative) and required.
 * Object schemas with declared properties refuse unknown fields (`additionalProperties: false`),
 * as the apiserver's strict field validation does, unless upstream marks them
 * x-kubernetes-preserve-unknown-fields. A last alternative accepts documents of any other
 * apiVersion/kind (custom resources, `kind: List`) unvalidated rather than flagging them.
 */
export function buildKubernetesSchema(docs: Record<string, OpenApiDocumentIn>, kinds: readonly KindIn[]): BuiltSchema {
  const all = new Map<string, OpenApiSchemaIn>();
  for (const gv of Object.keys(docs).sort()) {
    for (const [name, s] of Object.entries(docs[gv].components.schemas)) if (!all.has(name)) all.set(name, s);
  }
  const definitions: Record<string, JsonSchema> = {};
  const pending: string[] = [];
  const need = (name: string): void => {
    if (!(name in definitions) && !pending.includes(name)) pending.push(name);
  };
  const roots: { kind: KindIn; name: string }[] = [];
  const covered: string[] = [];
  const uncovered: string[] = [];
  const seen = new Set<string>();

  for (const k of kinds) {
    const apiVersion = apiVersionOf(k);
    const id = `${apiVersion} ${k.kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const doc = docs[apiVersion];
    const entry = doc && findKindSchema(doc, k);
    if (!entry) {
      uncovered.push(id);
      continue;
    }
    const root = translate(entry, need);
    const props = { ...(root.properties ?? {}) };
    props.apiVersion = { ...(props.apiVersion ?? {}), type: 'string', enum: [apiVersion] };
    props.kind = { ...(props.kind ?? {}), type: 'string', enum: [k.kind] };
    const required = [...new Set(['apiVersion', 'kind', ...(root.required ?? [])])];
    definitions[rootName(k)] = { title: `${k.kind} (${apiVersion})`, ...root, properties: props, required };
    roots.push({ kind: k, name: rootName(k) });
    covered.push(id);
  }

  while (pending.length > 0) {
    const name = pending.shift() as string;
    const s = all.get(name);
    if (!s) throw new Error(`unresolved $ref ${OPENAPI_REF}${name}`);
    const t = translate(s, need);
    if (NULLABLE.has(name) && t.type === 'string') t.type = ['string', 'null'];
    definitions[name] = t;
  }

  const known: JsonSchema[] = roots.map(({ kind }) => ({
    required: ['apiVersion', 'kind'],
    properties: { apiVersion: { enum: [apiVersionOf(kind)] }, kind: { enum: [kind.kind] } },
  }));
  // Matches only complete headers: a half-typed document matches no alternative yet, so the
  // editor keeps offering every kind's apiVersion, kind and fields.
  const other: JsonSchema = {
    required: ['apiVersion', 'kind'],
    properties: { apiVersion: { type: 'string' }, kind: { type: 'string' } },
    not: { anyOf: known },
  };
  const schema: JsonSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes v1.32 objects',
    description: 'Generated by scripts/gen-schemas.ts from upstream v1.32 OpenAPI v3 documents.',
    type: 'object',
    oneOf: [...roots.map(({ name }) => ({ $ref: JSON_REF + name })), other],
    definitions: sortKeys(definitions),
  };
  return { schema, covered, uncovered };
}

/** The kind's definition in its group-version's document (first by name, as kubectl explain picks). */
function findKindSchema(doc: OpenApiDocumentIn, k: KindIn): OpenApiSchemaIn | undefined {
  for (const name of Object.keys(doc.components.schemas).sort()) {
    const s = doc.components.schemas[name];
    const gvks = s['x-kubernetes-group-version-kind'] ?? [];
    if (gvks.some((g) => g.group === k.group && g.version === k.version && g.kind === k.kind)) return s;
  }
  return undefined;
}

/** Translates one OpenAPI schema node to JSON schema, recording the definitions it refers to. */
function translate(s: OpenApiSchemaIn, need: (name: string) => void): JsonSchema {
  const out: JsonSchema = {};
  if (s.description !== undefined) out.description = s.description;
  if (s.type !== undefined) out.type = s.type;
  if (s.format !== undefined) out.format = s.format;
  if (s.enum !== undefined) out.enum = s.enum;
  if (s.default !== undefined) out.default = s.default;
  if (s.required !== undefined) out.required = s.required;
  if (s.$ref !== undefined) {
    if (!s.$ref.startsWith(OPENAPI_REF)) throw new Error(`non-local $ref ${s.$ref}`);
    const name = s.$ref.slice(OPENAPI_REF.length);
    need(name);
    out.$ref = JSON_REF + name;
  }
  if (s.properties) {
    out.properties = {};
    for (const [k, v] of Object.entries(s.properties)) out.properties[k] = translate(v, need);
  }
  if (s.items) out.items = translate(s.items, need);
  if (typeof s.additionalProperties === 'object') out.additionalProperties = translate(s.additionalProperties, need);
  else if (typeof s.additionalProperties === 'boolean') out.additionalProperties = s.additionalProperties;
  else if (s.properties && !s['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = s[key];
    if (list) out[key] = list.map((x) => translate(x, need));
  }
  return out;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
