// Server-side field validation (apiserver fieldValidation=Strict|Warn|Ignore, KEP-2885): fields
// the kind's OpenAPI schema does not know are refused (Strict), reported as warnings (Warn) or
// dropped silently (Ignore) - and in every case not stored, as the typed decoder drops them.

import { kindStructure, structNode } from '../api/openapi/structure';
import type { StructNode } from '../api/openapi/structure';
import type { ResourceType } from '../api/registry';
import { groupVersion } from '../api/registry';
import type { KObject } from '../api/types';
import { badRequest } from './status';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** Reads the fieldValidation query parameter (upstream's default for requests without it is Warn). */
export function fieldValidationMode(v: string | undefined): FieldValidation {
  if (v === undefined || v === '') return 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw badRequest(`fieldValidation parameter unsupported: ${v}`);
}

/**
 * Removes the fields the schema does not know from `obj` (in place) and returns their paths,
 * as the decoder reports them (`spec.replicass`, `spec.template.spec.containers[0].imagee`).
 */
export function pruneUnknownFields(t: ResourceType, obj: KObject, shared?: SharedParts): string[] {
  // The structural table is generated from the OpenAPI documents and always present, so
  // validation is the same from the first request on, whether or not a document has loaded.
  const schema = kindStructure(groupVersion(t), t.kind);
  if (schema === undefined || t.custom) return [];
  const unknown: string[] = [];
  if (!shared) {
    walk(obj, schema, '', unknown, 0);
    return unknown;
  }
  // A top-level field that is the very (frozen) subtree already stored was checked when stored.
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) if (obj[k] !== shared.stored[k] || !Object.isFrozen(obj[k])) rest[k] = obj[k];
  // Unknown top-level fields are dropped from `rest` only: a /status write discards them anyway.
  walk(rest, schema, '', unknown, 0, shared.privateKeys);
  return unknown;
}

/** Which top-level fields of a body are private copies, and the stored object the rest may share. */
export interface SharedParts {
  privateKeys: ReadonlySet<string>;
  stored: KObject;
}

/**
 * `privateKeys`, when given, names the top-level fields that are the caller's own copies; the
 * others are shared (a /status write keeps only metadata and status) and are only reported.
 */
function walk(value: unknown, schemaIn: StructNode, path: string, unknown: string[], depth: number, privateKeys?: ReadonlySet<string>, prune = true): void {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  const schema = structNode(schemaIn);
  if (schema === 0) return;
  if (Array.isArray(value)) {
    const items = schema.i;
    if (items === undefined) return;
    value.forEach((v, i) => walk(v, items, `${path}[${i}]`, unknown, depth + 1, undefined, prune));
    return;
  }
  const obj = value as Record<string, unknown>;
  if (schema.p) {
    for (const key of Object.keys(obj)) {
      const child = Object.hasOwn(schema.p, key) ? schema.p[key] : undefined;
      const p = path ? `${path}.${key}` : key;
      const pruneHere = prune && (privateKeys === undefined || privateKeys.has(key));
      if (child === undefined) {
        unknown.push(p);
        if (pruneHere) delete obj[key];
        continue;
      }
      walk(obj[key], child, p, unknown, depth + 1, undefined, pruneHere);
    }
    return;
  }
  const values = schema.a;
  if (values !== undefined) {
    for (const key of Object.keys(obj)) walk(obj[key], values, `${path}.${key}`, unknown, depth + 1, undefined, prune);
  }
}

/** The Strict-mode error: `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"`. */
export function strictDecodingError(t: ResourceType, unknown: string[]): Error {
  const list = unknown.map((u) => `unknown field "${u}"`).join(', ');
  return badRequest(`${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: strict decoding error: ${list}`);
}
