// Go durations (`1h2m3.5s`, `500ms`): time.ParseDuration and time.Duration.String, which kubectl
// flags (--timeout, --since, --grace-period) and status messages use; exact on BigInt nanoseconds.

/** Thrown by parseGoDuration; the message is Go's (`time: invalid duration "x"`). */
export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

const NS = 1n;
const US = 1000n * NS;
const MS = 1000n * US;
const SEC = 1000n * MS;
const MIN = 60n * SEC;
const HOUR = 60n * MIN;
const UNITS = new Map<string, bigint>([
  ['ns', NS], ['us', US], ['\u00b5s', US], ['\u03bcs', US], ['ms', MS], ['s', SEC], ['m', MIN], ['h', HOUR],
]);
const LIMIT = 1n << 63n;

function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/** The time package's own quote(): non-ASCII and control characters as \x escapes of their bytes. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x80 || cp < 0x20) {
      out += utf8Bytes(ch).map((b) => '\\x' + b.toString(16).padStart(2, '0')).join('');
    } else {
      out += ch === '"' || ch === '\\' ? '\\' + ch : ch;
    }
  }
  return out + '"';
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** time.ParseDuration, in nanoseconds. Throws DurationError with Go's messages. */
export function parseGoDurationNs(orig: string): bigint {
  const invalid = () => new DurationError('time: invalid duration ' + quote(orig));
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();
    // Integer part; overflowing it is an error.
    let i = 0;
    let v = 0n;
    while (isDigit(s[i])) {
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > LIMIT) throw invalid();
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    // Fraction part; digits past int64 precision are consumed but ignored, as Go does.
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (isDigit(s[j])) {
        if (!overflow) {
          if (f > (LIMIT - 1n) / 10n) overflow = true;
          else {
            f = f * 10n + BigInt(s.charCodeAt(j) - 48);
            scale *= 10;
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    let k = 0;
    while (k < s.length && !(s[k] === '.' || isDigit(s[k]))) k++;
    if (k === 0) throw new DurationError('time: missing unit in duration ' + quote(orig));
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS.get(u);
    if (unit === undefined) throw new DurationError('time: unknown unit ' + quote(u) + ' in duration ' + quote(orig));
    if (v > LIMIT / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // Go computes the fraction in float64 (exact to the nanosecond for fractions of an hour).
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) throw invalid();
    }
    d += v;
    if (d > LIMIT) throw invalid();
  }
  if (neg) return -d;
  if (d > LIMIT - 1n) throw invalid();
  return d;
}

/** time.ParseDuration, in milliseconds (fractional below a millisecond: `300us` is 0.3). */
export function parseGoDuration(s: string): number {
  return Number(parseGoDurationNs(s)) / 1e6;
}

/** parseGoDuration as a result object, for validating flag values. */
export function tryParseGoDuration(s: string): { ok: true; ms: number } | { ok: false; error: DurationError } {
  try {
    return { ok: true, ms: parseGoDuration(s) };
  } catch (e) {
    if (e instanceof DurationError) return { ok: false, error: e };
    throw e;
  }
}

// v / 10^prec as ".ddd" without trailing zeros (nothing when the fraction is zero), and v's
// integer part.
function frac(v: bigint, prec: number): [string, bigint] {
  const p = 10n ** BigInt(prec);
  const f = (v % p).toString().padStart(prec, '0').replace(/0+$/, '');
  return [f === '' ? '' : '.' + f, v / p];
}

/** time.Duration.String of a nanosecond count: `1h0m0s`, `1m30s`, `1.5s`, `500ms`, `300µs`, `0s`. */
export function formatGoDurationNs(d: bigint): string {
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < SEC) {
    if (u === 0n) return '0s';
    let unit: string;
    let prec: number;
    if (u < US) [unit, prec] = ['ns', 0];
    else if (u < MS) [unit, prec] = ['\u00b5s', 3];
    else [unit, prec] = ['ms', 6];
    const [f, whole] = frac(u, prec);
    out = whole.toString() + f + unit;
  } else {
    const [f, secs] = frac(u, 9);
    u = secs;
    out = (u % 60n).toString() + f + 's';
    u /= 60n;
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n;
      // Stops at hours: days have no fixed length.
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

/** time.Duration.String of a millisecond count (rounded to the nanosecond). */
export function formatGoDuration(ms: number): string {
  return formatGoDurationNs(BigInt(Math.round(ms * 1e6)));
}
