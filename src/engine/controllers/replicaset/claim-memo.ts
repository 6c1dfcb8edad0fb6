// What the last ReplicaSet sync learnt about each pod it kept, so the next sync (some 60 while a
// 10,000-replica Deployment comes up, each visiting every pod) re-checks only the pods that changed.

import type { Selector } from '../../api/labels';
import { isPodReady, type PodView, type ReplicaSetView } from './pods';

/** A pod claimDecision kept for a ReplicaSet, with its calculateStatus inputs. */
interface Kept {
  uid: string | undefined;
  /** The ReplicaSet's spec (frozen: the same object means the same selector and template). */
  spec: ReplicaSetView['spec'];
  /** Whether the template's labels match (fullyLabeledReplicas). */
  fully: boolean;
  ready: boolean;
}

/**
 * Keyed by the pod object itself: a stored pod is frozen and every change is a new object, so an
 * entry can never go stale, only unused (the controller drops it when the pod changes or goes).
 * Only `keep` decisions are kept: they depend on the pod, the ReplicaSet's uid and its spec's
 * selector alone (the others patch, or also depend on the ReplicaSet being deleted).
 */
export class ClaimMemo {
  private readonly kept = new Map<PodView, Kept>();

  /** The remembered kept pod, when `rs` still has the spec it was decided with. */
  get(rs: ReplicaSetView, pod: PodView): Kept | undefined {
    const k = this.kept.get(pod);
    return k !== undefined && k.spec === rs.spec && k.uid === rs.metadata.uid ? k : undefined;
  }

  /** Remembers that `rs` kept `pod`; `template` is its template-labels selector. */
  keep(rs: ReplicaSetView, template: Selector, pod: PodView): Kept {
    const k: Kept = { uid: rs.metadata.uid, spec: rs.spec, fully: template.matches(pod.metadata.labels), ready: isPodReady(pod) };
    this.kept.set(pod, k);
    return k;
  }

  /** A pod state no longer current (replaced or deleted). */
  forget(pod: PodView): void {
    this.kept.delete(pod);
  }
}
