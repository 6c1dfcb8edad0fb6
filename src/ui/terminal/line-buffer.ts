// Pure editing operations on one input line (text + cursor), readline/bash style. Each returns a new
// state; kills also return what they removed so Ctrl-Y can yank it back.

import type { Key } from './keys';

export interface LineState {
  line: string;
  /** Index in `line`, 0..line.length. */
  cursor: number;
}

export interface Edit extends LineState {
  /** Text removed by a kill command (for the yank buffer). */
  killed?: string;
}

const WORD = /[A-Za-z0-9]/;

export function insert(s: LineState, text: string): Edit {
  return { line: s.line.slice(0, s.cursor) + text + s.line.slice(s.cursor), cursor: s.cursor + text.length };
}

export function backspace(s: LineState): Edit {
  if (s.cursor === 0) return s;
  return { line: s.line.slice(0, s.cursor - 1) + s.line.slice(s.cursor), cursor: s.cursor - 1 };
}

export function deleteForward(s: LineState): Edit {
  if (s.cursor >= s.line.length) return s;
  return { line: s.line.slice(0, s.cursor) + s.line.slice(s.cursor + 1), cursor: s.cursor };
}

export function move(s: LineState, to: number): Edit {
  return { line: s.line, cursor: Math.max(0, Math.min(s.line.length, to)) };
}

/** Start of the alphanumeric word before the cursor (Alt-B). */
export function wordLeft(s: LineState): number {
  let i = s.cursor;
  while (i > 0 && !WORD.test(s.line[i - 1])) i--;
  while (i > 0 && WORD.test(s.line[i - 1])) i--;
  return i;
}

/** End of the alphanumeric word after the cursor (Alt-F). */
export function wordRight(s: LineState): number {
  let i = s.cursor;
  while (i < s.line.length && !WORD.test(s.line[i])) i++;
  while (i < s.line.length && WORD.test(s.line[i])) i++;
  return i;
}

/** Removes line[from, to) and leaves the cursor at `from`. */
function kill(s: LineState, from: number, to: number): Edit {
  if (from >= to) return s;
  return { line: s.line.slice(0, from) + s.line.slice(to), cursor: from, killed: s.line.slice(from, to) };
}

/** Ctrl-U: everything before the cursor. */
export function killBefore(s: LineState): Edit {
  return kill(s, 0, s.cursor);
}

/** Ctrl-K: everything from the cursor on. */
export function killAfter(s: LineState): Edit {
  return kill(s, s.cursor, s.line.length);
}

/** Ctrl-W: back to the previous whitespace, like bash's unix-word-rubout. */
export function killWordBefore(s: LineState): Edit {
  let i = s.cursor;
  while (i > 0 && s.line[i - 1] === ' ') i--;
  while (i > 0 && s.line[i - 1] !== ' ') i--;
  return kill(s, i, s.cursor);
}

/** Alt-D: to the end of the next alphanumeric word. */
export function killWordAfter(s: LineState): Edit {
  return kill(s, s.cursor, wordRight(s));
}

/** Replaces line[from, cursor) with `text` (a completion), cursor after it. */
export function replaceBeforeCursor(s: LineState, from: number, text: string): Edit {
  const start = Math.max(0, Math.min(from, s.cursor));
  return { line: s.line.slice(0, start) + text + s.line.slice(s.cursor), cursor: start + text.length };
}

/** Keys that only edit the line; Enter, Up/Down, Tab, Ctrl-C and Ctrl-L are the editor's own. */
export type EditKey = Exclude<Key, { kind: 'enter' | 'up' | 'down' | 'tab' | 'interrupt' | 'clear-screen' }>;

/** The edit one key makes (`yank` is the text Ctrl-Y puts back). */
export function editFor(key: EditKey, s: LineState, yank: string): Edit {
  switch (key.kind) {
    case 'text': return insert(s, key.text);
    case 'backspace': return backspace(s);
    case 'delete': return deleteForward(s);
    case 'eof': return deleteForward(s); // Ctrl-D: on an empty line nothing to delete, and it never exits
    case 'left': return move(s, s.cursor - 1);
    case 'right': return move(s, s.cursor + 1);
    case 'home': return move(s, 0);
    case 'end': return move(s, s.line.length);
    case 'word-left': return move(s, wordLeft(s));
    case 'word-right': return move(s, wordRight(s));
    case 'kill-line-before': return killBefore(s);
    case 'kill-line-after': return killAfter(s);
    case 'kill-word-before': return killWordBefore(s);
    case 'kill-word-after': return killWordAfter(s);
    case 'yank': return insert(s, yank);
  }
}
