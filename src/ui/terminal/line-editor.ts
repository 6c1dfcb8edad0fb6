// The terminal's line discipline, free of any DOM: turns keys from xterm into an edited line, the
// escape sequences that show it, and calls on the worker's shell (run, complete, interrupt).
// Input arriving while a command or completion is in flight waits in a queue, like a tty's
// type-ahead, so a pasted heredoc is submitted line by line in order; Ctrl-C cuts through.

import type { Completion, ShellReply } from '../../worker/protocol';
import { applyCompletion } from './completion';
import { History, HistoryCursor } from './history';
import { tokenize, type Key } from './keys';
import * as buf from './line-buffer';
import type { Edit, LineState } from './line-buffer';
import { columns, cursorRow, draw, erase, moveCursor } from './render';
import { createSanitizer, visible } from './sanitize';

export const PROMPT = '$ ';

/** What the editor needs from one tab's shell (see `shellPort` for the worker-backed one). */
export interface ShellPort {
  input(line: string, out: (text: string) => void): Promise<ShellReply>;
  /**
   * The worker's kept answer for `line` typed at the primary prompt (a plain get it keeps current in
   * the page), which the port then reports as run; undefined when the shell must run it.
   */
  kept?(line: string): { text: string; code: number } | undefined;
  interrupt(): void;
  complete(line: string, cursor: number): Promise<Completion>;
}

export interface LineEditorOptions {
  port: ShellPort;
  /** Writes to the terminal (escape sequences included). */
  write: (data: string) => void;
  history?: History;
  cols?: number;
}

/** A command typed for another component (runInTerminal), resolved with its exit code. */
type RunItem = { kind: 'run'; command: string; done: (code: number) => void };
type Item = Key | RunItem;

/** Exit code reported when a command given to `run` could not finish (interrupted, incomplete). */
const INTERRUPTED = 130;
const INCOMPLETE = 2;

export class LineEditor {
  private state: LineState = { line: '', cursor: 0 };
  private prompt = PROMPT;
  private continuation = false;
  private running = false;
  private busy = false;
  private interrupted = false;
  private queue: Item[] = [];
  /** Whether the prompt and line are on screen (not during a command). */
  private drawn = false;
  /** Whether the last thing written left the cursor at the start of a line. */
  private atLineStart = true;
  private yankBuffer = '';
  private cols: number;
  private waiters: (() => void)[] = [];
  private readonly port: ShellPort;
  private readonly write: (data: string) => void;
  private readonly history: History;
  private readonly nav: HistoryCursor;
  private readonly clean = createSanitizer();
  /** Handed to the shell as the `out` callback (wrapped in Comlink.proxy by the caller). */
  readonly out = (text: string): void => this.output(text);

  constructor(opts: LineEditorOptions) {
    this.port = opts.port;
    this.write = opts.write;
    this.history = opts.history ?? new History();
    this.nav = new HistoryCursor(this.history);
    this.cols = Math.max(1, opts.cols ?? 80);
  }

  get line(): string {
    return this.state.line;
  }

  get cursor(): number {
    return this.state.cursor;
  }

  /** True while a submitted line is with the shell. */
  get isRunning(): boolean {
    return this.running;
  }

  /** At the primary prompt with nothing in flight: a command from elsewhere can be typed here. */
  get isIdle(): boolean {
    return !this.busy && !this.running && !this.continuation && this.queue.length === 0;
  }

  /** Shows the banner (if any) and the first prompt. */
  start(banner?: string): void {
    if (banner) this.emit(`${banner}\r\n`);
    this.showPrompt();
  }

  /** Input from xterm's onData: keys, escape sequences or a whole paste. */
  feed(data: string): void {
    for (const key of tokenize(data)) {
      if (key.kind === 'interrupt' && this.running) this.interruptRunning();
      else this.queue.push(key);
    }
    this.pump();
  }

