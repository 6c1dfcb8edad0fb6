// The line editor at the prompt: editing keys, what the screen shows (wrapping included), history
// and Tab completion. The shell is a scripted fake; the screen a small VT100 model.
import { describe, expect, it } from 'vitest';
import { History } from '../../../src/ui/terminal/history';
import { harness } from './fake-shell';

/** The screen a correct editor shows for `line` with the cursor at `cursor`: rows of `cols`. */
function layout(line: string, cursor: number, cols: number): { text: string; row: number; col: number } {
  const full = `$ ${line}`;
  const rows: string[] = [];
  for (let i = 0; i < full.length; i += cols) rows.push(full.slice(i, i + cols).trimEnd());
  const p = 2 + cursor;
  return { text: rows.join('\n'), row: Math.floor(p / cols), col: p % cols };
}

describe('line editing', () => {
  const rows: { name: string; keys: string; line: string; cursor: number }[] = [
    { name: 'typing', keys: 'kubectl', line: 'kubectl', cursor: 7 },
    { name: 'Backspace', keys: 'abc\x7f', line: 'ab', cursor: 2 },
    { name: 'Backspace at the start does nothing', keys: 'ab\x01\x7f', line: 'ab', cursor: 0 },
    { name: 'Backspace in the middle', keys: 'abc\x1b[D\x1b[D\x7f', line: 'bc', cursor: 0 },
    { name: 'Left/Right clamp at the ends', keys: 'ab\x1b[D\x1b[D\x1b[D\x1b[C', line: 'ab', cursor: 1 },
    { name: 'Ctrl-A then insert', keys: 'abc\x01x', line: 'xabc', cursor: 1 },
    { name: 'Home/End keys', keys: 'abc\x1b[H\x1b[Fx', line: 'abcx', cursor: 4 },
    { name: 'Ctrl-E after Ctrl-A', keys: 'abc\x01\x05x', line: 'abcx', cursor: 4 },
    { name: 'Delete under the cursor', keys: 'abc\x01\x1b[3~', line: 'bc', cursor: 0 },
    { name: 'Delete at the end does nothing', keys: 'abc\x1b[3~', line: 'abc', cursor: 3 },
    { name: 'Ctrl-D deletes under the cursor', keys: 'abc\x01\x04', line: 'bc', cursor: 0 },
    { name: 'Ctrl-D on an empty line does nothing', keys: '\x04\x04', line: '', cursor: 0 },
    { name: 'Ctrl-U kills before the cursor', keys: 'get pods\x1b[D\x1b[D\x15', line: 'ds', cursor: 0 },
    { name: 'Ctrl-K kills from the cursor', keys: 'get pods\x01\x1b[C\x1b[C\x1b[C\x0b', line: 'get', cursor: 3 },
    { name: 'Ctrl-W kills the previous word', keys: 'kubectl get pods\x17', line: 'kubectl get ', cursor: 12 },
    { name: 'Ctrl-W skips trailing spaces', keys: 'kubectl get pods  \x17', line: 'kubectl get ', cursor: 12 },
    { name: 'Ctrl-W kills up to whitespace (keeps -f together)', keys: 'apply -f web.yaml\x17\x17', line: 'apply ', cursor: 6 },
    { name: 'Ctrl-Y yanks the last kill', keys: 'one two\x17\x01\x19', line: 'twoone ', cursor: 3 },
    { name: 'Alt-B moves by alphanumeric word', keys: 'get deploy/web\x1bb', line: 'get deploy/web', cursor: 11 },
    { name: 'Alt-B twice', keys: 'get deploy/web\x1bb\x1bb', line: 'get deploy/web', cursor: 4 },
    { name: 'Alt-F moves to the word end', keys: 'one two\x01\x1bf', line: 'one two', cursor: 3 },
    { name: 'Alt-D kills the next word', keys: 'one two\x01\x1bd', line: ' two', cursor: 0 },
    { name: 'Ctrl-B/Ctrl-F', keys: 'abc\x02\x02\x06', line: 'abc', cursor: 2 },
    { name: 'pasted text inserts at the cursor', keys: 'kubectl  pods\x1b[D\x1b[D\x1b[D\x1b[D\x1b[Dget', line: 'kubectl get pods', cursor: 11 },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const h = harness();
      await h.type(row.keys);
      expect({ line: h.editor.line, cursor: h.editor.cursor }).toEqual({ line: row.line, cursor: row.cursor });
      const want = layout(row.line, row.cursor, 80);
      expect({ text: h.screen.text(), row: h.screen.row, col: h.screen.col }).toEqual(want);
      expect(h.shell.inputs).toEqual([]);
    });
  }

  it('typing at the end emits just the characters', async () => {
    const h = harness();
    for (const ch of 'kubectl get nodes') await h.type(ch);
    expect(h.writes.join('')).toBe('kubectl get nodes');
  });

  it('emits a redraw for Backspace and a cursor move for Left', async () => {
    const h = harness();
    await h.type('abc');
    h.writes.length = 0;
    await h.type('\x7f');
    expect(h.writes).toEqual(['\r\x1b[J$ ab']);
    h.writes.length = 0;
    await h.type('\x1b[D');
    expect(h.writes).toEqual(['\r\x1b[3C']);
  });

  it('forces the wrap when the line exactly fills a row, so the cursor is where it should be', async () => {
    const h = harness(10);
    await h.type('abcdefgh');
    expect(h.writes.at(-1)).toBe('abcdefgh \r\x1b[K');
    expect([h.screen.row, h.screen.col]).toEqual([1, 0]);
    await h.type('i');
    expect(h.screen.text()).toBe('$ abcdefgh\ni');
  });

  it('never corrupts a line longer than the width, whatever the edits', async () => {
    // A deterministic walk of random edits on an 7-column terminal, compared with the ideal layout.
    const keys = ['x', 'yz', '\x7f', '\x1b[D', '\x1b[C', '\x01', '\x05', '\x1b[3~', '\x17', '\x19', '\x0b', 'long word ', '\x1bb', '\x1bf'];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (const cols of [7, 10, 13]) {
      const h = harness(cols);
      for (let step = 0; step < 400; step++) {
        await h.type(keys[rand(keys.length)]);
        const want = layout(h.editor.line, h.editor.cursor, cols);
        expect({ text: h.screen.text(), row: h.screen.row, col: h.screen.col }, `cols ${cols} step ${step}`).toEqual(want);
      }
    }
  });

  it('Ctrl-L clears the screen and keeps the line', async () => {
    const h = harness();
    await h.type('ls\r');
    await h.type('kubectl get');
    await h.type('\x0c');
    expect(h.writes.join('')).toContain('\x1b[H\x1b[2J');
    expect(h.screen.text()).toBe('$ kubectl get');
    expect(h.editor.line).toBe('kubectl get');
  });
});

