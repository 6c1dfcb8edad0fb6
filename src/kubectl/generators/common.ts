// Helpers every generator shares: result constructors, NAME and required-flag checks with cobra's
// wording, and ObjectMeta built in Go struct field order (so `-o json` prints keys like upstream).
import type { KObject, ObjectMeta, OwnerReference } from '../../engine/api/types';
import type { ParsedFlags } from '../cli/flags';
import type { GeneratorContext, GeneratorResult } from './types';
import { goQuote } from '../../engine/codec/go-quote';

/** A successful build. */
export function ok(object: KObject): GeneratorResult {
  return { ok: true, object };
}

/** A failed build; `error` is kubectl's text without `error: `. */
export function fail(error: string): GeneratorResult {
  return { ok: false, error };
}

/** cmdutil.UsageErrorf: the message plus the pointer to the command's help. */
export function usageError(message: string, path: string[]): string {
  return `${message}\nSee 'kubectl ${path.join(' ')} -h' for help and examples`;
}

/**
 * create.go NameFromCommandArgs: exactly one positional argument before `--`.
 * Returns the name, or the usage error text.
 */
export function nameFromArgs(args: string[], path: string[]): { name: string } | { error: string } {
  if (args.length !== 1) {
    return { error: usageError(`exactly one NAME is required, got ${args.length}`, path) };
  }
  return { name: args[0] };
}

/**
 * cobra's ValidateRequiredFlags, checked before the command runs: flags marked required that the
 * user did not set, listed in flag-name order.
 */
export function missingRequired(flags: ParsedFlags, names: string[]): string | undefined {
  const missing = names.filter((n) => !flags.changed.has(n)).sort();
  if (missing.length === 0) return undefined;
  return `required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`;
}

/** Compares like Go's string < (byte order of UTF-8), which is how encoding/json sorts map keys. */
export function goStringCompare(a: string, b: string): number {
  const ea = utf8Bytes(a);
  const eb = utf8Bytes(b);
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
}

/** A copy of a string map with keys in Go's JSON order (sorted). */
export function sortedMap<V>(m: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of Object.keys(m).sort(goStringCompare)) out[k] = m[k];
  return out;
}

/** UTF-8 encoding without depending on TextEncoder. */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0) ?? 0;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // lone surrogate: Go would write U+FFFD
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) of a string's UTF-8 bytes: how []byte fields marshal. */
export function base64Utf8(s: string): string {
  const b = utf8Bytes(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return out;
}

/** Fields of ObjectMeta a generator sets. */
export interface MetaInput {
  name?: string;
  namespace?: string;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  ownerReferences?: OwnerReference[];
}

/**
 * ObjectMeta in Go field order (name, namespace, creationTimestamp, labels, annotations,
 * ownerReferences), dropping empty fields as omitempty does; creationTimestamp is always null
 * because metav1.Time has no omitempty-able zero value.
 */
export function objectMeta(m: MetaInput): ObjectMeta {
  const out: ObjectMeta = {};
  if (m.name) out.name = m.name;
  if (m.namespace) out.namespace = m.namespace;
  out.creationTimestamp = null;
  if (m.labels && Object.keys(m.labels).length > 0) out.labels = sortedMap(m.labels);
  if (m.annotations && Object.keys(m.annotations).length > 0) out.annotations = sortedMap(m.annotations);
  if (m.ownerReferences && m.ownerReferences.length > 0) out.ownerReferences = m.ownerReferences;
  return out;
}

/** The namespace to write into a generated object: only when -n was explicit (EnforceNamespace). */
export function enforcedNamespace(ctx: GeneratorContext): string | undefined {
  return ctx.enforceNamespace ? ctx.namespace : undefined;
}


/** strconv.Atoi with Go's error text (`strconv.Atoi: parsing "x": invalid syntax`). */
export function atoi(s: string): { value: number } | { error: string } {
  if (!/^[+-]?[0-9]+$/.test(s)) return { error: `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax` };
  const v = Number(s);
  if (!Number.isSafeInteger(v) || Math.abs(v) > 2 ** 63) {
    return { error: `strconv.Atoi: parsing ${goQuote(s)}: value out of range` };
  }
  return { value: v };
}

/** apimachinery util/rand's alphabet (no vowels, no confusable digits). */
const RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A random-looking suffix: ctx.randomString when given, else a fixed FNV-1a hash of `seed`. */
export function randomSuffix(ctx: GeneratorContext, seed: string, length: number): string {
  if (ctx.randomString) return ctx.randomString(length);
  let h = 0x811c9dc5;
  let out = '';
  for (let i = 0; out.length < length; i++) {
    for (const b of utf8Bytes(`${seed}#${i}`)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    out += RAND_ALPHABET[h % RAND_ALPHABET.length];
  }
  return out;
}
