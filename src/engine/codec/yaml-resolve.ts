// YAML 1.1 plain-scalar resolution as go-yaml v2's resolve() does it: the emitter uses it to decide
// whether a string must be quoted, the manifest parser to turn plain scalars into values.
import { isYamlTimestamp } from './yaml-timestamp';

/** The tag a plain scalar resolves to. */
export type ResolvedTag = 'str' | 'bool' | 'int' | 'float' | 'null' | 'timestamp' | 'merge';

/** A resolved plain scalar: its tag and JSON-like value (timestamps keep their text). */
export interface Resolved {
  tag: ResolvedTag;
  value: string | number | boolean | null;
}

const MAP: Record<string, Resolved> = {};
function add(tag: ResolvedTag, value: Resolved['value'], words: string[]): void {
  for (const w of words) MAP[w] = { tag, value };
}
add('bool', true, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
add('bool', false, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
add('null', null, ['', '~', 'null', 'Null', 'NULL']);
add('float', NaN, ['.nan', '.NaN', '.NAN']);
add('float', Infinity, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
add('float', -Infinity, ['-.inf', '-.Inf', '-.INF']);
add('merge', '<<', ['<<']);

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(s, 0, 64) syntax (prefixes 0x, 0o, 0b, leading 0 = octal), as a bigint. */
function parseGoInt(s: string): bigint | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  let body = m[2];
  // BigInt() understands 0x/0o/0b but not a bare leading 0 for octal.
  if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
  const v = BigInt(body.toLowerCase());
  return m[1] === '-' ? -v : v;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's ParseFloat for the forms reachable here; null when Go would fail (syntax or out of range). */
function parseGoFloat(s: string): number | null {
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/**
 * Resolves a plain (unquoted) scalar the way go-yaml v2 does with no tag: the hint of its first
 * byte picks the checks, so `yes`/`on` are booleans, `0x1f`/`017`/`0b11` integers, `1e3`/`.5`
 * floats, `~`/empty null, and `2001-12-14` a timestamp.
 */
export function resolvePlain(s: string): Resolved {
  const c = s.length === 0 ? '' : s[0];
  const isSign = c === '+' || c === '-';
  const isDig = c >= '0' && c <= '9' && c !== '';
  if (!(s === '' || isSign || isDig || c === '.' || 'yYnNtTfFoO~'.includes(c))) return { tag: 'str', value: s };
  const hit = MAP[s];
  if (hit) return hit;
  if (c === '.') {
    // Go's ParseFloat on the whole text; only `.digits[exp]` can succeed here.
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) {
      const f = parseGoFloat(s);
      if (f !== null) return { tag: 'float', value: f };
    }
    return { tag: 'str', value: s };
  }
  if (!isSign && !isDig) return { tag: 'str', value: s };
  if (isYamlTimestamp(s)) return { tag: 'timestamp', value: s };
  const plain = s.split('_').join('');
  const i = parseGoInt(plain);
  if (i !== null && i >= INT64_MIN && i <= INT64_MAX) return { tag: 'int', value: Number(i) };
  // ParseUint rejects signs, so only unsigned text reaches the uint64 range.
  if (i !== null && !isSign && i >= 0n && i <= UINT64_MAX) return { tag: 'int', value: Number(i) };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = parseGoFloat(plain);
    if (f !== null) return { tag: 'float', value: f };
  }
  // go-yaml's own 0b/-0b branches are covered by ParseInt's base-0 prefixes above.
  return { tag: 'str', value: s };
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** go-yaml's isBase60Float: such strings (`1:20`) are quoted on output for YAML 1.1 readers. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

/** True when go-yaml's encoder may print s as a plain scalar (it resolves to !!str and is no base-60 float). */
export function canBePlainString(s: string): boolean {
  return resolvePlain(s).tag === 'str' && !isBase60Float(s);
}
