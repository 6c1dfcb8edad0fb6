// Output from the cluster may contain anything: only SGR colours reach xterm.
import { describe, expect, it } from 'vitest';
import { createSanitizer, sanitize, visible } from '../../../src/ui/terminal/sanitize';

describe('sanitize', () => {
  const rows: { name: string; input: string; want: string }[] = [
    { name: 'plain text and line ends pass', input: 'NAME   READY\nweb    1/1\r\n\tx', want: 'NAME   READY\nweb    1/1\r\n\tx' },
    { name: 'SGR colours pass', input: '\x1b[31merror\x1b[0m \x1b[1;32mok\x1b[m', want: '\x1b[31merror\x1b[0m \x1b[1;32mok\x1b[m' },
    { name: 'SGR with colon sub-parameters passes', input: '\x1b[38:2::255:0:0mred', want: '\x1b[38:2::255:0:0mred' },
    { name: 'OSC window title (BEL) is removed with its payload', input: 'a\x1b]0;pwned\x07b', want: 'ab' },
    { name: 'OSC terminated by ST is removed', input: 'a\x1b]2;title\x1b\\b', want: 'ab' },
    { name: 'OSC 52 clipboard write is removed', input: '\x1b]52;c;ZXZpbA==\x07ok', want: 'ok' },
    { name: 'OSC 8 hyperlink is removed, text kept', input: '\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\', want: 'link' },
    { name: 'DCS is removed with its payload', input: 'a\x1bP$q"p\x1b\\b', want: 'ab' },
    { name: 'APC/PM/SOS are removed', input: '\x1b_x\x1b\\\x1b^y\x1b\\\x1bXz\x1b\\ok', want: 'ok' },
    { name: 'device status / attribute queries are removed', input: '\x1b[6n\x1b[c\x1b[>0cok', want: 'ok' },
    { name: 'cursor moves, clears and modes are removed', input: '\x1b[2J\x1b[H\x1b[?1049h\x1b[10;10Hok\x1b[K', want: 'ok' },
    { name: 'private SGR-looking sequences are removed', input: '\x1b[>4;2mok\x1b[?25m', want: 'ok' },
    { name: 'ESC + final and charset selection are removed', input: '\x1bc\x1b7\x1b(Bok\x1b#8', want: 'ok' },
    { name: '8-bit C1 CSI and OSC are removed', input: 'a\x9b6nb\x9d0;t\x07c', want: 'abc' },
    { name: 'other C0 controls are removed', input: 'a\x07\x08\x00\x0e\x7fb', want: 'ab' },
    { name: 'an unterminated OSC ends at the line end', input: '\x1b]0;title\nnext line', want: '\nnext line' },
    { name: 'an oversized CSI is dropped', input: `\x1b[${'1;'.repeat(80)}mok`, want: 'ok' },
  ];
  for (const row of rows) {
    it(row.name, () => expect(sanitize(row.input)).toEqual(row.want));
  }

  it('keeps a sequence split across chunks together', () => {
    const clean = createSanitizer();
    expect(clean('red: \x1b[3')).toBe('red: ');
    expect(clean('1mX\x1b]0;ti')).toBe('\x1b[31mX');
    expect(clean('tle\x07 done')).toBe(' done');
  });

  it('visible() drops SGR only', () => {
    expect(visible('\x1b[31mred\x1b[0m\n')).toBe('red\n');
  });
});

