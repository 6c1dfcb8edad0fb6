// A minimal VT100 screen for tests: enough of xterm's behaviour (auto-wrap with the pending-wrap
// state, CR, LF, cursor moves, erase) to check what the line editor's output looks like.

export class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  /** The cursor sits past the last column after filling it; the next printable wraps. */
  private pendingWrap = false;

  constructor(readonly cols: number) {}

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const ch = data[i];
      if (ch === '\x1b' && data[i + 1] === '[') {
        let j = i + 2;
        while (j < data.length && /[0-9;?:]/.test(data[j])) j++;
        this.csi(data.slice(i + 2, j), data[j]);
        i = j + 1;
        continue;
      }
      if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.down(1);
        this.pendingWrap = false;
      } else if (ch >= ' ') {
        this.print(ch);
      } // BEL and other controls: nothing visible
      i++;
    }
  }

  /** Visible text, rows right-trimmed, trailing blank rows dropped. */
  text(): string {
    const lines = this.rows.map((r) => r.join('').replace(/\s+$/, ''));
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  private print(ch: string): void {
    if (this.pendingWrap) {
      this.down(1);
      this.col = 0;
      this.pendingWrap = false;
    }
    const line = this.line(this.row);
    while (line.length < this.col) line.push(' ');
    line[this.col] = ch;
    if (this.col === this.cols - 1) this.pendingWrap = true;
    else this.col++;
  }

  private csi(params: string, final: string | undefined): void {
    const n = Math.max(1, Number.parseInt(params || '1', 10) || 1);
    this.pendingWrap = false;
    switch (final) {
      case 'A': this.row = Math.max(0, this.row - n); break;
      case 'B': this.down(n); break;
      case 'C': this.col = Math.min(this.cols - 1, this.col + n); break;
      case 'D': this.col = Math.max(0, this.col - n); break;
      case 'H': this.row = 0; this.col = 0; break;
      case 'K': this.line(this.row).splice(this.col); break;
      case 'J':
        if (params === '2' || params === '3') this.rows = this.rows.map(() => []);
        else {
          this.line(this.row).splice(this.col);
          this.rows.splice(this.row + 1);
        }
        break;
      default: break; // SGR and the rest do not move anything
    }
  }

  private down(n: number): void {
    this.row += n;
    this.line(this.row);
  }

  private line(r: number): string[] {
    while (this.rows.length <= r) this.rows.push([]);
    return this.rows[r];
  }
}
