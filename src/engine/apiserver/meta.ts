// Server-set metadata: UIDs and generated names from the seeded PRNG, creation timestamps from
// the virtual clock, and which kinds track metadata.generation or reset status on create.

import { NAME_ALPHABET, type Random } from '../clock';

/** A version-4-shaped UUID from the seeded PRNG. */
export function newUid(random: Random): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[random.intn(16)];
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[random.intn(4)]}${hex(3)}-${hex(12)}`;
}

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

/** The "spec" of an object for generation purposes: everything but apiVersion, kind, metadata, status. */
export function specPart(obj: Record<string, unknown>): string {
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort()) {
    if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata' && k !== 'status') rest[k] = obj[k];
  }
  return stableStringify(rest);
}

/** JSON with sorted keys, for semantic equality checks. */
export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
    .join(',')}}`;
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
