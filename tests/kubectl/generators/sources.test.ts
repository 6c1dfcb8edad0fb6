// Data-source parsing of create secret/configmap: tables ported from kubectl pkg/util/util_test.go
// (ParseFileSource, ParseLiteralSource) and pkg/cmd/util/env_file_test.go, plus key validation.
import { describe, expect, it } from 'vitest';
import {
  goBase, isConfigMapKey, isEnvVarName, joinPath, parseEnvFile, parseFileSource, parseLiteralSource,
} from '../../../src/kubectl/generators/sources';

describe('parseFileSource (util_test.go TestParseFileSource)', () => {
  const rows: { input: string; want: { key: string; path: string } | { error: string } }[] = [
    { input: 'boo=zoo', want: { key: 'boo', path: 'zoo' } },
    { input: 'boo=/path/to/zoo', want: { key: 'boo', path: '/path/to/zoo' } },
    { input: 'boo-2=/1/2/3/4/5/zab.txt', want: { key: 'boo-2', path: '/1/2/3/4/5/zab.txt' } },
    { input: 'boo-=this/seems/weird.txt', want: { key: 'boo-', path: 'this/seems/weird.txt' } },
    { input: '-key=some/path', want: { key: '-key', path: 'some/path' } },
    { input: 'some/path/file.txt', want: { key: 'file.txt', path: 'some/path/file.txt' } },
    { input: 'dir/', want: { key: 'dir', path: 'dir/' } },
    { input: 'key==some/path', want: { error: "key names or file paths cannot contain '='" } },
    { input: '=key=some/path', want: { error: "key names or file paths cannot contain '='" } },
    { input: '==key=/some/other/path', want: { error: "key names or file paths cannot contain '='" } },
    { input: '=key', want: { error: 'key name for file path key missing' } },
    { input: 'key=', want: { error: 'file path for key name key missing' } },
  ];
  for (const r of rows) it(r.input, () => expect(parseFileSource(r.input)).toEqual(r.want));
});

describe('parseLiteralSource (util_test.go TestParseLiteralSource)', () => {
  const rows: { input: string; want: { key: string; value: string } | { error: string } }[] = [
    { input: 'key=value', want: { key: 'key', value: 'value' } },
    { input: 'key=value/with/slashes', want: { key: 'key', value: 'value/with/slashes' } },
    { input: 'key==value', want: { key: 'key', value: '=value' } },
    { input: 'key=value=', want: { key: 'key', value: 'value=' } },
    { input: 'key2=value==', want: { key: 'key2', value: 'value==' } },
    { input: 'key=', want: { key: 'key', value: '' } },
    { input: '==key', want: { error: 'invalid literal source ==key, expected key=value' } },
    { input: '=key=', want: { error: 'invalid literal source =key=, expected key=value' } },
    { input: 'novalue', want: { error: 'invalid literal source novalue, expected key=value' } },
  ];
  for (const r of rows) it(r.input, () => expect(parseLiteralSource(r.input)).toEqual(r.want));
});

describe('parseEnvFile (env_file_test.go)', () => {
  const rows: { name: string; input: string; want: { pairs: [string, string][] } | { error: RegExp } }[] = [
    { name: 'the utf8bom is trimmed on the first line', input: '\uFEFFa=c', want: { pairs: [['a', 'c']] } },
    { name: 'the utf8bom is NOT trimmed on the second line', input: 'x=1\n\uFEFFa=c', want: { error: /is not a valid key name/ } },
    { name: 'no key is returned on a comment line', input: ' #c', want: { pairs: [] } },
    { name: 'no key is returned on a blank line', input: '  \t', want: { pairs: [] } },
    { name: 'key is returned even with no value', input: ' x=', want: { pairs: [['x', '']] } },
    { name: 'a bare key reads the (empty) environment', input: 'HOME', want: { pairs: [['HOME', '']] } },
    { name: 'CRLF line ends are dropped', input: 'a=1\r\nb=2\r\n', want: { pairs: [['a', '1'], ['b', '2']] } },
    { name: 'values keep = and trailing blanks', input: 'u=a=b \n', want: { pairs: [['u', 'a=b ']] } },
    { name: 'a key with a space is refused', input: 'bad key=2', want: { error: /^"bad key" is not a valid key name: a valid environment variable name/ } },
    { name: 'a key starting with a digit is refused', input: '1A=2', want: { error: /^"1A" is not a valid key name/ } },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const got = parseEnvFile(r.input);
      if ('pairs' in r.want) expect(got).toEqual(r.want);
      else expect('error' in got && r.want.error.test(got.error)).toBe(true);
    });
  }
});

describe('key validation (apimachinery IsConfigMapKey / IsEnvVarName)', () => {
  const cm: { input: string; valid: boolean }[] = [
    { input: 'key.name', valid: true }, { input: 'KEY_NAME', valid: true }, { input: 'key-name', valid: true },
    { input: '.dockerconfigjson', valid: true }, { input: 'a b', valid: false }, { input: 'a/b', valid: false },
    { input: '.', valid: false }, { input: '..', valid: false }, { input: '..a', valid: false }, { input: '', valid: false },
    { input: 'x'.repeat(253), valid: true }, { input: 'x'.repeat(254), valid: false },
  ];
  for (const r of cm) it(`configmap key ${JSON.stringify(r.input.slice(0, 12))}`, () => expect(isConfigMapKey(r.input).length === 0).toBe(r.valid));
  it('gives the chdir errors', () => {
    expect(isConfigMapKey('..')).toEqual(["must not be '..'"]);
    expect(isConfigMapKey('..a')).toEqual(["must not start with '..'"]);
  });
  const env: { input: string; valid: boolean }[] = [
    { input: 'my.env-name', valid: true }, { input: 'MY_ENV.NAME', valid: true }, { input: 'MyEnvName1', valid: true },
    { input: '1abc', valid: false }, { input: 'a b', valid: false }, { input: '-x', valid: true }, { input: '..', valid: false },
  ];
  for (const r of env) it(`env name ${r.input}`, () => expect(isEnvVarName(r.input).length === 0).toBe(r.valid));
});

describe('path helpers (Go path.Base / filepath.Join)', () => {
  const base: { input: string; want: string }[] = [
    { input: 'a/b.txt', want: 'b.txt' }, { input: 'b.txt', want: 'b.txt' }, { input: 'a/b/', want: 'b' },
    { input: '', want: '.' }, { input: '///', want: '/' },
  ];
  for (const r of base) it(`base ${JSON.stringify(r.input)}`, () => expect(goBase(r.input)).toBe(r.want));
  const join: { dir: string; name: string; want: string }[] = [
    { dir: 'files/dir', name: 'x', want: 'files/dir/x' }, { dir: 'files/dir/', name: 'x', want: 'files/dir/x' },
    { dir: './d', name: 'x', want: 'd/x' }, { dir: '/abs/../d', name: 'x', want: '/d/x' }, { dir: '../d', name: 'x', want: '../d/x' },
  ];
  for (const r of join) it(`join ${r.dir} ${r.name}`, () => expect(joinPath(r.dir, r.name)).toBe(r.want));
});
