// Pure bookkeeping of the terminal tabs: ids (t1, t2, ... never reused, since the worker keeps a
// shell session per id), closing, and which tab a command from the editor or a lesson goes to.

import type { LineEditor } from './line-editor';

/** What a mounted tab hands to the tab bar: its editor (to type commands) and a way to focus it. */
export interface TerminalHandle {
  editor: LineEditor;
  focus(): void;
}

export interface TabsState {
  ids: string[];
  active: string;
  /** The number the next tab takes. */
  next: number;
}

export function initialTabs(): TabsState {
  return { ids: ['t1'], active: 't1', next: 2 };
}

/** Adds a tab after the others and makes it active. */
export function addTab(s: TabsState): TabsState {
  const id = `t${s.next}`;
  return { ids: [...s.ids, id], active: id, next: s.next + 1 };
}

/** Closes a tab; the last one stays open. Closing the active tab activates its neighbour. */
export function closeTab(s: TabsState, id: string): TabsState {
  const at = s.ids.indexOf(id);
  if (at < 0 || s.ids.length === 1) return s;
  const ids = s.ids.filter((t) => t !== id);
  const active = s.active === id ? ids[Math.min(at, ids.length - 1)] : s.active;
  return { ...s, ids, active };
}

export function selectTab(s: TabsState, id: string): TabsState {
  return s.ids.includes(id) ? { ...s, active: id } : s;
}

/**
 * Where a command typed for another component runs: the active tab when it is at its prompt, else
 * the first idle tab (the active one is busy, e.g. watching with `-w`), else a new tab.
 */
export function tabForCommand(s: TabsState, isIdle: (id: string) => boolean): { state: TabsState; id: string } {
  if (isIdle(s.active)) return { state: s, id: s.active };
  const idle = s.ids.find(isIdle);
  if (idle) return { state: selectTab(s, idle), id: idle };
  const state = addTab(s);
  return { state, id: state.active };
}

/** The label shown on a tab. */
export function tabLabel(id: string): string {
  return `Terminal ${id.slice(1)}`;
}
