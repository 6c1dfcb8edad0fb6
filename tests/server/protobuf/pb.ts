// A tiny protobuf encoder for the decoder tests: builds messages field by field, so each test row
// states its wire bytes the way gogo-protobuf would write them.

/** One field: varint (number/bigint/boolean), length-delimited (string/bytes/nested fields), or raw. */
export type PbValue = number | bigint | boolean | string | Uint8Array | PbField[];
export type PbField = [num: number, value: PbValue] | [num: number, value: number, wire: 1];

function varint(v: bigint): number[] {
  let u = BigInt.asUintN(64, v);
  const out: number[] = [];
  do {
    const b = Number(u & 0x7fn);
    u >>= 7n;
    out.push(u > 0n ? b | 0x80 : b);
  } while (u > 0n);
  return out;
}

/** Encodes fields in the order given. `[num, double, 1]` writes a 64-bit float. */
export function pb(fields: PbField[]): Uint8Array {
  const out: number[] = [];
  for (const f of fields) {
    const [num, value] = f;
    if (f.length === 3) {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, value as number, true);
      out.push(...varint(BigInt((num << 3) | 1)), ...new Uint8Array(view.buffer));
    } else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
      out.push(...varint(BigInt((num << 3) | 0)), ...varint(BigInt(typeof value === 'boolean' ? Number(value) : value)));
    } else {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value instanceof Uint8Array ? value : pb(value);
      out.push(...varint(BigInt((num << 3) | 2)), ...varint(BigInt(bytes.length)), ...bytes);
    }
  }
  return Uint8Array.from(out);
}

/** A full request body: `k8s\0` + runtime.Unknown{typeMeta, raw, contentEncoding "", contentType ""}. */
export function envelope(apiVersion: string, kind: string, raw: PbField[] | Uint8Array): Uint8Array {
  const unknown = pb([[1, [[1, apiVersion], [2, kind]]], [2, raw instanceof Uint8Array ? raw : pb(raw)], [3, ''], [4, '']]);
  return Uint8Array.from([0x6b, 0x38, 0x73, 0x00, ...unknown]);
}
