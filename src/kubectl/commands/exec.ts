// `kubectl exec POD [-c C] -- cmd args` (kubectl pkg/cmd/exec): runs the command in the pod's
// simulated container through `POST .../pods/NAME/exec` (engine convention: JSON
// {stdout, stderr, exitCode}), prints its output, and fails as upstream on a non-zero exit.

import type { Invocation } from '../cli/command';
import { flagString } from '../cli/flags';
import { makeCtx } from '../context';
import type { J } from '../describe/values';
import { CmdError, CodeExitError } from '../errors';
import { defaultContainer, podsForObject } from './logs';

/** The exec answer the engine returns. */
export interface ExecResult {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}

export async function runExec(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  if (inv.args.length === 0) throw new CmdError('pod or type/name must be specified');
  if (inv.args.length > 1) {
    throw new CmdError(`exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead`);
  }
  const command = inv.rest;
  if (command.length === 0) throw new CmdError('you must specify at least one command for the container');
  const [pod] = (await podsForObject(ctx, inv.args[0], false, true)) as J[];
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CmdError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = flagString(inv.flags, 'container') || defaultContainer(ctx, pod);
  const pods = await ctx.discovery.resolve('pods');
  const interactive = inv.flags.values.get('stdin') === true;
  const res = (await ctx.api.call({
    method: 'POST',
    path: ctx.api.path(pods, pod.metadata.namespace, pod.metadata.name, 'exec'),
    query: { container, command: JSON.stringify(command), stdin: String(interactive), tty: String(inv.flags.values.get('tty') === true) },
    // With -i the command reads the session's stdin (a heredoc in scripts) until it ends.
    body: { command, container, ...(interactive ? { stdin: inv.env.files.stdin ?? '' } : {}) },
  })) as ExecResult;
  if (res.stdout) ctx.out(res.stdout);
  if (res.stderr) ctx.err(res.stderr);
  const code = res.exitCode ?? 0;
  if (code !== 0) throw new CodeExitError(`command terminated with exit code ${code}`, code);
  return 0;
}

