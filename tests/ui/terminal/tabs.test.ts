// Terminal tab bookkeeping: ids, closing, and where a command from the editor or a lesson runs.
import { describe, expect, it } from 'vitest';
import { addTab, closeTab, initialTabs, selectTab, tabForCommand, tabLabel } from '../../../src/ui/terminal/tabs';

describe('terminal tabs', () => {
  it('starts with t1 open and numbers new tabs t2, t3 ... never reusing an id', () => {
    let s = initialTabs();
    expect(s).toMatchObject({ ids: ['t1'], active: 't1' });
    s = addTab(s);
    s = addTab(s);
    expect(s).toMatchObject({ ids: ['t1', 't2', 't3'], active: 't3' });
    s = closeTab(s, 't3');
    s = addTab(s);
    expect(s.ids).toEqual(['t1', 't2', 't4']);
  });

  it('closing the active tab activates its right neighbour, or the left one at the end', () => {
    const s = addTab(addTab(addTab(initialTabs()))); // t1..t4, t4 active
    expect(closeTab(selectTab(s, 't2'), 't2')).toMatchObject({ ids: ['t1', 't3', 't4'], active: 't3' });
    expect(closeTab(s, 't4')).toMatchObject({ ids: ['t1', 't2', 't3'], active: 't3' });
    expect(closeTab(s, 't1')).toMatchObject({ ids: ['t2', 't3', 't4'], active: 't4' });
  });

  it('keeps the last tab open and ignores unknown ids', () => {
    const s = initialTabs();
    expect(closeTab(s, 't1')).toBe(s);
    expect(closeTab(addTab(s), 't9').ids).toEqual(['t1', 't2']);
    expect(selectTab(s, 't9')).toBe(s);
  });

  it('a command goes to the active tab when it is at its prompt', () => {
    const s = selectTab(addTab(initialTabs()), 't1');
    expect(tabForCommand(s, () => true)).toEqual({ state: s, id: 't1' });
  });

  it('a command goes to an idle tab (made active) when the active one is busy watching', () => {
    const s = addTab(addTab(initialTabs())); // t3 active
    const { state, id } = tabForCommand(s, (t) => t === 't2');
    expect(id).toBe('t2');
    expect(state.active).toBe('t2');
  });

  it('a command opens a new tab when every tab is busy', () => {
    const { state, id } = tabForCommand(initialTabs(), () => false);
    expect(id).toBe('t2');
    expect(state).toMatchObject({ ids: ['t1', 't2'], active: 't2' });
  });

  it('labels tabs for people', () => {
    expect(tabLabel('t12')).toBe('Terminal 12');
  });
});
