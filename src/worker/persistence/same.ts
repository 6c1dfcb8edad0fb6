// Deep equality of JSON-like values (what the engine's snapshot state is made of): lets a save
// skip rewriting a large record whose content did not change since it was last written.

/** True when `a` and `b` are the same JSON value (plain objects compared key by key, arrays in order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bs[i])) return false;
    return true;
  }
  const ak = Object.keys(a);
  const bo = b as Record<string, unknown>;
  if (ak.length !== Object.keys(bo).length) return false;
  for (const k of ak) if (!Object.hasOwn(bo, k) || !sameJson((a as Record<string, unknown>)[k], bo[k])) return false;
  return true;
}
