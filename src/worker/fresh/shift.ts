// Moves a cluster snapshot to another instant by a whole number of seconds: every time it holds,
// in objects and in the engine's own state (not one whose names hold times: see timeInName). A
// cluster created at T and shifted to T + d is byte for byte the cluster created at T + d
// (tests/worker/fresh-shift.test.ts), so a fresh cluster is built once, at build time.

import type { KObject } from '../../engine/api/types';
import { nanosHex } from '../../engine/client/events';
import type { ClusterSnapshot } from '../../engine/snapshot';

/** Fields holding a time (metav1.Time or MicroTime), by path from the object root; `[]` walks an array. */
const TIME_FIELDS: string[][] = [
  'metadata.creationTimestamp',
  'metadata.deletionTimestamp',
  'metadata.managedFields[].time',
  'spec.taints[].timeAdded',
  'spec.renewTime',
  'spec.acquireTime',
  'status.conditions[].lastTransitionTime',
  'status.conditions[].lastUpdateTime',
  'status.conditions[].lastHeartbeatTime',
  'status.conditions[].lastProbeTime',
  'status.startTime',
  'status.completionTime',
  'status.lastScheduleTime',
  'status.lastSuccessfulTime',
  'status.lastScaleTime',
  'status.lastPhaseTransitionTime',
  ...['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses'].flatMap((list) =>
    ['state', 'lastState'].flatMap((s) => [`status.${list}[].${s}.running.startedAt`, `status.${list}[].${s}.terminated.startedAt`, `status.${list}[].${s}.terminated.finishedAt`]),
  ),
  // core/v1 Events
  'firstTimestamp',
  'lastTimestamp',
  'eventTime',
  'series.lastObservedTime',
].map((p) => p.split('.'));

/** Annotations whose value is a time. */
const TIME_ANNOTATIONS = ['endpoints.kubernetes.io/last-change-trigger-time', 'kubernetes.io/config.seen'];

const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/;
/** `<involved object>.<creation time in nanoseconds, hex>`: how the event recorder names Events. */
const EVENT_NAME = /^(.+)\.([0-9a-f]{16})$/;

/**
 * Shifts `snap` (which the caller owns: a fresh JSON.parse) by `deltaMs`, in place, and returns
 * it. Only whole seconds: times are stored at second precision, and a fraction would not give
 * what a cluster started at the other instant holds.
 */
export function shiftSnapshot(snap: ClusterSnapshot, deltaMs: number): ClusterSnapshot {
  if (!Number.isInteger(deltaMs / 1000)) throw new Error(`a snapshot shifts by whole seconds, not ${deltaMs} ms`);
  if (deltaMs === 0) return snap;
  const fixed = snap.objects.find(({ object }) => timeInName(object));
  if (fixed) throw new Error(`${fixed.object.kind} ${fixed.object.metadata.name} carries a time in names derived from it: the snapshot cannot be moved`);
  const time = (v: unknown) => shiftTime(v, deltaMs);
  for (const { object } of snap.objects) {
    const o = object as unknown as Record<string, unknown>;
    for (const path of TIME_FIELDS) update(o, path, 0, time);
    const notes = object.metadata.annotations;
    for (const key of TIME_ANNOTATIONS) if (notes?.[key] !== undefined) notes[key] = time(notes[key]) as string;
    if (object.kind === 'Event' && object.metadata.name) (object as KObject).metadata.name = shiftEventName(object.metadata.name, deltaMs);
  }
  snap.startTime += deltaMs;
  snap.now += deltaMs;
  for (const r of snap.events.recent) {
    r.at += deltaMs;
    r.name = shiftEventName(r.name, deltaMs);
  }
  // Back-off entries: [key, back-off ms, last update time].
  for (const k of snap.kubelets) for (const list of [k.restartBackoff, k.pullBackoff]) for (const e of list) e[2] += deltaMs;
  return snap;
}

/**
 * Times that names are made of: a restarted template's hash (its ReplicaSets and pods) includes
 * kubectl's restartedAt, and a CronJob names each Job after its scheduled minute. A fresh cluster
 * has neither; a snapshot with one cannot be moved by rewriting fields.
 */
function timeInName(o: KObject): boolean {
  if (o.kind === 'CronJob') return true;
  const template = get(o, ['spec', 'template', 'metadata', 'annotations']) as Record<string, string> | undefined;
  return template?.['kubectl.kubernetes.io/restartedAt'] !== undefined;
}

function shiftTime(v: unknown, deltaMs: number): unknown {
  if (typeof v !== 'string') return v;
  const m = RFC3339.exec(v);
  if (!m) return v;
  return new Date(Date.parse(`${m[1]}Z`) + deltaMs).toISOString().slice(0, 19) + (m[2] ?? '') + 'Z';
}

/** An Event's name with its nanosecond suffix moved; any other name is left as it is. */
function shiftEventName(name: string, deltaMs: number): string {
  const m = EVENT_NAME.exec(name);
  if (!m) return name;
  const nanos = BigInt(`0x${m[2]}`);
  const ms = Number(nanos / 1_000_000n);
  const extra = Number(nanos % 1_000_000n);
  return `${m[1]}.${nanosHex(ms + deltaMs, extra)}`;
}

function get(o: unknown, path: string[]): unknown {
  let v = o;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Replaces the value at `path` (from index i) by fn(value), walking arrays at `x[]` steps. */
function update(o: Record<string, unknown>, path: string[], i: number, fn: (v: unknown) => unknown): void {
  const step = path[i];
  const many = step.endsWith('[]');
  const key = many ? step.slice(0, -2) : step;
  const v = o[key];
  if (v === undefined || v === null) return;
  if (i === path.length - 1) {
    if (!many) o[key] = fn(v);
    return;
  }
  const next = many ? (Array.isArray(v) ? v : []) : [v];
  for (const x of next) if (x && typeof x === 'object') update(x as Record<string, unknown>, path, i + 1, fn);
}
