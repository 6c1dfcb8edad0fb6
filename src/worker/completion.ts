// Tab completion in the terminal: shell commands, kubectl subcommands and flags (read from the
// kubectl command tree, so it never drifts), resource types (plural, singular, short names), live
// object names of the typed resource in the namespace in effect (`-n` honoured) and files for
// `-f`. `completeLine` is pure: the cluster is reached through the CompletionSource given to it.

import type { CommandDef } from '../kubectl/cli/command';
import { findSub } from '../kubectl/cli/command';
import type { FlagSpec } from '../kubectl/cli/flags';
import { GLOBAL_FLAGS, ROOT } from '../kubectl/root';
import type { Completion } from './protocol';

export interface CompletionSource {
  files(): string[];
  /** Every name a resource type answers to: plurals, singulars, short names. */
  resourceWords(): string[];
  /** Names of live objects of the resource `word` (any spelling) in `namespace`. */
  objectNames(word: string, namespace: string): string[];
  namespaces(): string[];
  /** The kubeconfig context's namespace. */
  currentNamespace(): string;
}

export const SHELL_COMMANDS = ['kubectl', 'ls', 'cat', 'echo', 'rm', 'sleep', 'curl', 'node', 'history', 'help', 'clear'];

const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns=', 'go-template='];
/** Commands whose first argument is a pod, not a resource type. */
const POD_FIRST = new Set(['logs', 'exec', 'attach', 'port-forward']);
/** Commands whose arguments are nodes. */
const NODE_ARGS = new Set(['cordon', 'uncordon', 'drain', 'taint']);
/** Commands whose arguments are TYPE NAME... */
const TYPE_THEN_NAMES = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'scale', 'patch', 'wait', 'history', 'status', 'undo', 'restart', 'pause', 'resume', 'expose', 'autoscale', 'events']);

interface Word {
  text: string;
  from: number;
}

function words(line: string): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], from: m.index });
  return out;
}

function matching(items: Iterable<string>, prefix: string): string[] {
  return [...new Set([...items].filter((i) => i.startsWith(prefix)))].sort();
}

function flagsOf(path: CommandDef[]): FlagSpec[] {
  return [...path.flatMap((c) => c.flags ?? []), ...GLOBAL_FLAGS];
}

function findFlag(flags: FlagSpec[], word: string): FlagSpec | undefined {
  if (word.startsWith('--')) return flags.find((f) => f.name === word.slice(2).split('=')[0]);
  if (/^-[a-zA-Z]$/.test(word)) return flags.find((f) => f.short === word.slice(1));
  return undefined;
}

/** Completes the word under the cursor of `line`. */
export function completeLine(line: string, cursor: number, src: CompletionSource): Completion {
  const before = line.slice(0, cursor);
  const ws = words(before);
  const current: Word = /\s$/.test(before) || ws.length === 0 ? { text: '', from: cursor } : ws.pop()!;
  const none = { from: current.from, items: [] };
  if (ws.length === 0) return { from: current.from, items: matching(SHELL_COMMANDS, current.text) };
  const cmd = ws[0].text;
  if (cmd === 'cat' || cmd === 'rm' || cmd === 'ls') return { from: current.from, items: matching(src.files(), current.text) };
  if (cmd !== 'kubectl') return none;

  // Walk the command tree through the words typed so far, skipping flags and their values.
  const path: CommandDef[] = [ROOT];
  const positional: string[] = [];
  let namespace: string | undefined;
  let pendingFlag: FlagSpec | undefined;
  for (const w of ws.slice(1)) {
    if (pendingFlag) {
      if (pendingFlag.name === 'namespace') namespace = w.text;
      pendingFlag = undefined;
      continue;
    }
    if (w.text.startsWith('-')) {
      const f = findFlag(flagsOf(path), w.text);
      if (f && f.type !== 'bool' && !w.text.includes('=')) pendingFlag = f;
      else if (f?.name === 'namespace') namespace = w.text.split('=')[1];
      continue;
    }
    const sub = positional.length === 0 ? findSub(path[path.length - 1], w.text) : undefined;
    if (sub) path.push(sub);
    else positional.push(w.text);
  }
  const ns = namespace ?? src.currentNamespace();
  const at = (items: Iterable<string>) => ({ from: current.from, items: matching(items, current.text) });

  if (pendingFlag) {
    if (pendingFlag.name === 'filename') return at(src.files());
    if (pendingFlag.name === 'namespace') return at(src.namespaces());
    if (pendingFlag.name === 'output') return at(OUTPUT_FORMATS);
    return none;
  }
  if (current.text.startsWith('-')) {
    const names = flagsOf(path).flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);
    return at(current.text.startsWith('--') ? names.filter((n) => n.startsWith('--')) : names);
  }
  const leaf = path[path.length - 1];
  if (positional.length === 0 && leaf.subcommands?.length) {
    return at(leaf.subcommands.filter((c) => !c.hidden).flatMap((c) => [c.name, ...(c.aliases ?? [])]));
  }
  const name = leaf.name;
  if (NODE_ARGS.has(name)) return at(src.objectNames('nodes', ns));
  if (POD_FIRST.has(name)) {
    if (positional.length === 0) {
      const slash = current.text.indexOf('/');
      if (slash > 0) return prefixed(current, current.text.slice(0, slash), src.objectNames(current.text.slice(0, slash), ns));
      return at(src.objectNames('pods', ns));
    }
    return none;
  }
  if (TYPE_THEN_NAMES.has(name) || name === 'rollout') {
    const slash = current.text.indexOf('/');
    if (slash > 0) return prefixed(current, current.text.slice(0, slash), src.objectNames(current.text.slice(0, slash), ns));
    if (positional.length === 0) return at(src.resourceWords());
    if (positional[0].includes('/')) return none;
    return at(src.objectNames(positional[0].split(',')[0], ns));
  }
  return none;
}

/** `deploy/we` -> `deploy/web`: names completed after a `TYPE/` prefix. */
function prefixed(current: Word, type: string, names: string[]): Completion {
  return { from: current.from, items: matching(names.map((n) => `${type}/${n}`), current.text) };
}
