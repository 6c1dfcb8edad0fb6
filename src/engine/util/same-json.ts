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
    return (JSON.stringify(a) ?? 'null') === (JSON.stringify(b) ?? 'null');
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
  const kx = Object.keys(x).filter((k) => k !== skip && x[k] !== undefined && typeof x[k] !== 'function');
  const ky = Object.keys(y).filter((k) => k !== skip && y[k] !== undefined && typeof y[k] !== 'function');
  if (kx.length !== ky.length) return false;
  for (let i = 0; i < kx.length; i++) {
    if (kx[i] !== ky[i] || !sameJson(x[kx[i]], y[ky[i]], skipKey, skipDepth, depth + 1)) return false;
  }
  return true;
}
