// Data sources of `create secret|configmap`: --from-literal, --from-file (file, key=file, directory)
// and --from-env-file, parsed and validated with upstream's messages (kubectl pkg/util/util.go,
// pkg/cmd/util/env_file.go, apimachinery validation IsConfigMapKey / IsEnvVarName).
import { goStringCompare } from './common';
import { goQuote } from '../../engine/codec/go-quote';
import type { GeneratorContext } from './types';

/** ParseLiteralSource: `key=value`, split at the first `=`. */
export function parseLiteralSource(source: string): { key: string; value: string } | { error: string } {
  const i = source.indexOf('=');
  if (i <= 0) return { error: `invalid literal source ${source}, expected key=value` };
  return { key: source.slice(0, i), value: source.slice(i + 1) };
}

/** path.Base(filepath.ToSlash(p)) as Go computes it. */
export function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** ParseFileSource: `path` (key = basename) or `key=path`. */
export function parseFileSource(source: string): { key: string; path: string } | { error: string } {
  const n = source.split('=').length - 1;
  if (n === 0) return { key: goBase(source), path: source };
  if (n === 1 && source.startsWith('=')) return { error: `key name for file path ${source.slice(1)} missing` };
  if (n === 1 && source.endsWith('=')) return { error: `file path for key name ${source.slice(0, -1)} missing` };
  if (n > 1) return { error: "key names or file paths cannot contain '='" };
  const [key, path] = source.split('=');
  return { key, path };
}

function regexError(msg: string, fmt: string, examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

function chDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** validation.IsConfigMapKey: the errors for a bad Secret/ConfigMap data key (empty when valid). */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
      '[-._a-zA-Z0-9]+', ['key.name', 'KEY_NAME', 'key-name']));
  }
  return errs.concat(chDirPrefix(value));
}

/** validation.IsEnvVarName: the errors for a bad environment variable name (empty when valid). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value)) {
    errs.push(regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
      '[-._a-zA-Z][-._a-zA-Z0-9]*', ['my.env-name', 'MY_ENV.NAME', 'MyEnvName1']));
  }
  return errs.concat(chDirPrefix(value));
}

/**
 * AddFromEnvFile over already-read contents: one `KEY=value` per line; leading blanks, blank lines
 * and `#` comments skipped; a UTF-8 BOM on the first line dropped; a bare `KEY` takes the value of
 * the environment variable, which is always unset in the simulation.
 */
export function parseEnvFile(contents: string): { pairs: [string, string][] } | { error: string } {
  const pairs: [string, string][] = [];
  const lines = contents.split('\n');
  if (lines[lines.length - 1] === '') lines.pop(); // bufio.Scanner: no empty token after a final newline
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (i === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    // unicode.IsSpace (JS's \s would also take U+FEFF, which Go keeps).
    line = line.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const errs = isEnvVarName(key);
    if (errs.length > 0) return { error: `${goQuote(key)} is not a valid key name: ${errs.join(';')}` };
    pairs.push([key, eq < 0 ? '' : line.slice(eq + 1)]);
  }
  return { pairs };
}

/** filepath.Join(dir, name) for the relative and absolute paths kubectl users type. */
export function joinPath(dir: string, name: string): string {
  const joined = `${dir}/${name}`;
  const abs = joined.startsWith('/');
  const parts: string[] = [];
  for (const p of joined.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (!(p === '..' && abs)) parts.push(p);
  }
  return (abs ? '/' : '') + parts.join('/');
}

/** What a --from-file source resolved to: key/content pairs in upstream's order, or an error. */
export type FileEntries = { entries: [string, string][] } | { error: string };

/**
 * handle*FromFileSources for one source: a file gives one entry; a directory gives one per regular
 * file, in name order (os.ReadDir sorts); `key=dir` is refused. Errors as upstream words them.
 */
export function readFileSource(source: string, ctx: GeneratorContext): FileEntries {
  const parsed = parseFileSource(source);
  if ('error' in parsed) return parsed;
  const dir = ctx.listDir(parsed.path);
  if (dir !== undefined) {
    if (source.includes('=')) return { error: 'cannot give a key name for a directory path' };
    const entries: [string, string][] = [];
    for (const name of [...dir].sort(goStringCompare)) {
      const content = ctx.readFile(joinPath(parsed.path, name));
      if (content !== undefined) entries.push([name, content]);
    }
    return { entries };
  }
  const content = ctx.readFile(parsed.path);
  if (content === undefined) return { error: `error reading ${parsed.path}: no such file or directory` };
  return { entries: [[parsed.key, content]] };
}

/** handle*FromEnvFileSources for one file: a directory is refused with `dirError`. */
export function readEnvFileSource(path: string, ctx: GeneratorContext, dirError: string): { pairs: [string, string][] } | { error: string } {
  if (ctx.listDir(path) !== undefined) return { error: dirError };
  const content = ctx.readFile(path);
  if (content === undefined) return { error: `error reading ${path}: no such file or directory` };
  return parseEnvFile(content);
}
