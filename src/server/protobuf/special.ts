// The apimachinery types whose Go JSON differs from their protobuf shape: Time, MicroTime, Duration,
// Quantity, IntOrString, RawExtension, FieldsV1, apiextensions JSON and its JSONSchemaPropsOr* unions,
// and the wrapper messages go-to-protobuf emits for named string slices (Verbs, ExtraValue).
import { ProtobufError, readFields, toInt32, toInt64, toText, type WireField } from './wire';

/** Decodes a nested message by name (the generic decoder), for the unions that hold schemas. */
export type DecodeMessage = (name: string, bytes: Uint8Array) => Record<string, unknown>;

/** A special type's decoder: its bytes (empty when absent) -> the JSON Go prints for it. */
type SpecialDecoder = (bytes: Uint8Array, decode: DecodeMessage) => unknown;

function last(fields: WireField[], num: number): WireField | undefined {
  for (let i = fields.length - 1; i >= 0; i--) if (fields[i].num === num) return fields[i];
  return undefined;
}

function varintOf(fields: WireField[], num: number): bigint {
  const f = last(fields, num);
  if (!f) return 0n;
  if (f.wire !== 0) throw new ProtobufError(`proto: wrong wireType = ${f.wire} for field ${num}`);
  return f.value;
}

function bytesOf(fields: WireField[], num: number): Uint8Array | undefined {
  const f = last(fields, num);
  if (!f) return undefined;
  if (f.wire !== 2) throw new ProtobufError(`proto: wrong wireType = ${f.wire} for field ${num}`);
  return f.value;
}

function allBytes(fields: WireField[], num: number): Uint8Array[] {
  return fields.filter((f): f is WireField & { wire: 2 } => f.num === num && f.wire === 2).map((f) => f.value);
}

/** Seconds + nanos as Go's time.Unix normalises them: [whole seconds, nanoseconds in 0..1e9). */
function unixParts(fields: WireField[]): [number, number] {
  const total = BigInt.asIntN(64, varintOf(fields, 1)) * 1_000_000_000n + BigInt(toInt32(varintOf(fields, 2)));
  let sec = total / 1_000_000_000n;
  let ns = total % 1_000_000_000n;
  if (ns < 0n) {
    ns += 1_000_000_000n;
    sec -= 1n;
  }
  return [Number(sec), Number(ns)];
}

function rfc3339(sec: number): string {
  return new Date(sec * 1000).toISOString().slice(0, 19);
}

/** metav1.Time: the zero time (an empty message) prints null, anything else RFC 3339 in UTC, seconds only. */
function decodeTime(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return null;
  const [sec] = unixParts(readFields(bytes, 'Timestamp'));
  return `${rfc3339(sec)}Z`;
}

/** metav1.MicroTime: as Time but with six fractional digits. */
function decodeMicroTime(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return null;
  const [sec, ns] = unixParts(readFields(bytes, 'Timestamp'));
  return `${rfc3339(sec)}.${String(Math.floor(ns / 1000)).padStart(6, '0')}Z`;
}

/** Go's fmtFrac: v / 10^prec's fraction without trailing zeros (no dot when it is zero). */
function frac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let printed = false;
  for (let i = 0; i < prec; i++) {
    const d = v % 10n;
    printed ||= d !== 0n;
    if (printed) digits = String(d) + digits;
    v /= 10n;
  }
  return [printed ? `.${digits}` : '', v];
}

/** Go's time.Duration.String: `1h0m0s`, `1.5s`, `100ms`, `2µs`, `0s`. */
export function goDuration(ns: bigint): string {
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let s: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    const [unit, prec] = u < 1000n ? ['ns', 0] : u < 1_000_000n ? ['µs', 3] : ['ms', 6];
    const [f, whole] = frac(u, prec);
    s = `${whole}${f}${unit}`;
  } else {
    const [f, secs] = frac(u, 9);
    u = secs;
    s = `${u % 60n}${f}s`;
    u /= 60n;
    if (u > 0n) {
      s = `${u % 60n}m${s}`;
      u /= 60n;
      if (u > 0n) s = `${u}h${s}`;
    }
  }
  return neg ? `-${s}` : s;
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(toText(bytes)) as unknown;
  } catch (e) {
    throw new ProtobufError(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** RawExtension, FieldsV1, apiextensions JSON: raw JSON bytes, or null when empty. */
function rawJson(what: string): SpecialDecoder {
  return (bytes) => {
    const raw = bytesOf(readFields(bytes, what), 1);
    return raw && raw.length > 0 ? parseJson(raw, what) : null;
  };
}

/** A wrapper message `{ repeated string items = 1 }` standing for a Go named []string. */
function stringItems(what: string): SpecialDecoder {
  return (bytes) => {
    const items = allBytes(readFields(bytes, what), 1).map(toText);
    return items.length > 0 ? items : null;
  };
}

const SCHEMA = 'apiextensions/v1.JSONSchemaProps';

const DECODERS: Record<string, SpecialDecoder> = {
  'meta/v1.Time': decodeTime,
  'meta/v1.MicroTime': decodeMicroTime,
  'meta/v1.Duration': (b) => goDuration(BigInt.asIntN(64, varintOf(readFields(b, 'Duration'), 1))),
  // Quantity: kubectl sends the canonical string; the zero Quantity prints "0".
  'resource.Quantity': (b) => {
    const s = bytesOf(readFields(b, 'Quantity'), 1);
    return s && s.length > 0 ? toText(s) : '0';
  },
  'intstr.IntOrString': (b) => {
    const f = readFields(b, 'IntOrString');
    if (toInt64(varintOf(f, 1)) === 1) return toText(bytesOf(f, 3) ?? new Uint8Array());
    return toInt32(varintOf(f, 2));
  },
  'runtime.RawExtension': rawJson('RawExtension'),
  'meta/v1.FieldsV1': rawJson('FieldsV1'),
  'apiextensions/v1.JSON': rawJson('JSON'),
  'meta/v1.Verbs': stringItems('Verbs'),
  'authentication/v1.ExtraValue': stringItems('ExtraValue'),
  'authorization/v1.ExtraValue': stringItems('ExtraValue'),
  'apiextensions/v1.JSONSchemaPropsOrArray': (b, decode) => {
    const f = readFields(b, 'JSONSchemaPropsOrArray');
    const list = allBytes(f, 2);
    if (list.length > 0) return list.map((x) => decode(SCHEMA, x));
    const one = bytesOf(f, 1);
    return one ? decode(SCHEMA, one) : null;
  },
  'apiextensions/v1.JSONSchemaPropsOrBool': (b, decode) => {
    const f = readFields(b, 'JSONSchemaPropsOrBool');
    const schema = bytesOf(f, 2);
    if (schema) return decode(SCHEMA, schema);
    return varintOf(f, 1) !== 0n;
  },
  'apiextensions/v1.JSONSchemaPropsOrStringArray': (b, decode) => {
    const f = readFields(b, 'JSONSchemaPropsOrStringArray');
    const props = allBytes(f, 2).map(toText);
    if (props.length > 0) return props;
    const schema = bytesOf(f, 1);
    return schema ? decode(SCHEMA, schema) : null;
  },
};

/** The decoder for a message with its own JSON form, if `name` is one. */
export function specialDecoder(name: string): SpecialDecoder | undefined {
  return Object.hasOwn(DECODERS, name) ? DECODERS[name] : undefined;
}

/** Special types that are Go slices, so `omitempty` drops them when empty (they print null). */
export function isSliceWrapper(name: string): boolean {
  return name === 'meta/v1.Verbs' || name.endsWith('.ExtraValue');
}
