// Redraw sequences and the completion list layout.
import { describe, expect, it } from 'vitest';
import { columns, draw, moveCursor } from '../../../src/ui/terminal/render';
import { Screen } from './screen';

describe('columns', () => {
  it('fills columns top to bottom, as wide as the longest item plus two', () => {
    expect(columns(['a', 'bb', 'ccc', 'd', 'e'], 13)).toEqual(['a    ccc  e', 'bb   d']);
    expect(columns(['a', 'bb', 'ccc', 'd', 'e'], 12)).toEqual(['a    d', 'bb   e', 'ccc']);
  });
  it('puts one item per row when the width allows no more', () => {
    expect(columns(['deployments', 'daemonsets'], 12)).toEqual(['deployments', 'daemonsets']);
  });
  it('is empty for no items', () => {
    expect(columns([], 80)).toEqual([]);
  });
});

describe('draw', () => {
  it('redraws a wrapped line from its second row and puts the cursor back', () => {
    const screen = new Screen(8);
    screen.write(draw({ prompt: '$ ', line: 'abcdefghij', cursor: 10, cols: 8 }));
    expect(screen.text()).toBe('$ abcdef\nghij');
    screen.write(draw({ prompt: '$ ', line: 'abcdefgh', cursor: 3, cols: 8, fromRow: 1 }));
    expect(screen.text()).toBe('$ abcdef\ngh');
    expect([screen.row, screen.col]).toEqual([0, 5]);
  });

  it('moves between rows of a wrapped line', () => {
    const screen = new Screen(8);
    screen.write(draw({ prompt: '$ ', line: 'abcdefghij', cursor: 10, cols: 8 }));
    screen.write(moveCursor(2, 10, 1, 8));
    expect([screen.row, screen.col]).toEqual([0, 3]);
    screen.write(moveCursor(2, 1, 7, 8));
    expect([screen.row, screen.col]).toEqual([1, 1]);
  });
});
