// Go value renderings used by jsonpath and custom-columns: fmt %v / %#v / %q and encoding/json.
import { describe, expect, it } from 'vitest';
import { formatGoFloat, goJson, goSharpV, goSprint } from '../../../src/kubectl/jsonpath/gofmt';
import { goQuote } from '../../../src/engine/codec/go-quote';

describe('formatGoFloat (fmt %v of float64)', () => {
  it.each([
    { input: 0, want: '0' },
    { input: 1, want: '1' },
    { input: 1.5, want: '1.5' },
    { input: 123456, want: '123456' },
    { input: 1000000, want: '1e+06' },
    { input: 1234567, want: '1.234567e+06' },
    { input: 0.0001, want: '0.0001' },
    { input: 0.00001, want: '1e-05' },
    { input: -2.5e-7, want: '-2.5e-07' },
    { input: 1e21, want: '1e+21' },
    { input: 1e100, want: '1e+100' },
  ])('$input', ({ input, want }) => {
    expect(formatGoFloat(input)).toBe(want);
  });
});

describe('goSprint (fmt %v)', () => {
  it.each([
    { input: 'x', want: 'x' },
    { input: null, want: '<nil>' },
    { input: true, want: 'true' },
    { input: 3, want: '3' },
    { input: { b: 1, a: 'x' }, want: 'map[a:x b:1]' },
    { input: [1, 'a', null], want: '[1 a <nil>]' },
    { input: { m: {} , l: [] }, want: 'map[l:[] m:map[]]' },
  ])('$input', ({ input, want }) => {
    expect(goSprint(input, 'unstructured')).toBe(want);
  });
});

describe('goQuote (strconv.Quote)', () => {
  it.each([
    { input: 'abc', want: '"abc"' },
    { input: 'a"b\\c', want: '"a\\"b\\\\c"' },
    { input: '\n\t\x00\x7f', want: '"\\n\\t\\x00\\x7f"' },
    { input: 'héllo', want: '"héllo"' },
    { input: '{"\\n"}', want: '"{\\"\\\\n\\"}"' },
  ])('$input', ({ input, want }) => {
    expect(goQuote(input)).toBe(want);
  });
});

describe('goSharpV (fmt %#v of interface{} values)', () => {
  it.each([
    { input: { a: null }, want: 'map[string]interface {}{"a":interface {}(nil)}' },
    { input: { l: [1, 'x'], e: {} }, want: 'map[string]interface {}{"e":map[string]interface {}{}, "l":[]interface {}{1, "x"}}' },
  ])('$want', ({ input, want }) => {
    expect(goSharpV(input, 'unstructured')).toBe(want);
  });
});

describe('goJson (encoding/json)', () => {
  it.each([
    { input: { b: 1, a: [true, null] }, want: '{"a":[true,null],"b":1}' },
    { input: '<a&b>', want: '"\\u003ca\\u0026b\\u003e"' },
    { input: 'tab\there\x01\u2028', want: '"tab\\there\\u0001\\u2028"' },
    { input: 0.0000001, want: '1e-7' },
    { input: {}, want: '{}' },
    { input: [], want: '[]' },
  ])('$want', ({ input, want }) => {
    expect(goJson(input, 'unstructured')).toBe(want);
  });
  it('indents like MarshalIndent with four spaces', () => {
    expect(goJson({ a: [1, {}], b: [] }, 'unstructured', '    ')).toBe(
      '{\n    "a": [\n        1,\n        {}\n    ],\n    "b": []\n}',
    );
  });
});
