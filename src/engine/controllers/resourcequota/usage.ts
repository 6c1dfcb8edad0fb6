// Quota usage of objects (pkg/quota/v1/evaluator/core and generic): which resource names an
// object of each kind charges, ResourceList arithmetic, and the pod evaluator's constraints.
// Shared by the ResourceQuota admission plugin and the quota controller; pure functions.

import { Quantity } from '../../api/quantity';
import type { KObject } from '../../api/types';
import { parseTime } from '../../util/time';

/** A ResourceList with parsed quantities. */
export type Usage = Map<string, Quantity>;

type Obj = Record<string, unknown>;
type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };
type Container = { name?: string; resources?: Resources; restartPolicy?: string };

/** Where a resource type is stored: group '' for core, lower-case plural. */
export interface TypeRef {
  group: string;
  plural: string;
}

/** Core kinds with a legacy (un-prefixed) object count name in quotas. */
const LEGACY_COUNTS = new Set(['configmaps', 'secrets', 'persistentvolumeclaims', 'replicationcontrollers', 'resourcequotas', 'services']);
/** The pod compute resource names (plus requests./limits. prefixes, hugepages, extended). */
const POD_NAMES = new Set(['pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage']);
/** Resources whose quota forces each container to state them (the backward-compat rule). */
const VALIDATION_SET = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** Parses a ResourceList, skipping values that do not parse (validation rejects those earlier). */
export function toUsage(list: Record<string, unknown> | undefined): Usage {
  const out: Usage = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    const r = Quantity.tryParse(String(v));
    if (r.ok) out.set(k, r.quantity);
  }
  return out;
}

/** Serialises a Usage as a ResourceList (string quantities). */
export function fromUsage(u: Usage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...u.keys()].sort()) out[k] = u.get(k)!.toString();
  return out;
}

/** a + b, per resource. */
export function addUsage(a: Usage, b: Usage): Usage {
  const out: Usage = new Map(a);
  for (const [k, v] of b) out.set(k, out.has(k) ? out.get(k)!.add(v) : v);
  return out;
}

/** Only the named resources of `u`. */
export function mask(u: Usage, names: Iterable<string>): Usage {
  const out: Usage = new Map();
  for (const n of names) if (u.has(n)) out.set(n, u.get(n)!);
  return out;
}

/** quota.LessThanOrEqual: every resource in `a` that `b` also names is <= it; else the ones over. */
export function exceeded(a: Usage, b: Usage): string[] {
  const over: string[] = [];
  for (const [k, v] of a) {
    const limit = b.get(k);
    if (limit && v.cmp(limit) > 0) over.push(k);
  }
  return over;
}

/** prettyPrint: `requests.cpu=600m,requests.memory=1Gi` (sorted by name). */
export function prettyPrint(u: Usage): string {
  return [...u.keys()].sort().map((k) => `${k}=${u.get(k)!.toString()}`).join(',');
}

/** The type a quota resource name counts: `count/deployments.apps`, `requests.cpu` (pods), `services`. */
export function typeForResource(name: string): TypeRef | undefined {
  if (name.startsWith('count/')) {
    const rest = name.slice(6);
    const dot = rest.indexOf('.');
    return dot < 0 ? { group: '', plural: rest } : { group: rest.slice(dot + 1), plural: rest.slice(0, dot) };
  }
  if (LEGACY_COUNTS.has(name)) return { group: '', plural: name };
  if (name === 'services.nodeports' || name === 'services.loadbalancers') return { group: '', plural: 'services' };
  if (name === 'requests.storage' || name.includes('.storageclass.storage.k8s.io/')) return { group: '', plural: 'persistentvolumeclaims' };
  if (POD_NAMES.has(name) || name.startsWith('requests.') || name.startsWith('limits.') || name.startsWith('hugepages-')) return { group: '', plural: 'pods' };
  return undefined;
}

/** The object count name of a type: `count/pods`, `count/deployments.apps`. */
export function countName(t: TypeRef): string {
  return t.group ? `count/${t.plural}.${t.group}` : `count/${t.plural}`;
}

function one(): Quantity {
  return Quantity.fromValue(1);
}

/** Whether a Pod is charged for compute (QuotaV1Pod): not terminal, not past its deletion grace. */
export function podCharged(pod: KObject, nowMs: number): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const del = pod.metadata.deletionTimestamp;
  const grace = pod.metadata.deletionGracePeriodSeconds;
  const delMs = parseTime(del);
  if (delMs !== undefined && grace !== undefined && grace !== null) return nowMs <= delMs + grace * 1000;
  return true;
}

function containers(pod: KObject, field: 'containers' | 'initContainers'): Container[] {
  return ((pod.spec as Obj | undefined)?.[field] as Container[] | undefined) ?? [];
}

function maxUsage(a: Usage, b: Usage): Usage {
  const out: Usage = new Map(a);
  for (const [k, v] of b) if (!out.has(k) || out.get(k)!.cmp(v) < 0) out.set(k, v);
  return out;
}

/**
 * resourcehelper.PodRequests / PodLimits: the containers' sum, at least any init container
 * (sidecars - restartPolicy Always - add up like containers), plus the pod overhead.
 * E.g. containers 100m + 200m, init container 500m -> max(300m, 500m) = 500m.
 */
