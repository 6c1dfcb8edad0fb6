// The structural view of the OpenAPI documents that server-side field validation needs, always
// present (no loading): which fields each schema has and where they lead. Data in structure-data.ts.
import { STRUCTURE } from './structure-data';

/**
 * One schema, reduced to what decides whether a field is known: `0` accepts anything (a scalar,
 * an opaque or int-or-string value, x-kubernetes-preserve-unknown-fields); a string names a schema
 * of `schemas`; an object lists its properties (`p`), array items (`i`) and map values (`a`).
 */
export type StructNode = 0 | string | StructObject;

export interface StructObject {
  p?: Readonly<Record<string, StructNode>>;
  i?: StructNode;
  a?: StructNode;
}

export interface OpenApiStructure {
  /** `apps/v1|Deployment` -> the name of the kind's schema (as schemaForKind picks it). */
  kinds: Readonly<Record<string, string>>;
  /** Schema name -> its node; schemas that accept anything are left out. */
  schemas: Readonly<Record<string, StructNode>>;
}

/** The root node of a kind (`apps/v1`, `Deployment`), if the documents describe it. */
export function kindStructure(apiVersion: string, kind: string, s: OpenApiStructure = STRUCTURE): StructNode | undefined {
  return s.kinds[`${apiVersion}|${kind}`];
}

/** Follows schema names down to the node that has the content (a cycle of names accepts anything). */
export function structNode(node: StructNode, s: OpenApiStructure = STRUCTURE): 0 | StructObject {
  let cur = node;
  for (let depth = 0; typeof cur === 'string'; depth++) {
    if (depth > 64) return 0;
    cur = s.schemas[cur] ?? 0;
  }
  return cur;
}
