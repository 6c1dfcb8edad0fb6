// The one command the worker's first phase answers: a plain `kubectl get` (no watch, no files, no
// help, no pipes or quoting), with kubectl's own `get` over the read-only cluster. Its output is
// held back until it finished: a request the read-only apiserver refuses means the full engine
// runs the line instead, as if the first try had not happened (a get writes nothing).

import { NotServedHere, type ReadApiServer } from '../../engine/apiserver/read-server';
import type { CommandDef } from '../../kubectl/cli/command';
import { GLOBAL_FLAGS } from '../../kubectl/cli/global-flags';
import { parseArgs } from '../../kubectl/cli/parse';
import { getCommand } from '../../kubectl/commands/get';
import { defaultKubeconfig, type KubeconfigState, type KubectlEnv } from '../../kubectl/env';
import { runCommandLine } from '../../kubectl/run';
import { inProcessTransport } from '../../kubectl/transport';
import type { ReadOnlyCluster } from './read-cluster';

const GET_ONLY: CommandDef = { name: 'kubectl', use: 'kubectl', short: 'kubectl controls the Kubernetes cluster manager', subcommands: [getCommand] };

/** Words a shell passes on unchanged: no quotes, pipes, redirections, variables, globs or braces. */
const PLAIN = /^[A-Za-z0-9 ._\/,=:@-]+$/;

/** The flags a plain get may be given (everything else: watches, files, raw paths, other clusters). */
const ALLOWED_FLAGS = new Set(['namespace', 'all-namespaces', 'output', 'selector', 'field-selector', 'show-labels', 'show-kind', 'label-columns', 'no-headers', 'sort-by', 'ignore-not-found']);

/** kubectl's argv (without `kubectl`) when `line` is a plain get the first phase can answer. */
export function plainGet(line: string): string[] | undefined {
  if (!PLAIN.test(line)) return undefined;
  const words = line.trim().split(/ +/);
  if (words[0] !== 'kubectl' || words[1] !== 'get') return undefined;
  const argv = words.slice(1);
  try {
    const p = parseArgs(GET_ONLY, argv, GLOBAL_FLAGS);
    if (p.help || p.dashDash || p.path.length !== 2) return undefined;
    for (const name of p.flags.changed) if (!ALLOWED_FLAGS.has(name)) return undefined;
    return argv;
  } catch {
    // A usage error: the full kubectl says it.
    return undefined;
  }
}

/** Where a read-only run of kubectl reads from. */
export interface ReadOnlyTarget {
  server: ReadApiServer;
  now(): number;
  config: KubeconfigState;
  /** The discovery cache it may fill (a copy when the run must leave no trace). */
  cache: Map<string, unknown>;
}

/**
 * Runs kubectl (`run`: the whole tree or the get-only one) on a read-only apiserver, stdout and
 * stderr collected in order. Undefined when it needed more than reads (a request the server
 * refuses, a watch, a wait): then nothing it printed counts and the full engine runs the line.
 */
export async function runReadOnly(
  run: (argv: string[], env: KubectlEnv) => Promise<number>,
  argv: string[],
  target: ReadOnlyTarget,
): Promise<{ text: string; code: number } | undefined> {
  let text = '';
  let refused = false;
  const refuse = (e: unknown): never => {
    refused = true;
    throw e;
  };
  const transport = inProcessTransport(target.server);
  const code = await run(argv, {
    transport: {
      request: (req) => transport.request(req).catch(refuse),
      watch: () => refuse(new NotServedHere('watch')),
    },
    io: { out: (s) => (text += s), err: (s) => (text += s) },
    files: { read: () => undefined, exists: () => false, isDir: () => false, list: () => [] },
    config: target.config,
    cache: target.cache,
    host: { now: target.now, wait: () => refuse(new NotServedHere('wait')), untilInterrupted: () => refuse(new NotServedHere('interrupt')) },
  });
  return refused ? undefined : { text, code };
}

/** Runs a plain get; undefined when it needs the full engine (nothing was written to `out`). */
export async function runPlainGet(cluster: ReadOnlyCluster, argv: string[], out: (s: string) => void): Promise<number | undefined> {
  const r = await runReadOnly((a, env) => runCommandLine(GET_ONLY, a, env), argv, {
    server: cluster.server,
    now: () => cluster.clock.now(),
    config: defaultKubeconfig(),
    cache: new Map(),
  });
  if (r) out(r.text);
  return r?.code;
}
