// --append-hash name hashes: tables from kubectl pkg/util/hash/hash_test.go, plus SHA-256 and Go
// JSON string escaping checked against known values.
import { describe, expect, it } from 'vitest';
import { base64Utf8, utf8Bytes } from '../../../src/kubectl/generators/common';
import { configMapHash, encodeHash, goJsonString, secretHash, sha256Hex } from '../../../src/kubectl/generators/hash';

const b64 = (m: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, base64Utf8(v)]));

describe('ConfigMapHash (hash_test.go)', () => {
  const rows: { desc: string; data: Record<string, string>; want: string }[] = [
    { desc: 'empty data', data: {}, want: '42745tchd9' },
    { desc: 'one key', data: { one: '' }, want: '9g67k2htb6' },
    { desc: 'three keys (tests sorting order)', data: { two: '2', one: '', three: '3' }, want: 'f5h7t85m9b' },
  ];
  for (const r of rows) it(r.desc, () => expect(configMapHash('', r.data)).toBe(r.want));
});

describe('SecretHash (hash_test.go)', () => {
  const rows: { desc: string; data: Record<string, string>; want: string }[] = [
    { desc: 'empty data', data: {}, want: 't75bgf6ctb' },
    { desc: 'one key', data: { one: '' }, want: '74bd68bm66' },
    { desc: 'three keys (tests sorting order)', data: { two: '2', one: '', three: '3' }, want: 'dgcb6h9tmk' },
  ];
  for (const r of rows) it(r.desc, () => expect(secretHash('', 'my-type', b64(r.data))).toBe(r.want));
});

describe('encodeHash (hash_test.go TestEncodeHash)', () => {
  const rows: { input: string; want: string }[] = [
    { input: '0123456789abcdef', want: 'gh2k456789' },
    { input: 'aeaeaeaeae', want: 'mtmtmtmtmt' },
    { input: 'bcdfbcdfbcdf', want: 'bcdfbcdfbc' },
  ];
  for (const r of rows) it(r.input, () => expect(encodeHash(r.input)).toBe(r.want));
});

describe('sha256Hex', () => {
  const rows: { input: string; want: string }[] = [
    { input: '', want: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { input: 'abc', want: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    { input: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', want: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1' },
  ];
  for (const r of rows) it(JSON.stringify(r.input.slice(0, 10)), () => expect(sha256Hex(utf8Bytes(r.input))).toBe(r.want));
  it('handles multi-block input like a streaming hash of the same bytes', () => {
    // 1,000,000 x 'a' is the FIPS 180-2 long test vector; a 1000-byte one keeps the test fast.
    expect(sha256Hex(utf8Bytes('a'.repeat(1000)))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });
});

describe('goJsonString (encoding/json escaping)', () => {
  const rows: { input: string; want: string }[] = [
    { input: 'plain', want: '"plain"' },
    { input: 'p&<>', want: '"p\\u0026\\u003c\\u003e"' },
    { input: 'a"b\\c', want: '"a\\"b\\\\c"' },
    { input: 'tab\tnl\n', want: '"tab\\tnl\\n"' },
    { input: '\u0001', want: '"\\u0001"' },
    { input: 'naïve ✓', want: '"naïve ✓"' },
    { input: '\u2028', want: '"\\u2028"' },
  ];
  for (const r of rows) it(JSON.stringify(r.input), () => expect(goJsonString(r.input)).toBe(r.want));
});
