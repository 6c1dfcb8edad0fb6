// Derives the structural table (structure.ts) from the full OpenAPI documents, following $ref and
// single allOf wrappers exactly as openapi/index.ts's deref does. Used by the generator and its test.
import type { OpenApiDocument, OpenApiSchema } from './types';
import type { OpenApiStructure, StructNode, StructObject } from './structure';

const REF_PREFIX = '#/components/schemas/';

/** The table for a set of documents (group-version -> document), in a stable order. */
export function deriveStructure(docs: Readonly<Record<string, OpenApiDocument>>): OpenApiStructure {
  const all = new Map<string, OpenApiSchema>();
  for (const doc of Object.values(docs)) for (const [n, s] of Object.entries(doc.components.schemas)) if (!all.has(n)) all.set(n, s);
  const kinds: Record<string, string> = {};
  const used = new Set<string>();
  for (const gv of Object.keys(docs).sort()) {
    const i = gv.indexOf('/');
    const [group, version] = i < 0 ? ['', gv] : [gv.slice(0, i), gv.slice(i + 1)];
    const schemas = docs[gv].components.schemas;
    for (const name of Object.keys(schemas).sort()) {
      for (const g of schemas[name]['x-kubernetes-group-version-kind'] ?? []) {
        const key = `${gv}|${g.kind}`;
        if (g.group === group && g.version === version && !(key in kinds)) {
          kinds[key] = name;
          used.add(name);
        }
      }
    }
  }
  // Only the schemas reachable from a kind, each derived once.
  const nodes = new Map<string, StructNode>();
  const queue = [...used];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (nodes.has(name)) continue;
    const n = toNode(all.get(name)!, all, (ref) => {
      if (!nodes.has(ref)) queue.push(ref);
    });
    nodes.set(name, n);
  }
  const schemas: Record<string, StructNode> = {};
  for (const name of [...nodes.keys()].sort()) if (nodes.get(name) !== 0) schemas[name] = nodes.get(name)!;
  return { kinds, schemas };
}

/** One schema's node; `seen` is told of every schema name it leads to. */
function toNode(schemaIn: OpenApiSchema, all: ReadonlyMap<string, OpenApiSchema>, seen: (name: string) => void): StructNode {
  let s = schemaIn;
  for (let depth = 0; depth < 64; depth++) {
    if (s.$ref) {
      const name = s.$ref.startsWith(REF_PREFIX) ? s.$ref.slice(REF_PREFIX.length) : undefined;
      // An unresolvable reference stops the walk here, as deref does.
      if (name === undefined || !all.has(name)) break;
      seen(name);
      return name;
    }
    if (s.allOf && s.allOf.length === 1 && !s.properties) s = s.allOf[0];
    else break;
  }
  if (s['x-kubernetes-preserve-unknown-fields'] || s['x-kubernetes-int-or-string']) return 0;
  const out: StructObject = {};
  if (s.properties) out.p = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, toNode(v, all, seen)]));
  // Items or map values that accept anything check nothing: left out, as if absent.
  const items = s.items ? toNode(s.items, all, seen) : 0;
  if (items !== 0) out.i = items;
  const values = s.additionalProperties && typeof s.additionalProperties === 'object' ? toNode(s.additionalProperties, all, seen) : 0;
  if (values !== 0) out.a = values;
  return out.p || out.i !== undefined || out.a !== undefined ? out : 0;
}
