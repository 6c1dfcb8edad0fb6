// Resource quantities inside objects: stored canonical (`0.5` -> `500m`) through the shared
// Quantity type, and compared numerically for validation (requests <= limits).

import { Quantity } from '../quantity';
import type { Obj } from '../validation/json';
import { isObj } from '../validation/json';

/** Canonical form of a quantity string, or the input unchanged when it does not parse (decode refuses it elsewhere). */
export function canonicalQuantity(v: unknown): unknown {
  if (typeof v === 'number') v = String(v);
  if (typeof v !== 'string') return v;
  try {
    return Quantity.parse(v).toString();
  } catch {
    return v;
  }
}

/** Rewrites every value of a ResourceList (`{cpu: "0.5"}`) in canonical form, in place. */
export function canonicalizeResourceList(list: unknown): void {
  if (!isObj(list)) return;
  for (const k of Object.keys(list)) list[k] = canonicalQuantity(list[k]);
}

const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A quantity's numeric value (approximate, for comparisons only); NaN when it does not parse. */
export function quantityValue(v: unknown): number {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:([eE][+-]?[0-9]+)|(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?)$/.exec(s);
  if (!m) return Number.NaN;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * (SUFFIX[m[3] ?? ''] ?? 1);
}

/** Whether a ResourceList has a non-zero quantity for a resource. */
export function hasNonZero(list: Obj | undefined, name: string): boolean {
  if (!list || list[name] === undefined) return false;
  const q = quantityValue(list[name]);
  return Number.isNaN(q) || q !== 0;
}
