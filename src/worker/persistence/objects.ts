// The cluster's objects in IndexedDB (format 2): one record per object, keyed by its store
// resource, namespace and name, written when it changes and deleted when it goes, plus a
// `snapshot` record with the rest of the engine snapshot (clock, PRNG states, kubelets...) and,
// from format 3, the event recorder's memory in a record of its own.

import type { KObject } from '../../engine/api/types';
import type { ClusterSnapshot, SnapshotMeta, SnapshotObject } from '../../engine/snapshot';
import { SNAPSHOT_FORMAT } from '../../engine/snapshot';
import { isPlainObject, type Checked } from './validate';

/** What persistence reads the live cluster through (the host adapts the engine to it). */
export interface ClusterSource {
  /** The non-object part of the snapshot, now. */
  meta(): SnapshotMeta;
  /** The object a key names now, or undefined when it is gone. */
  get(key: string): SnapshotObject | undefined;
  /** Every object now (a full write). */
  all(): SnapshotObject[];
}

export const OBJECT_PREFIX = 'o:';
export const SNAPSHOT_KEY = 'snapshot';
/**
 * The snapshot's `events` (the event recorder's memory: up to 4,096 aggregation keys, about a
 * megabyte with a busy cluster), kept apart so a save rewrites it only when it changed.
 */
export const EVENTS_KEY = 'snapshot-events';

/** `o:["apps/deployments","default","web"]`: unambiguous whatever characters a name holds. */
export function objectKey(resource: string, namespace: string, name: string): string {
  return OBJECT_PREFIX + JSON.stringify([resource, namespace, name]);
}

/** The [resource, namespace, name] a key names, or undefined for any other key. */
export function parseObjectKey(key: string): [string, string, string] | undefined {
  if (!key.startsWith(OBJECT_PREFIX)) return undefined;
  try {
    const v: unknown = JSON.parse(key.slice(OBJECT_PREFIX.length));
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string')) return v as [string, string, string];
  } catch {
    // Not one of ours.
  }
  return undefined;
}

const isState = (v: unknown): boolean => Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'number');

/** Builds the snapshot from its saved records; says what is wrong rather than throwing. */
export function readSnapshot(meta: unknown, records: [string, unknown][]): Checked<ClusterSnapshot> {
  if (!isPlainObject(meta)) return { ok: false, message: `${SNAPSHOT_KEY}: expected an object` };
  if (meta.format !== SNAPSHOT_FORMAT) return { ok: false, message: `${SNAPSHOT_KEY}.format: expected ${SNAPSHOT_FORMAT}` };
  for (const f of ['seed', 'startTime', 'now', 'rv'] as const) {
    if (typeof meta[f] !== 'number' || !Number.isFinite(meta[f])) return { ok: false, message: `${SNAPSHOT_KEY}.${f}: expected a number` };
  }
  if (!isState(meta.random)) return { ok: false, message: `${SNAPSHOT_KEY}.random: expected a PRNG state` };
  if (meta.networkRandom !== undefined && !isState(meta.networkRandom)) return { ok: false, message: `${SNAPSHOT_KEY}.networkRandom: expected a PRNG state` };
  if (!Array.isArray(meta.kubelets) || !isPlainObject(meta.events)) return { ok: false, message: `${SNAPSHOT_KEY}: kubelets or events missing` };
  const objects: SnapshotObject[] = [];
  for (const [key, value] of records) {
    const parts = parseObjectKey(key);
    if (!parts) continue;
    if (!isPlainObject(value) || !isPlainObject(value.metadata) || value.metadata.name !== parts[2]) return { ok: false, message: `${key}: not the object its key names` };
    objects.push({ resource: parts[0], object: value as unknown as KObject });
  }
  // Store order (resource, namespace, name): a restore loads the same way whatever order IndexedDB gave.
  objects.sort((a, b) => cmp(a.resource, b.resource) || cmp(a.object.metadata.namespace ?? '', b.object.metadata.namespace ?? '') || cmp(a.object.metadata.name ?? '', b.object.metadata.name ?? ''));
  return { ok: true, value: { ...(meta as unknown as SnapshotMeta), objects } };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
