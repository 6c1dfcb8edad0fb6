// Small helpers to read and write untyped API objects (plain JSON) without casts everywhere.

/** A loosely typed JSON object as decoded from a manifest. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The object at `o[k]`, or undefined when absent or not an object. */
export function getObj(o: Obj | undefined, k: string): Obj | undefined {
  const v = o?.[k];
  return isObj(v) ? v : undefined;
}

/** The object at `o[k]`, created (as `{}`) when absent: for defaulting. */
export function ensureObj(o: Obj, k: string): Obj {
  if (!isObj(o[k])) o[k] = {};
  return o[k] as Obj;
}

/** The array at `o[k]`, or [] (not stored) when absent. */
export function getArr(o: Obj | undefined, k: string): unknown[] {
  const v = o?.[k];
  return Array.isArray(v) ? v : [];
}

/** Array elements that are objects (others are skipped: decoding would have refused them). */
export function objs(o: Obj | undefined, k: string): Obj[] {
  return getArr(o, k).filter(isObj);
}

export function str(o: Obj | undefined, k: string): string {
  const v = o?.[k];
  return typeof v === 'string' ? v : '';
}

/** Sets `o[k] = v` when the field is absent (undefined or null), as Go defaulting of nil pointers does. */
export function setDefault(o: Obj, k: string, v: unknown): void {
  if (o[k] === undefined || o[k] === null) o[k] = v;
}

/** Sets a string field when it is absent or empty (Go defaulting of `if x == ""`). */
export function setDefaultStr(o: Obj, k: string, v: string): void {
  if (o[k] === undefined || o[k] === null || o[k] === '') o[k] = v;
}

/** Semantic deep equality of JSON values (absent and undefined are the same). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const ao = a as Obj;
  const bo = b as Obj;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

/** Sorted own keys of a string map (Go iterates maps randomly; we keep output stable). */
export function sortedKeys(m: Obj | undefined): string[] {
  return m ? Object.keys(m).sort() : [];
}
