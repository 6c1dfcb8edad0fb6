// Generates src/engine/api/openapi/data/*.json (one trimmed OpenAPI v3 document per group-version),
// src/engine/api/openapi/catalog.ts and structure-data.ts (./structure.mjs) from upstream's
// published api/openapi-spec/v3 files.
//
// Usage (tsx is needed to read the TypeScript registry):
//   npx tsx scripts/openapi/generate.mjs <dir with upstream *_openapi.json> --ref <tag or commit> \
//     --api-src <k8s.io/api checkout of the same release> --api-ref <its tag> [--obtained-from "<how the files were obtained>"]
//
// --api-src restores the enums a live apiserver publishes but the checked-in files lack (./enums.mjs).
//
// Each output document is valid OpenAPI 3.0 and self-contained, so it can be served as is on
// /openapi/v3/<path>: its components.schemas hold only the schemas reachable from the kinds we
// serve (plus their List kinds, Status, DeleteOptions, WatchEvent, Scale), each trimmed to the
// keys that explain, editors and validation use; its paths hold only the resource paths real
// `kubectl explain` searches to map a resource to its GVK. The upstream files stay out of the repo.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnumFields, applyEnums } from './enums.mjs';
import { writeStructure } from './structure.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const OUT_DIR = join(ROOT, 'src/engine/api/openapi/data');
const CATALOG = join(ROOT, 'src/engine/api/openapi/catalog.ts');

/** Schema keys kept; everything else (e.g. x-kubernetes-unions) is dropped to save bytes. */
const KEEP_KEYS = new Set([
  'type',
  'format',
  'description',
  'properties',
  'items',
  'additionalProperties',
  'required',
  'enum',
  '$ref',
  'allOf',
  // oneOf carries IntOrString's and Quantity's alternatives: without it those schemas would
  // claim to accept anything, and explain's type guess relies on them having no `type`.
  'oneOf',
  'anyOf',
  'default',
  'x-kubernetes-group-version-kind',
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-int-or-string',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-map-type',
  'x-kubernetes-embedded-resource',
]);

/** Meta types every group-version serves with its lists, deletes and watches. */
const META_SCHEMAS = [
  'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
  'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent',
];
const SCALE_SCHEMA = 'io.k8s.api.autoscaling.v1.Scale';
const REF_PREFIX = '#/components/schemas/';

function parseArgs(argv) {
  const args = { dir: '', ref: '', obtainedFrom: '', apiSrc: '', apiRef: '' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--ref') args.ref = argv[++i] ?? '';
    else if (argv[i] === '--obtained-from') args.obtainedFrom = argv[++i] ?? '';
    else if (argv[i] === '--api-src') args.apiSrc = argv[++i] ?? '';
    else if (argv[i] === '--api-ref') args.apiRef = argv[++i] ?? '';
    else if (!args.dir) args.dir = argv[i];
  }
  if (!args.dir || !args.ref || !args.apiSrc) {
    console.error(
      'usage: npx tsx scripts/openapi/generate.mjs <upstream-dir> --ref "<kubernetes tag or commit>" --api-src <k8s.io/api dir> [--obtained-from "<how>"]',
    );
    process.exit(2);
  }
  return args;
}

/** Upstream's file name for a group-version: api__v1_openapi.json, apis__apps__v1_openapi.json. */
function upstreamName(group, version) {
  return group ? `apis__${group}__${version}_openapi.json` : `api__${version}_openapi.json`;
}

/** Trims one schema (recursively) to KEEP_KEYS, collecting the $refs it uses. */
function trimSchema(schema, refs) {
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEEP_KEYS.has(key)) continue;
    if (key === '$ref') {
      refs.add(value.slice(REF_PREFIX.length));
      out[key] = value;
    } else if (key === 'properties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimSchema(v, refs)]));
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = trimSchema(value, refs);
    } else if (key === 'allOf' || key === 'oneOf' || key === 'anyOf') {
      out[key] = value.map((v) => trimSchema(v, refs));
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Keeps the schemas reachable from `roots`, trimmed, in upstream's (sorted) order. */
function reachableSchemas(all, roots) {
  const kept = new Map();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift();
    if (kept.has(name)) continue;
    const schema = all[name];
    if (!schema) throw new Error(`schema ${name} is referenced but missing`);
    const refs = new Set();
    kept.set(name, trimSchema(schema, refs));
    for (const r of refs) if (!kept.has(r)) queue.push(r);
  }
  return Object.fromEntries(Object.keys(all).filter((n) => kept.has(n)).map((n) => [n, kept.get(n)]));
}

/** The 200 response of a GET, reduced to its JSON content. */
function slimResponses(responses) {
  const ok = responses?.['200'];
  if (!ok) return { default: { description: 'OK' } };
  const json = ok.content?.['application/json'];
  return { 200: { description: ok.description ?? 'OK', ...(json ? { content: { 'application/json': json } } : {}) } };
}

/**
 * The paths kubectl explain searches for a resource (list and item, cluster-wide and namespaced),
 * each reduced to its GET operation with the GVK, and path parameters only.
 */
