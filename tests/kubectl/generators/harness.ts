// Test harness for the generator goldens: a small pflag-like argv parser driven by each command's
// FlagSpec list, a GeneratorContext over golden/fixtures, and readers for the captured outputs.
import fs from 'node:fs';
import path from 'node:path';
import type { FlagSpec, FlagValue, ParsedFlags } from '../../../src/kubectl/cli/flags';
import type { KObject } from '../../../src/engine/api/types';
import type { GeneratorContext } from '../../../src/kubectl/generators/types';

export const GOLDEN = path.join(__dirname, 'golden');
export const FIXTURES = path.join(GOLDEN, 'fixtures');

/** Builds ParsedFlags by hand: values given, defaults from specs filled in, `changed` = given. */
export function makeFlags(specs: FlagSpec[], given: Record<string, FlagValue>): ParsedFlags {
  const values = new Map<string, FlagValue>();
  for (const s of specs) if (s.default !== undefined) values.set(s.name, s.default);
  for (const [k, v] of Object.entries(given)) values.set(k, v);
  return { values, changed: new Set(Object.keys(given)) };
}

/** Shell-like split of a cases.txt argument string (single/double quotes, no expansions). */
export function shellSplit(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let q: string | null = null;
  for (const ch of s) {
    if (q) {
      if (ch === q) q = null;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      q = ch;
      has = true;
    } else if (ch === ' ') {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (has || cur) out.push(cur);
  return out;
}

export interface ParsedArgv {
  positional: string[];
  rest: string[];
  flags: ParsedFlags;
  namespace?: string;
}

const GLOBAL: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: '' },
  { name: 'dry-run', type: 'string', usage: '', noOptDefault: 'unchanged' },
];

/** Parses argv (after the command path) with pflag's rules for the given flag specs. */
export function parseArgv(argv: string[], specs: FlagSpec[]): ParsedArgv {
  const all = [...specs, ...GLOBAL];
  const flags = makeFlags(specs, {});
  const positional: string[] = [];
  let rest: string[] = [];
  let namespace: string | undefined;
  const set = (spec: FlagSpec, raw: string | undefined, next: () => string): void => {
    let v: FlagValue;
    if (spec.type === 'bool') v = raw === undefined ? true : raw === 'true';
    else {
      const s = raw ?? (spec.noOptDefault !== undefined ? spec.noOptDefault : next());
      if (spec.type === 'int') v = Number(s);
      else if (spec.type === 'stringSlice' || spec.type === 'stringArray') {
        const prev = flags.changed.has(spec.name) ? (flags.values.get(spec.name) as string[]) : [];
        v = [...prev, ...(spec.type === 'stringSlice' ? (s === '' ? [] : s.split(',')) : [s])];
      } else v = s;
    }
    if (spec.name === 'namespace') namespace = String(v);
    else {
      flags.values.set(spec.name, v);
      flags.changed.add(spec.name);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => argv[++i];
    if (a === '--') {
      rest = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = all.find((s) => s.name === name);
      if (!spec) throw new Error(`unknown flag ${a}`);
      set(spec, eq < 0 ? undefined : a.slice(eq + 1), next);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const spec = all.find((s) => s.short === a[j]);
        if (!spec) throw new Error(`unknown shorthand ${a}`);
        if (spec.type === 'bool') set(spec, undefined, next);
        else {
          const inline = a.slice(j + 1).replace(/^=/, '');
          set(spec, inline === '' ? undefined : inline, next);
          break;
        }
      }
    } else positional.push(a);
  }
  // capture.sh always adds --dry-run=client; the builders see it like any other flag.
  if (!flags.changed.has('dry-run')) flags.values.set('dry-run', 'client');
  return { positional, rest, flags, namespace };
}

/** JSON as kubectl's -o json prints it: 4-space indent, Go's HTML-safe escapes of <, >, &. */
export function goIndentJson(v: unknown): string {
  const esc: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
  return JSON.stringify(v, null, 4).replace(/[<>&\u2028\u2029]/g, (c) => esc[c]) + '\n';
}

function fixturePath(p: string): string {
  return path.isAbsolute(p) ? p : path.join(FIXTURES, p);
}

/** A GeneratorContext reading golden/fixtures, as capture.sh runs kubectl from that directory. */
export function fixtureContext(namespace?: string): GeneratorContext {
  return {
    namespace: namespace ?? 'default',
    enforceNamespace: namespace !== undefined,
    readFile(p) {
      const f = fixturePath(p);
      return fs.existsSync(f) && fs.statSync(f).isFile() ? fs.readFileSync(f, 'utf8') : undefined;
    },
    listDir(p) {
      const f = fixturePath(p);
      if (!fs.existsSync(f) || !fs.statSync(f).isDirectory()) return undefined;
      return fs.readdirSync(f, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    },
    getCronJob(name) {
      return fixtureObject(namespace ?? 'default', 'cronjobs', name);
    },
  };
}

/** A canned object the fake apiserver serves (golden/fixtures/objects/NS/PLURAL/NAME.json). */
export function fixtureObject(ns: string, plural: string, name: string): KObject | undefined {
  const f = path.join(FIXTURES, 'objects', ns, plural, `${name}.json`);
  return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as KObject) : undefined;
}

export interface GoldenCase {
  name: string;
  argv: string[];
  /** kubectl's stdout for -o json, when it succeeded */
  json?: string;
  /** the error as GeneratorResult carries it, when it failed */
  error?: { text: string; verbatim: boolean };
}

/** Turns captured stderr into the GeneratorResult error: strip `error: `; unwrap klog's err="...". */
export function errorFromStderr(stderr: string): { text: string; verbatim: boolean } {
  const s = stderr.replace(/\n$/, '');
  const klog = /^E0000 [^\]]*\] "command failed" err=(".*")$/.exec(s);
  if (klog) return { text: JSON.parse(klog[1]) as string, verbatim: false };
  if (s.startsWith('error: ')) return { text: s.slice(7), verbatim: false };
  return { text: s, verbatim: true };
}

/** All cases of golden/cases.txt with their captured outputs. */
export function loadCases(): GoldenCase[] {
  const lines = fs.readFileSync(path.join(GOLDEN, 'cases.txt'), 'utf8').split('\n');
  const cases: GoldenCase[] = [];
  for (const line of lines) {
    if (line === '' || line.startsWith('#')) continue;
    const [name, args] = line.split('\t');
    const c: GoldenCase = { name, argv: shellSplit(args) };
    const json = path.join(GOLDEN, `${name}.json`);
    const err = path.join(GOLDEN, `${name}.err`);
    if (fs.existsSync(json)) c.json = fs.readFileSync(json, 'utf8');
    if (fs.existsSync(err)) c.error = errorFromStderr(fs.readFileSync(err, 'utf8'));
    cases.push(c);
  }
  return cases;
}
