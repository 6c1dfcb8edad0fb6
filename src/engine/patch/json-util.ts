// JSON value helpers shared by the patch algorithms: type tests, deep equality and copy, and the
// Go `%v` / reflect type spelling that upstream error messages and sort orders are built from.

/** A JSON object as the patch code handles it (mutable, string keys). */
export type JMap = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isMap(v: unknown): v is JMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The Go reflect kind a decoded JSON value would have. */
export type JsonKind = 'map' | 'slice' | 'string' | 'number' | 'bool' | 'nil';

/** The kind of a JSON value, the way reflect.TypeOf distinguishes decoded JSON. */
export function kindOf(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'map';
  }
}

/** Deep equality of JSON values (reflect.DeepEqual on decoded JSON). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) {
      if (!Object.hasOwn(b, k) || !deepEqual(a[k], b[k])) return false;
    }
    return true;
  }
  return false;
}

/** A deep copy of a JSON value, so the algorithms may mutate freely. */
export function deepClone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepClone) as T;
  if (isMap(v)) {
    const out: JMap = {};
    for (const k of Object.keys(v)) out[k] = deepClone(v[k]);
    return out as T;
  }
  return v;
}

// Kubernetes decodes whole JSON numbers as int64 (printed in full by %v); other numbers are
// float64, which %v prints like strconv 'g' shortest: exponent form when exp < -4 or exp >= 6.
function goNumber(n: number): string {
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '');
    return `${mant}e${sign}${digits.length < 2 ? '0' + digits : digits}`;
  }
  return String(n);
}

/** Go's fmt `%v` of a decoded JSON value: `map[a:1 b:[x y]]`, `<nil>`, `true`. */
export function goSprint(v: unknown): string {
  switch (kindOf(v)) {
    case 'nil':
      return '<nil>';
    case 'string':
      return v as string;
    case 'number':
      return goNumber(v as number);
    case 'bool':
      return String(v);
    case 'slice':
      return '[' + (v as unknown[]).map(goSprint).join(' ') + ']';
    default: {
      const m = v as JMap;
      const keys = Object.keys(m).sort(byteCompare);
      return 'map[' + keys.map((k) => `${k}:${goSprint(m[k])}`).join(' ') + ']';
    }
  }
}

/** reflect.TypeOf(v) as `%s` prints it for a decoded JSON value. */
export function goTypeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'nil':
      return '%!s(<nil>)';
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64';
    case 'bool':
      return 'bool';
    case 'slice':
      return '[]interface {}';
    default:
      return 'map[string]interface {}';
  }
}

/** Go string comparison (byte order of UTF-8), which differs from UTF-16 order past U+FFFF. */
export function byteCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}
