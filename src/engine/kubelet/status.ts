// Pure pod-status generation (kubelet generateAPIPodStatus, getPhase, status/generate.go): from
// what the node knows about a pod's sandbox and containers to `status` exactly as the API shows
// it, keeping condition transition times when a condition's status did not change.

import type { KObject } from '../api/types';
import { rfc3339 } from '../util/time';

type Json = Record<string, unknown>;

export interface TerminatedState {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
  signal?: number;
}

export type ContainerStateView =
  | { kind: 'waiting'; reason: string; message?: string }
  | { kind: 'running'; startedAt: number }
  | { kind: 'terminated'; t: TerminatedState };

/** One container as the node sees it. */
export interface ContainerView {
  name: string;
  /** The image as the spec spells it (shown until the image is pulled). */
  specImage: string;
  /** `docker.io/library/nginx:1.27` once pulled. */
  image?: string;
  /** `docker.io/library/nginx@sha256:...` once pulled. */
  imageID?: string;
  containerID?: string;
  state: ContainerStateView;
  last?: TerminatedState;
  restartCount: number;
  started: boolean;
  ready: boolean;
  /** An init container with restartPolicy Always (a sidecar). */
  restartable?: boolean;
  volumeMounts?: Json[];
}

/** A pod as the node sees it. */
export interface PodView {
  hostIP: string;
  podIP?: string;
  startTime?: number;
  sandboxReady: boolean;
  init: ContainerView[];
  containers: ContainerView[];
  /** The pod is being deleted and its containers are stopped: its phase becomes terminal. */
  terminal?: boolean;
}

/** getPhase: the pod phase from its init and regular containers and the restart policy. */
export function podPhase(restartPolicy: string, v: PodView): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  let pendingInit = 0;
  let failedInit = 0;
  for (const c of v.init) {
    if (c.restartable) {
      if (!c.started) pendingInit++;
      continue;
    }
    if (c.state.kind === 'terminated' && c.state.t.exitCode === 0) continue;
    if (c.state.kind === 'terminated' || (c.state.kind === 'waiting' && c.last && c.last.exitCode !== 0)) {
      if (restartPolicy === 'Never') failedInit++;
      else pendingInit++;
      continue;
    }
    pendingInit++;
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of v.containers) {
    if (c.state.kind === 'running') running++;
    else if (c.state.kind === 'terminated') {
      stopped++;
      if (c.state.t.exitCode === 0) succeeded++;
    } else if (c.last) stopped++;
    else waiting++;
  }
  if (failedInit > 0) return 'Failed';
  if (pendingInit > 0 && !v.terminal && !v.containers.some((c) => c.started || c.last)) return 'Pending';
  if (v.terminal && running === 0) return stopped === succeeded && waiting === 0 ? 'Succeeded' : 'Failed';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

const list = (names: string[]) => `[${names.join(' ')}]`;

function anyStartedOrRan(containers: ContainerView[]): boolean {
  for (const c of containers) if (c.started || c.last) return true;
  return false;
}

/** The kubelet-owned conditions in the order the kubelet writes them. */
export function podConditions(pod: KObject, v: PodView, phase: string): Condition[] {
  const spec = (pod.spec ?? {}) as Json;
  const out: Condition[] = [{ type: 'PodReadyToStartContainers', status: v.sandboxReady ? 'True' : 'False' }];
  // Initialized
  // Loops, not filter/map chains: this runs for every status a kubelet computes.
  const incomplete: string[] = [];
  for (const c of v.init) if (c.restartable ? !c.started : !c.ready) incomplete.push(c.name);
  if (phase === 'Succeeded') out.push({ type: 'Initialized', status: 'True', reason: 'PodCompleted' });
  else if (incomplete.length === 0 || anyStartedOrRan(v.containers)) out.push({ type: 'Initialized', status: 'True' });
  else out.push({ type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: ${list(incomplete)}` });
  // ContainersReady / Ready
  let ready: Condition;
  if (phase === 'Succeeded' || phase === 'Failed') {
    ready = { type: 'ContainersReady', status: 'False', reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed' };
  } else {
    const unready: string[] = [];
    for (const c of v.init) if (c.restartable && !c.ready) unready.push(c.name);
    for (const c of v.containers) if (!c.ready) unready.push(c.name);
    ready = unready.length
      ? { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: ${list(unready)}` }
      : { type: 'ContainersReady', status: 'True' };
  }
  let podReady: Condition = { ...ready, type: 'Ready' };
  if (ready.status === 'True') {
    const conds = (((pod.status ?? {}) as Json).conditions ?? []) as Json[];
    const msgs: string[] = [];
    for (const g of ((spec.readinessGates ?? []) as Json[])) {
      const t = String(g.conditionType ?? '');
      const c = conds.find((x) => x.type === t);
      if (!c) msgs.push(`corresponding condition of pod readiness gate "${t}" does not exist.`);
      else if (c.status !== 'True') msgs.push(`the status of pod readiness gate "${t}" is not "True", but ${String(c.status)}`);
    }
    if (msgs.length) podReady = { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: msgs.join(', ') };
  }
  out.push(podReady, ready, { type: 'PodScheduled', status: 'True' });
  return out;
}

