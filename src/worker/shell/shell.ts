// One terminal tab's shell: collects typed lines into complete commands, journals them, runs
// kubectl (through the shared Session, with this tab's own Ctrl-C) or a builtin, applies pipes
// and `>` redirections, and answers with the exit code.

import { editInEditor } from './edit';
import { applyFilters } from '../../headless/runner';
import type { Step } from '../../headless/script';
import type { ShellReply } from '../protocol';
import { BUILTINS } from './builtins';
import { Interrupted, RunControl } from './control';
import { LineBuffer } from './lines';
import type { CommandIO, ShellWorld } from './world';

/** bash's exit status for a command killed by SIGINT. */
export const INTERRUPTED_CODE = 130;
export const NOT_FOUND_CODE = 127;

export class Shell {
  private readonly buffer = new LineBuffer();
  private running: RunControl | undefined;

  constructor(
    readonly tab: string,
    private readonly world: ShellWorld,
  ) {}

  /** Feeds one typed line; resolves when the command finished (or asks for more lines). */
  async input(line: string, out: (text: string) => void): Promise<ShellReply> {
    const r = this.buffer.push(line);
    if (r.kind === 'more') return { kind: 'more', prompt: '> ' };
    if (r.text.trim() !== '') {
      this.world.addHistory(r.text);
      this.world.record({ op: 'command', tab: this.tab, line: r.text });
    }
    if (r.kind === 'error') {
      out(`sh: ${r.message}\n`);
      return { kind: 'done', code: 2 };
    }
    if (r.steps.length === 1 && r.steps[0].argv.length === 1 && r.steps[0].argv[0] === 'clear' && !r.steps[0].pipes && !r.steps[0].redirect) {
      return { kind: 'clear' };
    }
    let code = 0;
    for (const step of r.steps) {
      const control = new RunControl();
      this.running = control;
      try {
        code = await this.runStep(step, out, control);
      } finally {
        if (this.running === control) this.running = undefined;
      }
      if (code === INTERRUPTED_CODE) break;
    }
    return { kind: 'done', code };
  }

  /** A line the page answered itself (a kept answer of a plain get): recorded as if it had run here. */
  answered(line: string): void {
    this.world.addHistory(line);
    this.world.record({ op: 'command', tab: this.tab, line });
  }

  /** Ctrl-C: stops the running command, or drops a half-typed one. */
  interrupt(): void {
    if (this.running) this.running.interrupt();
    else this.buffer.clear();
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  private async runStep(step: Step, write: (s: string) => void, control: RunControl): Promise<number> {
    const term = control.mute(write);
    // Output that goes to a pipe or a file is collected, never shown (`cat > F <<EOF` prints nothing).
    const capture = (step.pipes?.length ?? 0) > 0 || step.redirect !== undefined;
    let captured = '';
    const io: CommandIO = { out: capture ? (s) => (captured += s) : term, err: term };
    let code: number;
    try {
      code = await control.guard(this.dispatch(step, io, control));
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
      code = INTERRUPTED_CODE;
    }
    if (control.interrupted) {
      code = INTERRUPTED_CODE;
      // Ctrl-C ends a watch: what a pipe collected until then still reaches the filters.
      if (!capture) return code;
    }
    if (step.pipes?.length) captured = applyFilters(captured, step.pipes);
    if (step.redirect) {
      const path = step.redirect.path.replace(/^\.\//, '');
      const prev = step.redirect.append ? (this.world.session.files.get(path) ?? '') : '';
      this.world.session.files.set(path, prev + captured);
      this.world.filesChanged();
    } else if (capture) write(captured);
    return code;
  }

  private dispatch(step: Step, io: CommandIO, control: RunControl): Promise<number> {
    const [cmd, ...args] = step.argv;
    if (cmd === 'kubectl') return this.kubectl(args, io, step.stdin, control);
    const builtin = BUILTINS[cmd];
    if (builtin) return Promise.resolve(builtin({ args, stdin: step.stdin, io, world: this.world, control }));
    io.err(`sh: ${cmd}: command not found\n`);
    return Promise.resolve(NOT_FOUND_CODE);
  }

  private kubectl(args: string[], io: CommandIO, stdin: string | undefined, control: RunControl): Promise<number> {
    if (args[0] === 'edit') return editInEditor(this.world, args.slice(1), io);
    const { session, driver } = this.world;
    const clock = session.cluster.clock;
    const { done } = session.run(args, io.out, stdin, io.err, {
      host: {
        // Simulated time passes at the driven pace: at 1x a 5 s wait takes 5 real seconds.
        wait: (ms) => control.guard(driver.waitUntil(clock.now() + Math.max(0, ms))),
        untilInterrupted: () => control.whenInterrupted,
      },
      wrapTransport: (t) => control.transport(this.world.recordTransport(t)),
    });
    return done;
  }
}
