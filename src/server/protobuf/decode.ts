// Decodes one protobuf message of a built-in type into the JSON object Go's encoding/json would print
// for the Go struct gogo-protobuf unmarshals it into: Go field order, omitempty, null for absent
// pointers/slices/maps without omitempty, zero values for absent plain fields, sorted map keys.
import { isScalar, messageFields, type FieldSpec, type Scalar } from './tables';
import { isSliceWrapper, specialDecoder } from './special';
import { ProtobufError, readFields, toInt32, toInt64, toText, unpackVarints, type WireField } from './wire';

const EMPTY = new Uint8Array(0);

/** Decodes `bytes` as message `name` (`apps/v1.Deployment`); throws ProtobufError on malformed input. */
export function decodeMessage(name: string, bytes: Uint8Array): Record<string, unknown> {
  const fields = messageFields(name);
  if (!fields) throw new ProtobufError(`no protobuf table for ${name}`);
  const short = name.slice(name.lastIndexOf('.') + 1);
  const byNum = new Map<number, WireField[]>();
  for (const f of readFields(bytes, short)) {
    const list = byNum.get(f.num);
    if (list) list.push(f);
    else byNum.set(f.num, [f]);
  }
  const out: Record<string, unknown> = {};
  for (const spec of fields) {
    const seen = byNum.get(spec.num) ?? [];
    const value = fieldValue(spec, seen, short);
    if (value === OMIT) continue;
    if (spec.inline) Object.assign(out, value);
    else out[spec.json] = value;
  }
  return out;
}

const OMIT = Symbol('omit');

function fieldValue(spec: FieldSpec, seen: WireField[], message: string): unknown {
  if (spec.container === 'repeated') {
    const items = isScalar(spec.type) ? repeatedScalars(spec, seen, message) : lengthDelimited(spec, seen, message).map((b) => messageValue(spec.type, b));
    if (items.length === 0) return spec.omitempty ? OMIT : null;
    return items;
  }
  if (spec.container === 'map') {
    const entries = lengthDelimited(spec, seen, message).map((b) => mapEntry(spec, b));
    if (entries.length === 0) return spec.omitempty ? OMIT : null;
    // encoding/json prints map keys sorted; a repeated key keeps its last value, as in Go.
    const map = new Map(entries);
    const obj: Record<string, unknown> = {};
    for (const k of [...map.keys()].sort(compareBytes)) obj[k] = map.get(k);
    return obj;
  }
  if (isScalar(spec.type)) {
    const f = seen.at(-1);
    if (!f) {
      if (spec.pointer || spec.type === 'y') return spec.omitempty ? OMIT : null;
      return spec.omitempty ? OMIT : zero(spec.type);
    }
    const v = scalar(spec.type, f, spec, message);
    if (spec.omitempty && !spec.pointer && (v === '' || v === 0 || v === false)) return OMIT;
    return v;
  }
  // A singular message: occurrences merge, which for protobuf is decoding their concatenation.
  const parts = lengthDelimited(spec, seen, message);
  if (parts.length === 0 && spec.pointer) return spec.omitempty ? OMIT : null;
  const v = messageValue(spec.type, concat(parts));
  if (v === null && spec.omitempty && isSliceWrapper(spec.type)) return OMIT;
  return v;
}

function messageValue(type: string, bytes: Uint8Array): unknown {
  const special = specialDecoder(type);
  return special ? special(bytes, decodeMessage) : decodeMessage(type, bytes);
}

function mapEntry(spec: FieldSpec, bytes: Uint8Array): [string, unknown] {
  const fields = readFields(bytes, `${spec.json}Entry`);
  const key = fields.filter((f) => f.num === 1).at(-1);
  const keyText = key ? String(scalar(spec.keyType ?? 's', key, spec, 'map key')) : '';
  const val = fields.filter((f) => f.num === 2);
  if (isScalar(spec.type)) {
    const f = val.at(-1);
    return [keyText, f ? scalar(spec.type, f, spec, 'map value') : zero(spec.type)];
  }
  const parts = val.map((f) => {
    if (f.wire !== 2) throw wrongWire(f, spec, 'map value');
    return f.value;
  });
  return [keyText, messageValue(spec.type, concat(parts))];
}

function repeatedScalars(spec: FieldSpec, seen: WireField[], message: string): unknown[] {
  const out: unknown[] = [];
  for (const f of seen) {
    // Numeric and bool lists may come packed (one length-delimited run of varints).
    const type = spec.type as Scalar;
    if (f.wire === 2 && (type === 'i' || type === 'l' || type === 'b')) {
      for (const v of unpackVarints(f.value)) out.push(scalar(type, { num: f.num, wire: 0, value: v }, spec, message));
    } else out.push(scalar(type, f, spec, message));
  }
  return out;
}

function lengthDelimited(spec: FieldSpec, seen: WireField[], message: string): Uint8Array[] {
  return seen.map((f) => {
    if (f.wire !== 2) throw wrongWire(f, spec, message);
    return f.value;
  });
}

function scalar(type: Scalar, f: WireField, spec: FieldSpec, message: string): unknown {
  switch (type) {
    case 's':
      if (f.wire !== 2) throw wrongWire(f, spec, message);
      return toText(f.value);
    case 'y':
      if (f.wire !== 2) throw wrongWire(f, spec, message);
      return Buffer.from(f.value).toString('base64');
    case 'i':
      if (f.wire !== 0) throw wrongWire(f, spec, message);
      return toInt32(f.value);
    case 'l':
      if (f.wire !== 0) throw wrongWire(f, spec, message);
      return toInt64(f.value);
    case 'b':
      if (f.wire !== 0) throw wrongWire(f, spec, message);
      return f.value !== 0n;
    case 'd': {
      if (f.wire !== 1) throw wrongWire(f, spec, message);
      const view = new DataView(new ArrayBuffer(8));
      view.setBigUint64(0, f.value, true);
      return view.getFloat64(0, true);
    }
  }
}

function zero(type: Scalar): unknown {
  return type === 's' ? '' : type === 'b' ? false : type === 'y' ? null : 0;
}

function wrongWire(f: WireField, spec: FieldSpec, message: string): ProtobufError {
  return new ProtobufError(`proto: wrong wireType = ${f.wire} for field ${spec.json || spec.num} in ${message}`);
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 0) return EMPTY;
  if (parts.length === 1) return parts[0];
  return Buffer.concat(parts);
}

/** Go compares map keys as byte strings; for UTF-16 code units this matches outside astral planes. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
