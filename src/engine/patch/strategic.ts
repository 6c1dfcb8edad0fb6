// Strategic merge patch, the public API: apply a patch (what the apiserver does for
// application/strategic-merge-patch+json), and build two-way and three-way patches (what
// kubectl apply sends). Port of apimachinery pkg/util/strategicpatch semantics.

import { PatchError, smpErrors } from './errors';
import { deepClone, isMap, type JMap } from './json-util';
import { preconditionFailed, type PreconditionFn } from './conflicts';
import type { PatchMeta } from './patch-meta';
import { diffMaps } from './strategic-diff';
import { mergeMap } from './strategic-merge';
import { mergingMapsHaveConflicts } from './strategic-conflicts';

function asMap(v: unknown): JMap {
  if (v === null || v === undefined) return {};
  if (!isMap(v)) throw smpErrors.badJSONDoc();
  return deepClone(v);
}

/**
 * Applies a strategic merge patch to a copy of `original` (StrategicMergeMapPatch): lists with
 * merge strategy merge by key, `$patch`, `$retainKeys`, `$setElementOrder/…` and
 * `$deleteFromPrimitiveList/…` directives apply, null deletes a key. Throws PatchError.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, meta: PatchMeta): JMap {
  return mergeMap(asMap(original), asMap(patch), meta, { mergeParallelList: true, ignoreUnmatchedNulls: true });
}

/**
 * The strategic patch that turns `original` into `modified` (CreateTwoWayMergePatch), with
 * $setElementOrder lists. `{}` when they are the same.
 */
export function createTwoWayMergePatch(
  original: unknown,
  modified: unknown,
  meta: PatchMeta,
  preconditions: readonly PreconditionFn[] = [],
): JMap {
  const patch = diffMaps(asMap(original), asMap(modified), meta, { setElementOrder: true });
  for (const fn of preconditions) if (!fn(patch)) throw preconditionFailed(patch);
  return patch;
}

/**
 * kubectl apply's patch (CreateThreeWayMergePatch): `original` is the last-applied configuration,
 * `modified` the new configuration, `current` the live object. The patch carries the changes from
 * current to modified (never deleting what others added) plus the deletions from original to
 * modified. `{}` means "unchanged". With `overwrite` false, a field changed both by the user and
 * by someone else since the last apply is a conflict (PatchError kind 'conflict').
 */
export function createThreeWayMergePatch(
  original: unknown,
  modified: unknown,
  current: unknown,
  meta: PatchMeta,
  overwrite = true,
  preconditions: readonly PreconditionFn[] = [],
): JMap {
  const o = asMap(original);
  const m = asMap(modified);
  const c = asMap(current);
  const delta = diffMaps(c, m, meta, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(o, m, meta, { setElementOrder: true, ignoreChangesAndAdditions: true });
  const patch = mergeMap(deletions, delta, meta, { mergeParallelList: false, ignoreUnmatchedNulls: false });
  for (const fn of preconditions) if (!fn(patch)) throw preconditionFailed(patch);
  if (!overwrite) {
    const changed = diffMaps(o, c, meta, {});
    if (mergingMapsHaveConflicts(patch, changed, meta)) {
      throw new PatchError(
        `patch:\n${JSON.stringify(patch)}\nconflicts with changes made from original to current:\n${JSON.stringify(changed)}\n`,
        { kind: 'conflict', code: 409, reason: 'Conflict' },
      );
    }
  }
  return patch;
}
