// Go encoding/json output as kubectl -o json prints it: json.MarshalIndent(v, "", "    ") with
// Go's string escaping (HTML-safe) and number formatting, plus Go's sorted-key map order.
import { GoEncodeError, goJsonNumber } from './go-float';

const HEX = '0123456789abcdef';

/** A JSON string literal escaped as Go's encoding/json does (escapeHTML on). */
export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      // A lone surrogate cannot exist in a Go string: Go's decoder turns `\ud800` into U+FFFD.
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else {
        out += '\ufffd';
      }
      continue;
    }
    switch (c) {
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
    }
    if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26) {
      out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    } else if (c === 0x2028 || c === 0x2029) {
      out += `\\u202${HEX[c & 15]}`;
    } else {
      out += s[i];
    }
  }
  return `${out}"`;
}

/** Options of toGoJson. */
export interface GoJsonOptions {
  /**
   * Sort every object's keys as Go sorts map keys (what unstructured objects print like). Prefer
   * this to sortKeysDeep: JS objects always iterate integer-like keys ("2", "10") first.
   */
  sortKeys?: boolean;
}

/**
 * json.MarshalIndent(value, "", indent) as Go prints it: object keys in insertion order (or Go
 * map order with sortKeys), `{}` and `[]` for empty containers, `undefined` properties skipped.
 * An empty indent gives compact json.Marshal output. Throws GoEncodeError for NaN/Infinity like
 * Go's `json: unsupported value: NaN`.
 */
export function toGoJson(value: unknown, indent = '    ', opts: GoJsonOptions = {}): string {
  const parts: string[] = [];
  write(value, '', indent, parts, opts.sortKeys === true);
  return parts.join('');
}

function write(v: unknown, prefix: string, indent: string, out: string[], sort: boolean): void {
  if (v === null || v === undefined) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    case 'number':
      out.push(goJsonNumber(v));
      return;
    case 'bigint':
      out.push(v.toString());
      return;
    case 'string':
      out.push(goJsonString(v));
      return;
    case 'object':
      break;
    default:
      throw new GoEncodeError(`json: unsupported type: ${typeof v}`);
  }
  const inner = prefix + indent;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[');
    v.forEach((item, i) => {
      if (indent === '') out.push(i === 0 ? '' : ',');
      else out.push(i === 0 ? '\n' : ',\n', inner);
      write(item, inner, indent, out, sort);
    });
    if (indent !== '') out.push('\n', prefix);
    out.push(']');
    return;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (sort) keys.sort(compareGoStrings);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{');
  keys.forEach((k, i) => {
    if (indent === '') out.push(i === 0 ? '' : ',', goJsonString(k), ':');
    else out.push(i === 0 ? '\n' : ',\n', inner, goJsonString(k), ': ');
    write(obj[k], inner, indent, out, sort);
  });
  if (indent !== '') out.push('\n', prefix);
  out.push('}');
}

/** Orders strings as Go compares them: by UTF-8 bytes, i.e. by code point (not UTF-16 unit). */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * A deep copy with every object's keys sorted as Go sorts map keys (bytewise); arrays keep order.
 * JS still iterates integer-like keys first, so print with toGoJson's sortKeys option.
 */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((x) => sortKeysDeep(x)) as T;
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort(compareGoStrings)) out[k] = sortKeysDeep(obj[k]);
  return out as T;
}