function terminatedJson(t: TerminatedState): Json {
  const j: Json = { exitCode: t.exitCode, finishedAt: rfc3339(t.finishedAt), reason: t.reason, startedAt: rfc3339(t.startedAt) };
  if (t.containerID) j.containerID = t.containerID;
  if (t.message) j.message = t.message;
  if (t.signal) j.signal = t.signal;
  return j;
}

/** One entry of status.containerStatuses / initContainerStatuses. */
export function containerStatusJson(c: ContainerView): Json {
  let state: Json;
  if (c.state.kind === 'waiting') state = { waiting: c.state.message ? { message: c.state.message, reason: c.state.reason } : { reason: c.state.reason } };
  else if (c.state.kind === 'running') state = { running: { startedAt: rfc3339(c.state.startedAt) } };
  else state = { terminated: terminatedJson(c.state.t) };
  const j: Json = {
    image: c.image ?? c.specImage,
    imageID: c.imageID ?? '',
    lastState: c.last ? { terminated: terminatedJson(c.last) } : {},
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.started,
    state,
  };
  if (c.containerID) j.containerID = c.containerID;
  if (c.volumeMounts?.length) {
    j.volumeMounts = c.volumeMounts.map((m) => {
      const vm: Json = { mountPath: m.mountPath, name: m.name };
      if (m.readOnly === true) {
        vm.readOnly = true;
        vm.recursiveReadOnly = 'Disabled';
      }
      return vm;
    });
  }
  return j;
}

/**
 * The full pod status. Conditions keep their lastTransitionTime while their status is unchanged;
 * conditions the kubelet does not own (DisruptionTarget, readiness-gate conditions) are kept.
 */
export function buildPodStatus(pod: KObject, v: PodView, now: number): Json {
  const spec = (pod.spec ?? {}) as Json;
  const prev = (pod.status ?? {}) as Json;
  const phase = podPhase(String(spec.restartPolicy ?? 'Always'), v);
  const prevConds = ((prev.conditions ?? []) as Json[]).filter((c) => c && typeof c === 'object');
  const owned = podConditions(pod, v, phase);
  const conditions: Json[] = owned.map((c) => {
    const old = prevConds.find((p) => p.type === c.type);
    const time = old && old.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(now);
    const j: Json = { lastProbeTime: null, lastTransitionTime: time, status: c.status, type: c.type };
    if (c.reason) j.reason = c.reason;
    if (c.message) j.message = c.message;
    return j;
  });
  for (const c of prevConds) if (!owned.some((o) => o.type === c.type)) conditions.push(c);
  const status: Json = {
    conditions,
    containerStatuses: v.containers.map(containerStatusJson),
    hostIP: v.hostIP,
    hostIPs: [{ ip: v.hostIP }],
    phase,
    qosClass: prev.qosClass,
  };
  if (v.init.length) status.initContainerStatuses = v.init.map(containerStatusJson);
  if (v.podIP) {
    status.podIP = v.podIP;
    status.podIPs = [{ ip: v.podIP }];
  }
  if (v.startTime !== undefined) status.startTime = rfc3339(v.startTime);
  if (prev.nominatedNodeName) status.nominatedNodeName = prev.nominatedNodeName;
  if (status.qosClass === undefined) delete status.qosClass;
  return status;
}
