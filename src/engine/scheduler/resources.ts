// A pod's resource requests as the scheduler counts them (component-helpers resource.PodRequests):
// containers summed, init containers as a running maximum (sidecars, restartPolicy Always,
// accumulate), plus spec.overhead. CPU is in millicores, everything else in whole units.

import { Quantity } from '../api/quantity';

/** Requested amounts: cpu in millicores, memory and ephemeral-storage in bytes, others as counts. */
export interface Resources {
  cpu: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended and hugepages resources; absent when none. */
  scalar?: Record<string, number>;
}

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what a container without requests counts as when scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

const parsed = new Map<string, { milli: number; value: number }>();

/** milliValue / value of a quantity string, cached (the same few strings recur in every pod). */
function amount(v: unknown, milli: boolean): number {
  if (typeof v === 'number') return milli ? v * 1000 : v;
  if (typeof v !== 'string') return 0;
  let p = parsed.get(v);
  if (!p) {
    try {
      const q = Quantity.parse(v);
      p = { milli: q.milliValue(), value: q.value() };
    } catch {
      p = { milli: 0, value: 0 };
    }
    if (parsed.size < 10_000) parsed.set(v, p);
  }
  return milli ? p.milli : p.value;
}

export function emptyResources(): Resources {
  return { cpu: 0, memory: 0, ephemeralStorage: 0 };
}

/** A ResourceList (`{cpu: "500m", memory: "1Gi"}`) as Resources. */
export function resourcesFromList(list: unknown): Resources {
  const r = emptyResources();
  if (!list || typeof list !== 'object') return r;
  for (const [k, v] of Object.entries(list as Record<string, unknown>)) {
    if (k === 'cpu') r.cpu = amount(v, true);
    else if (k === 'memory') r.memory = amount(v, false);
    else if (k === 'ephemeral-storage') r.ephemeralStorage = amount(v, false);
    else if (k !== 'pods') (r.scalar ??= {})[k] = amount(v, false);
  }
  return r;
}

export function addResources(into: Resources, r: Resources, sign = 1): void {
  into.cpu += sign * r.cpu;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  if (r.scalar) {
    const s = (into.scalar ??= {});
    for (const k in r.scalar) s[k] = (s[k] ?? 0) + sign * r.scalar[k];
  }
}

function maxResources(into: Resources, r: Resources): void {
  into.cpu = Math.max(into.cpu, r.cpu);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  if (r.scalar) {
    const s = (into.scalar ??= {});
    for (const k in r.scalar) s[k] = Math.max(s[k] ?? 0, r.scalar[k]);
  }
}

function copy(r: Resources): Resources {
  const c: Resources = { cpu: r.cpu, memory: r.memory, ephemeralStorage: r.ephemeralStorage };
  if (r.scalar) c.scalar = { ...r.scalar };
  return c;
}

interface ContainerLike {
  resources?: { requests?: unknown };
  restartPolicy?: string;
}

function containerRequests(c: ContainerLike, nonZero: boolean): Resources {
  const list = c.resources?.requests as Record<string, unknown> | undefined;
  const r = resourcesFromList(list);
  if (nonZero) {
    // NonMissingContainerRequests: only a request that is absent gets the default (an explicit 0 stays 0).
    if (list?.cpu === undefined) r.cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (list?.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/**
 * resource.PodRequests. Worked example: containers 100m + 200m, init containers 500m and a
 * sidecar (restartPolicy Always) of 50m listed first: the sidecar adds 50m to the sum (350m) and
 * the init container needs 500m + 50m = 550m while it runs, so the pod requests max(350m, 550m)
 * = 550m. `nonZero` counts an absent cpu/memory request as 100m / 200Mi (for scoring).
 */
export function podRequests(spec: Record<string, unknown> | undefined, nonZero = false): Resources {
  const reqs = emptyResources();
  const containers = (spec?.containers ?? []) as ContainerLike[];
  for (const c of containers) addResources(reqs, containerRequests(c, nonZero));
  const restartable = emptyResources();
  const initMax = emptyResources();
  for (const c of (spec?.initContainers ?? []) as ContainerLike[]) {
    let cr = containerRequests(c, nonZero);
    if (c.restartPolicy === 'Always') {
      addResources(reqs, cr);
      addResources(restartable, cr);
      cr = copy(restartable);
    } else {
      addResources(cr, restartable);
    }
    maxResources(initMax, cr);
  }
  maxResources(reqs, initMax);
  if (spec?.overhead) addResources(reqs, resourcesFromList(spec.overhead));
  return reqs;
}

/** True when nothing at all is requested (NodeResourcesFit then only checks the pod count). */
export function isZero(r: Resources): boolean {
  if (r.cpu !== 0 || r.memory !== 0 || r.ephemeralStorage !== 0) return false;
  return !r.scalar || Object.keys(r.scalar).length === 0;
}
