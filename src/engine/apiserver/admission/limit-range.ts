// LimitRanger admission (plugin/pkg/admission/limitranger): new Pods get the namespace's
// LimitRange container defaults (limits, then requests) and an annotation saying what was set;
// Pods and PVCs outside a LimitRange's min / max / maxLimitRequestRatio are refused (403).

import { Quantity } from '../../api/quantity';
import type { KObject } from '../../api/types';
import { forbidden } from '../status';
import { podResources, toUsage, type Usage } from '../../controllers/resourcequota/usage';
import type { AdmissionAttributes, AdmissionPlugin, ServerContext } from '../context';

/** The annotation listing what the plugin set on a pod. */
export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type List = Record<string, string>;
interface LimitItem {
  type?: string;
  max?: List;
  min?: List;
  default?: List;
  defaultRequest?: List;
  maxLimitRequestRatio?: List;
}
interface Container {
  name?: string;
  resources?: { requests?: List; limits?: List };
}

function items(lr: KObject): LimitItem[] {
  return ((lr.spec as { limits?: LimitItem[] } | undefined)?.limits ?? []) as LimitItem[];
}

/**
 * defaultContainerResourceRequirements over one LimitRange's Container items, with
 * SetDefaults_LimitRangeItem applied (default <- max, defaultRequest <- default, then min).
 */
export function containerDefaults(lr: KObject): { requests: List; limits: List } {
  const requests: List = {};
  const limits: List = {};
  for (const l of items(lr)) {
    if (l.type !== 'Container') continue;
    const def: List = { ...(l.max ?? {}), ...(l.default ?? {}) };
    const req: List = { ...(l.min ?? {}), ...def, ...(l.defaultRequest ?? {}) };
    Object.assign(requests, req);
    Object.assign(limits, def);
  }
  return { requests, limits };
}

/** mergeContainerResources: fills what the container lacks; returns the annotation parts. */
function mergeContainer(c: Container, defaults: { requests: List; limits: List }, prefix: string, notes: string[]): void {
  const res = (c.resources ??= {});
  const limits = (res.limits ??= {});
  const requests = (res.requests ??= {});
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(defaults.limits)) {
    if (limits[k] === undefined) {
      limits[k] = v;
      setLimits.push(k);
    }
  }
  for (const [k, v] of Object.entries(defaults.requests)) {
    if (requests[k] === undefined) {
      requests[k] = v;
      setRequests.push(k);
    }
  }
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name ?? ''}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name ?? ''}`);
}

/** PodMutateLimitFunc: applies one LimitRange's defaults to a pod (in place). */
export function applyPodDefaults(pod: KObject, lr: KObject): void {
  const defaults = containerDefaults(lr);
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  const notes: string[] = [];
  for (const c of spec.containers ?? []) mergeContainer(c, defaults, 'container', notes);
  for (const c of spec.initContainers ?? []) mergeContainer(c, defaults, 'init container', notes);
  if (notes.length) {
    pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
  }
}

const q = (s: string): Quantity => Quantity.parse(s);

function minConstraint(type: string, name: string, enforced: Quantity, req: Usage, lim: Usage): string | undefined {
  const r = req.get(name);
  const l = lim.get(name);
  if (!r) return `minimum ${name} usage per ${type} is ${enforced}.  No request is specified`;
  if (r.cmp(enforced) < 0) return `minimum ${name} usage per ${type} is ${enforced}, but request is ${r}`;
  if (l && l.cmp(enforced) < 0) return `minimum ${name} usage per ${type} is ${enforced}, but limit is ${l}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Quantity, req: Usage, lim: Usage): string | undefined {
  const r = req.get(name);
  const l = lim.get(name);
  if (!l) return `maximum ${name} usage per ${type} is ${enforced}.  No limit is specified`;
  if (l.cmp(enforced) > 0) return `maximum ${name} usage per ${type} is ${enforced}, but limit is ${l}`;
  if (r && r.cmp(enforced) > 0) return `maximum ${name} usage per ${type} is ${enforced}, but request is ${r}`;
  return undefined;
}

function maxRequestConstraint(type: string, name: string, enforced: Quantity, req: Usage): string | undefined {
  const r = req.get(name);
  if (!r) return `maximum ${name} usage per ${type} is ${enforced}.  No request is specified`;
  if (r.cmp(enforced) > 0) return `maximum ${name} usage per ${type} is ${enforced}, but request is ${r}`;
  return undefined;
}

/** Go's %f: six decimals. */
function goFloat(x: number): string {
  return x.toFixed(6);
}

