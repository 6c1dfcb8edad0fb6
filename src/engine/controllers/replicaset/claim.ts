// Adoption and release by labels (pkg/controller/controller_ref_manager.go ClaimObject): a
// controller owns the objects whose controller reference points at it and whose labels its
// selector matches; it adopts matching orphans and releases owned objects that stopped matching.

import type { Selector } from '../../api/labels';
import type { KObject, OwnerReference } from '../../api/types';
import { controllerOf, newControllerRef } from './pods';

/** What to do with one candidate: keep (owned, matches), adopt, release, or ignore. */
export type ClaimDecision = 'keep' | 'adopt' | 'release' | 'ignore';

/**
 * ClaimObject's decision for `obj` and the controller `owner` with selector `selector`.
 * Orphans being deleted, or seen while the owner is being deleted, are ignored; an owned object
 * whose labels no longer match is released unless the owner is going away.
 */
export function claimDecision(owner: KObject, selector: Selector, obj: KObject): ClaimDecision {
  const ref = controllerOf(obj);
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  if (ref) {
    if (ref.uid !== owner.metadata.uid) return 'ignore';
    if (selector.matches(obj.metadata.labels)) return 'keep';
    return ownerDeleting ? 'ignore' : 'release';
  }
  if (ownerDeleting || !selector.matches(obj.metadata.labels)) return 'ignore';
  if (obj.metadata.deletionTimestamp) return 'ignore';
  if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) return 'ignore';
  return 'adopt';
}

/** Merge patch that makes `owner` the controller of `obj` (uid pins the patch to this object). */
export function adoptPatch(owner: KObject, obj: KObject): { metadata: { ownerReferences: OwnerReference[]; uid: string } } {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  return { metadata: { ownerReferences: [...refs, newControllerRef(owner)], uid: obj.metadata.uid ?? '' } };
}

/** Merge patch that drops `owner`'s reference from `obj`. */
export function releasePatch(owner: KObject, obj: KObject): { metadata: { ownerReferences: OwnerReference[] | null; uid: string } } {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  return { metadata: { ownerReferences: refs.length ? refs : null, uid: obj.metadata.uid ?? '' } };
}
