// The module Web Worker's entry: real time (performance.now, setTimeout), IndexedDB persistence
// and Web Locks go into the BootFacade (its first phase answers at once, the full PlaygroundHost
// follows in its own chunk), which comlink exposes to the page.

import * as Comlink from 'comlink';
import { BootFacade } from './boot-facade';
import type { LockManagerLike } from './lock';
import { Persistence } from './persistence/index';

const schedule = (fn: () => void, ms: number) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

const locks = (globalThis.navigator as (Navigator & { locks?: LockManagerLike }) | undefined)?.locks;

const api = new BootFacade({
  wallNow: () => performance.now(),
  schedule,
  storage: new Persistence({ schedule, clock: () => Date.now() }),
  locks,
});

Comlink.expose(api);