function slimPaths(paths, group, version, plurals) {
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const out = {};
  for (const plural of plurals) {
    const candidates = [
      `${prefix}/${plural}`,
      `${prefix}/${plural}/{name}`,
      `${prefix}/namespaces/{namespace}/${plural}`,
      `${prefix}/namespaces/{namespace}/${plural}/{name}`,
    ];
    for (const p of candidates) {
      const item = paths[p];
      if (!item?.get) continue;
      const get = item.get;
      const params = (item.parameters ?? []).filter((x) => x.in === 'path');
      out[p] = {
        get: {
          description: get.description,
          operationId: get.operationId,
          responses: slimResponses(get.responses),
          'x-kubernetes-action': get['x-kubernetes-action'],
          'x-kubernetes-group-version-kind': get['x-kubernetes-group-version-kind'],
        },
        ...(params.length > 0 ? { parameters: params } : {}),
      };
    }
  }
  return out;
}

/** Every $ref under `value` (used to keep the schemas the slim paths name). */
function collectRefs(value, refs) {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, refs);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX)) refs.add(v.slice(REF_PREFIX.length));
      else collectRefs(v, refs);
    }
  }
}

function sameGVK(a, b) {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

function generateGroupVersion(doc, group, version, types, source) {
  const all = doc.components.schemas;
  const roots = [];
  const names = Object.keys(all);
  const findKind = (kind) =>
    names.find((n) => (all[n]['x-kubernetes-group-version-kind'] ?? []).some((g) => sameGVK(g, { group, version, kind })));
  for (const t of types) {
    for (const kind of [t.kind, t.listKind]) {
      const name = findKind(kind);
      if (!name) throw new Error(`${group}/${version} ${kind} has no schema upstream`);
      roots.push(name);
    }
    if (t.subresources.includes('scale') && all[SCALE_SCHEMA]) roots.push(SCALE_SCHEMA);
  }
  for (const m of META_SCHEMAS) if (all[m]) roots.push(m);
  const paths = slimPaths(doc.paths, group, version, types.map((t) => t.plural));
  const pathRefs = new Set();
  collectRefs(paths, pathRefs);
  roots.push(...pathRefs);
  return {
    openapi: doc.openapi,
    info: doc.info,
    'x-kubeplay-source': source,
    paths,
    components: { schemas: reachableSchemas(all, roots), securitySchemes: doc.components.securitySchemes },
  };
}

function catalogSource(entries, source) {
  const lines = [
    '// GENERATED by scripts/openapi/generate.mjs: do not edit. Lazy loaders for the trimmed',
    '// upstream OpenAPI v3 documents, one per served group-version.',
    'import type { OpenApiDocument } from \'./types\';',
    '',
    '/** Where the documents came from (upstream repository, ref and how they were obtained). */',
    `export const OPENAPI_SOURCE = ${JSON.stringify(source)};`,
    '',
    '/** Group-version (`v1`, `apps/v1`) -> loader of its document; each is its own chunk. */',
    'export const OPENAPI_LOADERS: Readonly<Record<string, () => Promise<OpenApiDocument>>> = {',
  ];
  for (const [gv, file] of entries) {
    lines.push(`  '${gv}': () => import('./data/${file}').then((m) => m.default as unknown as OpenApiDocument),`);
  }
  lines.push('};', '');
  return lines.join('\n');
}

async function main() {
  const { dir, ref, obtainedFrom, apiSrc, apiRef } = parseArgs(process.argv.slice(2));
  const enumFields = readEnumFields(apiSrc);
  const source = {
    upstream: 'kubernetes/kubernetes api/openapi-spec/v3',
    ref,
    obtainedFrom: obtainedFrom || 'as given',
    enumsFrom: `k8s.io/api ${apiRef || '(unknown ref)'} +enum types (scripts/openapi/enums.mjs)`,
  };
  const { RESOURCE_TYPES } = await import('../../src/engine/api/registry.ts');
  const byGV = new Map();
  for (const t of RESOURCE_TYPES) {
    const gv = t.group ? `${t.group}/${t.version}` : t.version;
    if (!byGV.has(gv)) byGV.set(gv, []);
    byGV.get(gv).push(t);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const f of readdirSync(OUT_DIR)) if (f.endsWith('.json')) rmSync(join(OUT_DIR, f));
  const entries = [];
  for (const [gv, types] of byGV) {
    const { group, version } = types[0];
    const doc = JSON.parse(readFileSync(join(dir, upstreamName(group, version)), 'utf8'));
    const enums = applyEnums(doc.components.schemas, enumFields);
    const out = generateGroupVersion(doc, group, version, types, source);
    const file = upstreamName(group, version).replace('_openapi.json', '.json');
    const text = JSON.stringify(out);
    writeFileSync(join(OUT_DIR, file), text + '\n');
    entries.push([gv, file]);
    const n = Object.keys(out.components.schemas).length;
    console.log(`${gv}: ${n} schemas, ${enums} enum fields restored, ${text.length} bytes -> ${file}`);
  }
  writeFileSync(CATALOG, catalogSource(entries, source));
  // Field validation's always-present structural table, derived from the documents just written.
  await writeStructure();
}

await main();
