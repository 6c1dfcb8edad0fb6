// A kept answer's computation: a plain `kubectl get` line run by the same kubectl as the shell's,
// but over a read-only apiserver on the live store that notes which resources were read and how
// long the ages it printed stay the same. It writes nothing, never waits, and works on a copy of
// the discovery cache, so keeping an answer leaves no trace a real run would not.

import type { Session } from '../../headless/session';
import { storeKey, type ReadStore } from '../../engine/apiserver/context';
import { NotServedHere, ReadApiServer } from '../../engine/apiserver/read-server';
import { observeDurationStability } from '../../engine/util/human-duration';
import { runKubectl } from '../../kubectl/root';
import { runReadOnly } from '../first/get-line';

/** CRDs change discovery and custom resources' columns: every answer depends on them. */
export const CRD_KEY = storeKey({ group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions' });

export interface Computed {
  /** stdout and stderr as the terminal shows them, in order. */
  text: string;
  code: number;
  /** Store keys (`apps/deployments`) whose changes may change the text. */
  reads: Set<string>;
  /** Simulated ms from `at` during which the ages printed keep their text (Infinity: none printed). */
  stableFor: number;
  /** The simulated instant it was computed at. */
  at: number;
}

/** Runs `argv` (a plain get); undefined when it needs more than the read side (metrics, a subresource...). */
export async function computeAnswer(session: Session, argv: string[]): Promise<Computed | undefined> {
  const cluster = session.cluster;
  const { ctx } = cluster.server;
  const reads = new Set<string>([CRD_KEY]);
  const store: ReadStore = {
    get: (resource, namespace, name) => (reads.add(resource), ctx.store.get(resource, namespace, name)),
    list: (resource, namespace) => (reads.add(resource), ctx.store.list(resource, namespace)),
    watch: () => {
      throw new NotServedHere('watch');
    },
  };
  const server = new ReadApiServer({ clock: ctx.clock, registry: ctx.registry, printerFor: ctx.printerFor, store });
  let stableFor = Infinity;
  const at = cluster.clock.now();
  const stop = observeDurationStability((ms) => (stableFor = Math.min(stableFor, ms)));
  let r: { text: string; code: number } | undefined;
  try {
    r = await runReadOnly(runKubectl, argv, { server, now: () => cluster.clock.now(), config: session.config, cache: new Map(session.cache) });
  } finally {
    stop();
  }
  // Time moved while it ran (it awaited something slow): what it printed may mix two instants.
  if (!r || cluster.clock.now() !== at) return undefined;
  return { ...r, reads, stableFor, at };
}
