// Resource quantities (`500m`, `1Gi`, `1e3`): a port of apimachinery's api/resource Quantity,
// exact fixed-point arithmetic on BigInt, with upstream's parsing quirks and canonical form.

/** How a quantity is written back out; kept from the suffix it was parsed with. */
export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** Upstream's error texts (resource.ErrFormatWrong, ErrNumeric, ErrSuffix). */
export const QUANTITY_ERR_FORMAT = `quantities must match the regular expression '${SPLIT_RE}'`;
export const QUANTITY_ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const QUANTITY_ERR_SUFFIX = "unable to parse quantity's suffix";

/** Thrown by Quantity.parse; the message is upstream's wording. */
export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
const NANO = -9;

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18,
};
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXP = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

interface Scanned {
  positive: boolean;
  value: string; // sign + number part, as written
  num: string; // integer digits, leading zeros stripped ("0" when none)
  denom: string; // fraction digits
  suffix: string;
}

/** Upstream's parseQuantityString: a permissive scanner; the suffix is checked afterwards. */
function scan(str: string): Scanned {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end && (str[0] === '-' || str[0] === '+')) {
    positive = str[0] !== '-';
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' };
  pos = i;
  if (num === '') num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  // A non-digit after the exponent's digits: the whole string does not have the expected shape.
  if (pos < end) throw new QuantityError(QUANTITY_ERR_FORMAT);
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

interface Interpreted {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

function interpretSuffix(s: string): Interpreted | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, s)) return { base: 10, exponent: DECIMAL_SUFFIXES[s], format: 'DecimalSI' };
  if (Object.hasOwn(BINARY_SUFFIXES, s)) return { base: 2, exponent: BINARY_SUFFIXES[s], format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E')) {
    // strconv.ParseInt: optional sign then decimal digits, within int64.
    if (!/^[+-]?[0-9]+$/.test(s.slice(1))) return undefined;
    const n = BigInt(s.slice(1));
    if (n > MAX_INT64 || n < MIN_INT64) return undefined;
    // Upstream keeps the exponent as an int32, silently wrapping larger ones.
    return { base: 10, exponent: Number(BigInt.asIntN(32, n)), format: 'DecimalExponent' };
  }
  return undefined;
}

/**
 * A fixed-point number with a display format, immutable. Its value is `unscaled * 10^exp`.
 * `isDec` mirrors whether upstream would hold it as an inf.Dec instead of an int64 amount; it only
 * matters for upstream's rounding quirks of negative values in value()/milliValue().
 */
export class Quantity {
  private cached: string | undefined;

  private constructor(
    private readonly unscaled: bigint,
    private readonly exp: number,
    /** The format the canonical string uses. */
    readonly format: QuantityFormat,
    private readonly isDec: boolean,
    cached?: string,
  ) {
    this.cached = cached;
  }

