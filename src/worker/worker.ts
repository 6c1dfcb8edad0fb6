// The module Web Worker's entry: real time (performance.now, setTimeout), IndexedDB persistence
// and Web Locks go into a PlaygroundHost, which comlink exposes to the page.

import * as Comlink from 'comlink';
import { PlaygroundHost, type LockManagerLike } from './host';
import { Persistence } from './persistence/index';

const schedule = (fn: () => void, ms: number) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

const locks = (globalThis.navigator as (Navigator & { locks?: LockManagerLike }) | undefined)?.locks;

const host = new PlaygroundHost({
  wallNow: () => performance.now(),
  schedule,
  storage: new Persistence({ schedule, clock: () => Date.now() }),
  locks,
});

Comlink.expose(host);
