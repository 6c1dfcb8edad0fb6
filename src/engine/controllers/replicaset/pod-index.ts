// Pods indexed the way the ReplicaSet and Deployment controllers look them up: by the uid of
// their controller (client-go's controllerUIDIndex) and, for orphans, by namespace, so a sync
// touches only the pods it can own instead of every pod in the cluster.

import type { KObject } from '../../api/types';
import { keyOf } from '../../client/informer';
import { controllerOf, type PodView } from './pods';

/**
 * Which pods an index keeps: those whose controller is of `ownerKind` (any kind when omitted),
 * plus orphans unless `orphans` is false. A Job controller reads only its Jobs' pods: indexing
 * the 10,000 pods of a Deployment cost it a map update on every pod event for nothing.
 */
export interface PodIndexScope {
  ownerKind?: string;
  orphans?: boolean;
}

export class PodIndex {
  private readonly byOwner = new Map<string, Map<string, PodView>>();
  private readonly orphans = new Map<string, Map<string, PodView>>();

  constructor(private readonly scope: PodIndexScope = {}) {}

  /** Whether this index keeps the pod (see PodIndexScope). */
  private keeps(pod: KObject): boolean {
    const ref = controllerOf(pod);
    if (!ref) return this.scope.orphans !== false;
    return this.scope.ownerKind === undefined || ref.kind === this.scope.ownerKind;
  }

  /** Records a pod's current state (`old` is its previous state, if any). */
  upsert(pod: KObject, old: KObject | undefined): void {
    if (!this.keeps(pod)) {
      if (old) this.remove(old);
      return;
    }
    // A pod entering the scope is new here, as a pod first seen is.
    if (old && !this.keeps(old)) old = undefined;
    const key = keyOf(pod);
    const ref = controllerOf(pod);
    if (old) {
      // The usual update (a status write) keeps the owner: move the pod to the back of its bucket,
      // exactly as remove + insert would, without finding the bucket twice.
      const oldRef = controllerOf(old);
      const same = oldRef ? ref?.uid === oldRef.uid : !ref && old.metadata.namespace === pod.metadata.namespace;
      const b = same ? (ref ? this.byOwner.get(ref.uid) : this.orphans.get(pod.metadata.namespace ?? '')) : undefined;
      if (b && b.delete(key)) {
        b.set(key, pod as PodView);
        return;
      }
      this.remove(old);
    }
    const bucket = ref ? this.bucket(this.byOwner, ref.uid) : this.bucket(this.orphans, pod.metadata.namespace ?? '');
    bucket.set(key, pod as PodView);
  }

  /** Drops the pod; returns the state of it this index held (a delete event carries a newer copy). */
  remove(pod: KObject): PodView | undefined {
    if (!this.keeps(pod)) return undefined;
    const key = keyOf(pod);
    const ref = controllerOf(pod);
    const m = ref ? this.byOwner.get(ref.uid) : this.orphans.get(pod.metadata.namespace ?? '');
    if (!m) return undefined;
    const held = m.get(key);
    m.delete(key);
    if (m.size === 0) {
      if (ref) this.byOwner.delete(ref.uid);
      else this.orphans.delete(pod.metadata.namespace ?? '');
    }
    return held;
  }

  /** Pods whose controller reference has this uid. */
  ownedBy(uid: string): PodView[] {
    const m = this.byOwner.get(uid);
    return m ? [...m.values()] : [];
  }

  /** Pods a controller in `ns` with `uid` may own: its own plus the namespace's orphans. */
  candidates(ns: string, uid: string): PodView[] {
    const out = this.ownedBy(uid);
    const o = this.orphans.get(ns);
    if (o) for (const p of o.values()) out.push(p);
    return out;
  }

  private bucket(m: Map<string, Map<string, PodView>>, k: string): Map<string, PodView> {
    let b = m.get(k);
    if (!b) m.set(k, (b = new Map()));
    return b;
  }
}
