// Server-side field validation (apiserver fieldValidation=Strict|Warn|Ignore, KEP-2885): fields
// the kind's OpenAPI schema does not know are refused (Strict), reported as warnings (Warn) or
// dropped silently (Ignore) - and in every case not stored, as the typed decoder drops them.

import { kindStructure, structNode } from '../api/openapi/structure';
import type { StructNode, StructObject } from '../api/openapi/structure';
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
  if (t.custom) return [];
  const schema = rootOf(t);
  if (schema === undefined) return [];
  const unknown: string[] = [];
  segCount = 0;
  if (!shared) {
    walk(obj, schema, unknown, 0);
    return unknown;
  }
  // A top-level field that is the very (frozen) subtree already stored was checked when stored.
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) if (obj[k] !== shared.stored[k] || !Object.isFrozen(obj[k])) rest[k] = obj[k];
  // Unknown top-level fields are dropped from `rest` only: a /status write discards them anyway.
  walk(rest, schema, unknown, 0, shared.privateKeys);
  return unknown;
}

/** Which top-level fields of a body are private copies, and the stored object the rest may share. */
export interface SharedParts {
  privateKeys: ReadonlySet<string>;
  stored: KObject;
}

/**
 * A schema node with its names resolved and its properties in a Map: the walk visits every field
 * of every write, and following schema names through the (large, dictionary-mode) table object
 * for each of them was most of its time. `0` accepts anything.
 */
interface Node {
  p?: Map<string, Node | 0>;
  i?: Node | 0;
  a?: Node | 0;
}

const resolved = new Map<StructObject, Node>();

function resolve(n: StructNode): Node | 0 {
  const o = structNode(n);
  if (o === 0) return 0;
  let r = resolved.get(o);
  if (r) return r;
  r = {};
  // Registered before its children: recursive schemas (JSONSchemaProps) point back at it.
  resolved.set(o, r);
  if (o.p) {
    const m = new Map<string, Node | 0>();
    for (const k of Object.keys(o.p)) m.set(k, resolve(o.p[k]));
    r.p = m;
  }
  if (o.i !== undefined) r.i = resolve(o.i);
  if (o.a !== undefined) r.a = resolve(o.a);
  return r;
}

const roots = new WeakMap<ResourceType, Node | 0 | undefined>();

/** The resolved root schema of a resource type's kind (undefined when the documents lack it). */
function rootOf(t: ResourceType): Node | 0 | undefined {
  if (roots.has(t)) return roots.get(t);
  const s = kindStructure(groupVersion(t), t.kind);
  const r = s === undefined ? undefined : resolve(s);
  roots.set(t, r);
  return r;
}

/** How a path segment is spelled: `.field` (`field` first), `[index]`, or `.key` of a map. */
const PROP = 0;
const INDEX = 1;
const MAP = 2;

/**
 * The path of the field being walked, as a stack of segments: the string is built only for an
 * unknown field. Building `spec.template.spec.containers[0].image` for every field of every
 * write was the largest allocation of a write (a pod status PUT walks ~100 fields).
 */
const segKeys: (string | number)[] = [];
const segKinds: number[] = [];
let segCount = 0;

function pathOf(last: string, kind: number): string {
  let s = '';
  for (let i = 0; i <= segCount; i++) {
    const k = i < segCount ? segKeys[i] : last;
    const kind2 = i < segCount ? segKinds[i] : kind;
    if (kind2 === INDEX) s = `${s}[${k}]`;
    else if (kind2 === MAP) s = `${s}.${k}`;
    else s = s ? `${s}.${k}` : String(k);
  }
  return s;
}

/**
 * `privateKeys`, when given, names the top-level fields that are the caller's own copies; the
 * others are shared (a /status write keeps only metadata and status) and are only reported.
 * The path so far is on the segment stack (segCount deep); `walk` leaves it as it found it.
 */
function walk(value: unknown, schema: Node | 0, unknown: string[], depth: number, privateKeys?: ReadonlySet<string>, prune = true): void {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  if (schema === 0) return;
  if (Array.isArray(value)) {
    const items = schema.i;
    if (items === undefined) return;
    for (let i = 0; i < value.length; i++) descend(value[i], items, i, INDEX, unknown, depth, prune);
    return;
  }
  const obj = value as Record<string, unknown>;
  if (schema.p) {
    // for-in: the same own keys in the same order as Object.keys (plain JSON objects), no array.
    for (const key in obj) {
      if (!Object.hasOwn(obj, key)) continue;
      const child = schema.p.get(key);
      const pruneHere = prune && (privateKeys === undefined || privateKeys.has(key));
      if (child === undefined) {
        unknown.push(pathOf(key, PROP));
        if (pruneHere) delete obj[key];
        continue;
      }
      descend(obj[key], child, key, PROP, unknown, depth, pruneHere);
    }
    return;
  }
  const values = schema.a;
  if (values !== undefined) {
    for (const key in obj) if (Object.hasOwn(obj, key)) descend(obj[key], values, key, MAP, unknown, depth, prune);
  }
}

/** Walks a child value with its segment pushed (scalars have no fields to check: skipped). */
function descend(v: unknown, schema: Node | 0, key: string | number, kind: number, unknown: string[], depth: number, prune: boolean): void {
  if (schema === 0 || v === null || typeof v !== 'object' || depth + 1 > 64) return;
  segKeys[segCount] = key;
  segKinds[segCount] = kind;
  segCount++;
  walk(v, schema, unknown, depth + 1, undefined, prune);
  segCount--;
}

/** The Strict-mode error: `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"`. */
export function strictDecodingError(t: ResourceType, unknown: string[]): Error {
  const list = unknown.map((u) => `unknown field "${u}"`).join(', ');
  return badRequest(`${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: strict decoding error: ${list}`);
}
