import { describe, expect, it } from 'vitest';
import { shareUrl } from '../../../src/ui/shell/share-url';
import { formatSimTime } from '../../../src/ui/shell/format-time';

describe('shareUrl', () => {
  it.each([
    { loc: { origin: 'https://x.dev', pathname: '/' }, want: 'https://x.dev/#s=AbC' },
    { loc: { origin: 'https://x.dev', pathname: '/kubeplay/' }, want: 'https://x.dev/kubeplay/#s=AbC' },
    { loc: { origin: 'http://localhost:5173', pathname: '/index.html' }, want: 'http://localhost:5173/index.html#s=AbC' },
  ])('$want', ({ loc, want }) => expect(shareUrl(loc, 'AbC')).toBe(want));
});

describe('formatSimTime', () => {
  it('shows UTC date and time', () => expect(formatSimTime(Date.UTC(2025, 0, 1, 0, 5, 9))).toBe('2025-01-01 00:05:09'));
});
