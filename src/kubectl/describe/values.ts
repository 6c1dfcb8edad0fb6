// Defensive readers for plain-JSON API objects and Go's value formatting (%v, %d, RFC1123Z times,
// byte lengths, quantities) as describe.go relies on them.
import { Quantity } from '../../engine/api/quantity';
import { compareGo } from '../../engine/api/labels';
import { humanDuration, parseTimestamp } from '../../engine/util/human-duration';
import { utf8Encode, utf8Decode } from '../../engine/util/base64';

/**
 * An untyped JSON value read from an object. Objects come from the server as plain JSON and may
 * lack any field, so they are read through `any` and every leaf goes through the helpers below.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type J = any;

/** A string field, or '' (Go's zero value). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** A numeric field, or 0. */
export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** An integer printed as Go's %d. */
export function int(v: unknown): string {
  return String(Math.trunc(num(v)));
}

/** A list field, or []. */
export function list(v: unknown): J[] {
  return Array.isArray(v) ? v : [];
}

/** An object field, or undefined. */
export function rec(v: unknown): Record<string, J> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, J>) : undefined;
}

/** A string-to-string map field ({} when absent), values coerced to strings. */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(rec(v) ?? {})) out[k] = str(x);
  return out;
}

/** Whether a pointer-like field is set (not undefined or null). */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** Go's %v of a bool (false when unset). */
export function bool(v: unknown): string {
  return v === true ? 'true' : 'false';
}

/** Go's %v of a scalar JSON value: `<nil>` for null, numbers in Go's %v float form. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  const o = rec(v) ?? {};
  const keys = Object.keys(o).sort(compareGo);
  return `map[${keys.map((k) => `${k}:${goValue(o[k])}`).join(' ')}]`;
}

/**
 * %v of a JSON number as an unstructured object holds it: integers are int64 and print plainly;
 * other numbers are float64 and print with %g's shortest form (exponent at 1e21 or below 1e-4).
 */
export function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = n.toExponential().split('e');
    const ev = Number(e);
    return `${m}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  return String(n);
}

/** Go's []string %v: `[a b c]`. */
export function goStrings(v: unknown): string {
  return `[${list(v).map(str).join(' ')}]`;
}

/** sort.Strings. */
export function sortStrings(xs: Iterable<string>): string[] {
  return [...xs].sort(compareGo);
}

/** Length in bytes of the UTF-8 encoding (Go's len on a string). */
export function byteLen(s: string): number {
  return utf8Encode(s).length;
}

/** Go's s[:n] on a UTF-8 string (a cut inside a character leaves a replacement character). */
export function byteSlice(s: string, n: number): string {
  return utf8Decode(utf8Encode(s).slice(0, n));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The zero time.Time in RFC1123Z (what a missing timestamp prints as). */
export const ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

/** time.RFC1123Z in UTC: `Wed, 01 Jan 2025 00:00:00 +0000`; the zero time when missing. */
export function rfc1123z(ts: unknown): string {
  const ms = parseTimestamp(typeof ts === 'string' ? ts : undefined);
  if (ms === undefined) return ZERO_TIME_RFC1123Z;
  const d = new Date(ms);
  const p = (x: number) => String(x).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, '0')} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
  );
}

/** describe.go translateTimestampSince: `<unknown>` for a zero time, else HumanDuration. */
export function since(ts: unknown, now: number): string {
  const ms = parseTimestamp(typeof ts === 'string' ? ts : undefined);
  if (ms === undefined) return '<unknown>';
  return humanDuration(now - ms);
}

/** A quantity field; undefined when absent or unparseable. */
export function quantity(v: unknown): Quantity | undefined {
  if (typeof v === 'number') v = String(v);
  if (typeof v !== 'string') return undefined;
  const r = Quantity.tryParse(v);
  return r.ok ? r.quantity : undefined;
}

/** Quantity.String() of a field: its canonical form, `0` for a missing one (the zero Quantity). */
export function qstr(v: unknown): string {
  return (quantity(v) ?? Quantity.zero()).toString();
}

/** (*Quantity).String() of an optional pointer field: `<nil>` when unset. */
export function qptr(v: unknown): string {
  return isSet(v) ? qstr(v) : '<nil>';
}

/** The resource names of a ResourceList, sorted (SortedResourceNames). */
export function resourceNames(v: unknown): string[] {
  return sortStrings(Object.keys(rec(v) ?? {}));
}

/** intstr.IntOrString.String(). */
export function intOrString(v: unknown): string {
  return typeof v === 'number' ? String(Math.trunc(v)) : str(v);
}

/** metav1.GetControllerOf: the owner reference with controller: true. */
export function controllerOf(obj: J): J | undefined {
  return list(obj?.metadata?.ownerReferences).find((r: J) => r?.controller === true);
}

/** printController: `Kind/name` of the controller, or ''. */
export function printController(obj: J): string {
  const ref = controllerOf(obj);
  return ref ? `${str(ref.kind)}/${str(ref.name)}` : '';
}

/** printBool: True/False. */
export function printBool(v: unknown): string {
  return v === true ? 'True' : 'False';
}

/** printBoolPtr: True/False, `<unset>` when nil. */
export function printBoolPtr(v: unknown): string {
  return isSet(v) ? printBool(v) : '<unset>';
}

/** stringOrNone. */
export function stringOrNone(s: string): string {
  return s.length > 0 ? s : '<none>';
}
