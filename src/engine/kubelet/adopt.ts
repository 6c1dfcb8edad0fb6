// Reading a pod's status back into the kubelet's view of it, for a kubelet that restarts on a
// restored cluster and adopts the pods bound to its node (the inverse of status.ts's output).

import type { KObject } from '../api/types';
import { parseTime } from '../util/time';
import { tryParseGoDuration } from '../util/duration';
import type { ContainerStateView, ContainerView, TerminatedState } from './status';

type Json = Record<string, unknown>;

/**
 * Whether a node has already worked on this pod: its sandbox was created, which the podIP shows
 * (the kubelet allocates it with the sandbox and reports it in the next status write).
 */
export function hasNodeStatus(pod: KObject): boolean {
  const st = (pod.status ?? {}) as Json;
  return typeof st.podIP === 'string' && st.podIP !== '';
}

function terminated(j: unknown): TerminatedState | undefined {
  if (!j || typeof j !== 'object') return undefined;
  const t = j as Json;
  const out: TerminatedState = {
    exitCode: Number(t.exitCode ?? 0),
    reason: String(t.reason ?? ''),
    startedAt: parseTime(t.startedAt) ?? 0,
    finishedAt: parseTime(t.finishedAt) ?? 0,
    containerID: String(t.containerID ?? ''),
  };
  if (typeof t.message === 'string' && t.message) out.message = t.message;
  if (typeof t.signal === 'number' && t.signal) out.signal = t.signal;
  return out;
}

function stateOf(j: unknown): ContainerStateView | undefined {
  const s = (j ?? {}) as Json;
  if (s.running && typeof s.running === 'object') return { kind: 'running', startedAt: parseTime((s.running as Json).startedAt) ?? 0 };
  const t = terminated(s.terminated);
  if (t) return { kind: 'terminated', t };
  if (s.waiting && typeof s.waiting === 'object') {
    const w = s.waiting as Json;
    const message = typeof w.message === 'string' && w.message ? w.message : undefined;
    return { kind: 'waiting', reason: String(w.reason ?? ''), ...(message ? { message } : {}) };
  }
  return undefined;
}

/** The fields of a ContainerView that a containerStatuses entry carries. */
export function viewFromStatus(j: Json): Partial<ContainerView> {
  const v: Partial<ContainerView> = {
    restartCount: Number(j.restartCount ?? 0),
    started: j.started === true,
    ready: j.ready === true,
  };
  const state = stateOf(j.state);
  if (state) v.state = state;
  const last = terminated(((j.lastState ?? {}) as Json).terminated);
  if (last) v.last = last;
  if (typeof j.containerID === 'string' && j.containerID) v.containerID = j.containerID;
  // Before the pull the status shows the spec's image and no imageID: keep `image` unset then.
  if (typeof j.imageID === 'string' && j.imageID) {
    v.imageID = j.imageID;
    v.image = String(j.image ?? '');
  }
  return v;
}

/** The back-off a CrashLoopBackOff message states (`back-off 20s restarting failed container=...`), in ms. */
export function backoffFromMessage(message: string | undefined): number | undefined {
  const m = /^back-off (\S+) restarting/.exec(message ?? '');
  if (!m) return undefined;
  const d = tryParseGoDuration(m[1]);
  return d.ok ? d.ms : undefined;
}

/** A 32-bit seed from a container ID, so an adopted process's randomness never draws on the cluster's. */
export function seedFromID(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
