// Turns the raw input xterm hands us (onData: typed keys, escape sequences, whole pastes) into key
// tokens the line editor understands. Pure; printable runs stay together so a paste redraws once.

/** Everything the line editor reacts to besides plain text. */
export type KeyName =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'up'
  | 'down'
  | 'word-left'
  | 'word-right'
  | 'kill-line-before'
  | 'kill-line-after'
  | 'kill-word-before'
  | 'kill-word-after'
  | 'yank'
  | 'tab'
  | 'interrupt'
  | 'clear-screen'
  | 'eof';

/** One object type per key name, so a `switch` on `kind` narrows. */
export type Key = { kind: 'text'; text: string } | { [K in KeyName]: { kind: K } }[KeyName];

/** Single control characters (what Ctrl+letter and the editing keys send). */
const CONTROL: Record<string, KeyName> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x01': 'home', // Ctrl-A
  '\x05': 'end', // Ctrl-E
  '\x02': 'left', // Ctrl-B
  '\x06': 'right', // Ctrl-F
  '\x10': 'up', // Ctrl-P
  '\x0e': 'down', // Ctrl-N
  '\x15': 'kill-line-before', // Ctrl-U
  '\x0b': 'kill-line-after', // Ctrl-K
  '\x17': 'kill-word-before', // Ctrl-W
  '\x19': 'yank', // Ctrl-Y
  '\x03': 'interrupt', // Ctrl-C
  '\x0c': 'clear-screen', // Ctrl-L
  '\x04': 'eof', // Ctrl-D
};

/** CSI / SS3 sequences by their parameters + final byte (xterm's normal and application modes). */
const SEQUENCES: Record<string, KeyName> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '3~': 'delete',
  '1;5C': 'word-right', // Ctrl-Right
  '1;5D': 'word-left', // Ctrl-Left
  '1;3C': 'word-right', // Alt-Right
  '1;3D': 'word-left', // Alt-Left
};

/** Alt+key arrives as ESC followed by the key (xterm's default, macOptionIsMeta or not). */
const META: Record<string, KeyName> = {
  b: 'word-left',
  f: 'word-right',
  d: 'kill-word-after',
  '\x7f': 'kill-word-before',
  '\b': 'kill-word-before',
};

/** Splits one onData chunk into keys, in order. Unknown sequences and controls are dropped. */
export function tokenize(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = (): void => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i];
    if (ch === '\x1b') {
      flush();
      i = escape(data, i, keys);
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
      flush();
      const name = CONTROL[ch];
      if (name) keys.push({ kind: name } as Key);
      // A pasted Windows line end is one Enter, not two.
      i += ch === '\r' && data[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return keys;
}

/** Reads the escape sequence starting at `i`, pushes its key if known, returns the next index. */
function escape(data: string, i: number, keys: Key[]): number {
  const next = data[i + 1];
  if (next === undefined) return i + 1; // a lone ESC: nothing to do
  if (next === '[' || next === 'O') {
    let j = i + 2;
    // Parameter and intermediate bytes (0x20-0x3f), then one final byte (0x40-0x7e).
    while (j < data.length && data.charCodeAt(j) >= 0x20 && data.charCodeAt(j) <= 0x3f) j++;
    if (j >= data.length) return j; // truncated: drop it
    const name = SEQUENCES[data.slice(i + 2, j + 1)];
    if (name) keys.push({ kind: name } as Key);
    return j + 1; // bracketed-paste markers (200~ / 201~) and the rest are ignored
  }
  const meta = META[next];
  if (meta) keys.push({ kind: meta } as Key);
  return i + 2;
}
