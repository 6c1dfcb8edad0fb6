// kubectl run off-screen for the details panel and the map's actions: output captured instead of
// printed, simulated-time waits on the driven clock, writes journalled when asked.

import type { CapturedKubectl } from '../inspect';
import { RunControl } from './control';
import type { ShellWorld } from './world';

/** A kubectl runner whose output is returned; `journal` records its writes (edits, node actions). */
export function capturedKubectl(world: ShellWorld, journal: boolean): CapturedKubectl {
  return async (argv, stdin) => {
    let out = '';
    const control = new RunControl();
    // Nothing here follows or watches: untilInterrupted answers at once, so `logs -f` would end.
    control.interrupt();
    const { session, driver } = world;
    const { done } = session.run(argv, (s) => (out += s), stdin, undefined, {
      host: { wait: (ms) => driver.waitUntil(session.cluster.clock.now() + Math.max(0, ms)), untilInterrupted: () => control.whenInterrupted },
      wrapTransport: journal ? (t) => world.recordTransport(t) : undefined,
    });
    return { code: await done, out };
  };
}
