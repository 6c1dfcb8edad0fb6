// What a Tab completion reply does to the line, bash style: nothing matched -> bell; one candidate
// -> it replaces the word (plus a space); several -> their common prefix is filled in and they are listed.

import type { Completion } from '../../worker/protocol';
import { move, replaceBeforeCursor, type Edit, type LineState } from './line-buffer';

export type CompletionOutcome =
  | { kind: 'bell' }
  | { kind: 'complete'; edit: Edit }
  /** `edit` is the line after filling in the common prefix (possibly unchanged). */
  | { kind: 'list'; edit: Edit; items: string[] };

export function applyCompletion(s: LineState, { from, items }: Completion): CompletionOutcome {
  if (items.length === 0) return { kind: 'bell' };
  if (items.length === 1) {
    // A directory or `--flag=` continues; anything else is a finished word, followed by a space
    // (stepping over one that is already there).
    const item = items[0];
    const continues = /[/=]$/.test(item);
    const spaceFollows = s.line[s.cursor] === ' ';
    const next = replaceBeforeCursor(s, from, continues || spaceFollows ? item : `${item} `);
    return { kind: 'complete', edit: !continues && spaceFollows ? move(next, next.cursor + 1) : next };
  }
  const word = s.line.slice(from, s.cursor);
  const common = commonPrefix(items);
  const edit = common.length > word.length && common.startsWith(word) ? replaceBeforeCursor(s, from, common) : s;
  return { kind: 'list', edit, items };
}

/** The longest prefix shared by every item. */
export function commonPrefix(items: string[]): string {
  let prefix = items[0] ?? '';
  for (const item of items) while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