export function podResources(pod: KObject, which: 'requests' | 'limits'): Usage {
  let sum: Usage = new Map();
  for (const c of containers(pod, 'containers')) sum = addUsage(sum, toUsage(c.resources?.[which]));
  let sidecars: Usage = new Map();
  let initMax: Usage = new Map();
  for (const c of containers(pod, 'initContainers')) {
    const r = toUsage(c.resources?.[which]);
    if (c.restartPolicy === 'Always') {
      sidecars = addUsage(sidecars, r);
      sum = addUsage(sum, r);
    } else {
      initMax = maxUsage(initMax, addUsage(r, sidecars));
    }
  }
  sum = maxUsage(sum, initMax);
  const overhead = toUsage((pod.spec as Obj | undefined)?.overhead as Record<string, string> | undefined);
  if (overhead.size) {
    // Overhead counts only for resources the pod names (requests) / limits already set (limits).
    for (const [k, v] of overhead) if (which === 'requests' || sum.has(k)) sum.set(k, sum.has(k) ? sum.get(k)!.add(v) : v);
  }
  return sum;
}

const EXTENDED_EXCLUDED = /^(cpu|memory|ephemeral-storage|storage|pods|hugepages-.*|requests\..*|limits\..*)$/;

/** podComputeUsageHelper: pods=1 and the compute names derived from requests and limits. */
export function computeUsage(requests: Usage, limits: Usage): Usage {
  const out: Usage = new Map([['pods', one()]]);
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = requests.get(r);
    if (req) {
      out.set(r, req);
      out.set(`requests.${r}`, req);
    }
    const lim = limits.get(r);
    if (lim) out.set(`limits.${r}`, lim);
  }
  for (const [k, v] of requests) {
    if (k.startsWith('hugepages-')) {
      out.set(k, v);
      out.set(`requests.${k}`, v);
    } else if (k.includes('/') && !k.startsWith('kubernetes.io/') && !EXTENDED_EXCLUDED.test(k)) {
      // Extended resources (example.com/gpu) only count as requests.<name>.
      out.set(`requests.${k}`, v);
    }
  }
  return out;
}

/** PodUsageFunc: count/pods always; compute resources while the pod is charged. */
export function podUsage(pod: KObject, nowMs: number): Usage {
  const base: Usage = new Map([['count/pods', one()]]);
  if (!podCharged(pod, nowMs)) return base;
  return addUsage(base, computeUsage(podResources(pod, 'requests'), podResources(pod, 'limits')));
}

function serviceUsage(svc: KObject): Usage {
  const spec = (svc.spec ?? {}) as { type?: string; ports?: unknown[] };
  const out: Usage = new Map([['services', one()], ['count/services', one()]]);
  const ports = spec.ports?.length ?? 0;
  out.set('services.loadbalancers', Quantity.fromValue(spec.type === 'LoadBalancer' ? 1 : 0));
  out.set('services.nodeports', Quantity.fromValue(spec.type === 'NodePort' || spec.type === 'LoadBalancer' ? ports : 0));
  return out;
}

function pvcUsage(pvc: KObject): Usage {
  const spec = (pvc.spec ?? {}) as { storageClassName?: string; resources?: Resources };
  const out: Usage = new Map([['persistentvolumeclaims', one()], ['count/persistentvolumeclaims', one()]]);
  const storage = toUsage(spec.resources?.requests).get('storage');
  if (storage) out.set('requests.storage', storage);
  const sc = spec.storageClassName;
  if (sc) {
    out.set(`${sc}.storageclass.storage.k8s.io/persistentvolumeclaims`, one());
    if (storage) out.set(`${sc}.storageclass.storage.k8s.io/requests.storage`, storage);
  }
  return out;
}

/** The usage one object charges (the evaluator of its type). */
export function objectUsage(t: TypeRef, obj: KObject, nowMs: number): Usage {
  if (t.group === '' && t.plural === 'pods') return podUsage(obj, nowMs);
  if (t.group === '' && t.plural === 'services') return serviceUsage(obj);
  if (t.group === '' && t.plural === 'persistentvolumeclaims') return pvcUsage(obj);
  const out: Usage = new Map([[countName(t), one()]]);
  if (t.group === '' && LEGACY_COUNTS.has(t.plural)) out.set(t.plural, one());
  return out;
}

/** The names of `hard` that objects of type `t` are charged against. */
export function matchingResources(t: TypeRef, hard: Iterable<string>): string[] {
  const out: string[] = [];
  for (const n of hard) {
    const owner = typeForResource(n);
    if (owner && owner.group === t.group && owner.plural === t.plural) out.push(n);
  }
  return out.sort();
}

/**
 * The pod evaluator's Constraints: quotas on cpu/memory force every container to state them.
 * Returns `must specify limits.cpu for: a,b; requests.cpu for: a` or undefined.
 */
export function podConstraints(pod: KObject, required: string[]): string | undefined {
  const need = required.filter((r) => VALIDATION_SET.has(r));
  if (!need.length) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...containers(pod, 'containers'), ...containers(pod, 'initContainers')]) {
    const have = computeUsage(toUsage(c.resources?.requests), toUsage(c.resources?.limits));
    for (const r of need) {
      if (have.has(r)) continue;
      if (!missing.has(r)) missing.set(r, new Set());
      missing.get(r)!.add(c.name ?? '');
    }
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}
