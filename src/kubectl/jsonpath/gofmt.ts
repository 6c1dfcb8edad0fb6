// Go's text renderings of JSONPath values: fmt's %v, %#v and %q, and encoding/json's
// Marshal/MarshalIndent (sorted keys, HTML-safe escapes), which kubectl prints verbatim.
import type { NumberMode } from './values';
import { GoFloat, GoInt, INVALID, isMap, kindOf, sortedKeys } from './values';
import { goQuote } from '../../engine/codec/go-quote';

/** Go's `%v` of a float64: shortest digits, exponent form below 1e-4 and from 1e6 on. */
export function formatGoFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mant, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mant}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  // Within this range JavaScript never uses exponent notation either.
  return String(x);
}

/** A whole number as Go prints an int64 (no exponent, whatever its size). */
function formatGoInt(x: number): string {
  return Number.isSafeInteger(x) ? String(x) : BigInt(Math.trunc(x)).toString();
}

/** A number-kinded value as fmt prints it. */
function formatNumber(v: unknown, mode: NumberMode): string {
  const kind = kindOf(v, mode);
  const n = v instanceof GoInt || v instanceof GoFloat ? v.value : (v as number);
  return kind === 'float64' ? formatGoFloat(n) : formatGoInt(n);
}

/** Go's fmt `%v` (also fmt.Sprint): `map[a:1 b:x]`, `[1 2]`, `<nil>`. */
export function goSprint(v: unknown, mode: NumberMode): string {
  if (v === INVALID || v === undefined) return '<invalid reflect.Value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof GoInt || v instanceof GoFloat) return formatNumber(v, mode);
  if (Array.isArray(v)) return `[${v.map((x) => goSprint(x, mode)).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${goSprint(v[k], mode)}`).join(' ')}]`;
  return String(v);
}



/** Go's `%#v` of a value held in an interface{} (how kubectl dumps the object on errors). */
export function goSharpV(v: unknown, mode: NumberMode): string {
  if (v === null || v === undefined || v === INVALID) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof GoInt || v instanceof GoFloat) return formatNumber(v, mode);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, mode)).join(', ')}}`;
  if (isMap(v)) {
    const body = sortedKeys(v).map((k) => `${goQuote(k)}:${goSharpV(v[k], mode)}`);
    return `map[string]interface {}{${body.join(', ')}}`;
  }
  return String(v);
}

/** encoding/json's string escaping (HTML-safe, as json.Marshal does by default). */
function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else {
        out += '\\ufffd';
      }
    } else out += ch;
  }
  return out + '"';
}

/**
 * encoding/json Marshal of a value (map keys sorted); with `indent` it is MarshalIndent
 * with an empty prefix, which is how `-o jsonpath-as-json` prints.
 */
export function goJson(v: unknown, mode: NumberMode, indent = '', depth = 0): string {
  if (v === null || v === undefined || v === INVALID) return 'null';
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof GoInt || v instanceof GoFloat) {
    const n = v instanceof GoInt || v instanceof GoFloat ? v.value : v;
    return kindOf(v, mode) === 'float64' ? String(n) : formatGoInt(n);
  }
  const nl = indent ? '\n' + indent.repeat(depth + 1) : '';
  const close = indent ? '\n' + indent.repeat(depth) : '';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${nl}${v.map((x) => goJson(x, mode, indent, depth + 1)).join(',' + nl)}${close}]`;
  }
  if (isMap(v)) {
    const keys = sortedKeys(v);
    if (keys.length === 0) return '{}';
    const sep = indent ? ': ' : ':';
    const body = keys.map((k) => jsonString(k) + sep + goJson(v[k], mode, indent, depth + 1));
    return `{${nl}${body.join(',' + nl)}${close}}`;
  }
  return 'null';
}
