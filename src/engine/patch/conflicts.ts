// Conflict detection and preconditions shared by the three-way patch builders
// (apimachinery pkg/util/mergepatch: HasConflicts, PreconditionFunc, ErrPreconditionFailed).

import { PatchError } from './errors';
import { deepEqual, goSprint, isMap, type JMap } from './json-util';

/** A check on a computed patch; false fails patch creation (mergepatch.PreconditionFunc). */
export type PreconditionFn = (patch: JMap) => boolean;

/** Fails when the patch touches the top-level `key` (kubectl: apiVersion, kind). */
export function requireKeyUnchanged(key: string): PreconditionFn {
  return (patch) => !Object.hasOwn(patch, key);
}

/** Fails when the patch touches `metadata.<key>` (kubectl: name). */
export function requireMetadataKeyUnchanged(key: string): PreconditionFn {
  return (patch) => {
    const md = patch['metadata'];
    return !isMap(md) || !Object.hasOwn(md, key);
  };
}

/** ErrPreconditionFailed: "precondition failed for: map[...]" (kind 'precondition'). */
export function preconditionFailed(patch: JMap): PatchError {
  return new PatchError(`precondition failed for: ${goSprint(patch)}`, { kind: 'precondition' });
}

/**
 * mergepatch.HasConflicts: true when both sides set a common key to different values; maps are
 * compared key by key, lists element by element.
 */
export function hasConflicts(left: unknown, right: unknown): boolean {
  if (isMap(left)) {
    if (!isMap(right)) return true;
    for (const key of Object.keys(left)) {
      if (Object.hasOwn(right, key) && hasConflicts(left[key], right[key])) return true;
    }
    return false;
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return true;
    for (let i = 0; i < left.length; i++) if (hasConflicts(left[i], right[i])) return true;
    return false;
  }
  return !deepEqual(left, right);
}
