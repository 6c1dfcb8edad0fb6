// Order-sensitive JSON equality without serialising: the answer JSON.stringify(a) ===
// JSON.stringify(b) would give, for the hot paths that used to build both strings.

type Json = Record<string, unknown>;

/**
 * Whether JSON.stringify(a) === JSON.stringify(b) (key order included), without building the
 * strings; `skipKey` is left out of every object at depth `skipDepth` (the conditions).
 */
export function sameJson(a: unknown, b: unknown, skipKey = '', skipDepth = -1, depth = 0): boolean {
  if (a === b) return true;
  const ao = a !== null && typeof a === 'object';
  const bo = b !== null && typeof b === 'object';
  if (!ao || !bo) {
    if (ao !== bo) return false;
    return samePrimitiveJson(a, b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] === undefined ? null : a[i], y[i] === undefined ? null : y[i], skipKey, skipDepth, depth + 1)) return false;
    return true;
  }
  const x = a as Json;
  const y = b as Json;
  const skip = depth === skipDepth ? skipKey : undefined;
  // The keys JSON.stringify writes (not skipped, not undefined, not functions), walked in step:
  // two arrays of keys per object, not four (the filtered copies were most of this function's garbage).
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < kx.length && !written(x, kx[i], skip)) i++;
    while (j < ky.length && !written(y, ky[j], skip)) j++;
    if (i === kx.length || j === ky.length) return i === kx.length && j === ky.length;
    if (kx[i] !== ky[j] || !sameJson(x[kx[i]], y[ky[j]], skipKey, skipDepth, depth + 1)) return false;
    i++;
    j++;
  }
}

function written(o: Json, k: string, skip: string | undefined): boolean {
  const v = o[k];
  return k !== skip && v !== undefined && typeof v !== 'function';
}

/**
 * JSON.stringify(a) === JSON.stringify(b) for two non-objects that are not ===, without the
 * strings in the usual cases: distinct strings or booleans differ; distinct numbers are equal
 * only when both print as `null` (NaN, Infinity).
 */
export function samePrimitiveJson(a: unknown, b: unknown): boolean {
  const ta = typeof a;
  const tb = typeof b;
  if (ta === tb && (ta === 'string' || ta === 'boolean')) return false;
  if (ta === 'number' && tb === 'number') return !Number.isFinite(a as number) && !Number.isFinite(b as number);
  return (JSON.stringify(a) ?? 'null') === (JSON.stringify(b) ?? 'null');
}
