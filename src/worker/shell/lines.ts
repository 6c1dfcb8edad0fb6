// Collects the physical lines typed in a terminal until they form complete commands: an open
// heredoc, a trailing `\` or an open quote asks for more (bash's `> ` prompt). The session-script
// parser decides, so the terminal accepts exactly what the headless runner and lessons accept.

import { parseScript, ScriptError, type Step } from '../../headless/script';

export type LineResult =
  | { kind: 'more' }
  | { kind: 'complete'; text: string; steps: Step[] }
  | { kind: 'error'; text: string; message: string };

/** An unescaped backslash at the very end of the text: the line continues. */
function continues(text: string): boolean {
  return /(^|[^\\])(\\\\)*\\$/.test(text);
}

/** Parser errors that only mean "the input stops too early". */
function incomplete(e: ScriptError): boolean {
  return /unterminated (single|double) quote|here-document delimited by end-of-file/.test(e.message);
}

export class LineBuffer {
  private lines: string[] = [];

  /** Whether a multi-line command is half typed. */
  get pending(): boolean {
    return this.lines.length > 0;
  }

  /** Forgets a half-typed command (Ctrl-C at the `> ` prompt). */
  clear(): void {
    this.lines = [];
  }

  push(line: string): LineResult {
    this.lines.push(line.replace(/\r$/, ''));
    const text = this.lines.join('\n');
    let steps: Step[];
    try {
      steps = parseScript(text);
    } catch (e) {
      if (e instanceof ScriptError && incomplete(e)) return { kind: 'more' };
      this.lines = [];
      return { kind: 'error', text, message: e instanceof Error ? e.message.replace(/^line \d+: /, '') : String(e) };
    }
    // parseScript joins a `\` line with the next one; at the end of the input there is none yet.
    if (continues(this.lines[this.lines.length - 1])) return { kind: 'more' };
    this.lines = [];
    return { kind: 'complete', text, steps };
  }
}
