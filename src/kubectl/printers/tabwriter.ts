// Column alignment as Go's text/tabwriter does it (elastic tabstops), plus the RememberWidths
// extension of github.com/liggitt/tabwriter that kubectl get uses; kubectl's tables depend on it.

/** Ignore HTML tags (width 0) and treat entities `&...;` as one character. */
export const FilterHTML = 1 << 0;
/** Strip the Escape characters bracketing escaped text instead of passing them through. */
export const StripEscape = 1 << 1;
/** Right-align cell content. */
export const AlignRight = 1 << 2;
/** Give zero width to columns made only of empty, soft-tab ('\v') terminated cells. */
export const DiscardEmptyColumns = 1 << 3;
/** Pad leading empty cells with tabs whatever the pad character. */
export const TabIndent = 1 << 4;
/** Print '|' between columns. */
export const Debug = 1 << 5;
/** liggitt/tabwriter: keep the widest width seen per column across flushes. */
export const RememberWidths = 1 << 6;

/**
 * Brackets text that must not be interpreted (tabs, newlines inside it are literal). Go uses the
 * byte 0xff, which never occurs in UTF-8; in a JS string its stand-in is U+00FF.
 */
export const Escape = '\xff';

export interface TabWriterOptions {
  /** Minimal cell width, padding included. */
  minwidth: number;
  /** Width of a tab character, when padding with tabs. */
  tabwidth: number;
  /** Added to a cell's text width before computing the column width. */
  padding: number;
  /** One character used for padding; '\t' pads with tabs (and forces left alignment). */
  padchar: string;
  flags?: number;
}

interface Cell {
  size: number; // length in UTF-16 units of the text in buf
  width: number; // width in code points, ignored sections excluded
  htab: boolean; // terminated by '\t' (not '\v')
}

function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * A write filter that aligns tab-terminated cells into columns. Text is buffered by write() and
 * laid out when a line break can no longer affect earlier lines (a '\f', or a line with a single
 * cell) or at flush(); flush() returns all output produced since the previous flush().
 */
export class TabWriter {
  private readonly minwidth: number;
  private readonly tabwidth: number;
  private readonly padding: number;
  private readonly padchar: string;
  private readonly flags: number;

  private out: string[] = [];
  private buf = '';
  private pending = '';
  private pos = 0; // buf position up to which the current cell's width is counted
  private cell: Cell = { size: 0, width: 0, htab: false };
  private endChar = ''; // terminator of the escaped section we are in, or ''
  private lines: Cell[][] = [[]];
  private widths: number[] = [];
  private maxwidths: number[] = [];

  constructor(o: TabWriterOptions) {
    if (o.minwidth < 0 || o.tabwidth < 0 || o.padding < 0) {
      throw new RangeError('negative minwidth, tabwidth, or padding');
    }
    this.minwidth = o.minwidth;
    this.tabwidth = o.tabwidth;
    this.padding = o.padding;
    this.padchar = o.padchar;
    let flags = o.flags ?? 0;
    // Tab padding cannot right-align.
    if (o.padchar === '\t') flags &= ~AlignRight;
    this.flags = flags;
  }

