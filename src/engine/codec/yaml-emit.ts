// Prints a JSON-like value exactly as `kubectl -o yaml` does: sigs.k8s.io/yaml marshals to JSON,
// reads that back with go-yaml v2 and emits it with go-yaml v2's (libyaml's) emitter.
import { formatGoFloatG, GoEncodeError, goJsonNumber } from './go-float';
import { compareGoYamlKeys } from './yaml-key-order';
import { canBePlainString, resolvePlain } from './yaml-resolve';
import { analyzeScalar, selectStyle, writeScalar, type ScalarStyle } from './yaml-emit-scalar';
import { YamlWriter } from './yaml-writer';

/** Keys longer than this (in UTF-8 bytes) are written as `? key` complex keys, as libyaml does. */
const MAX_SIMPLE_KEY_BYTES = 128;

interface NodeContext {
  /** The node is a mapping value (a block sequence there is written without extra indentation). */
  mapping: boolean;
  /** The node is a simple mapping key (no folding, multi-line forces double quotes). */
  simpleKey: boolean;
}

/**
 * The Go YAML text of value (objects, arrays, strings, finite numbers, booleans, null), ending
 * with a newline. Map keys are sorted in go-yaml v2 order; `undefined` properties are skipped as
 * JSON.stringify does. Throws GoEncodeError where kubectl fails: NaN/Infinity (`json: unsupported
 * value: NaN`) and characters go-yaml's reader rejects (`yaml: control characters are not allowed`).
 */
export function toGoYaml(value: unknown): string {
  const w = new YamlWriter();
  emitNode(w, value, { mapping: false, simpleKey: false });
  // Document end: finish the last line.
  w.writeIndent();
  return w.text();
}

/**
 * A string as go-yaml reads it back from Go's JSON text: Go's JSON leaves U+0085 (NEL) and
 * U+007F-U+009F unescaped, and in a double-quoted YAML scalar a raw NEL is a line break that gets
 * folded (with the spaces around it). Characters the YAML reader refuses make kubectl fail.
 */
export function jsonRoundTripString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const cu = s.charCodeAt(i);
    if (cu >= 0xd800 && cu <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      // Lone surrogates are invalid UTF-8 for Go: encoding/json writes U+FFFD instead.
      if (cu <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else {
        out += '\ufffd';
      }
      continue;
    }
    if ((cu >= 0x7f && cu <= 0x84) || (cu >= 0x86 && cu <= 0x9f) || cu === 0xfffe || cu === 0xffff) {
      throw new GoEncodeError('yaml: control characters are not allowed');
    }
    out += s[i];
  }
  if (!out.includes('\u0085')) return out;
  // Fold each run of spaces and NELs that holds a NEL: one break gives a space, n breaks n-1 newlines.
  return out.replace(/[ \u0085]+/g, (run) => {
    const breaks = run.split('\u0085').length - 1;
    if (breaks === 0) return run;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

function emitNode(w: YamlWriter, value: unknown, ctx: NodeContext): void {
  if (value === null || value === undefined) return emitScalar(w, 'null', 'plain', ctx);
  switch (typeof value) {
    case 'boolean':
      return emitScalar(w, value ? 'true' : 'false', 'plain', ctx);
    case 'number':
      return emitScalar(w, yamlNumber(value), 'plain', ctx);
    case 'bigint':
      return emitScalar(w, value.toString(), 'plain', ctx);
    case 'string':
      return emitString(w, jsonRoundTripString(value), ctx);
    case 'object':
      if (Array.isArray(value)) return emitSequence(w, value, ctx);
      return emitMapping(w, value as Record<string, unknown>, ctx);
    default:
      throw new GoEncodeError(`json: unsupported type: ${typeof value}`);
  }
}

/** The number as go-yaml prints it after reading Go's JSON text: ints as ints, the rest via %g. */
export function yamlNumber(n: number): string {
  const text = goJsonNumber(n);
  const r = resolvePlain(text);
  if (r.tag === 'int') return /^-?\d+$/.test(text) ? text.replace(/^-0$/, '0') : String(r.value);
  return formatGoFloatG(r.value as number);
}

/** go-yaml's stringv: quote what would resolve to something else, literal style for newlines. */
function emitString(w: YamlWriter, s: string, ctx: NodeContext): void {
  let style: ScalarStyle;
  if (s.includes('\n')) style = 'literal';
  else if (canBePlainString(s)) style = 'plain';
  else style = 'double';
  emitScalar(w, s, style, ctx);
}

function emitScalar(w: YamlWriter, s: string, requested: ScalarStyle, ctx: NodeContext): void {
  const chars = Array.from(s);
  const style = selectStyle(requested, analyzeScalar(chars), chars.length === 0, ctx.simpleKey);
  w.increaseIndent(true, false);
  writeScalar(w, chars, style, !ctx.simpleKey);
  w.popIndent();
}

function emitSequence(w: YamlWriter, items: unknown[], ctx: NodeContext): void {
  if (items.length === 0) return emitEmptyFlow(w, '[', ']');
  w.increaseIndent(false, ctx.mapping && !w.indention);
  for (const item of items) {
    w.writeIndent();
    w.writeIndicator('-', true, false, true);
    emitNode(w, item === undefined ? null : item, { mapping: false, simpleKey: false });
  }
  w.popIndent();
}

function emitMapping(w: YamlWriter, obj: Record<string, unknown>, _ctx: NodeContext): void {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(compareGoYamlKeys);
  if (keys.length === 0) return emitEmptyFlow(w, '{', '}');
  w.increaseIndent(false, false);
  for (const rawKey of keys) {
    const key = jsonRoundTripString(rawKey);
    w.writeIndent();
    if (isSimpleKey(key)) {
      emitString(w, key, { mapping: true, simpleKey: true });
      w.writeIndicator(':', false, false, false);
    } else {
      w.writeIndicator('?', true, false, true);
      emitString(w, key, { mapping: true, simpleKey: false });
      w.writeIndent();
      w.writeIndicator(':', true, false, true);
    }
    emitNode(w, obj[rawKey], { mapping: true, simpleKey: false });
  }
  w.popIndent();
}

/** yaml_emitter_check_simple_key for a string key: single line and at most 128 bytes. */
function isSimpleKey(key: string): boolean {
  if (/[\r\n\u0085\u2028\u2029]/.test(key)) return false;
  return utf8Length(key) <= MAX_SIMPLE_KEY_BYTES;
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

function emitEmptyFlow(w: YamlWriter, open: string, close: string): void {
  w.writeIndicator(open, true, true, false);
  w.increaseIndent(true, false);
  w.popIndent();
  w.writeIndicator(close, false, false, false);
}