  /** Parses a quantity like resource.ParseQuantity; throws QuantityError with upstream's message. */
  static parse(str: string): Quantity {
    if (str.length === 0) throw new QuantityError(QUANTITY_ERR_FORMAT);
    if (str === '0') return new Quantity(0n, 0, 'DecimalSI', false, str);
    const sc = scan(str);
    const it = interpretSuffix(sc.suffix);
    if (!it) throw new QuantityError(QUANTITY_ERR_SUFFIX);
    const { base, exponent } = it;
    let format = it.format;

    // Upstream's int64 fast path: taken when the digits surely fit; the result stays exact and
    // the input string is kept as the canonical one when it already looks canonical.
    let precision: number;
    let scale = 0;
    let mantissa = 1n;
    if (format === 'BinarySI') {
      if (exponent >= 0 && sc.denom.length === 0) {
        mantissa = 1n << BigInt(exponent);
        precision = 15 - sc.num.length - Math.trunc((exponent * 3) / 10) - 1;
      } else {
        precision = -1;
      }
    } else {
      scale = exponent;
      precision = 18 - (sc.num.length + sc.denom.length);
    }
    if (precision >= 0) {
      scale -= sc.denom.length;
      if (scale >= NANO) {
        const shifted = sc.num + sc.denom;
        const value = BigInt(shifted);
        let result = value * mantissa;
        if (result <= MAX_INT64) {
          if (!sc.positive) result = -result;
          let keep = false;
          if (format === 'BinarySI') keep = exponent % 10 === 0 && (value & 7n) !== 0n;
          else keep = scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
          return new Quantity(result, scale, format, false, keep ? str : undefined);
        }
      }
    }

    // The arbitrary-precision path.
    const digits = sc.num + sc.denom;
    if (!/^[0-9]+$/.test(digits)) throw new QuantityError(QUANTITY_ERR_NUMERIC);
    let amount = BigInt(digits); // magnitude
    let exp = -sc.denom.length;
    if (base === 10) exp += exponent;
    else amount *= 1n << BigInt(exponent);
    // Non-zero values are rounded up (away from zero) to a whole number of nanos, so that asking
    // for a tiny amount of something still gets some of it.
    if (amount !== 0n && exp < NANO) {
      const div = pow10(NANO - exp);
      const q = amount / div;
      amount = amount % div === 0n ? q : q + 1n;
      exp = NANO;
    }
    if (format === 'BinarySI') {
      if (cmpParts(amount, exp, MAX_INT64, 0) > 0) {
        amount = MAX_INT64;
        exp = 0;
      }
      if (amount !== 0n && cmpParts(amount, exp, 1n, 0) < 0) format = 'DecimalSI';
    }
    return new Quantity(sc.positive ? amount : -amount, exp, format, true);
  }

  /** parse() as a result object, for callers that validate user input. */
  static tryParse(str: string): { ok: true; quantity: Quantity } | { ok: false; error: QuantityError } {
    try {
      return { ok: true, quantity: Quantity.parse(str) };
    } catch (e) {
      if (e instanceof QuantityError) return { ok: false, error: e };
      throw e;
    }
  }