  /** Buffers text; may lay out (and queue for flush()) lines that are complete. */
  write(s: string): void {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (this.endChar === '') {
        if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
          this.append(s.slice(n, i));
          this.updateWidth();
          n = i + 1;
          const ncells = this.terminateCell(ch === '\t');
          if (ch === '\n' || ch === '\f') {
            this.lines.push([]);
            // A '\f' always flushes; a line with a single cell cannot influence the layout of
            // later lines (the last cell of a line is never part of a column), so flush too.
            if (ch === '\f' || ncells === 1) {
              this.flushInternal();
              if (ch === '\f' && this.flags & Debug) this.out.push('---\n');
            }
          }
        } else if (ch === Escape) {
          this.append(s.slice(n, i));
          this.updateWidth();
          n = this.flags & StripEscape ? i + 1 : i;
          this.endChar = Escape;
        } else if ((ch === '<' || ch === '&') && this.flags & FilterHTML) {
          this.append(s.slice(n, i));
          this.updateWidth();
          n = i;
          this.endChar = ch === '<' ? '>' : ';';
        }
      } else if (ch === this.endChar) {
        const j = ch === Escape && this.flags & StripEscape ? i : i + 1;
        this.append(s.slice(n, j));
        n = i + 1;
        this.endEscape();
      }
    }
    this.append(s.slice(n));
  }

  /** Lays out everything buffered and returns all output since the previous flush(). */
  flush(): string {
    this.flushInternal();
    const s = this.out.join('');
    this.out = [];
    return s;
  }

  /** liggitt/tabwriter RememberedWidths: the remembered per-column widths. */
  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  /** liggitt/tabwriter SetRememberedWidths: seed the remembered widths (e.g. from another writer). */
  setRememberedWidths(widths: readonly number[] | null | undefined): this {
    this.maxwidths = widths ? [...widths] : [];
    return this;
  }

  private flushInternal(): void {
    if (this.cell.size > 0) {
      // An escape still open at the end counts as closed.
      if (this.endChar !== '') this.endEscape();
      this.terminateCell(false);
    }
    this.format(0, 0, this.lines.length);
    this.buf = '';
    this.pending = '';
    this.pos = 0;
    this.cell = { size: 0, width: 0, htab: false };
    this.endChar = '';
    this.lines = [[]];
    this.widths = [];
  }

  private append(text: string): void {
    this.buf += text;
    this.pending += text;
    this.cell.size += text.length;
  }

  // Counts the text appended since the last update. It keeps that text aside instead of slicing
  // `buf`: slicing a string that is still being appended to flattens it each time (quadratic).
  private updateWidth(): void {
    this.cell.width += runeCount(this.pending);
    this.pending = '';
    this.pos = this.buf.length;
  }

  private endEscape(): void {
    if (this.endChar === Escape) {
      this.updateWidth();
      // The Escape characters themselves take no room.
      if (!(this.flags & StripEscape)) this.cell.width -= 2;
    } else if (this.endChar === ';') {
      this.cell.width++; // an HTML entity shows as one character; a tag ('>') as none
    }
    this.pending = '';
    this.pos = this.buf.length;
    this.endChar = '';
  }

  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1];
    line.push(this.cell);
    this.cell = { size: 0, width: 0, htab: false };
    return line.length;
  }

  // Recursively lays out the column blocks: a column block is a run of consecutive lines that
  // all have a cell in this column; its width is the widest cell in the run plus padding.
  private format(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= this.lines[t].length - 1) continue;
      pos = this.writeLines(pos, line0, t);
      line0 = t;
      let width = this.minwidth;
      let discardable = true;
      for (; t < line1; t++) {
        const line = this.lines[t];
        if (column >= line.length - 1) break;
        const c = line[column];
        width = Math.max(width, c.width + this.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.flags & DiscardEmptyColumns) width = 0;
      if (this.flags & RememberWidths) width = this.remember(width);
      this.widths.push(width);
      pos = this.format(pos, line0, t);
      this.widths.pop();
      line0 = t;
    }
    return this.writeLines(pos, line0, line1);
  }

  private remember(width: number): number {
    const col = this.widths.length;
    if (this.maxwidths.length < col) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    if (this.maxwidths.length === col) {
      this.maxwidths.push(width);
      return width;
    }
    if (this.maxwidths[col] > width) return this.maxwidths[col];
    this.maxwidths[col] = width;
    return width;
  }

  private writeLines(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      let useTabs = (this.flags & TabIndent) !== 0;
      line.forEach((c, j) => {
        if (j > 0 && this.flags & Debug) this.out.push('|');
        if (c.size === 0) {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j], useTabs);
          return;
        }
        useTabs = false;
        const text = this.buf.slice(pos, pos + c.size);
        pos += c.size;
        if (this.flags & AlignRight) {
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j], false);
          this.out.push(text);
        } else {
          this.out.push(text);
          if (j < this.widths.length) this.writePadding(c.width, this.widths[j], false);
        }
      });
      if (i + 1 === this.lines.length) {
        // The last buffered line has no newline yet: write the pending text as is.
        this.out.push(this.buf.slice(pos, pos + this.cell.size));
        pos += this.cell.size;
      } else {
        this.out.push('\n');
      }
    }
    return pos;
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean): void {
    if (this.padchar === '\t' || useTabs) {
      if (this.tabwidth === 0) return; // tabs have no width: no padding possible
      const w = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      const n = w - textw;
      this.out.push('\t'.repeat(Math.ceil(n / this.tabwidth)));
      return;
    }
    this.out.push(this.padchar.repeat(Math.max(0, cellw - textw)));
  }
}

/**
 * The writer kubectl get uses (cli-runtime printers.GetNewTabWriter): minwidth 6, tabwidth 4,
 * padding 3, ' ', and the RememberWidths flag, so rows printed after a flush (get --watch) keep
 * the columns; kubectl get calls setRememberedWidths(null) when it starts a new resource kind.
 */
export function tableWriter(flags = RememberWidths): TabWriter {
  return new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', flags });
}

/** The writer kubectl describe uses (describe.tabbedString): 0, 8, 2, ' ', 0. */
export function describeWriter(flags = 0): TabWriter {
  return new TabWriter({ minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ', flags });
}

/** Convenience: align a whole text at once with the given options. */
export function alignText(text: string, o: TabWriterOptions): string {
  const w = new TabWriter(o);
  w.write(text);
  return w.flush();
}
