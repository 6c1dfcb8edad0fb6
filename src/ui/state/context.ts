// Hands the Playground state to components through Svelte context (no globals).
import { getContext, setContext } from 'svelte';
import type { Playground } from './playground.svelte';

const KEY = Symbol('playground');

export function setPlayground(p: Playground): Playground {
  return setContext(KEY, p);
}

/** The context map `mount(App, { context })` takes, holding the Playground. */
export function playgroundContext(p: Playground): Map<symbol, Playground> {
  return new Map([[KEY, p]]);
}

export function getPlayground(): Playground {
  const p = getContext<Playground | undefined>(KEY);
  if (!p) throw new Error('getPlayground() outside <App>');
  return p;
}