  /** Types `command` visibly at the prompt and runs it; resolves with its exit code. */
  run(command: string): Promise<number> {
    return new Promise((done) => {
      this.queue.push({ kind: 'run', command, done });
      this.pump();
    });
  }

  /** Output of the running command (or a late line from one): sanitised, `\n` made `\r\n`. */
  output(text: string): void {
    const safe = this.clean(text).replace(/\r?\n/g, '\r\n');
    if (!safe) return;
    const interrupting = this.drawn && !this.running;
    // Output outside a command: put it above the edit area, then redraw the prompt below it.
    if (interrupting) this.emit(erase(this.row()));
    this.emit(safe);
    const seen = visible(safe);
    if (seen) this.atLineStart = seen.endsWith('\n');
    if (interrupting) this.showPrompt();
  }

  /** The terminal's width changed (xterm reflows what is on screen; we only need the new width). */
  resize(cols: number): void {
    this.cols = Math.max(1, cols);
  }

  /** Resolves once every queued key and command has been handled (for tests and `run`). */
  settled(): Promise<void> {
    if (!this.busy && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    while (!this.busy && this.queue.length > 0) {
      const item = this.queue.shift() as Item;
      const pending = this.handle(item);
      if (pending) {
        this.busy = true;
        const next = (): void => {
          this.busy = false;
          this.pump();
        };
        void pending.then(next, next);
      }
    }
    if (!this.busy && this.queue.length === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
  }

  /** Handles one key; returns a promise when it started something asynchronous. */
  private handle(item: Item): Promise<unknown> | void {
    switch (item.kind) {
      case 'enter': return this.submit();
      case 'up': return this.recall(this.nav.up(this.state.line));
      case 'down': return this.recall(this.nav.down());
      case 'tab': return this.complete();
      case 'interrupt': return this.abandon();
      case 'clear-screen':
        this.emit('\x1b[H\x1b[2J');
        this.atLineStart = true;
        return this.showPrompt();
      case 'run': return this.runCommand(item);
      default: return this.apply(buf.editFor(item, this.state, this.yankBuffer));
    }
  }

  /** Makes `next` the current line and shows the change with as little output as is safe. */
  private apply(next: Edit): void {
    if (next.killed) this.yankBuffer = next.killed;
    const prev = this.state;
    if (next.line === prev.line && next.cursor === prev.cursor) return;
    this.state = { line: next.line, cursor: next.cursor };
    if (!this.drawn) return;
    const width = this.prompt.length + next.line.length;
    const appended = prev.cursor === prev.line.length && next.cursor === next.line.length && next.line.startsWith(prev.line);
    if (appended) {
      // Typing at the end: the characters themselves are the redraw (xterm wraps them); on an exactly
      // full row, force the pending wrap as draw() does.
      this.emit(next.line.slice(prev.line.length) + (width % this.cols === 0 ? ' \r\x1b[K' : ''));
    } else if (next.line === prev.line) {
      this.emit(moveCursor(this.prompt.length, prev.cursor, next.cursor, this.cols));
    } else {
      const fromRow = cursorRow(this.prompt.length, prev.cursor, this.cols);
      this.emit(draw({ prompt: this.prompt, line: next.line, cursor: next.cursor, cols: this.cols, fromRow }));
    }
  }

  private recall(entry: string | undefined): void {
    if (entry !== undefined) this.apply({ line: entry, cursor: entry.length });
  }

  /**
   * Enter: leaves the line on screen and hands it to the shell (a blank primary line just re-prompts).
   * A kept answer is printed with the next prompt in this same call: the terminal shows it in the
   * coming frame (xterm parses what is written right after a key at once).
   */
  private submit(): Promise<ShellReply | undefined> | void {
    const { line } = this.state;
    this.leaveLine('\r\n');
    if (!this.continuation) {
      if (line.trim() === '') return this.showPrompt();
      this.history.add(line);
      const kept = this.port.kept?.(line);
      if (kept) {
        this.output(kept.text);
        this.showPrompt();
        return Promise.resolve({ kind: 'done', code: kept.code });
      }
    }
    return this.execute(line);
  }

  private async execute(line: string): Promise<ShellReply | undefined> {
    this.running = true;
    let reply: ShellReply | undefined;
    try {
      reply = await this.port.input(line, this.out);
    } catch (err) {
      this.output(`kubeplay: the shell failed: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    this.running = false;
    if (reply?.kind === 'more') {
      this.continuation = true;
      this.prompt = reply.prompt;
    } else {
      this.continuation = false;
      this.prompt = PROMPT;
      if (reply?.kind === 'clear') {
        this.emit('\x1b[H\x1b[2J\x1b[3J');
        this.atLineStart = true;
      }
    }
    this.showPrompt();
    return reply;
  }

  /** Ctrl-C while a command runs: ask the shell to stop it and drop the type-ahead. */
  private interruptRunning(): void {
    this.port.interrupt();
    this.emit('^C');
    this.atLineStart = false;
    this.interrupted = true;
    this.queue = this.queue.filter((i) => i.kind === 'run');
  }

  /** Ctrl-C at a prompt: abandon the line (and a half-typed heredoc) and start afresh. */
  private abandon(): void {
    this.leaveLine('^C\r\n');
    if (this.continuation) this.port.interrupt();
    this.continuation = false;
    this.prompt = PROMPT;
    this.showPrompt();
  }

  private async complete(): Promise<void> {
    const before = this.state;
    let result: Completion;
    try {
      result = await this.port.complete(before.line, before.cursor);
    } catch {
      return this.emit('\x07');
    }
    const outcome = applyCompletion(before, result);
    if (outcome.kind === 'bell') return this.emit('\x07');
    this.apply(outcome.edit);
    if (outcome.kind === 'complete') return;
    // List the candidates below, then draw the prompt and line again under them.
    const line = this.state;
    this.leaveLine(`\r\n${columns(outcome.items, this.cols).join('\r\n')}\r\n`);
    this.state = line;
    this.showPrompt();
  }

  /** A command from another component: typed at the prompt, run, then the user's own line restored. */
  private async runCommand({ command, done }: RunItem): Promise<void> {
    // The user's half-typed line comes back afterwards; a half-typed heredoc cannot, it is abandoned.
    const stash = this.continuation ? undefined : this.state;
    if (this.continuation) this.abandon();
    else if (stash?.line) this.apply({ line: '', cursor: 0 });
    this.interrupted = false;
    let code = 0;
    const lines = command.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    for (const line of lines) {
      this.apply({ line, cursor: line.length });
      const reply = await this.submit();
      if (reply?.kind === 'done') code = reply.code;
      if (this.interrupted) {
        if (reply?.kind !== 'done') code = INTERRUPTED;
        break;
      }
    }
    if (this.continuation) {
      this.abandon();
      code = this.interrupted ? INTERRUPTED : INCOMPLETE;
    }
    if (stash?.line) this.apply(stash);
    done(code);
  }

  /** Moves past the edit area, writes `text` (a newline, `^C`...), and forgets the line. */
  private leaveLine(text: string): void {
    const { line, cursor } = this.state;
    this.emit(moveCursor(this.prompt.length, cursor, line.length, this.cols) + text);
    this.atLineStart = text.endsWith('\n');
    this.state = { line: '', cursor: 0 };
    this.drawn = false;
    this.nav.reset();
  }

  /** Draws the prompt and current line on a fresh line. */
  private showPrompt(): void {
    if (!this.atLineStart) this.emit('\r\n');
    const { line, cursor } = this.state;
    this.emit(draw({ prompt: this.prompt, line, cursor, cols: this.cols }));
    this.atLineStart = false;
    this.drawn = true;
  }

  private row(): number {
    return cursorRow(this.prompt.length, this.state.cursor, this.cols);
  }

  private emit(data: string): void {
    if (data) this.write(data);
  }
}
