// `kubectl get pods` columns: printers.go printPod (READY, STATUS with init containers,
// sidecars, waiting/terminated reasons, Terminating/Unknown; RESTARTS with "(5m ago)").

import type { KObject } from '../../api/types';
import { humanDuration, parseTimestamp } from '../../util/human-duration';
import type { KindPrinter } from './types';
import { ageCol, ageOf, col, nameCol, nameOf, specOf, statusOf } from './common';
import { arr, int, obj, objs, str } from './fields';
import { POD_IP, POD_NODE_NAME, POD_NOMINATED_NODE, POD_READINESS_GATES } from './descriptions';

type Json = Record<string, unknown>;

/** Whether a condition of this type is present with status True (pod Ready / Initialized). */
function conditionTrue(conditions: Json[], type: string, firstOnly: boolean): boolean {
  for (const c of conditions) {
    if (str(c.type) !== type) continue;
    if (str(c.status) === 'True') return true;
    // isPodInitializedConditionTrue looks only at the first Initialized condition.
    if (firstOnly) return false;
  }
  return false;
}

/** An init container with restartPolicy Always is a sidecar (podutil.IsRestartableInitContainer). */
function isRestartable(c: Json | undefined): boolean {
  return c !== undefined && str(c.restartPolicy) === 'Always';
}

/** Tracks the total restarts and the latest lastState.terminated.finishedAt among them. */
class Restarts {
  count = 0;
  last: number | undefined;
  add(cs: Json): void {
    this.count += int(cs.restartCount);
    const t = parseTimestamp(str(obj(obj(cs.lastState).terminated).finishedAt));
    if (t !== undefined && (this.last === undefined || this.last < t)) this.last = t;
  }
}

/** The terminated-without-reason spelling: `Signal:9` or `ExitCode:1` (with an `Init:` prefix for init containers). */
function exitReason(terminated: Json, prefix: string): string {
  const signal = int(terminated.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${int(terminated.exitCode)}`;
}

interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** READY, STATUS and RESTARTS of a pod, exactly as printPod computes them. */
export function summarizePod(pod: KObject, now: number): PodSummary {
  const spec = specOf(pod);
  const status = statusOf(pod);
  const conditions = objs(status.conditions);
  const phase = str(status.phase);
  let reason = str(status.reason) !== '' ? str(status.reason) : phase;
  if (conditions.some((c) => str(c.type) === 'PodScheduled' && str(c.reason) === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }

  const initSpecs = objs(spec.initContainers);
  const initByName = new Map<string, Json>();
  let total = objs(spec.containers).length;
  for (const c of initSpecs) {
    initByName.set(str(c.name), c);
    if (isRestartable(c)) total++;
  }

  let ready = 0;
  const all = new Restarts();
  const sidecars = new Restarts();
  let initializing = false;
  const initStatuses = objs(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const state = obj(cs.state);
    const restartable = isRestartable(initByName.get(str(cs.name)));
    all.add(cs);
    if (restartable) sidecars.add(cs);
    const terminated = state.terminated === undefined || state.terminated === null ? undefined : obj(state.terminated);
    const waiting = state.waiting === undefined || state.waiting === null ? undefined : obj(state.waiting);
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (restartable && cs.started === true) {
      if (cs.ready === true) ready++;
      continue;
    }
    if (terminated) {
      reason = str(terminated.reason) === '' ? exitReason(terminated, 'Init:') : `Init:${str(terminated.reason)}`;
    } else if (waiting && str(waiting.reason) !== '' && str(waiting.reason) !== 'PodInitializing') {
      reason = `Init:${str(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  let restarts = all;
  if (!initializing || conditionTrue(conditions, 'Initialized', true)) {
    // Once initialised, only sidecar restarts count from the init containers.
    restarts = sidecars;
    let hasRunning = false;
    const statuses = objs(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts.add(cs);
      const state = obj(cs.state);
      const waiting = state.waiting === undefined || state.waiting === null ? undefined : obj(state.waiting);
      const terminated = state.terminated === undefined || state.terminated === null ? undefined : obj(state.terminated);
      const running = state.running !== undefined && state.running !== null;
      if (waiting && str(waiting.reason) !== '') {
        reason = str(waiting.reason);
      } else if (terminated && str(terminated.reason) !== '') {
        reason = str(terminated.reason);
      } else if (terminated) {
        reason = exitReason(terminated, '');
      } else if (cs.ready === true && running) {
        hasRunning = true;
        ready++;
      }
    }
    // A "Completed" container beside one still running means the pod is still up.
    if (reason === 'Completed' && hasRunning) {
      reason = conditionTrue(conditions, 'Ready', false) ? 'Running' : 'NotReady';
    }
  }

  const deleting = str(obj(pod.metadata).deletionTimestamp) !== '';
  if (deleting && str(status.reason) === 'NodeLost') {
    reason = 'Unknown';
  } else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsText = String(restarts.count);
  if (restarts.count !== 0 && restarts.last !== undefined) {
    restartsText = `${restarts.count} (${humanDuration(now - restarts.last)} ago)`;
  }
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText };
}

/** READINESS GATES: `true/total` over spec.readinessGates, or `<none>`. */
function readinessGates(spec: Json, status: Json): string {
  const gates = objs(spec.readinessGates);
  if (gates.length === 0) return '<none>';
  const conditions = objs(status.conditions);
  let trueCount = 0;
  for (const g of gates) {
    const c = conditions.find((x) => str(x.type) === str(g.conditionType));
    if (c && str(c.status) === 'True') trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

export const podPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    ageCol(),
    col('IP', 'string', POD_IP, 1),
    col('Node', 'string', POD_NODE_NAME, 1),
    col('Nominated Node', 'string', POD_NOMINATED_NODE, 1),
    col('Readiness Gates', 'string', POD_READINESS_GATES, 1),
  ],
  cells(pod, now) {
    const spec = specOf(pod);
    const status = statusOf(pod);
    const s = summarizePod(pod, now);
    // Upstream reads the first of status.podIPs only (not status.podIP).
    const ip = str(obj(arr(status.podIPs)[0]).ip);
    return [
      nameOf(pod),
      s.ready,
      s.status,
      s.restarts,
      ageOf(pod, now),
      ip || '<none>',
      str(spec.nodeName) || '<none>',
      str(status.nominatedNodeName) || '<none>',
      readinessGates(spec, status),
    ];
  },
};
