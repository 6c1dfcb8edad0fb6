// Ported as facts from github.com/mitchellh/go-wordwrap v1.0.1 wordwrap_test.go, plus the 80/76
// column cases explain relies on.
import { describe, expect, it } from 'vitest';
import { wrapString } from '../../../src/kubectl/explain/wordwrap';

const rows: { input: string; lim: number; want: string }[] = [
  { input: 'foo', lim: 4, want: 'foo' },
  { input: 'foobarbaz', lim: 4, want: 'foobarbaz' },
  { input: 'foo bar baz', lim: 4, want: 'foo\nbar\nbaz' },
  { input: 'foo bars bazzes', lim: 4, want: 'foo\nbars\nbazzes' },
  { input: 'fo sop', lim: 4, want: 'fo\nsop' },
  { input: 'foo bar\u00A0baz', lim: 10, want: 'foo\nbar\u00A0baz' },
  { input: 'foo\nb\t r\n baz', lim: 4, want: 'foo\nb\t r\n baz' },
  { input: 'foo    \nb   ar   ', lim: 4, want: 'foo\nb\nar' },
  { input: 'foo bar baz\n', lim: 4, want: 'foo\nbar\nbaz\n' },
  { input: '\nfoo bar\n\n\nbaz\n', lim: 4, want: '\nfoo\nbar\n\n\nbaz\n' },
  {
    input: ' This is a list: \n\n\t* foo\n\t* bar\n\n\n\t* baz  \nBAM    ',
    lim: 6,
    want: ' This\nis a\nlist: \n\n\t* foo\n\t* bar\n\n\n\t* baz\nBAM',
  },
  { input: '\u2584 '.repeat(4), lim: 4, want: '\u2584 \u2584\n' + '\u2584 '.repeat(2) },
  { input: '', lim: 76, want: '' },
  { input: 'a b', lim: 3, want: 'a b' },
  { input: 'a bc', lim: 3, want: 'a\nbc' },
  { input: 'exactly ten', lim: 11, want: 'exactly ten' },
  { input: 'word\u2003word', lim: 5, want: 'word\nword' },
  {
    input: 'More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
    lim: 76,
    want: 'More info:\nhttps://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
  },
];

describe('wrapString (go-wordwrap v1.0.1)', () => {
  it.each(rows)('wraps $input at $lim', ({ input, lim, want }) => {
    expect(wrapString(input, lim)).toBe(want);
  });

  it('keeps every line within the limit when words fit (term_writer_test.go)', () => {
    const text = Array(68).fill('Kube').join(' ');
    for (const lim of [10, 80, 120]) {
      const out = wrapString(text, lim);
      for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(lim);
      expect(out.replace(/\n/g, ' ')).toBe(text);
    }
  });
});
