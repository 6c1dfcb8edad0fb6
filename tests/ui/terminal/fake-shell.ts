// A scripted stand-in for the worker's shell (the ShellPort a tab's line editor talks to), plus a
// harness wiring a LineEditor to it and to a test Screen.
import type { Completion, ShellReply } from '../../../src/worker/protocol';
import { History } from '../../../src/ui/terminal/history';
import { LineEditor, type ShellPort } from '../../../src/ui/terminal/line-editor';
import { Screen } from './screen';

type Respond = (line: string, out: (text: string) => void) => ShellReply | Promise<ShellReply>;

/** Understands heredocs (`<<EOF` ... `EOF`) like the real shell; everything else echoes `ran: line`. */
export class FakeShell implements ShellPort {
  inputs: string[] = [];
  interrupts = 0;
  completions: { line: string; cursor: number }[] = [];
  completer: (line: string, cursor: number) => Completion = (_l, cursor) => ({ from: cursor, items: [] });
  respond: Respond = (line, out) => this.heredoc(line, out);
  /** Kept answers by line (the worker's, for plain gets) and the lines handed out from them. */
  keptAnswers = new Map<string, { text: string; code: number }>();
  answered: string[] = [];
  private marker: string | undefined;

  kept(line: string): { text: string; code: number } | undefined {
    const k = this.keptAnswers.get(line);
    if (k) this.answered.push(line);
    return k;
  }

  input(line: string, out: (text: string) => void): Promise<ShellReply> {
    this.inputs.push(line);
    return Promise.resolve(this.respond(line, out));
  }

  interrupt(): void {
    this.interrupts++;
    this.marker = undefined;
  }

  complete(line: string, cursor: number): Promise<Completion> {
    this.completions.push({ line, cursor });
    return Promise.resolve(this.completer(line, cursor));
  }

  heredoc(line: string, out: (text: string) => void): ShellReply {
    if (this.marker !== undefined) {
      if (line !== this.marker) return { kind: 'more', prompt: '> ' };
      this.marker = undefined;
      out('applied\n');
      return { kind: 'done', code: 0 };
    }
    const open = /<<-?\s*'?(\w+)'?/.exec(line);
    if (open) {
      this.marker = open[1];
      return { kind: 'more', prompt: '> ' };
    }
    out(`ran: ${line}\n`);
    return { kind: 'done', code: 0 };
  }
}

/** A started editor on a `cols`-wide screen; `type` feeds input and waits until it is handled. */
export function harness(cols = 80, history = new History()) {
  const screen = new Screen(cols);
  const shell = new FakeShell();
  const writes: string[] = [];
  const editor = new LineEditor({
    port: shell,
    history,
    cols,
    write: (d) => {
      writes.push(d);
      screen.write(d);
    },
  });
  editor.start();
  writes.length = 0;
  const type = async (data: string): Promise<void> => {
    editor.feed(data);
    await editor.settled();
  };
  return { screen, shell, editor, writes, history, type };
}

/** A promise with its resolve handle (a command the test finishes when it wants). */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
