// Tests for the tabwriter port: Go text/tabwriter's test table (via liggitt/tabwriter, which carries
// it unchanged) plus the fork's RememberWidths behaviour and kubectl's presets.
import { describe, expect, it } from 'vitest';
import {
  AlignRight, Debug, DiscardEmptyColumns, FilterHTML, RememberWidths, StripEscape, TabIndent, TabWriter,
  alignText, describeWriter, tableWriter,
} from '../../../src/kubectl/printers/tabwriter';

type Row = [name: string, minwidth: number, tabwidth: number, padding: number, padchar: string, flags: number, src: string, want: string];

// Ported from text/tabwriter tabwriter_test.go `tests`.
const rows: Row[] = [
  ['1a', 8, 0, 1, '.', 0, '', ''],
  ['1a debug', 8, 0, 1, '.', Debug, '', ''],
  ['1b esc stripped', 8, 0, 1, '.', StripEscape, '\xff\xff', ''],
  ['1b esc', 8, 0, 1, '.', 0, '\xff\xff', '\xff\xff'],
  ['1c esc stripped', 8, 0, 1, '.', StripEscape, '\xff\t\xff', '\t'],
  ['1c esc', 8, 0, 1, '.', 0, '\xff\t\xff', '\xff\t\xff'],
  ['1d esc stripped', 8, 0, 1, '.', StripEscape, '\xff"foo\t\n\tbar"\xff', '"foo\t\n\tbar"'],
  ['1d esc', 8, 0, 1, '.', 0, '\xff"foo\t\n\tbar"\xff', '\xff"foo\t\n\tbar"\xff'],
  ['1e esc stripped', 8, 0, 1, '.', StripEscape, 'abc\xff\tdef', 'abc\tdef'],
  ['1e esc', 8, 0, 1, '.', 0, 'abc\xff\tdef', 'abc\xff\tdef'],
  ['2', 8, 0, 1, '.', 0, '\n\n\n', '\n\n\n'],
  ['3', 8, 0, 1, '.', 0, 'a\nb\nc', 'a\nb\nc'],
  ['4a', 8, 0, 1, '.', 0, '\t', ''],
  ['4b', 8, 0, 1, '.', AlignRight, '\t', ''],
  ['5', 8, 0, 1, '.', 0, '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', 0, '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', 0, '*\t*\t', '*.......*'],
  ['5c debug', 8, 0, 1, '.', Debug, '*\t*\t', '*.......|*'],
  ['5d', 8, 0, 1, '.', AlignRight, '*\t*\t', '.......**'],
  ['6', 8, 0, 1, '.', 0, '\t\n', '........\n'],
  ['7a', 8, 0, 1, '.', 0, 'a) foo', 'a) foo'],
  ['7b', 8, 0, 1, ' ', 0, 'b) foo\tbar', 'b) foo  bar'],
  ['7c', 8, 0, 1, '.', 0, 'c) foo\tbar\t', 'c) foo..bar'],
  ['7d', 8, 0, 1, '.', 0, 'd) foo\tbar\n', 'd) foo..bar\n'],
  ['7e', 8, 0, 1, '.', 0, 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['7f', 8, 0, 1, '.', FilterHTML, 'f) f&lt;o\t<b>bar</b>\t\n', 'f) f&lt;o..<b>bar</b>.....\n'],
  ['7g', 8, 0, 1, '.', FilterHTML, 'g) f&lt;o\t<b>bar</b>\t non-terminated entity &amp', 'g) f&lt;o..<b>bar</b>..... non-terminated entity &amp'],
  ['7g debug', 8, 0, 1, '.', FilterHTML | Debug, 'g) f&lt;o\t<b>bar</b>\t non-terminated entity &amp', 'g) f&lt;o..|<b>bar</b>.....| non-terminated entity &amp'],
  ['8', 8, 0, 1, '*', 0, 'Hello, world!\n', 'Hello, world!\n'],
  ['9a', 1, 0, 0, '.', 0, '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
  ['9b', 1, 0, 0, '.', FilterHTML, '1\t2<!---\f--->\t3\t4\n11\t222\t3333\t44444\n', '1.2<!---\f--->..3...4\n11222333344444\n'],
  ['9c', 1, 0, 0, '.', 0, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
  ['9c debug', 1, 0, 0, '.', Debug, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1|2|3|4\n---\n11|222|3333|44444\n'],
  ['10a', 5, 0, 0, '.', 0, '1\t2\t3\t4\n', '1....2....3....4\n'],
  ['10b', 5, 0, 0, '.', 0, '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  ['11', 8, 0, 1, '.', 0, '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n', '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n'],
  ['12a', 8, 0, 1, ' ', AlignRight, 'a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n', '       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n'],
  ['12b', 2, 0, 0, ' ', 0, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
  ['12c', 8, 0, 1, '_', 0, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n'],
  ['13a', 4, 0, 1, '-', 0, '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n', '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n'],
  ['13b', 4, 0, 3, '.', 0, '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n', '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n'],
  ['13c', 8, 8, 1, '\t', FilterHTML, '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t<font color=red attr=日本語>999999999</font>\t0000000000\n', '4444\t\t333\t22\t1\t333\n999999999\t22\n7\t\t22\n\t\t\t\t88888888\n\n666666\t666666\t666666\t\t4444\n1\t1\t<font color=red attr=日本語>999999999</font>\t0000000000\n'],
  ['14', 1, 0, 2, ' ', AlignRight, '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t', '    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3'],
  ['14 debug', 1, 0, 2, ' ', AlignRight | Debug, '.0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t', '    .0|          .3|    2.4|    -5.1|\n  23.0|  12345678.9|    2.4|  -989.4|\n   5.1|        12.0|    2.4|    -7.0|\n    .0|         0.0|  332.0|  8908.0|\n    .0|         -.3|  456.4|    22.1|\n    .0|         1.2|   44.4|   -13.3|'],
  ['15a', 4, 0, 0, '.', 0, 'a\t\tb', 'a.......b'],
  ['15b', 4, 0, 0, '.', DiscardEmptyColumns, 'a\t\tb', 'a.......b'],
  ['15c', 4, 0, 0, '.', DiscardEmptyColumns, 'a\v\vb', 'a...b'],
  ['15d', 4, 0, 0, '.', AlignRight | DiscardEmptyColumns, 'a\v\vb', '...ab'],
  ['16a', 100, 100, 0, '\t', 0, 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n', 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n'],
  ['16b', 100, 100, 0, '\t', DiscardEmptyColumns, 'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n', 'a\tb\td\na\tb\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n'],
  ['16b debug', 100, 100, 0, '\t', DiscardEmptyColumns | Debug, 'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n', 'a\t|b\t||d\na\t|b\t||d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n'],
  ['16c', 100, 100, 0, '\t', DiscardEmptyColumns, 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n', 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n'],
  ['16c debug', 100, 100, 0, '\t', DiscardEmptyColumns | Debug, 'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n', 'a\t|b\t|\t|d\na\t|b\t|\t|d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n'],
];

// Splits like the Go test: all at once, one UTF-16 unit at a time, and in growing slices.
function chunkings(src: string): string[][] {
  const fib: string[] = [];
  for (let i = 0, d = 0; i < src.length; ) {
    fib.push(src.slice(i, i + d));
    i += d;
    d++;
    if (i + d > src.length) d = src.length - i;
  }
  return [[src], [...src.split('')], fib];
}

describe('text/tabwriter table', () => {
  it.each(rows)('%s', (_name, minwidth, tabwidth, padding, padchar, flags, src, want) => {
    const w = new TabWriter({ minwidth, tabwidth, padding, padchar, flags });
    // One writer reused across the three runs, as upstream does: flush must fully reset it.
    for (const parts of chunkings(src)) {
      for (const p of parts) w.write(p);
      expect(w.flush()).toBe(want);
    }
  });
  it('uses every flag constant of upstream with its value', () => {
    expect([FilterHTML, StripEscape, AlignRight, DiscardEmptyColumns, TabIndent, Debug, RememberWidths]).toEqual([
      1, 2, 4, 8, 16, 32, 64,
    ]);
  });
  it('rejects negative settings', () => {
    expect(() => new TabWriter({ minwidth: -1, tabwidth: 0, padding: 0, padchar: ' ' })).toThrow(
      'negative minwidth, tabwidth, or padding',
    );
  });
});

describe('liggitt/tabwriter RememberWidths (TestMultiWrite)', () => {
  it('keeps the widest column widths across flushes and can transfer or reset them', () => {
    const w = new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', flags: RememberWidths });
    const steps: Array<[string, string]> = [
      [
        'First\tMiddle\tLast\na\tbb\tccc\nddd\teeeeeeeeeeeeee\tf\n',
        'First   Middle           Last\na       bb               ccc\nddd     eeeeeeeeeeeeee   f\n',
      ],
      ['g\th\ti\n', 'g       h                i\n'],
      ['j\t\t\n', 'j                        \n'],
      ['\tk\t\n', '        k                \n'],
      ['\t\tl\n', '                         l\n'],
      ['mmmmmmmmmmmmmmm\tnnn\tooo\n', 'mmmmmmmmmmmmmmm   nnn              ooo\n'],
    ];
    for (const [input, want] of steps) {
      w.write(input);
      expect(w.flush()).toBe(want);
    }
    const w2 = new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', flags: RememberWidths });
    w2.setRememberedWidths(w.rememberedWidths());
    w2.write('p\tq\tr\n');
    expect(w2.flush()).toBe('p                 q                r\n');
    expect(w2.rememberedWidths()).toEqual([18, 17]);
    w2.setRememberedWidths(null);
    w2.write('sssss\tt\tu\n');
    expect(w2.flush()).toBe('sssss   t     u\n');
    expect(w2.rememberedWidths()).toEqual([8, 6]);
    w2.setRememberedWidths([10, 5, 5]);
    w2.write('v\tw\tx\n');
    expect(w2.flush()).toBe('v         w     x\n');
  });
  it('without the flag each flush starts from scratch', () => {
    const w = new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ' });
    w.write('aaaaaaaaaa\tb\n');
    expect(w.flush()).toBe('aaaaaaaaaa   b\n');
    w.write('c\td\n');
    expect(w.flush()).toBe('c     d\n');
    expect(w.rememberedWidths()).toEqual([]);
  });
});

describe('kubectl presets', () => {
  const table: Array<[string, string]> = [
    // minwidth 6 pads short columns; the last cell of a line is never padded
    ['NAME\tREADY\tAGE\nweb\t1/1\t5s\n', 'NAME   READY   AGE\nweb    1/1     5s\n'],
    ['A\tB\nx\ty\n', 'A     B\nx     y\n'],
    [
      'NAME\tTYPE\tCLUSTER-IP\tEXTERNAL-IP\tPORT(S)\tAGE\nkubernetes\tClusterIP\t10.96.0.1\t<none>\t443/TCP\t10m\n',
      'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10m\n',
    ],
    // widths count code points, not UTF-16 units
    ['名前\tX\nab\tY\n', '名前    X\nab    Y\n'],
    ['😀😀\tX\nabcd\tY\n', '😀😀     X\nabcd   Y\n'],
  ];
  it.each(table)('tableWriter %j', (input, want) => {
    const w = tableWriter();
    w.write(input);
    expect(w.flush()).toBe(want);
  });
  it('tableWriter remembers widths until reset, as kubectl get relies on between rows', () => {
    const w = tableWriter();
    w.write('NAME\tREADY\nweb-abcdefghij\t1/1\n');
    expect(w.flush()).toBe('NAME             READY\nweb-abcdefghij   1/1\n');
    w.write('db\t0/1\n');
    expect(w.flush()).toBe('db               0/1\n');
    w.setRememberedWidths(null);
    w.write('db\t0/1\n');
    expect(w.flush()).toBe('db    0/1\n');
  });

  const describeRows: Array<[string, string]> = [
    [
      'Name:\tweb\nNamespace:\tdefault\nRollingUpdateStrategy:\t25% max unavailable, 25% max surge\n',
      'Name:                   web\nNamespace:              default\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\n',
    ],
    // a line without a tab ends the block: later lines align on their own
    ['Name:\tweb\nPod Template:\n  Labels:\tapp=web\n', 'Name:  web\nPod Template:\n  Labels:  app=web\n'],
    ['Type\tReason\tAge\n----\t------\t----\nNormal\tScheduled\t5s\n', 'Type    Reason     Age\n----    ------     ----\nNormal  Scheduled  5s\n'],
  ];
  it.each(describeRows)('describeWriter %j', (input, want) => {
    const w = describeWriter();
    w.write(input);
    expect(w.flush()).toBe(want);
  });

  it('alignText is write + flush', () => {
    expect(alignText('a\tb\nccc\td\n', { minwidth: 0, tabwidth: 8, padding: 1, padchar: '.' })).toBe('a...b\nccc.d\n');
  });
  it('a formfeed flushes and restarts the columns', () => {
    expect(alignText('aaaa\tb\n\fc\td\n', { minwidth: 0, tabwidth: 8, padding: 1, padchar: ' ' })).toBe(
      'aaaa b\n\nc d\n',
    );
  });
});
