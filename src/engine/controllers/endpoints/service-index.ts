// Pods and Services indexed by namespace and `key=value` label pairs, so a pod change finds
// the Services selecting it and a Service sync lists its pods without scanning every pod
// (the Endpoints and EndpointSlice controllers each keep one, fed by their informers).

import type { KObject } from '../../api/types';
import { keyOf } from '../../client/informer';
import { selectorMatches, serviceSelector, type EndpointPodView, type ServiceView } from './pods';

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  for (const k of ka) if (a![k] !== b?.[k]) return false;
  return true;
}

function pairKey(ns: string, k: string, v: string): string {
  return `${ns}\u0000${k}=${v}`;
}

export class ServicePodIndex {
  private readonly podsByPair = new Map<string, Set<string>>();
  private readonly selectors = new Map<string, { ns: string; sel: Record<string, string> }>();
  private readonly servicesByPair = new Map<string, Set<string>>();
  /** How many Services with a selector each namespace has (a pod elsewhere needs no lookup). */
  private readonly selectingIn = new Map<string, number>();

  /**
   * `pod` reads a pod by key from the informer feeding this index (its cache holds the very
   * objects the handlers get): the index keeps only label pairs -> keys, not a second copy of
   * every pod to update on every status write.
   */
  constructor(private readonly pod: (key: string) => KObject | undefined) {}

  /** Records a pod's current state; `old` is the state the informer replaced (none for an add). */
  upsertPod(pod: KObject, old?: KObject): void {
    // Most updates are status changes: the label index stays as it is.
    if (old && sameLabels(old.metadata.labels, pod.metadata.labels)) return;
    const key = keyOf(pod);
    if (old) this.unindex(this.podsByPair, old.metadata.namespace ?? '', old.metadata.labels, key);
    this.index(this.podsByPair, pod.metadata.namespace ?? '', pod.metadata.labels, key);
  }

  removePod(pod: KObject): void {
    this.unindex(this.podsByPair, pod.metadata.namespace ?? '', pod.metadata.labels, keyOf(pod));
  }

  /** Records a Service's selector (selector-less Services select nothing). */
  upsertService(svc: KObject): void {
    const key = keyOf(svc);
    this.removeService(key);
    const sel = serviceSelector(svc as ServiceView);
    if (!sel) return;
    const ns = svc.metadata.namespace ?? '';
    this.selectors.set(key, { ns, sel });
    this.index(this.servicesByPair, ns, sel, key);
    this.selectingIn.set(ns, (this.selectingIn.get(ns) ?? 0) + 1);
  }

  removeService(key: string): void {
    const old = this.selectors.get(key);
    if (!old) return;
    this.unindex(this.servicesByPair, old.ns, old.sel, key);
    this.selectors.delete(key);
    const n = (this.selectingIn.get(old.ns) ?? 1) - 1;
    if (n > 0) this.selectingIn.set(old.ns, n);
    else this.selectingIn.delete(old.ns);
  }

  /** Keys of the Services whose selector matches these labels in `ns`. */
  servicesFor(ns: string, labels: Record<string, string> | undefined): string[] {
    // No Service selects in this namespace: nothing to look up (no pair keys to build).
    if (!this.selectingIn.has(ns)) return [];
    const out = new Set<string>();
    for (const k in labels ?? {}) {
      for (const svcKey of this.servicesByPair.get(pairKey(ns, k, labels![k])) ?? []) {
        if (out.has(svcKey)) continue;
        const s = this.selectors.get(svcKey);
        if (s && selectorMatches(s.sel, labels)) out.add(svcKey);
      }
    }
    return [...out];
  }

  /**
   * Pods in `ns` matching a selector map, in the order they were first seen (deterministic, and
   * stable across status updates). Starts from the rarest `key=value` pair so a selective
   * Service never walks the whole namespace.
   */
  podsFor(ns: string, sel: Record<string, string>): EndpointPodView[] {
    let smallest: Set<string> | undefined;
    let pairs = 0;
    for (const k in sel) {
      pairs++;
      const set = this.podsByPair.get(pairKey(ns, k, sel[k]));
      if (!set) return [];
      if (!smallest || set.size < smallest.size) smallest = set;
    }
    if (!smallest) return [];
    const out: EndpointPodView[] = [];
    for (const key of smallest) {
      const p = this.pod(key) as EndpointPodView | undefined;
      // With one pair the index bucket is the exact answer.
      if (p && (pairs === 1 || selectorMatches(sel, p.metadata.labels))) out.push(p);
    }
    return out;
  }

  private index(m: Map<string, Set<string>>, ns: string, labels: Record<string, string> | undefined, key: string): void {
    for (const k in labels ?? {}) {
      const pk = pairKey(ns, k, labels![k]);
      let s = m.get(pk);
      if (!s) m.set(pk, (s = new Set()));
      s.add(key);
    }
  }

  private unindex(m: Map<string, Set<string>>, ns: string, labels: Record<string, string> | undefined, key: string): void {
    for (const k in labels ?? {}) {
      const pk = pairKey(ns, k, labels![k]);
      const s = m.get(pk);
      if (!s) continue;
      s.delete(key);
      if (s.size === 0) m.delete(pk);
    }
  }
}
