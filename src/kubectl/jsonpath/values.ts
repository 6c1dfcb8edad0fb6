// How the JSONPath engine sees data the way Go's reflect does in kubectl: JSON values plus
// the typed literals of a template, with the Go type names that appear in error messages.

/** An integer literal from the template (`{5}`, `[?(@.x > 5)]`): Go `int`. */
export class GoInt {
  constructor(readonly value: number) {}
}

/** A float literal from the template (`{1.5}`): Go `float64`. */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A value that does not exist (Go's invalid reflect.Value): the input of an empty range. */
export const INVALID: unique symbol = Symbol('invalid');

/**
 * How JSON numbers were decoded before kubectl ran the template:
 * 'unstructured' (objects from the server; whole numbers are int64, others float64) or
 * 'typed' (objects built by kubectl itself, e.g. `create --dry-run=client`, which are
 * JSON round-tripped into interface{}, so every number is a float64).
 */
export type NumberMode = 'unstructured' | 'typed';

/** Go's reflect.Kind, reduced to the kinds JSON data and template literals can have. */
export type GoKind = 'map' | 'slice' | 'string' | 'bool' | 'int' | 'int64' | 'float64' | 'nil' | 'invalid';

/** The kind a value has once Go has looked through its interface{} wrapper. */
export function kindOf(v: unknown, mode: NumberMode): GoKind {
  if (v === INVALID || v === undefined) return 'invalid';
  if (v === null) return 'nil';
  if (v instanceof GoInt) return 'int';
  if (v instanceof GoFloat) return 'float64';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return mode === 'unstructured' && Number.isInteger(v) ? 'int64' : 'float64';
  }
  return Array.isArray(v) ? 'slice' : 'map';
}

/** Go's `%v` of a value's reflect.Type, as in `string is not array or slice`. */
export function goTypeName(v: unknown, mode: NumberMode): string {
  const kind = kindOf(v, mode);
  switch (kind) {
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'nil':
      return '<nil>';
    case 'invalid':
      return '<invalid reflect.Value>';
    default:
      return kind;
  }
}

/** The numeric value of a number-kinded value. */
export function numberOf(v: unknown): number {
  if (v instanceof GoInt || v instanceof GoFloat) return v.value;
  return v as number;
}

/** True for JSON objects (Go maps). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoInt) && !(v instanceof GoFloat);
}

/** The keys of a map in the order Go's fmt and encoding/json print them (sorted by bytes). */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

/** Go's string comparison: byte-wise on UTF-8, which is code-point order. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length - b.length < 0 ? -1 : a.length === b.length ? 0 : 1;
}

/** Encodes a string as UTF-8 bytes (Go strings are bytes: `[*]` on a string yields them). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}
