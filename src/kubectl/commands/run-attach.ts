// `kubectl run` with -i/-t/--attach/--rm (kubectl pkg/cmd/run handleAttachPod, waitForPod): create
// the pod, wait for it to run or finish, show its output (the attach, or its logs when it already
// finished), delete it with --rm, and exit with the container's code. Other runs keep the plain path.

import type { KObject } from '../../engine/api/types';
import type { Invocation } from '../cli/command';
import { flagBool } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import { CmdError } from '../errors';
import { GENERATORS } from '../generators';
import type { Mapping } from '../discovery';
import { RUN_SPEC } from '../generators/specs';
import { runGenerator } from './create';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** --pod-running-timeout's default (1m0s): how long to wait for the pod, and for its exit code. */
export const POD_RUNNING_TIMEOUT_MS = 60_000;
/** How often the log is polled while following an attached container (simulated time). */
const POLL_MS = 1000;

const generator = GENERATORS.find((g) => g.path.length === 1 && g.path[0] === 'run')!;

/** podRunningAndReady: done when Running and Ready, or finished (ErrPodCompleted upstream). */
export function runningOrDone(pod: J | undefined): 'running' | 'done' | undefined {
  const phase = pod?.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 'done';
  if (phase === 'Running' && (pod?.status?.conditions ?? []).some((c: J) => c.type === 'Ready' && c.status === 'True')) return 'running';
  return undefined;
}

/** The run's exit: 0, or the container's code with upstream's message (run.go Run's phase switch). */
export function exitOf(pod: J): { code: number; message?: string } {
  const phase = pod.status?.phase;
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  if (phase === 'Succeeded') return { code: 0 };
  if (phase === 'Failed') {
    const unknown = { code: 1, message: `error: pod ${ns}/${name} failed with unknown exit code\n` };
    const term = pod.status?.containerStatuses?.[0]?.state?.terminated;
    if (!term || !term.exitCode) return unknown;
    // uexec.CodeExitError: printed as is (no `error: ` prefix), exit status = the container's code.
    return { code: term.exitCode, message: `pod ${ns}/${name} terminated (${term.reason ?? ''})\n${term.message ?? ''}` };
  }
  return { code: 1, message: `error: pod ${ns}/${name} left in phase ${phase ?? ''}\n` };
}

async function getPod(ctx: Ctx, pods: Mapping, ns: string, name: string): Promise<J | undefined> {
  try {
    return (await ctx.api.get(pods, ns, name)) as J;
  } catch {
    return undefined;
  }
}

/** waitForPod: polls (advancing simulated time) until `done` holds or the timeout passes. */
async function waitFor(ctx: Ctx, pods: Mapping, ns: string, name: string, done: (p: J | undefined) => boolean): Promise<J | undefined> {
  const deadline = ctx.now() + POD_RUNNING_TIMEOUT_MS;
  for (;;) {
    const pod = await getPod(ctx, pods, ns, name);
    if (done(pod)) return pod;
    if (ctx.now() >= deadline) throw new CmdError('timed out waiting for the condition');
    await ctx.inv.env.host.wait(Math.min(POLL_MS, deadline - ctx.now()));
  }
}

async function readLog(ctx: Ctx, pods: Mapping, ns: string, name: string, container: string): Promise<string> {
  try {
    const body = await ctx.api.raw('GET', ctx.api.path(pods, ns, name, 'log'), { container });
    return typeof body === 'string' ? body : '';
  } catch {
    return '';
  }
}

async function runAttached(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const files = inv.env.files;
  const built = generator.build(inv.args, inv.rest, f, {
    namespace: ctx.namespace,
    enforceNamespace: ctx.namespaceExplicit,
    readFile: (p) => files.read(p),
    listDir: () => undefined,
  });
  // Usage errors and dry runs print exactly as the plain path prints them.
  if (!built.ok) return runGenerator(RUN_SPEC, inv);
  const pods = await ctx.discovery.resolve('pods');
  const created = (await ctx.api.create(pods, ctx.namespace, built.object as KObject)) as J;
  const ns: string = created.metadata?.namespace ?? ctx.namespace;
  const name: string = created.metadata?.name ?? '';
  const container: string = created.spec?.containers?.[0]?.name ?? name;
  const restart: string = created.spec?.restartPolicy ?? 'Always';
  const remove = flagBool(f, 'rm');
  const quiet = flagBool(f, 'quiet');
  let result: { code: number; message?: string } = { code: 0 };
  try {
    const pod = await waitFor(ctx, pods, ns, name, (p) => runningOrDone(p) !== undefined);
    if (runningOrDone(pod) === 'done') {
      ctx.out(await readLog(ctx, pods, ns, name, container));
    } else {
      // attach: with a TTY the prompt hint, then the container's output until it exits.
      if (flagBool(f, 'tty') && !quiet) ctx.err("If you don't see a command prompt, try pressing enter.\n");
      let seen = 0;
      for (;;) {
        const text = await readLog(ctx, pods, ns, name, container);
        if (text.length > seen) ctx.out(text.slice(seen));
        seen = Math.max(seen, text.length);
        const p = await getPod(ctx, pods, ns, name);
        const state = p?.status?.containerStatuses?.[0]?.state ?? {};
        if (!p || state.terminated || runningOrDone(p) === 'done') {
          const rest = await readLog(ctx, pods, ns, name, container);
          if (rest.length > seen) ctx.out(rest.slice(seen));
          break;
        }
        await inv.env.host.wait(POLL_MS);
      }
    }
    const waitForExit = !flagBool(f, 'leave-stdin-open') && (restart === 'Never' || restart === 'OnFailure');
    if (waitForExit) {
      const final = await waitFor(ctx, pods, ns, name, (p) => (restart === 'OnFailure' ? p?.status?.phase === 'Succeeded' : runningOrDone(p) === 'done'));
      result = exitOf(final!);
    }
  } finally {
    if (remove) {
      // removeCreatedObjects: grace period from the pod, not waiting for it to go; quiet with -q.
      try {
        await ctx.api.delete(pods, ns, name, {});
        if (!quiet) ctx.out(`pod "${name}" deleted\n`);
      } catch {
        // IgnoreNotFound.
      }
    }
  }
  if (result.message) ctx.err(result.message);
  return result.code;
}

export async function runRun(inv: Invocation): Promise<number> {
  const f = inv.flags;
  const attach = f.changed.has('attach') ? flagBool(f, 'attach') : flagBool(f, 'stdin');
  if (!attach) return runGenerator(RUN_SPEC, inv);
  return runAttached(inv);
}