  /** resource.NewQuantity: an integer value in a format. */
  static fromValue(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), 0, format, false);
  }

  /** resource.NewMilliQuantity: value/1000 in a format. */
  static fromMilli(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), -3, format, false);
  }

  /** resource.NewScaledQuantity: value * 10^scale, DecimalSI. */
  static fromScaled(value: number | bigint, scale: number): Quantity {
    return new Quantity(BigInt(value), scale, 'DecimalSI', false);
  }

  /** The zero quantity in a format (what a missing request counts as). */
  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, 0, format, false);
  }

  /** A copy displayed in another format. */
  withFormat(format: QuantityFormat): Quantity {
    return new Quantity(this.unscaled, this.exp, format, this.isDec);
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  /** -1, 0 or 1. */
  sign(): number {
    return this.unscaled === 0n ? 0 : this.unscaled > 0n ? 1 : -1;
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than other. */
  cmp(other: Quantity): number {
    return cmpParts(this.unscaled, this.exp, other.unscaled, other.exp);
  }

  /** Exact equality of values (formats may differ). */
  equals(other: Quantity): boolean {
    return this.cmp(other) === 0;
  }

  /** this + other; when this is zero the result takes other's format (as upstream Add). */
  add(other: Quantity): Quantity {
    const format = this.isZero() ? other.format : this.format;
    return Quantity.combine(this, other, 1n, format);
  }

  /** this - other; when this is zero the result takes other's format (as upstream Sub). */
  sub(other: Quantity): Quantity {
    const format = this.isZero() ? other.format : this.format;
    return Quantity.combine(this, other, -1n, format);
  }

  /** this * n, exact. */
  mul(n: number | bigint): Quantity {
    const r = this.unscaled * BigInt(n);
    const isDec = this.isDec || r > MAX_INT64 || r < MIN_INT64;
    return new Quantity(r, this.exp, this.format, isDec);
  }

  neg(): Quantity {
    return new Quantity(-this.unscaled, this.exp, this.format, this.isDec);
  }

  /** ceil(q / 10^scale), rounding as upstream ScaledValue does, as a BigInt. */
  scaledValueBig(scale: number): bigint {
    const dif = -this.exp - -scale; // inf.Dec scale difference
    if (dif <= 0) return this.unscaled * pow10(-dif);
    const div = pow10(dif);
    const q = this.unscaled / div; // truncates toward zero
    const rem = this.unscaled % div;
    if (rem === 0n) return q;
    // int64 amounts round away from zero; inf.Dec amounts add one to the truncated quotient.
    if (!this.isDec && this.unscaled < 0n) return q - 1n;
    return q + 1n;
  }

  /** ceil(q / 10^scale) as a number (resource.Quantity.ScaledValue). */
  scaledValue(scale: number): number {
    return Number(this.scaledValueBig(scale));
  }

  /** The value rounded up to an integer (resource.Quantity.Value). */
  value(): number {
    return this.scaledValue(0);
  }

  /** ceil(q * 1000) (resource.Quantity.MilliValue). */
  milliValue(): number {
    return this.scaledValue(-3);
  }

  /** A float approximation, for ratios and percentages. */
  asApproximateFloat64(): number {
    return Number(this.unscaled) * 10 ** this.exp;
  }

  /** The canonical string (resource.Quantity.String); also what JSON serialization writes. */
  toString(): string {
    if (this.cached === undefined) this.cached = this.canonical();
    return this.cached;
  }

  toJSON(): string {
    return this.toString();
  }

  private canonical(): string {
    if (this.unscaled === 0n) return '0';
    let format = this.format;
    if (format === 'BinarySI') {
      const small = this.cmpInt(-1024n) > 0 && this.cmpInt(1024n) < 0;
      if (small || !this.isInteger()) format = 'DecimalSI';
    } else if (format !== 'DecimalSI' && format !== 'DecimalExponent') {
      format = 'DecimalExponent';
    }
    if (format === 'BinarySI') {
      let v = this.scaledValueBig(0);
      let times = 0;
      while (v !== 0n && v % 1024n === 0n) {
        v /= 1024n;
        times++;
      }
      // Past Ei there is no suffix: upstream then prints the bare number (a known upstream quirk).
      return v.toString() + (BINARY_BY_EXP.get(times * 10) ?? '');
    }
    let m = this.unscaled;
    let e = this.exp;
    while (m % 10n === 0n) {
      m /= 10n;
      e++;
    }
    while (e % 3 !== 0) {
      m *= 10n;
      e--;
    }
    if (format === 'DecimalExponent') return m.toString() + (e === 0 ? '' : `e${e}`);
    // v1.32 drops the suffix when none exists for the exponent (e.g. beyond E): faithful quirk.
    return m.toString() + (DECIMAL_BY_EXP.get(e) ?? '');
  }

  private static combine(a: Quantity, b: Quantity, sign: 1n | -1n, format: QuantityFormat): Quantity {
    const e = Math.min(a.exp, b.exp);
    const x = a.unscaled * pow10(a.exp - e);
    const y = sign * b.unscaled * pow10(b.exp - e);
    const r = x + y;
    // Upstream keeps an int64 amount (at the smaller scale) unless something overflows.
    const overflow = [x, y, r].some((v) => v > MAX_INT64 || v < MIN_INT64);
    return new Quantity(r, e, format, a.isDec || b.isDec || overflow);
  }

  private cmpInt(v: bigint): number {
    return cmpParts(this.unscaled, this.exp, v, 0);
  }

  private isInteger(): boolean {
    return this.exp >= 0 || this.unscaled % pow10(-this.exp) === 0n;
  }
}

function cmpParts(a: bigint, ae: number, b: bigint, be: number): number {
  const e = Math.min(ae, be);
  const x = a * pow10(ae - e);
  const y = b * pow10(be - e);
  return x === y ? 0 : x < y ? -1 : 1;
}