describe('history', () => {
  it('Up/Down walk the commands entered, newest first, and come back to the draft', async () => {
    const h = harness();
    await h.type('one\rtwo\r');
    await h.type('dra');
    const seen: string[] = [];
    for (const key of ['\x1b[A', '\x1b[A', '\x1b[A', '\x1b[B', '\x1b[B', '\x1b[B']) {
      await h.type(key);
      seen.push(h.editor.line);
    }
    expect(seen).toEqual(['two', 'one', 'one', 'two', 'dra', 'dra']);
    expect(h.screen.text().split('\n').at(-1)).toBe('$ dra');
  });

  it('starts from the history loaded from the worker', async () => {
    const history = new History();
    history.load(['kubectl get nodes', 'kubectl get pods']);
    const h = harness(80, history);
    await h.type('\x1b[A\x1b[A');
    expect(h.editor.line).toBe('kubectl get nodes');
    await h.type('\r');
    expect(h.shell.inputs).toEqual(['kubectl get nodes']);
  });

  it('is shared by the tabs', async () => {
    const history = new History();
    const a = harness(80, history);
    const b = harness(80, history);
    await a.type('kubectl get rs -w\r');
    await b.type('\x1b[A');
    expect(b.editor.line).toBe('kubectl get rs -w');
  });

  it('skips blank lines, immediate repeats and heredoc bodies', async () => {
    const h = harness();
    await h.type('ls\r\r   \rls\rcat <<EOF\rbody\rEOF\r');
    expect(h.history.entries).toEqual(['ls', 'cat <<EOF']);
  });

  it('an edited recalled line is what runs', async () => {
    const h = harness();
    await h.type('kubectl get pods\r\x1b[A\x17deploy\r');
    expect(h.shell.inputs).toEqual(['kubectl get pods', 'kubectl get deploy']);
  });
});

