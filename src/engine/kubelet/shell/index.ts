// The container shell's public face: run a command line lazily as a stream of timed process
// events (the container's main process) or synchronously (kubectl exec, exec probes).

import type { ExecResult, ProcessEvent } from '../process';
import { drain, runArgv, SYNC_STEP_LIMIT, type Gen } from './interp';
import type { ShellContext } from './state';

export { newContext, nowMs } from './state';
export type { NetHooks, NetResult, ShellContext, ShellFlavor } from './state';
export { runScript, runArgv, runShell } from './interp';
export { parseSleep } from './commands';
export { formatDate } from './date';

/** Silent steps (loop turns, commands) after which a process that prints nothing is left running quietly. */
export const SILENT_STEP_LIMIT = 20_000;

/**
 * Wraps a running shell generator as a pull-based event source: each `next()` runs the shell
 * until it prints something or exits, stamping the event with the shell's own clock. A loop that
 * never prints (`while true; do sleep 1; done`, or a busy `while :; do :; done`) ends the stream
 * with undefined instead of spinning: the process then runs on silently.
 */
export class ShellStream {
  private finished = false;
  /** True once the stream detected a loop that spins without sleeping (it then burns a CPU). */
  busy = false;

  constructor(private gen: Gen, private ctx: ShellContext) {}

  next(): ProcessEvent | undefined {
    if (this.finished) return undefined;
    let silentSteps = 0;
    const startTime = this.ctx.clock.time;
    for (;;) {
      const r = this.gen.next();
      const at = this.ctx.clock.time + Math.floor(this.ctx.clock.steps / 1000);
      if (r.done) {
        this.finished = true;
        const code = r.value;
        return { at, kind: 'exit', code, reason: code === 0 ? 'Completed' : 'Error' };
      }
      if (!Number.isFinite(this.ctx.clock.time)) return this.stop();
      const y = r.value;
      if (y.fd !== 0) return { at, kind: y.fd === 1 ? 'stdout' : 'stderr', text: y.text };
      if (++silentSteps > SILENT_STEP_LIMIT) {
        this.busy = this.ctx.clock.time === startTime;
        return this.stop();
      }
    }
  }

  private stop(): undefined {
    this.finished = true;
    return undefined;
  }
}

/** Whether `name` can be executed directly in the image (no shell involved). */
export function hasProgram(ctx: ShellContext, name: string): boolean {
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  return !ctx.programs || ctx.programs.has(base);
}

/** containerd's text when exec'ing a binary the image lacks. */
export function execNotFound(name: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown`;
}

/**
 * Runs argv to completion (kubectl exec / exec probes). A command that would run forever is cut
 * off after SYNC_STEP_LIMIT steps with exit code 137. A missing binary gives containerd's
 * message on stderr with exit code 127.
 */
export function execSync(argv: string[], ctx: ShellContext, stdin = ''): ExecResult {
  if (argv.length === 0 || !hasProgram(ctx, argv[0])) {
    return { stdout: '', stderr: execNotFound(argv[0] ?? ''), exitCode: 127 };
  }
  const r = drain(runArgv(argv, ctx, stdin), SYNC_STEP_LIMIT);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: ctx.exiting ?? r.status };
}
