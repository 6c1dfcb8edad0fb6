// The types whose JSON is not their protobuf shape: Go's Duration.String (rows from Go's time
// package tests), Time and MicroTime formatting, Quantity, IntOrString, raw JSON and the CRD unions.
import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../../src/server/protobuf/decode';
import { goDuration, specialDecoder } from '../../../src/server/protobuf/special';
import { pb, type PbField } from './pb';

describe('goDuration', () => {
  const ns = 1n, us = 1000n, ms = 1_000_000n, s = 1_000_000_000n, m = 60n * s, h = 60n * m;
  const rows: { input: bigint; want: string }[] = [
    { input: 0n, want: '0s' },
    { input: 1n * ns, want: '1ns' },
    { input: 1100n * ns, want: '1.1µs' },
    { input: 2200n * us, want: '2.2ms' },
    { input: 3300n * ms, want: '3.3s' },
    { input: 4n * m + 5n * s, want: '4m5s' },
    { input: 4n * m + 5001n * ms, want: '4m5.001s' },
    { input: 5n * h + 6n * m + 7001n * ms, want: '5h6m7.001s' },
    { input: 8n * m + 1n * ns, want: '8m0.000000001s' },
    { input: (1n << 63n) - 1n, want: '2562047h47m16.854775807s' },
    { input: -(1n << 63n), want: '-2562047h47m16.854775808s' },
    { input: h, want: '1h0m0s' },
    { input: 90n * s, want: '1m30s' },
    { input: 100n * ms, want: '100ms' },
    { input: -5n * s, want: '-5s' },
  ];
  for (const r of rows) it(`${r.input} -> ${r.want}`, () => expect(goDuration(r.input)).toBe(r.want));
});

function special(name: string, fields: PbField[]): unknown {
  const dec = specialDecoder(name);
  if (!dec) throw new Error(`no special decoder for ${name}`);
  return dec(pb(fields), decodeMessage);
}

describe('special types', () => {
  const rows: { name: string; input: PbField[]; want: unknown }[] = [
    { name: 'meta/v1.Time', input: [], want: null },
    { name: 'meta/v1.Time', input: [[1, 1700000000]], want: '2023-11-14T22:13:20Z' },
    { name: 'meta/v1.Time', input: [[1, 1700000000], [2, 999999999]], want: '2023-11-14T22:13:20Z' },
    { name: 'meta/v1.Time', input: [[1, 0]], want: '1970-01-01T00:00:00Z' },
    { name: 'meta/v1.Time', input: [[1, -1n]], want: '1969-12-31T23:59:59Z' },
    { name: 'meta/v1.MicroTime', input: [], want: null },
    { name: 'meta/v1.MicroTime', input: [[1, 1700000000], [2, 123456789]], want: '2023-11-14T22:13:20.123456Z' },
    { name: 'meta/v1.MicroTime', input: [[1, 1700000000]], want: '2023-11-14T22:13:20.000000Z' },
    { name: 'meta/v1.Duration', input: [], want: '0s' },
    { name: 'meta/v1.Duration', input: [[1, 3_600_000_000_000]], want: '1h0m0s' },
    { name: 'resource.Quantity', input: [], want: '0' },
    { name: 'resource.Quantity', input: [[1, '500m']], want: '500m' },
    { name: 'resource.Quantity', input: [[1, '1Gi']], want: '1Gi' },
    { name: 'intstr.IntOrString', input: [], want: 0 },
    { name: 'intstr.IntOrString', input: [[1, 0], [2, 8080], [3, '']], want: 8080 },
    { name: 'intstr.IntOrString', input: [[1, 1], [2, 0], [3, 'http']], want: 'http' },
    { name: 'intstr.IntOrString', input: [[1, 1], [2, 0], [3, '25%']], want: '25%' },
    { name: 'intstr.IntOrString', input: [[1, 0], [2, 4294967295n]], want: -1 },
    { name: 'runtime.RawExtension', input: [], want: null },
    { name: 'runtime.RawExtension', input: [[1, '{"a":[1,true,null]}']], want: { a: [1, true, null] } },
    { name: 'meta/v1.FieldsV1', input: [[1, '{"f:metadata":{}}']], want: { 'f:metadata': {} } },
    { name: 'apiextensions/v1.JSON', input: [[1, '"x"']], want: 'x' },
    { name: 'apiextensions/v1.JSON', input: [], want: null },
    { name: 'meta/v1.Verbs', input: [[1, 'get'], [1, 'list']], want: ['get', 'list'] },
    { name: 'meta/v1.Verbs', input: [], want: null },
    { name: 'authentication/v1.ExtraValue', input: [[1, 'a']], want: ['a'] },
    { name: 'apiextensions/v1.JSONSchemaPropsOrBool', input: [[1, true]], want: true },
    { name: 'apiextensions/v1.JSONSchemaPropsOrBool', input: [], want: false },
    { name: 'apiextensions/v1.JSONSchemaPropsOrBool', input: [[1, false], [2, [[5, 'string']]]], want: { type: 'string' } },
    { name: 'apiextensions/v1.JSONSchemaPropsOrArray', input: [[1, [[5, 'integer']]]], want: { type: 'integer' } },
    { name: 'apiextensions/v1.JSONSchemaPropsOrArray', input: [[2, [[5, 'integer']]], [2, [[5, 'string']]]], want: [{ type: 'integer' }, { type: 'string' }] },
    { name: 'apiextensions/v1.JSONSchemaPropsOrArray', input: [], want: null },
    { name: 'apiextensions/v1.JSONSchemaPropsOrStringArray', input: [[2, 'a'], [2, 'b']], want: ['a', 'b'] },
    { name: 'apiextensions/v1.JSONSchemaPropsOrStringArray', input: [[1, [[5, 'object']]]], want: { type: 'object' } },
    { name: 'apiextensions/v1.JSONSchemaPropsOrStringArray', input: [], want: null },
  ];
  for (const r of rows) it(`${r.name} ${JSON.stringify(r.input, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`, () => expect(special(r.name, r.input)).toEqual(r.want));

  it('RawExtension that is not JSON is a decode error', () => {
    expect(() => special('runtime.RawExtension', [[1, Uint8Array.from([0x6b, 0x38])]])).toThrow(/RawExtension/);
  });
});
