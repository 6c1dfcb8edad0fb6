// Version conversion for kinds served in more than one version from one storage bucket: which
// (group, version, kind) is stored in another version, and how bodies (objects, Lists, Tables,
// watch events) are converted between the request version and the storage version.

import type { KObject } from '../types';
import { hpaFromV1, hpaToV1 } from './hpa-v1';

export { ConversionError } from './hpa-v1';

/** How a served, non-storage version maps to the storage version. */
export interface VersionConversion {
  group: string;
  kind: string;
  /** The version served by the request (`v1`). */
  version: string;
  /** The version objects are stored (and validated, defaulted, printed) in (`v2`). */
  storageVersion: string;
  /** Request version -> storage version (a new object). */
  toStorage(obj: KObject): KObject;
  /** Storage version -> request version (a new object). */
  fromStorage(obj: KObject): KObject;
}

const CONVERSIONS: readonly VersionConversion[] = [
  { group: 'autoscaling', kind: 'HorizontalPodAutoscaler', version: 'v1', storageVersion: 'v2', toStorage: hpaFromV1, fromStorage: hpaToV1 },
];

/** The conversion for a served type, or undefined when it is its own storage version. */
export function conversionFor(t: { group: string; version: string; kind: string }): VersionConversion | undefined {
  return CONVERSIONS.find((c) => c.group === t.group && c.version === t.version && c.kind === t.kind);
}

/** Whether a type is a converted view of another (GC and the namespace controller skip these). */
export function isConvertedVersion(t: { group: string; version: string; kind: string }): boolean {
  return conversionFor(t) !== undefined;
}

function gv(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** Converts an incoming body (object in the request version) to the storage version; others pass. */
export function convertIn(c: VersionConversion, body: unknown): unknown {
  const o = body as KObject | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) return body;
  // A body without apiVersion is taken to be in the request's version (as the write path does).
  if ((o.apiVersion === undefined || o.apiVersion === gv(c.group, c.version)) && (o.kind === undefined || o.kind === c.kind)) {
    return c.toStorage({ ...o, apiVersion: gv(c.group, c.version), kind: c.kind, metadata: o.metadata ?? {} });
  }
  return body;
}

/**
 * Converts an outgoing body to the request version: the object itself, a List's items, a
 * Table's row objects (PartialObjectMetadata rows get the converted metadata), or passes it
 * through (Status, DeleteOptions answers...).
 */
export function convertOut(c: VersionConversion, body: unknown): unknown {
  const o = body as (KObject & { items?: unknown; rows?: unknown }) | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) return body;
  const storageGV = gv(c.group, c.storageVersion);
  if (o.kind === c.kind && o.apiVersion === storageGV) return c.fromStorage(o);
  if (o.kind === `${c.kind}List` && Array.isArray(o.items)) {
    return { ...o, apiVersion: gv(c.group, c.version), items: o.items.map((i) => convertOut(c, i)) };
  }
  if (o.kind === 'Table' && Array.isArray(o.rows)) {
    return { ...o, rows: (o.rows as { object?: unknown }[]).map((r) => (r.object === undefined ? r : { ...r, object: convertOut(c, r.object) })) };
  }
  return body;
}
