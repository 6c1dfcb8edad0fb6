// Exact value of a Kubernetes quantity string, for comparisons only: kubectl's --sort-by
// orders two strings as quantities when both parse (apimachinery resource.ParseQuantity).

/** A quantity's value as an exact fraction num/den (den > 0). */
export interface Rational {
  num: bigint;
  den: bigint;
}

const DECIMAL_SUFFIXES: Record<string, number> = {
  '': 0, n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18,
};
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';
const MAX_INT64 = (1n << 63n) - 1n;
// Far beyond anything meaningful; keeps `1e999999999` from building a gigantic BigInt.
const MAX_DECIMAL_EXPONENT = 1000;

interface Parts {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** apimachinery's parseQuantityString: sign, digits, optional fraction, then the suffix. */
function splitQuantity(str: string): Parts | undefined {
  let pos = 0;
  const end = str.length;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && str[i] >= '0' && str[i] <= '9') i++;
  const num = str.slice(pos, i) || '0';
  pos = i;
  if (pos >= end) return { positive, num, denom: '', suffix: '' };
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && str[i] >= '0' && str[i] <= '9') i++;
    denom = str.slice(pos, i);
    pos = i;
    if (pos >= end) return { positive, num, denom, suffix: '' };
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (pos >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < end && str[pos] >= '0' && str[pos] <= '9') pos++;
  if (pos >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  return undefined;
}

/** The suffix's base and exponent (apimachinery suffixHandler.interpret), or undefined. */
function interpretSuffix(suffix: string): { base: 2 | 10; exp: number } | undefined {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exp: DECIMAL_SUFFIXES[suffix] };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exp: BINARY_SUFFIXES[suffix] };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const digits = suffix.slice(1);
    if (!/^[+-]?\d+$/.test(digits)) return undefined;
    const v = BigInt(digits);
    if (v > MAX_INT64 || v < -MAX_INT64 - 1n) return undefined;
    // Go truncates the int64 exponent to int32.
    const exp = Number(BigInt.asIntN(32, v));
    return { base: 10, exp: Math.max(-MAX_DECIMAL_EXPONENT, Math.min(MAX_DECIMAL_EXPONENT, exp)) };
  }
  return undefined;
}

/**
 * The value of `str` if resource.ParseQuantity accepts it, else undefined. Like upstream,
 * non-zero values are rounded up (away from zero) to a multiple of 1n, and binary-suffixed
 * values are capped at 2^63-1.
 */
export function quantityValue(str: string): Rational | undefined {
  if (str.length === 0) return undefined;
  const parts = splitQuantity(str);
  if (!parts) return undefined;
  const suffix = interpretSuffix(parts.suffix);
  if (!suffix) return undefined;
  let num = BigInt(parts.num + parts.denom);
  let den = 10n ** BigInt(parts.denom.length);
  if (suffix.base === 2) num *= 2n ** BigInt(suffix.exp);
  else if (suffix.exp >= 0) num *= 10n ** BigInt(suffix.exp);
  else den *= 10n ** BigInt(-suffix.exp);
  // Round the magnitude up to whole nanos.
  const nanos = num * 1_000_000_000n;
  if (nanos % den !== 0n) {
    num = nanos / den + 1n;
    den = 1_000_000_000n;
  }
  if (suffix.base === 2 && num > MAX_INT64 * den) {
    num = MAX_INT64;
    den = 1n;
  }
  return { num: parts.positive ? num : -num, den };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareRational(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}
