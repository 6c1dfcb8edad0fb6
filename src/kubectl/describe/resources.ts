// Pod-level resource sums (kubectl util/resource PodRequestsAndLimits) and the QoS class
// (kubectl util/qos GetPodQOS), used by the Pod and Node describers.
import { Quantity } from '../../engine/api/quantity';
import { list, quantity, rec, str } from './values';
import type { J } from './values';

/** A ResourceList of parsed quantities. */
export type ResourceList = Map<string, Quantity>;

function parseList(v: unknown): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, x] of Object.entries(rec(v) ?? {})) {
    const q = quantity(x);
    if (q) out.set(k, q);
  }
  return out;
}

/** addResourceList: list += add, per resource. */
export function addResourceList(to: ResourceList, add: ResourceList): void {
  for (const [k, q] of add) to.set(k, to.has(k) ? (to.get(k) as Quantity).add(q) : q);
}

function maxResourceList(to: ResourceList, other: ResourceList): void {
  for (const [k, q] of other) if (!to.has(k) || q.cmp(to.get(k) as Quantity) > 0) to.set(k, q);
}

function maxOf(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, q] of a) {
    const o = b.get(k);
    out.set(k, o && q.cmp(o) <= 0 ? o : q);
  }
  for (const [k, q] of b) if (!out.has(k)) out.set(k, q);
  return out;
}

function sumPod(pod: J, field: 'requests' | 'limits'): ResourceList {
  const total: ResourceList = new Map();
  const statuses = new Map<string, J>();
  for (const s of list(pod?.status?.containerStatuses)) statuses.set(str(s?.name), s);
  for (const c of list(pod?.spec?.containers)) {
    let r = parseList(c?.resources?.[field]);
    const cs = statuses.get(str(c?.name));
    // In-place resize: requests count the larger of spec and status (status alone when infeasible).
    if (field === 'requests' && cs && rec(cs.resources)) {
      const st = parseList(cs.resources.requests);
      r = str(pod?.status?.resize) === 'Infeasible' ? st : maxOf(r, st);
    }
    addResourceList(total, r);
  }
  const restartable: ResourceList = new Map();
  const init: ResourceList = new Map();
  for (const c of list(pod?.spec?.initContainers)) {
    let r = parseList(c?.resources?.[field]);
    if (str(c?.restartPolicy) === 'Always') {
      // Sidecars run beside the app containers and add to everything started after them.
      addResourceList(total, r);
      addResourceList(restartable, r);
      r = new Map(restartable);
    } else {
      const tmp: ResourceList = new Map();
      addResourceList(tmp, r);
      addResourceList(tmp, restartable);
      r = tmp;
    }
    maxResourceList(init, r);
  }
  maxResourceList(total, init);
  const overhead = parseList(pod?.spec?.overhead);
  if (field === 'requests') addResourceList(total, overhead);
  else for (const [k, q] of overhead) if (total.has(k) && !(total.get(k) as Quantity).isZero()) total.set(k, (total.get(k) as Quantity).add(q));
  return total;
}

/** PodRequestsAndLimits. */
export function podRequestsAndLimits(pod: J): { reqs: ResourceList; limits: ResourceList } {
  return { reqs: sumPod(pod, 'requests'), limits: sumPod(pod, 'limits') };
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

function positiveQoS(v: unknown): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, q] of parseList(v)) if (QOS_RESOURCES.has(k) && q.sign() > 0) out.set(k, q);
  return out;
}

/** GetPodQOS: status.qosClass when set, else computed from requests and limits. */
export function podQOS(pod: J): string {
  const set = str(pod?.status?.qosClass);
  if (set !== '') return set;
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  let guaranteed = true;
  const podRes = rec(pod?.spec?.resources);
  const sources = podRes ? [podRes] : [...list(pod?.spec?.containers), ...list(pod?.spec?.initContainers)].map((c: J) => c?.resources ?? {});
  for (const r of sources) {
    addResourceList(requests, positiveQoS(r?.requests));
    const l = positiveQoS(r?.limits);
    addResourceList(limits, l);
    if (!(podRes && !rec(r?.limits)) && !(l.has('cpu') && l.has('memory'))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [k, q] of requests) {
      const l = limits.get(k);
      if (!l || l.cmp(q) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
