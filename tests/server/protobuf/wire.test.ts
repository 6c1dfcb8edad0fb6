// Protobuf wire reading: varints (64-bit, two's complement), field splitting, packed runs and the
// errors for truncated or malformed input.
import { describe, expect, it } from 'vitest';
import { ProtobufError, readFields, readVarint, toInt32, toInt64, unpackVarints } from '../../../src/server/protobuf/wire';

describe('readVarint', () => {
  const rows: { input: number[]; want: bigint; next: number }[] = [
    { input: [0x00], want: 0n, next: 1 },
    { input: [0x01], want: 1n, next: 1 },
    { input: [0x7f], want: 127n, next: 1 },
    { input: [0x80, 0x01], want: 128n, next: 2 },
    { input: [0xac, 0x02], want: 300n, next: 2 },
    { input: [0xff, 0xff, 0xff, 0xff, 0x07], want: 2147483647n, next: 5 },
    { input: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], want: 18446744073709551615n, next: 10 },
    { input: [0x96, 0x01, 0x05], want: 150n, next: 2 },
  ];
  for (const r of rows) it(`${r.input.join(',')} -> ${r.want}`, () => expect(readVarint(Uint8Array.from(r.input), 0)).toEqual([r.want, r.next]));

  const bad: { input: number[]; want: string }[] = [
    { input: [0x80], want: 'unexpected EOF' },
    { input: [], want: 'unexpected EOF' },
    { input: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], want: 'proto: integer overflow' },
  ];
  for (const r of bad) it(`rejects ${r.input.join(',')}`, () => expect(() => readVarint(Uint8Array.from(r.input), 0)).toThrow(r.want));
});

describe('signed conversions', () => {
  const rows: { input: bigint; int64: number; int32: number }[] = [
    { input: 18446744073709551615n, int64: -1, int32: -1 },
    { input: 18446744073709551614n, int64: -2, int32: -2 },
    { input: 4294967295n, int64: 4294967295, int32: -1 },
    { input: 2147483648n, int64: 2147483648, int32: -2147483648 },
    { input: 42n, int64: 42, int32: 42 },
  ];
  for (const r of rows) {
    it(`${r.input}`, () => {
      expect(toInt64(r.input)).toBe(r.int64);
      expect(toInt32(r.input)).toBe(r.int32);
    });
  }
});

describe('readFields', () => {
  it('splits varint, fixed64, length-delimited and fixed32 fields in order', () => {
    const buf = Uint8Array.from([0x08, 0x96, 0x01, 0x11, 1, 0, 0, 0, 0, 0, 0, 0, 0x1a, 0x02, 0x68, 0x69, 0x25, 2, 0, 0, 0]);
    expect(readFields(buf, 'M')).toEqual([
      { num: 1, wire: 0, value: 150n },
      { num: 2, wire: 1, value: 1n },
      { num: 3, wire: 2, value: Uint8Array.from([0x68, 0x69]) },
      { num: 4, wire: 5, value: 2n },
    ]);
  });
  it('reads field numbers past 15 (two-byte keys)', () => {
    expect(readFields(Uint8Array.from([0x80, 0x01, 0x05]), 'M')).toEqual([{ num: 16, wire: 0, value: 5n }]);
  });
  const bad: { input: number[]; want: string }[] = [
    { input: [0x0a, 0x05, 0x61], want: 'unexpected EOF' },
    { input: [0x11, 0x01], want: 'unexpected EOF' },
    { input: [0x00, 0x01], want: 'proto: M: illegal tag 0 (wire type 0)' },
    { input: [0x0c], want: 'proto: M: wiretype end group for non-group' },
    { input: [0x0b], want: 'proto: illegal wireType 3' },
    { input: [0x0e], want: 'proto: illegal wireType 6' },
  ];
  for (const r of bad) {
    it(`rejects ${r.input.join(',')}`, () => {
      expect(() => readFields(Uint8Array.from(r.input), 'M')).toThrow(ProtobufError);
      expect(() => readFields(Uint8Array.from(r.input), 'M')).toThrow(r.want);
    });
  }
});

describe('unpackVarints', () => {
  it('reads a packed run', () => expect(unpackVarints(Uint8Array.from([0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05]))).toEqual([3n, 270n, 86942n]));
  it('reads an empty run', () => expect(unpackVarints(new Uint8Array())).toEqual([]));
});
