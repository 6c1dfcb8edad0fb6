// What xterm's onData chunks turn into: typed keys, escape sequences, pastes.
import { describe, expect, it } from 'vitest';
import { tokenize, type Key } from '../../../src/ui/terminal/keys';

const t = (text: string): Key => ({ kind: 'text', text });
const k = (kind: Exclude<Key['kind'], 'text'>): Key => ({ kind }) as Key;

describe('tokenize', () => {
  const rows: { name: string; input: string; want: Key[] }[] = [
    { name: 'plain text is one run', input: 'kubectl get', want: [t('kubectl get')] },
    { name: 'Enter (CR)', input: '\r', want: [k('enter')] },
    { name: 'LF is Enter too', input: 'a\nb', want: [t('a'), k('enter'), t('b')] },
    { name: 'CRLF is a single Enter', input: 'a\r\nb\r\n', want: [t('a'), k('enter'), t('b'), k('enter')] },
    { name: 'Backspace (DEL and ^H)', input: '\x7f\b', want: [k('backspace'), k('backspace')] },
    { name: 'arrows, normal mode', input: '\x1b[A\x1b[B\x1b[C\x1b[D', want: [k('up'), k('down'), k('right'), k('left')] },
    { name: 'arrows, application mode', input: '\x1bOA\x1bOD', want: [k('up'), k('left')] },
    { name: 'Home/End variants', input: '\x1b[H\x1bOH\x1b[1~\x1b[F\x1bOF\x1b[4~', want: [k('home'), k('home'), k('home'), k('end'), k('end'), k('end')] },
    { name: 'Delete', input: '\x1b[3~', want: [k('delete')] },
    { name: 'Ctrl-A/E/U/K/W/Y', input: '\x01\x05\x15\x0b\x17\x19', want: [k('home'), k('end'), k('kill-line-before'), k('kill-line-after'), k('kill-word-before'), k('yank')] },
    { name: 'Ctrl-C, Ctrl-L, Ctrl-D, Tab', input: '\x03\x0c\x04\t', want: [k('interrupt'), k('clear-screen'), k('eof'), k('tab')] },
    { name: 'Ctrl-B/F/P/N', input: '\x02\x06\x10\x0e', want: [k('left'), k('right'), k('up'), k('down')] },
    { name: 'Alt-B/F/D, Alt-Backspace', input: '\x1bb\x1bf\x1bd\x1b\x7f', want: [k('word-left'), k('word-right'), k('kill-word-after'), k('kill-word-before')] },
    { name: 'Ctrl-arrows move by word', input: '\x1b[1;5D\x1b[1;5C', want: [k('word-left'), k('word-right')] },
    { name: 'bracketed-paste markers are dropped', input: '\x1b[200~ls\x1b[201~', want: [t('ls')] },
    { name: 'unknown sequences and controls are dropped', input: 'a\x1b[15~\x00\x1b[?1hb', want: [t('a'), t('b')] },
    { name: 'a lone or truncated ESC is dropped', input: 'x\x1b', want: [t('x')] },
    { name: 'truncated CSI is dropped', input: 'x\x1b[1;', want: [t('x')] },
    { name: 'unicode text passes', input: 'écho ✓', want: [t('écho ✓')] },
    { name: 'C1 controls are not text', input: 'a\x9bb', want: [t('a'), t('b')] },
  ];
  for (const row of rows) {
    it(row.name, () => expect(tokenize(row.input)).toEqual(row.want));
  }
});
