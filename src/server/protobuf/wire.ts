// Protobuf wire format: splits a message's bytes into its fields (number, wire type, value), with
// gogo-protobuf's error wording for malformed input, which the apiserver would put in its 400.

/** Thrown for bytes that are not a well-formed protobuf message. */
export class ProtobufError extends Error {
  override name = 'ProtobufError';
}

/** One field occurrence: varints and fixed-width values as bigint, length-delimited ones as bytes. */
export type WireField =
  | { num: number; wire: 0 | 1 | 5; value: bigint }
  | { num: number; wire: 2; value: Uint8Array };

/** Reads a base-128 varint at `pos`; returns the value (unsigned, 64-bit) and the next position. */
export function readVarint(buf: Uint8Array, pos: number): [bigint, number] {
  let result = 0n;
  for (let shift = 0n; ; shift += 7n) {
    if (shift >= 70n) throw new ProtobufError('proto: integer overflow');
    if (pos >= buf.length) throw new ProtobufError('unexpected EOF');
    const b = buf[pos++];
    result |= BigInt(b & 0x7f) << shift;
    if (b < 0x80) break;
  }
  return [BigInt.asUintN(64, result), pos];
}

function readFixed(buf: Uint8Array, pos: number, size: 4 | 8): bigint {
  if (pos + size > buf.length) throw new ProtobufError('unexpected EOF');
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(buf[pos + i]);
  return v;
}

/** Splits `buf` into its fields in wire order; `message` names the type in error messages. */
export function readFields(buf: Uint8Array, message: string): WireField[] {
  const out: WireField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [key, p1] = readVarint(buf, pos);
    pos = p1;
    const wire = Number(key & 7n);
    const num = Number(key >> 3n);
    if (wire === 4) throw new ProtobufError(`proto: ${message}: wiretype end group for non-group`);
    if (num <= 0) throw new ProtobufError(`proto: ${message}: illegal tag ${num} (wire type ${wire})`);
    switch (wire) {
      case 0: {
        const [v, p] = readVarint(buf, pos);
        out.push({ num, wire, value: v });
        pos = p;
        break;
      }
      case 1:
        out.push({ num, wire, value: readFixed(buf, pos, 8) });
        pos += 8;
        break;
      case 5:
        out.push({ num, wire, value: readFixed(buf, pos, 4) });
        pos += 4;
        break;
      case 2: {
        const [len, p] = readVarint(buf, pos);
        if (len > BigInt(buf.length - p)) throw new ProtobufError('unexpected EOF');
        out.push({ num, wire, value: buf.subarray(p, p + Number(len)) });
        pos = p + Number(len);
        break;
      }
      default:
        // Groups (3) are proto1 relics no Kubernetes type uses; gogo skips them, we refuse them.
        throw new ProtobufError(`proto: illegal wireType ${wire}`);
    }
  }
  return out;
}

/** The varints packed in one length-delimited value (proto3-style packed repeated scalars). */
export function unpackVarints(buf: Uint8Array): bigint[] {
  const out: bigint[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [v, p] = readVarint(buf, pos);
    out.push(v);
    pos = p;
  }
  return out;
}

/** A 64-bit varint as Go's int64 (two's complement), as a JavaScript number. */
export function toInt64(v: bigint): number {
  return Number(BigInt.asIntN(64, v));
}

/** A varint as Go's int32 (gogo truncates to the low 32 bits). */
export function toInt32(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

const utf8 = new TextDecoder('utf-8');

/** Bytes as a Go string would print through encoding/json (invalid UTF-8 becomes U+FFFD). */
export function toText(b: Uint8Array): string {
  return utf8.decode(b);
}