describe('Tab completion', () => {
  it('asks the shell with the line and cursor', async () => {
    const h = harness();
    await h.type('kubectl get po\x1b[D\t');
    expect(h.shell.completions).toEqual([{ line: 'kubectl get po', cursor: 13 }]);
  });

  it('rings the bell when nothing matches', async () => {
    const h = harness();
    await h.type('kubectl zz\t');
    expect(h.writes.at(-1)).toBe('\x07');
    expect(h.editor.line).toBe('kubectl zz');
  });

  const single: { name: string; keys: string; from: number; item: string; line: string; cursor: number }[] = [
    { name: 'one candidate completes and adds a space', keys: 'kubectl get po', from: 12, item: 'pods', line: 'kubectl get pods ', cursor: 17 },
    { name: 'a flag ending in = takes no space', keys: 'kubectl get pods --out', from: 17, item: '--output=', line: 'kubectl get pods --output=', cursor: 26 },
    { name: 'a directory takes no space', keys: 'cat ma', from: 4, item: 'manifests/', line: 'cat manifests/', cursor: 14 },
    { name: 'in the middle of the line, stepping over the space', keys: 'kubectl ge pods\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D', from: 8, item: 'get', line: 'kubectl get pods', cursor: 12 },
  ];
  for (const row of single) {
    it(row.name, async () => {
      const h = harness();
      h.shell.completer = () => ({ from: row.from, items: [row.item] });
      await h.type(`${row.keys}\t`);
      expect({ line: h.editor.line, cursor: h.editor.cursor }).toEqual({ line: row.line, cursor: row.cursor });
      expect(h.screen.text()).toBe(`$ ${row.line}`.trimEnd());
    });
  }

  it('several candidates are listed below, then the prompt and line come back', async () => {
    const h = harness();
    h.shell.completer = () => ({ from: 12, items: ['pods', 'persistentvolumes', 'poddisruptionbudgets'] });
    await h.type('kubectl get p\t');
    expect(h.screen.text()).toBe(
      ['$ kubectl get p', 'pods                  persistentvolumes     poddisruptionbudgets', '$ kubectl get p'].join('\n'),
    );
    expect([h.screen.row, h.screen.col]).toEqual([2, 15]);
    expect(h.editor.line).toBe('kubectl get p');
  });

  it('several candidates with a longer common prefix complete it, and are listed', async () => {
    const h = harness(30);
    h.shell.completer = () => ({ from: 12, items: ['pods', 'podtemplates', 'poddisruptionbudgets'] });
    await h.type('kubectl get po\t');
    expect(h.editor.line).toBe('kubectl get pod');
    expect(h.screen.text()).toBe(['$ kubectl get pod', 'pods', 'podtemplates', 'poddisruptionbudgets', '$ kubectl get pod'].join('\n'));
  });

  it('keys typed while the completion is on its way apply after it', async () => {
    const h = harness();
    h.shell.completer = () => ({ from: 12, items: ['pods'] });
    h.editor.feed('kubectl get po\t-A');
    await h.editor.settled();
    expect(h.editor.line).toBe('kubectl get pods -A');
  });

  it('a failing completion only rings the bell', async () => {
    const h = harness();
    h.shell.completer = () => {
      throw new Error('worker gone');
    };
    await h.type('kubectl\t');
    expect(h.writes.at(-1)).toBe('\x07');
    expect(h.editor.line).toBe('kubectl');
  });
});
