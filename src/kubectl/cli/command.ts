// The command tree: each kubectl command declares its flags, help texts and run function
// (cobra.Command's shape), so the parser, help and Tab completion all read one description.

import type { KubectlEnv } from '../env';
import { CmdError } from '../errors';
import type { FlagSpec, ParsedFlags } from './flags';

export interface Invocation {
  /** Root first: [kubectl, rollout, status]. */
  path: CommandDef[];
  /** Positional arguments before `--`. */
  args: string[];
  /** Arguments after `--`. */
  rest: string[];
  /** Whether `--` appeared. */
  dashDash: boolean;
  flags: ParsedFlags;
  env: KubectlEnv;
}

export interface CommandDef {
  name: string;
  aliases?: string[];
  /** Usage line, e.g. `get [(-o|--output=)json|yaml|...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]`. */
  use: string;
  short: string;
  long?: string;
  example?: string;
  /** Heading in `kubectl --help`. */
  group?: string;
  flags?: FlagSpec[];
  subcommands?: CommandDef[];
  /** Returns the exit code. Errors thrown as KubectlError are printed by the runner. */
  run?: (inv: Invocation) => Promise<number>;
  hidden?: boolean;
}

/** The path as cobra prints it: `kubectl rollout status`. */
export function commandPath(path: CommandDef[]): string {
  return path.map((c) => c.name).join(' ');
}

export function findSub(cmd: CommandDef, name: string): CommandDef | undefined {
  return cmd.subcommands?.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}

/** Every lazyRun's import, for prefetchCommands. */
const lazyLoads: (() => Promise<unknown>)[] = [];

/**
 * A run function that imports its implementation the first time the command runs. The command's
 * help, flags and completion stay in the command table (synchronous); the code that runs it stays
 * out of the worker's start-up chunk, which a first `kubectl get` does not need.
 */
export function lazyRun<M>(load: () => Promise<M>, pick: (m: M) => (inv: Invocation) => Promise<number>): (inv: Invocation) => Promise<number> {
  lazyLoads.push(load);
  return async (inv) => {
    let m: M;
    try {
      m = await load();
    } catch (e) {
      // In a browser this is a chunk that could not be fetched: the network went away before the
      // offline cache had it, or a newer version of the site replaced it. Say so, not just "failed".
      const why = e instanceof Error ? e.message : String(e);
      throw new CmdError(`error: could not load the code of "${commandPath(inv.path)}" (${why}): reload the page to get the current version`);
    }
    return pick(m)(inv);
  };
}

/** Imports every lazily run command's code now (idle time), so its first run does not wait for it. */
export async function prefetchCommands(): Promise<void> {
  await Promise.all(lazyLoads.map((load) => load()));
}