/**
 * limitRequestRatioConstraint: limit / request must not exceed the ratio. E.g. ratio 2, request
 * 100m, limit 500m -> observed 5 -> "cpu max limit to request ratio per Container is 2, but
 * provided ratio is 5.000000".
 */
function ratioConstraint(type: string, name: string, enforced: Quantity, req: Usage, lim: Usage): string | undefined {
  const r = req.get(name);
  const l = lim.get(name);
  if (!r || r.isZero()) return `${name} max limit to request ratio per ${type} is ${enforced}, but no request is specified or request is 0`;
  if (!l || l.isZero()) return `${name} max limit to request ratio per ${type} is ${enforced}, but no limit is specified or limit is 0`;
  const observed = l.milliValue() / r.milliValue();
  if (observed * 1000 > enforced.milliValue()) return `${name} max limit to request ratio per ${type} is ${enforced}, but provided ratio is ${goFloat(observed)}`;
  return undefined;
}

function checkItem(l: LimitItem, type: string, req: Usage, lim: Usage, errs: string[]): void {
  const each = (list: List | undefined, f: (t: string, n: string, e: Quantity, r: Usage, li: Usage) => string | undefined) => {
    for (const k of Object.keys(list ?? {}).sort()) {
      const e = f(type, k, q(list![k]), req, lim);
      if (e) errs.push(e);
    }
  };
  each(l.min, minConstraint);
  each(l.max, maxConstraint);
  each(l.maxLimitRequestRatio, ratioConstraint);
}

/** PodValidateLimitFunc: every violation of one LimitRange by the pod. */
export function validatePod(pod: KObject, lr: KObject): string[] {
  const errs: string[] = [];
  const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
  for (const l of items(lr)) {
    if (l.type === 'Container') {
      for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
        checkItem(l, 'Container', toUsage(c.resources?.requests), toUsage(c.resources?.limits), errs);
      }
    } else if (l.type === 'Pod') {
      checkItem(l, 'Pod', podResources(pod, 'requests'), podResources(pod, 'limits'), errs);
    }
  }
  return errs;
}

/** PersistentVolumeClaimValidateLimitFunc: storage requests within min / max. */
export function validatePVC(pvc: KObject, lr: KObject): string[] {
  const errs: string[] = [];
  const req = toUsage((pvc.spec as { resources?: { requests?: List } } | undefined)?.resources?.requests);
  for (const l of items(lr)) {
    if (l.type !== 'PersistentVolumeClaim') continue;
    for (const k of Object.keys(l.min ?? {}).sort()) {
      const e = minConstraint('PersistentVolumeClaim', k, q(l.min![k]), req, new Map());
      if (e) errs.push(e);
    }
    for (const k of Object.keys(l.max ?? {}).sort()) {
      const e = maxRequestConstraint('PersistentVolumeClaim', k, q(l.max![k]), req);
      if (e) errs.push(e);
    }
  }
  return errs;
}

/** utilerrors.NewAggregate(...).Error(): one message bare, several (deduplicated) in brackets. */
export function aggregate(msgs: string[]): string {
  const uniq = [...new Set(msgs)];
  return uniq.length === 1 ? uniq[0] : `[${uniq.join(', ')}]`;
}

function kindOf(a: AdmissionAttributes): 'pod' | 'pvc' | undefined {
  if (a.subresource || a.type.group !== '') return undefined;
  if (a.type.kind === 'Pod') return a.operation === 'CREATE' ? 'pod' : undefined;
  if (a.type.kind === 'PersistentVolumeClaim') return a.operation === 'CREATE' || a.operation === 'UPDATE' ? 'pvc' : undefined;
  return undefined;
}

function limitRanges(a: AdmissionAttributes, ctx: ServerContext): KObject[] {
  return ctx.store.list('/limitranges', a.namespace).items;
}

export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(a, ctx) {
    if (kindOf(a) !== 'pod') return;
    for (const lr of limitRanges(a, ctx)) applyPodDefaults(a.object, lr);
  },
  validate(a, ctx) {
    const kind = kindOf(a);
    if (!kind) return;
    const errs: string[] = [];
    for (const lr of limitRanges(a, ctx)) errs.push(...(kind === 'pod' ? validatePod(a.object, lr) : validatePVC(a.object, lr)));
    if (!errs.length) return;
    const name = a.object.metadata.name || a.object.metadata.generateName || 'Unknown';
    throw forbidden('', a.type.plural, name, aggregate(errs));
  },
};
