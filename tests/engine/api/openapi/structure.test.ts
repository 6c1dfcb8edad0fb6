// The structural table field validation uses (structure-data.ts) must say what the full OpenAPI
// documents say: regenerated here from them, and checked field path by field path against deref.
import { beforeAll, describe, expect, it } from 'vitest';
import { deref, loadAllOpenApi, openApiDocument, openApiGroupVersions, schemaEntryForKind } from '../../../../src/engine/api/openapi';
import type { OpenApiDocument, OpenApiSchema } from '../../../../src/engine/api/openapi';
import { kindStructure, structNode, type StructNode } from '../../../../src/engine/api/openapi/structure';
import { STRUCTURE } from '../../../../src/engine/api/openapi/structure-data';
import { deriveStructure } from '../../../../src/engine/api/openapi/structure-derive';
import { RESOURCE_TYPES, groupVersion } from '../../../../src/engine/api/registry';

const DEPTH = 12;

/** Every known field path under a schema, through the full documents (deref, as validation did). */
function docPaths(schema: OpenApiSchema, prefix: string, depth: number, out: string[]): void {
  if (depth === 0) return;
  const s = deref(schema);
  if (s['x-kubernetes-preserve-unknown-fields'] || s['x-kubernetes-int-or-string']) return out.push(`${prefix}*`), undefined;
  if (s.items) docPaths(s.items, `${prefix}[]`, depth - 1, out);
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    out.push(`${prefix}.${k}`);
    docPaths(v, `${prefix}.${k}`, depth - 1, out);
  }
  if (!s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') docPaths(s.additionalProperties, `${prefix}{}`, depth - 1, out);
}

/** The same through the structural table (a node that accepts anything may be a scalar: no `*`). */
function tablePaths(node: StructNode, prefix: string, depth: number, out: string[]): void {
  if (depth === 0) return;
  const s = structNode(node);
  if (s === 0) return;
  if (s.i !== undefined) tablePaths(s.i, `${prefix}[]`, depth - 1, out);
  for (const [k, v] of Object.entries(s.p ?? {})) {
    out.push(`${prefix}.${k}`);
    tablePaths(v, `${prefix}.${k}`, depth - 1, out);
  }
  if (!s.p && s.a !== undefined) tablePaths(s.a, `${prefix}{}`, depth - 1, out);
}

describe('OpenAPI structural table', () => {
  const docs: Record<string, OpenApiDocument> = {};
  beforeAll(async () => {
    await loadAllOpenApi();
    for (const gv of openApiGroupVersions()) docs[gv] = openApiDocument(gv)!;
  });

  it('is what the generator derives from the documents (run `npx tsx scripts/openapi/structure.mjs` after changing them)', () => {
    expect(STRUCTURE).toEqual(deriveStructure(docs));
  });

  // Kinds served at a version without a document (autoscaling/v1) have no entry, as before.
  const described = () => RESOURCE_TYPES.filter((r) => !r.custom && schemaEntryForKind(groupVersion(r), r.kind));

  it('names, for every served kind, the schema explain and the documents use', () => {
    for (const t of RESOURCE_TYPES.filter((r) => !r.custom)) {
      const gv = groupVersion(t);
      expect(STRUCTURE.kinds[`${gv}|${t.kind}`], `${gv} ${t.kind}`).toBe(schemaEntryForKind(gv, t.kind)?.name);
    }
    expect(described().length).toBeGreaterThan(25);
  });

  it('knows exactly the field paths the full documents know', () => {
    let compared = 0;
    for (const t of described()) {
      const gv = groupVersion(t);
      const want: string[] = [];
      docPaths(schemaEntryForKind(gv, t.kind)!.schema, '', DEPTH, want);
      const got: string[] = [];
      tablePaths(kindStructure(gv, t.kind)!, '', DEPTH, got);
      // Where the documents stop checking (`*`), the table has no fields below either.
      expect(got, `${gv} ${t.kind}`).toEqual(want.filter((p) => !p.endsWith('*')));
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(20_000);
  });

  it('spots a field the documents do not have, deep in a pod template', () => {
    const deploy = structNode(kindStructure('apps/v1', 'Deployment')!);
    expect(deploy).not.toBe(0);
    const spec = structNode((deploy as { p: Record<string, StructNode> }).p.spec);
    expect(spec !== 0 && spec.p && 'replicas' in spec.p && !('replicass' in spec.p)).toBe(true);
  });
});
