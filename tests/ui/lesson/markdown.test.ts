import { describe, expect, it } from 'vitest';
import { blocks, inline } from '../../../src/ui/lesson/markdown';

describe('lesson markdown', () => {
  it.each([
    { input: 'plain', want: [{ code: false, text: 'plain' }] },
    { input: 'run `kubectl get pods` now', want: [{ code: false, text: 'run ' }, { code: true, text: 'kubectl get pods' }, { code: false, text: ' now' }] },
    { input: '`a``b`', want: [{ code: true, text: 'a' }, { code: true, text: 'b' }] },
    { input: '<script>alert(1)</script>', want: [{ code: false, text: '<script>alert(1)</script>' }] },
  ])('inline $input', ({ input, want }) => expect(inline(input)).toEqual(want));

  it('splits paragraphs and fenced code, keeping code verbatim', () => {
    expect(blocks('one\ntwo\n\n```\ncat > a <<EOF\n  x: 1\nEOF\n```\nthree')).toEqual([
      { kind: 'para', parts: [{ code: false, text: 'one two' }] },
      { kind: 'code', text: 'cat > a <<EOF\n  x: 1\nEOF' },
      { kind: 'para', parts: [{ code: false, text: 'three' }] },
    ]);
  });
});
