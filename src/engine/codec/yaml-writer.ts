// Output state of the go-yaml v2 (libyaml) emitter: column tracking, indentation stack and the
// whitespace/indention flags that decide where spaces and line breaks go.

/** go-yaml's preferred indentation and line width (kubectl never changes them). */
export const BEST_INDENT = 2;
export const BEST_WIDTH = 80;

/** Mutable emitter state; columns count characters (code points), as libyaml does. */
export class YamlWriter {
  private readonly parts: string[] = [];
  column = 0;
  /** The last thing written was whitespace (or nothing yet). */
  whitespace = true;
  /** Only indentation has been written on the current line. */
  indention = true;
  indent = -1;
  private readonly indents: number[] = [];

  /** The text written so far. */
  text(): string {
    return this.parts.join('');
  }

  /** Writes one non-break character. */
  put(ch: string): void {
    this.parts.push(ch);
    this.column++;
  }

  /** Writes a newline. */
  putBreak(): void {
    this.parts.push('\n');
    this.column = 0;
  }

  /** Copies a line-break character from a value: `\n` as a newline, others (CR, NEL, LS, PS) as is. */
  writeBreak(ch: string): void {
    if (ch === '\n') {
      this.putBreak();
    } else {
      this.parts.push(ch);
      this.column = 0;
    }
  }

  /** yaml_emitter_increase_indent. */
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      this.indent += BEST_INDENT;
    }
  }

  /** Restores the indentation saved by the matching increaseIndent. */
  popIndent(): void {
    this.indent = this.indents.pop() as number;
  }

  /** yaml_emitter_write_indent: a new line unless we are still inside the indentation, then spaces. */
  writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indicator. */
  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
}
