// Runs one kubectl command line against a command tree: parses argv, prints help and suggestions,
// runs the command and renders errors exactly as kubectl's checkErr and cobra do. root.ts gives it
// the whole tree; a tree with fewer commands keeps the others' code out of a bundle.

import type { CommandDef, Invocation } from './cli/command';
import { GLOBAL_FLAGS } from './cli/global-flags';
import { commandHelp, rootHelp } from './cli/help';
import { UsageError, parseArgs } from './cli/parse';
import type { KubectlEnv } from './env';
import { renderError } from './errors';
import { NoResourceTypeError } from './discovery';
import { PartialOutputError } from './printers/output';

/** Levenshtein distance, case-insensitive (cobra's ld with ignoreCase). */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

function suggestions(root: CommandDef, typed: string): string[] {
  return (root.subcommands ?? [])
    .filter((c) => !c.hidden && (distance(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase())))
    .map((c) => c.name);
}

/** Runs one kubectl invocation (argv without `kubectl`) against the command tree `root`; returns the exit code. */
export async function runCommandLine(root: CommandDef, argv: string[], env: KubectlEnv): Promise<number> {
  try {
    const first = argv.find((a) => !a.startsWith('-'));
    const parsed = parseArgs(root, argv, GLOBAL_FLAGS);
    const cmd = parsed.path[parsed.path.length - 1];
    if (parsed.path.length === 1) {
      if (first !== undefined && !parsed.help) {
        const s = suggestions(root, first);
        const hint = s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '';
        env.io.err(`Error: unknown command "${first}" for "kubectl"${hint}\n`);
        return 1;
      }
      env.io.out(rootHelp(root));
      return 0;
    }
    if (parsed.help || !cmd.run) {
      env.io.out(commandHelp(parsed.path));
      return 0;
    }
    const inv: Invocation = { path: parsed.path, args: parsed.args, rest: parsed.rest, dashDash: parsed.dashDash, flags: parsed.flags, env };
    return await cmd.run(inv);
  } catch (e) {
    if (e instanceof UsageError) {
      env.io.err(`Error: ${e.message}\nSee '${e.commandPath} --help' for usage.\n`);
      return 1;
    }
    if (e instanceof PartialOutputError) env.io.out(e.output);
    if (e instanceof NoResourceTypeError) {
      env.io.err(`error: ${e.message}\n`);
      return 1;
    }
    const r = renderError(e, env.host.now());
    env.io.err(r.text.endsWith('\n') ? r.text : r.text + '\n');
    return r.code;
  }
}
