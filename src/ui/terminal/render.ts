// Escape sequences that (re)draw the prompt and input line, wrapping-aware: the edit area spans
// several rows when prompt + line is wider than the terminal, and the cursor is put back in place.
// Every character is taken as one column wide (East Asian wide characters are not measured).

/** Where the edit area starts relative to the cursor: how many rows up the prompt begins. */
export function cursorRow(promptWidth: number, cursor: number, cols: number): number {
  return Math.floor((promptWidth + cursor) / Math.max(1, cols));
}

const up = (n: number): string => (n > 0 ? `\x1b[${n}A` : '');
const right = (n: number): string => (n > 0 ? `\x1b[${n}C` : '');

export interface DrawInput {
  prompt: string;
  line: string;
  cursor: number;
  cols: number;
  /** The cursor's row in the edit area as drawn last time; undefined when we stand at a fresh line start. */
  fromRow?: number;
}

/**
 * Goes to the start of the edit area, clears to the end of the screen, writes prompt + line and moves
 * the cursor to its place. A text exactly filling its last row leaves xterm in the "pending wrap"
 * state (cursor stuck on the last column); writing a space and CR forces the wrap so the row
 * arithmetic holds, and erasing the line removes the space again.
 */
export function draw({ prompt, line, cursor, cols, fromRow }: DrawInput): string {
  const width = Math.max(1, cols);
  let out = fromRow === undefined ? '' : `${up(fromRow)}\r\x1b[J`;
  const text = prompt + line;
  out += text;
  if (text.length > 0 && text.length % width === 0) out += ' \r\x1b[K';
  const endRow = Math.floor(text.length / width);
  const target = prompt.length + cursor;
  const row = Math.floor(target / width);
  const col = target % width;
  if (row !== endRow || col !== text.length % width) out += `${up(endRow - row)}\r${right(col)}`;
  return out;
}

/** Moves the cursor within the drawn edit area from line index `from` to line index `to`. */
export function moveCursor(promptWidth: number, from: number, to: number, cols: number): string {
  const width = Math.max(1, cols);
  const a = promptWidth + from;
  const b = promptWidth + to;
  if (a === b) return '';
  const rows = Math.floor(b / width) - Math.floor(a / width);
  const vertical = rows < 0 ? `\x1b[${-rows}A` : rows > 0 ? `\x1b[${rows}B` : '';
  return `${vertical}\r${right(b % width)}`;
}

/** Erases the edit area (prompt and line), leaving the cursor where the prompt began. */
export function erase(fromRow: number): string {
  return `${up(fromRow)}\r\x1b[J`;
}

/** Lays candidates out in columns that fit `cols`, filled top to bottom like `ls`; one string per row. */
export function columns(items: string[], cols: number): string[] {
  if (items.length === 0) return [];
  const cell = Math.max(...items.map((s) => s.length)) + 2;
  // n columns take (n - 1) * cell + the longest item: the last one needs no gap after it.
  const perRow = Math.max(1, Math.floor((Math.max(1, cols) + 2) / cell));
  const rows = Math.ceil(items.length / perRow);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let row = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item === undefined) continue;
      const last = c === perRow - 1 || items[(c + 1) * rows + r] === undefined;
      row += last ? item : item.padEnd(cell);
    }
    out.push(row);
  }
  return out;
}
