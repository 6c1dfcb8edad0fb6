// Go-compatible number formatting: strconv.FormatFloat(f, 'g', -1, 64) as go-yaml prints floats,
// and the JSON number text Go's encoding/json writes (which equals JS String() for finite numbers).

/** Shortest round-trip decimal digits of a positive finite number and its decimal exponent. */
function shortestDigits(n: number): { digits: string; exp: number } {
  // toExponential() with no argument yields the shortest digits that round-trip, like Go's shortest mode.
  const s = n.toExponential();
  const e = s.indexOf('e');
  return { digits: s.slice(0, e).replace('.', ''), exp: Number(s.slice(e + 1)) };
}

/**
 * strconv.FormatFloat(n, 'g', -1, 64): %e when the exponent is < -4 or >= 6 (Go uses precision 6
 * for that decision in shortest mode), %f otherwise; the exponent has at least two digits.
 */
export function formatGoFloatG(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const neg = n < 0;
  const { digits, exp } = shortestDigits(Math.abs(n));
  let out: string;
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ae = Math.abs(exp);
    out = `${mant}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = digits + '0'.repeat(exp + 1 - digits.length);
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? `-${out}` : out;
}

/** Thrown when a value cannot be encoded the way Go would (NaN/Inf in JSON, bad characters in YAML). */
export class GoEncodeError extends Error {
  override name = 'GoEncodeError';
}

/**
 * The text Go's encoding/json writes for a number held in an unstructured object: integers as
 * decimal, floats in %f between 1e-6 and 1e21 and %e (two-digit exponent trimmed) outside, which
 * is exactly JS String(). NaN and infinities are rejected as Go rejects them.
 */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new GoEncodeError(`json: unsupported value: ${formatGoFloatG(n)}`);
  return String(n);
}
