// Table tests for the codec helpers (Go float formatting, YAML 1.1 resolution, key order, JSON
// emitter details) and the parser's safety limits. Expected values are Go/go-yaml facts.
import { describe, expect, it } from 'vitest';
import { formatGoFloatG } from '../../../src/engine/codec/go-float';
import { compareGoStrings, sortKeysDeep, toGoJson } from '../../../src/engine/codec/json-emit';
import { compareGoYamlKeys } from '../../../src/engine/codec/yaml-key-order';
import { MAX_MANIFEST_BYTES, MAX_NESTING_DEPTH, parseManifestStream } from '../../../src/engine/codec/yaml-parse';
import { isBase60Float, resolvePlain } from '../../../src/engine/codec/yaml-resolve';
import { toGoYaml } from '../../../src/engine/codec/yaml-emit';

describe('formatGoFloatG (strconv.FormatFloat(f, g, -1, 64))', () => {
  const rows: { input: number; want: string }[] = [
    { input: 0, want: '0' }, { input: 1, want: '1' }, { input: -2.5, want: '-2.5' }, { input: 100000, want: '100000' },
    { input: 1e6, want: '1e+06' }, { input: 123456789, want: '1.23456789e+08' }, { input: 0.0001, want: '0.0001' },
    { input: 0.00001, want: '1e-05' }, { input: 1e21, want: '1e+21' }, { input: 1e100, want: '1e+100' }, { input: 5e-324, want: '5e-324' },
    { input: Infinity, want: '+Inf' }, { input: -Infinity, want: '-Inf' }, { input: NaN, want: 'NaN' }, { input: 0.1, want: '0.1' },
  ];
  it.each(rows)('$input', ({ input, want }) => expect(formatGoFloatG(input)).toBe(want));
});

describe('resolvePlain (go-yaml v2 resolve)', () => {
  const rows: { input: string; want: [string, unknown] }[] = [
    { input: 'yes', want: ['bool', true] }, { input: 'Off', want: ['bool', false] }, { input: 'yEs', want: ['str', 'yEs'] },
    { input: '~', want: ['null', null] }, { input: '', want: ['null', null] }, { input: '0x1F', want: ['int', 31] },
    { input: '017', want: ['int', 15] }, { input: '0o17', want: ['int', 15] }, { input: '08', want: ['float', 8] },
    { input: '0b101', want: ['int', 5] }, { input: '-0b101', want: ['int', -5] }, { input: '1_000', want: ['int', 1000] },
    { input: '1e3', want: ['float', 1000] }, { input: '.5', want: ['float', 0.5] }, { input: '1e400', want: ['str', '1e400'] },
    { input: '.inf', want: ['float', Infinity] }, { input: '<<', want: ['str', '<<'] }, { input: '2001-12-14', want: ['timestamp', '2001-12-14'] },
    { input: '2002-02-30', want: ['str', '2002-02-30'] }, { input: '1:20', want: ['str', '1:20'] }, { input: '+1', want: ['int', 1] },
    { input: '18446744073709551615', want: ['int', 18446744073709551615] }, { input: '+18446744073709551615', want: ['float', 18446744073709551615] },
  ];
  it.each(rows)('$input', ({ input, want }) => {
    const r = resolvePlain(input);
    expect([r.tag, r.value]).toEqual(want);
  });
  it.each([{ input: '1:20', want: true }, { input: '-1:20:30.5', want: true }, { input: '1:60', want: false }, { input: 'a:1', want: false }])(
    'isBase60Float $input', ({ input, want }) => expect(isBase60Float(input)).toBe(want));
});

describe('go-yaml key order', () => {
  const rows: { input: string[]; want: string[] }[] = [
    { input: ['a10', 'a2', 'a1'], want: ['a1', 'a2', 'a10'] },
    { input: ['b', 'B', 'a', 'A'], want: ['A', 'B', 'a', 'b'] },
    { input: ['a', '_a', '1'], want: ['_a', '1', 'a'] },
    { input: ['x00', 'x0', 'x000'], want: ['x0', 'x00', 'x000'] },
    { input: ['ip-10-0-0-10', 'ip-10-0-0-2'], want: ['ip-10-0-0-2', 'ip-10-0-0-10'] },
  ];
  it.each(rows)('$input', ({ input, want }) => expect([...input].sort(compareGoYamlKeys)).toEqual(want));
});

describe('JSON emitter details', () => {
  it.each([
    { input: { b: 1, a: [] as unknown[], c: {} }, indent: '', want: '{"b":1,"a":[],"c":{}}' },
    { input: { b: 1, a: [1, 'x'] }, indent: '  ', want: '{\n  "b": 1,\n  "a": [\n    1,\n    "x"\n  ]\n}' },
    { input: ['<a&b>', '\u2028', '\u0001'], indent: '', want: '["\\u003ca\\u0026b\\u003e","\\u2028","\\u0001"]' },
    { input: [1e-7, 0.000001, 1e21, -0], indent: '', want: '[1e-7,0.000001,1e+21,0]' },
  ])('$want', ({ input, indent, want }) => expect(toGoJson(input, indent)).toBe(want));

  it('sortKeys orders integer-like keys bytewise, which JS objects cannot hold', () => {
    expect(toGoJson({ b: 1, 10: 2, 2: 3, a: 4 }, '', { sortKeys: true })).toBe('{"10":2,"2":3,"a":4,"b":1}');
  });
  it('sortKeysDeep sorts nested keys and keeps arrays', () => {
    expect(JSON.stringify(sortKeysDeep({ z: [{ y: 1, x: 2 }], a: { d: 1, c: 2 } }))).toBe('{"a":{"c":2,"d":1},"z":[{"x":2,"y":1}]}');
  });
  it.each([{ input: ['\uffff', '\u{10000}'], want: -1 }, { input: ['a', 'ab'], want: -1 }, { input: ['b', 'a'], want: 1 }])(
    'compareGoStrings $input', ({ input, want }) => expect(Math.sign(compareGoStrings(input[0], input[1]))).toBe(want));
  it('NaN is refused like Go', () => expect(() => toGoJson([NaN])).toThrow('json: unsupported value: NaN'));
});

describe('YAML emitter root values', () => {
  it.each([
    { input: 'a', want: 'a\n' }, { input: 'a\nb', want: '|-\n  a\n  b\n' }, { input: {}, want: '{}\n' }, { input: [], want: '[]\n' },
    { input: null, want: 'null\n' }, { input: [[1]], want: '- - 1\n' }, { input: '', want: '""\n' },
  ])('$want', ({ input, want }) => expect(toGoYaml(input)).toBe(want));
});

describe('parser safety limits', () => {
  const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const rows: { name: string; input: string; want: RegExp }[] = [
    { name: 'billion laughs', input: `${laughs.join('\n')}\n`, want: /excessive aliasing/ },
    { name: 'deep flow nesting', input: `${'['.repeat(MAX_NESTING_DEPTH + 5)}${']'.repeat(MAX_NESTING_DEPTH + 5)}\n`, want: /exceeded max depth/ },
    { name: 'deep json nesting', input: `{"a":${'['.repeat(MAX_NESTING_DEPTH + 5)}${']'.repeat(MAX_NESTING_DEPTH + 5)}}`, want: /exceeded max depth/ },
    { name: 'oversized', input: `a: "${'x'.repeat(MAX_MANIFEST_BYTES)}"\n`, want: /larger than/ },
  ];
  it.each(rows)('$name fails fast', ({ input, want }) => {
    const t0 = performance.now();
    const got = parseManifestStream(input);
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.error).toMatch(want);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
