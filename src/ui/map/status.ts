// How a pod or node looks on the cluster map: a colour ("tone") from its phase and readiness, and a
// motion style for the transient states (Terminating, ContainerCreating) so they read as such.

import type { NodeView, PodView } from '../../worker/protocol';

/** ok = Running and ready, warn = running but not ready, pending = waiting, bad = failing, done = finished. */
export type Tone = 'ok' | 'warn' | 'pending' | 'bad' | 'done';

/** Transient states drawn differently from settled ones. */
export type Motion = 'terminating' | 'creating' | undefined;

export interface PodLook {
  tone: Tone;
  motion: Motion;
}

// kubectl's STATUS column for containers that cannot run: waiting reasons and terminated reasons.
// Matched by pattern so `Init:CrashLoopBackOff` and `Init:ErrImagePull` fall in too.
const FAILING = /BackOff|^(Init:)?Err|Error$|Failed|OOMKilled|Evicted|Invalid|ContainerStatusUnknown|NodeLost|Shutdown|Unschedulable$/;

// Waiting states of a pod that is on its way up: the kubelet is pulling or starting it.
const CREATING = /^(ContainerCreating|PodInitializing|Init:\d+\/\d+)$/;

/** The colour and motion of a pod chip. */
export function podLook(p: PodView): PodLook {
  const motion: Motion = p.deleting || p.status === 'Terminating' ? 'terminating' : CREATING.test(p.status) ? 'creating' : undefined;
  return { tone: podTone(p), motion };
}

/** The colour of a pod: the failure reasons win over the phase, since a Running pod can be crash-looping. */
export function podTone(p: PodView): Tone {
  if (p.phase === 'Failed' || FAILING.test(p.status)) return 'bad';
  if (p.phase === 'Succeeded' || p.status === 'Completed') return 'done';
  if (p.phase === 'Running') return p.isReady ? 'ok' : 'warn';
  if (p.phase === 'Pending') return 'pending';
  // Unknown phase (node lost contact): not known to serve.
  return 'warn';
}

/** A node box's colour: Ready green, anything else (NotReady, Unknown) red. */
export function nodeTone(n: NodeView): Tone {
  return n.ready === 'True' ? 'ok' : 'bad';
}

/** A one-line pod description for the chip's `title` (the map's tooltip and the tests' handle). */
export function podTitle(p: PodView): string {
  const parts = [`${p.namespace ?? 'default'}/${p.name}`, p.status, `ready ${p.ready}`];
  if (p.restarts > 0) parts.push(`${p.restarts} restart${p.restarts === 1 ? '' : 's'}`);
  if (p.node) parts.push(`on ${p.node}`);
  return parts.join(' · ');
}
