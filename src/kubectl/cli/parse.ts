// Argument parsing with cobra/pflag semantics: find the subcommand, then parse flags
// interspersed with positional arguments; `--` ends the flags. Errors use cobra's words.

import { commandPath, findSub, type CommandDef } from './command';
import type { FlagSpec, FlagValue, ParsedFlags } from './flags';
import { parseGoDuration } from '../../engine/util/duration';

/** A usage error as cobra reports it: `Error: <msg>` then `See '<path> --help' for usage.` */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly commandPath: string,
    /** Unknown commands print suggestions instead of the "See ... --help" line. */
    readonly noUsageHint = false,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Parsed {
  path: CommandDef[];
  args: string[];
  rest: string[];
  dashDash: boolean;
  flags: ParsedFlags;
  help: boolean;
}

function allFlags(path: CommandDef[], globals: FlagSpec[]): FlagSpec[] {
  const out = [...globals];
  for (const c of path) out.push(...(c.flags ?? []));
  return out;
}

function lookup(flags: FlagSpec[], name: string, short: boolean): FlagSpec | undefined {
  // Later (more specific) definitions win, as a command's local flag shadows a persistent one.
  for (let i = flags.length - 1; i >= 0; i--) {
    const f = flags[i];
    if (short ? f.short === name : f.name === name) return f;
  }
  return undefined;
}

/** Walks the command tree the way cobra's Find does: skipping flags (and their values) to find subcommands. */
function findCommand(root: CommandDef, argv: string[], globals: FlagSpec[]): CommandDef[] {
  const path = [root];
  let cmd = root;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('-') && a !== '-') {
      if (!a.includes('=')) {
        const long = a.startsWith('--');
        const name = long ? a.slice(2) : a.slice(1);
        const spec = lookup(allFlags(path, globals), long ? name : name.slice(-1), !long);
        if (spec && spec.type !== 'bool' && (long || name.length === 1)) i++;
      }
      continue;
    }
    const sub = findSub(cmd, a);
    if (!sub) break;
    path.push(sub);
    cmd = sub;
  }
  return path;
}

function convert(spec: FlagSpec, raw: string, display: string, path: string): FlagValue {
  switch (spec.type) {
    case 'bool':
      if (['true', '1', 't', 'T', 'TRUE', 'True'].includes(raw)) return true;
      if (['false', '0', 'f', 'F', 'FALSE', 'False'].includes(raw)) return false;
      throw new UsageError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`, path);
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) {
        throw new UsageError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`, path);
      }
      return Number(raw);
    }
    case 'duration':
      try {
        parseGoDuration(raw);
      } catch (e) {
        throw new UsageError(`invalid argument "${raw}" for "${display}" flag: ${(e as Error).message}`, path);
      }
      return raw;
    default:
      return raw;
  }
}

function setValue(flags: ParsedFlags, spec: FlagSpec, v: FlagValue): void {
  // The first explicit value replaces the default; later ones of list flags accumulate.
  const first = !flags.changed.has(spec.name);
  flags.changed.add(spec.name);
  if (spec.type === 'stringArray' || spec.type === 'stringSlice') {
    const prev = first ? [] : ((flags.values.get(spec.name) as string[] | undefined) ?? []);
    const add = spec.type === 'stringSlice' ? ((v as string) === '' ? [] : (v as string).split(',')) : [v as string];
    flags.values.set(spec.name, [...prev, ...add]);
  } else {
    flags.values.set(spec.name, v);
  }
}

/** Parses argv (without the leading `kubectl`). */
export function parseArgs(root: CommandDef, argv: string[], globals: FlagSpec[]): Parsed {
  const path = findCommand(root, argv, globals);
  const specs = allFlags(path, globals);
  const pathStr = commandPath(path);
  const flags: ParsedFlags = { values: new Map(), changed: new Set() };
  for (const s of specs) if (s.default !== undefined && !flags.values.has(s.name)) flags.values.set(s.name, s.default);
  const positionals: string[] = [];
  const rest: string[] = [];
  let dashDash = false;
  let help = false;
  let walked = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      dashDash = true;
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (name === 'help') {
        help = true;
        continue;
      }
      const spec = lookup(specs, name, false);
      if (!spec) throw new UsageError(`unknown flag: --${name}`, pathStr);
      let raw: string;
      if (eq >= 0) raw = a.slice(eq + 1);
      else if (spec.type === 'bool') raw = 'true';
      else if (spec.noOptDefault !== undefined) raw = spec.noOptDefault;
      else if (i + 1 < argv.length) raw = argv[++i];
      else throw new UsageError(`flag needs an argument: --${name}`, pathStr);
      setValue(flags, spec, convert(spec, raw, `--${name}`, pathStr));
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      // Shorthands: -n ns, -nns, -n=ns, and bundled bools such as -it.
      let j = 1;
      while (j < a.length) {
        const ch = a[j];
        if (ch === 'h' && !lookup(specs, 'h', true)) {
          help = true;
          j++;
          continue;
        }
        const spec = lookup(specs, ch, true);
        if (!spec) throw new UsageError(`unknown shorthand flag: '${ch}' in ${a}`, pathStr);
        const after = a.slice(j + 1);
        if (spec.type === 'bool') {
          if (after.startsWith('=')) {
            setValue(flags, spec, convert(spec, after.slice(1), `-${ch}, --${spec.name}`, pathStr));
            break;
          }
          setValue(flags, spec, true);
          j++;
          continue;
        }
        let raw: string;
        if (after.length > 0) raw = after.startsWith('=') ? after.slice(1) : after;
        else if (spec.noOptDefault !== undefined) raw = spec.noOptDefault;
        else if (i + 1 < argv.length) raw = argv[++i];
        else throw new UsageError(`flag needs an argument: '${ch}' in -${ch}`, pathStr);
        setValue(flags, spec, convert(spec, raw, `-${ch}, --${spec.name}`, pathStr));
        break;
      }
      continue;
    }
    // The words that named the subcommands are not positional arguments.
    if (walked < path.length && (path[walked].name === a || (path[walked].aliases ?? []).includes(a))) {
      walked++;
      continue;
    }
    positionals.push(a);
  }
  return { path, args: positionals, rest, dashDash, flags, help };
}
