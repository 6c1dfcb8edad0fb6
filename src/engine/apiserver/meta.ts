// Server-set metadata: UIDs and generated names from the seeded PRNG, creation timestamps from
// the virtual clock, and which kinds track metadata.generation or reset status on create.

import { samePrimitiveJson } from '../util/same-json';
import { NAME_ALPHABET, type Random } from '../clock';

/** A version-4-shaped UUID from the seeded PRNG. */
export function newUid(random: Random): string {
  // xxxxxxxx-xxxx-4xxx-Yxxx-xxxxxxxxxxxx, drawn left to right into one buffer of char codes
  // (one string per uid instead of one per digit: a uid per object and per event). A digit is
  // random.intn(16), Y is '89ab'[random.intn(4)].
  const c = UID_CODES;
  random.fillCodes(c, 0, 8, HEX);
  c[8] = DASH;
  random.fillCodes(c, 9, 13, HEX);
  c[13] = DASH;
  c[14] = FOUR;
  random.fillCodes(c, 15, 18, HEX);
  c[18] = DASH;
  random.fillCodes(c, 19, 20, Y);
  random.fillCodes(c, 20, 23, HEX);
  c[23] = DASH;
  random.fillCodes(c, 24, 36, HEX);
  return String.fromCharCode.apply(null, c);
}

const HEX = '0123456789abcdef';
const Y = '89ab';
const DASH = 45;
const FOUR = 52;
const UID_CODES: number[] = new Array<number>(36).fill(0);

/** generateName + 5 characters, as the apiserver's names.SimpleNameGenerator (max 63 chars of base kept). */
export function generateName(base: string, random: Random): string {
  const maxBase = 63 - 5;
  const b = base.length > maxBase ? base.slice(0, maxBase) : base;
  return b + random.string(5, NAME_ALPHABET);
}

/** Kinds whose registry strategy sets metadata.generation = 1 and bumps it on spec changes. */
export const GENERATION_KINDS = new Set([
  'apps/Deployment',
  'apps/ReplicaSet',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'batch/Job',
  'batch/CronJob',
  'autoscaling/HorizontalPodAutoscaler',
  'networking.k8s.io/Ingress',
  'networking.k8s.io/IngressClass',
  'apiextensions.k8s.io/CustomResourceDefinition',
]);

/** Kinds whose status the create strategy resets (PrepareForCreate), before defaulting refills it. */
export const RESET_STATUS_ON_CREATE = new Set([
  'apps/Deployment',
  'apps/ReplicaSet',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'batch/Job',
  'batch/CronJob',
  'autoscaling/HorizontalPodAutoscaler',
  'networking.k8s.io/Ingress',
  '/Pod',
  '/Service',
  '/Namespace',
  '/PersistentVolumeClaim',
  '/PersistentVolume',
  '/ResourceQuota',
  'apiextensions.k8s.io/CustomResourceDefinition',
]);

/** Whether two objects have the same "spec": everything but apiVersion, kind, metadata, status. */
export function specEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const skip = (k: string) => k === 'apiVersion' || k === 'kind' || k === 'metadata' || k === 'status';
  return jsonEqual(a, b, skip);
}

/**
 * Whether a and b serialise to the same JSON up to key order, computed by walking both values and stopping
 * at the first difference (writes compare whole objects on every update: this is a hot path).
 * `skip` leaves out top-level keys.
 */
export function jsonEqual(a: unknown, b: unknown, skip?: (key: string) => boolean): boolean {
  if (a === b) return true;
  const ao = a !== null && typeof a === 'object';
  const bo = b !== null && typeof b === 'object';
  if (!ao || !bo) {
    if (ao !== bo) return false;
    // Primitives as JSON spells them (NaN and undefined are `null`, -0 is `0`).
    return samePrimitiveJson(a, b);
  }
  const aa = Array.isArray(a);
  if (aa !== Array.isArray(b)) return false;
  if (aa) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!jsonEqual(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  // for-in over own keys: no key arrays (every update compares whole objects).
  for (const k in x) {
    if (!Object.hasOwn(x, k) || x[k] === undefined || (skip && skip(k))) continue;
    n++;
    if (!Object.hasOwn(y, k) || y[k] === undefined || !jsonEqual(x[k], y[k])) return false;
  }
  for (const k in y) if (Object.hasOwn(y, k) && y[k] !== undefined && !(skip && skip(k))) n--;
  return n === 0;
}

/**
 * Embedded ObjectMeta (pod templates, job templates, claim templates) serialises its zero
 * creationTimestamp as `null` in Go: the stored JSON always carries `creationTimestamp: null` there.
 */
export function nullEmbeddedTimestamps(kindKey: string, obj: Record<string, unknown>): void {
  const spec = obj.spec as Record<string, unknown> | undefined;
  if (!spec || typeof spec !== 'object') return;
  const touch = (holder: Record<string, unknown> | undefined) => {
    if (!holder || typeof holder !== 'object') return;
    const meta = (holder.metadata ?? {}) as Record<string, unknown>;
    if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
    holder.metadata = meta;
  };
  switch (kindKey) {
    case 'apps/Deployment':
    case 'apps/ReplicaSet':
    case 'apps/DaemonSet':
    case 'batch/Job':
    case '/ReplicationController':
    case '/PodTemplate':
      touch(spec.template as Record<string, unknown>);
      break;
    case 'apps/StatefulSet':
      touch(spec.template as Record<string, unknown>);
      for (const c of (spec.volumeClaimTemplates as Record<string, unknown>[] | undefined) ?? []) touch(c);
      break;
    case 'batch/CronJob': {
      const jt = spec.jobTemplate as Record<string, unknown> | undefined;
      touch(jt);
      touch((jt?.spec as Record<string, unknown> | undefined)?.template as Record<string, unknown>);
      break;
    }
  }
}
