// Strategic merge patch application: merging a patch into an object (strategicpatch mergeMap,
// mergeSlice and the $patch / $retainKeys / $setElementOrder / $deleteFromPrimitiveList
// directives). Works in place on copies made by the caller.

import { PatchError, smpErrors } from './errors';
import { deepEqual, goSprint, isMap, kindOf, type JMap } from './json-util';
import type { PatchMeta } from './patch-meta';
import {
  DELETE,
  DELETE_FROM_PRIMITIVE_LIST,
  DIRECTIVE,
  MERGE,
  REPLACE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER,
  splitStrategies,
} from './strategic-common';
import { mergeSlice } from './strategic-merge-list';
import { errBadArgType, errNoMergeKey, normalizeElementOrder, partitionMaps, partitionPrimitives, sliceElementKind } from './strategic-order';

/** MergeOptions of upstream. */
export interface MergeOptions {
  /** Apply parallel lists ($deleteFromPrimitiveList, $setElementOrder) instead of keeping them. */
  mergeParallelList: boolean;
  /** Drop nulls that match nothing in the original (applying) instead of keeping them (merging patches). */
  ignoreUnmatchedNulls: boolean;
}

/** ErrBadPatchType: an unknown `$patch` value. */
export const badPatchType = (t: unknown, m: JMap): PatchError => new PatchError(`unknown patch type: ${goSprint(t)} in map: ${goSprint(m)}`);

/** Merges `patch` into `original` (both mutated) and returns the result. */
export function mergeMap(original: JMap | null, patch: JMap, meta: PatchMeta, options: MergeOptions): JMap {
  if (Object.hasOwn(patch, DIRECTIVE)) {
    const directive = patch[DIRECTIVE];
    if (directive === REPLACE) {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (directive === DELETE) return {};
    throw badPatchType(directive, patch);
  }
  const orig: JMap = original ?? {};
  applyRetainKeysDirective(orig, patch, options);
  mergePatchIntoOriginal(orig, patch, meta, options);

  for (let k of Object.keys(patch)) {
    const patchV = patch[k];
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!options.mergeParallelList) {
        orig[k] = patchV;
        continue;
      }
      k = extractKey(k, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete orig[k];
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!Object.hasOwn(orig, k)) {
      if (!isDeleteList) setWithoutDirectives(orig, k, patchV, options);
      continue;
    }
    const ov = orig[k];
    const kind = kindOf(ov);
    if (kind !== kindOf(patchV) || (kind === 'number' && Number.isInteger(ov) !== Number.isInteger(patchV))) {
      if (!isDeleteList) setWithoutDirectives(orig, k, patchV, options);
      continue;
    }
    if (kind === 'map') {
      const f = meta.field(k);
      const [, strategy] = splitStrategies(f.strategies);
      orig[k] = strategy !== REPLACE ? mergeMap(ov as JMap, patchV as JMap, f.meta, options) : patchV;
    } else if (kind === 'slice') {
      const f = meta.field(k);
      const [, strategy] = splitStrategies(f.strategies);
      orig[k] =
        strategy === MERGE || isDeleteList
          ? mergeSlice(ov as unknown[], patchV as unknown[], f.meta, f.mergeKey, options, isDeleteList).merged
          : patchV;
    } else {
      const [v, keep] = removeDirectives(patchV);
      if (keep) orig[k] = v;
      else delete orig[k];
    }
  }
  return orig;
}

function setWithoutDirectives(orig: JMap, k: string, patchV: unknown, options: MergeOptions): void {
  if (options.ignoreUnmatchedNulls) discardNullValues(patchV);
  const [v, keep] = removeDirectives(patchV);
  if (keep) orig[k] = v;
  else delete orig[k];
}

// discardNullValuesFromPatch: drops null members of maps, recursively (list items stay).
function discardNullValues(v: unknown): void {
  if (isMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else discardNullValues(v[k]);
    }
  } else if (Array.isArray(v)) {
    for (const item of v) discardNullValues(item);
  }
}

/** removeDirectives: strips directive maps out of a value; [value, keep] (false: drop the field). */
export function removeDirectives(v: unknown): [unknown, boolean] {
  if (isMap(v)) {
    if (Object.hasOwn(v, DIRECTIVE)) return [null, false];
    for (const k of Object.keys(v)) {
      const [nv, keep] = removeDirectives(v[k]);
      if (keep) v[k] = nv;
      else delete v[k];
    }
    return [v, true];
  }
  if (Array.isArray(v)) {
    const res: unknown[] = [];
    for (const item of v) {
      const [nv, keep] = removeDirectives(item);
      if (keep) res.push(nv);
    }
    return [res, true];
  }
  return [v, true];
}

// extractKey: "$setElementOrder/containers" -> "containers".
function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) throw smpErrors.badPatchFormatForPrimitiveList();
    throw smpErrors.badPatchFormatForSetElementOrderList();
  }
  return s.slice(slash + 1);
}

// $retainKeys: clear keys of original not in the list; every patch key must be in the list.
function applyRetainKeysDirective(original: JMap, patch: JMap, options: MergeOptions): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retain = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!options.mergeParallelList) {
    if (Object.hasOwn(original, RETAIN_KEYS_DIRECTIVE)) {
      if (!deepEqual(original[RETAIN_KEYS_DIRECTIVE], retain)) {
        throw new PatchError(
          `${goSprint(original[RETAIN_KEYS_DIRECTIVE])} and ${goSprint(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        );
      }
    } else {
      original[RETAIN_KEYS_DIRECTIVE] = retain;
    }
    return;
  }
  if (!Array.isArray(retain)) throw smpErrors.badPatchFormatForRetainKeys();
  const keep = new Set<unknown>(retain);
  for (const k of Object.keys(patch)) {
    if (patch[k] === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw smpErrors.badPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

// $setElementOrder/<list>: merge the list now and order it: $setElementOrder first, then the
// patch list's order, then the live order for server-only items.
function mergePatchIntoOriginal(original: JMap, patch: JMap, meta: PatchMeta, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const orderV = patch[key];
    if (!options.mergeParallelList) {
      if (Object.hasOwn(original, key)) {
        if (!deepEqual(original[key], orderV)) throw smpErrors.badPatchFormatForSetElementOrderList();
      } else {
        original[key] = orderV;
      }
    }
    delete patch[key];
    if (!Array.isArray(orderV)) throw errBadArgType('slice', orderV);
    const listKey = extractKey(key, SET_ELEMENT_ORDER);
    const foundOriginal = Object.hasOwn(original, listKey);
    const foundPatch = Object.hasOwn(patch, listKey);
    const originalList = original[listKey];
    const patchList = patch[listKey];
    if (foundOriginal && !Array.isArray(originalList)) throw errBadArgType('slice', originalList);
    if (foundPatch && !Array.isArray(patchList)) throw errBadArgType('slice', patchList);
    const ol = (foundOriginal ? originalList : []) as unknown[];
    const pl = (foundPatch ? patchList : []) as unknown[];
    const f = meta.field(listKey);
    const [, strategy] = splitStrategies(f.strategies);
    validatePatchWithSetOrderList(pl, orderV, f.mergeKey);

    let merged: unknown[];
    // The live list as upstream still sees it: mergeSlice edits its Go backing array in place.
    let serverOrder = ol;
    if (foundOriginal && !foundPatch) merged = ol;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(pl)[0] as unknown[];
    else if (foundOriginal && foundPatch) {
      if (strategy === MERGE) ({ merged, originalView: serverOrder } = mergeSlice(ol, pl, f.meta, f.mergeKey, options, false));
      else merged = pl;
    } else continue;

    const [patchItems, serverOnly] = f.mergeKey === '' ? partitionPrimitives(merged, orderV) : partitionMaps(merged, orderV, f.mergeKey);
    const kind = sliceElementKind(ol, pl);
    original[listKey] = normalizeElementOrder(patchItems, serverOnly, orderV, serverOrder, f.mergeKey, kind);
    delete patch[listKey];
  }
}

// validatePatchWithSetOrderList: the patch list's items must appear in $setElementOrder, in order.
function validatePatchWithSetOrderList(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey === '' ? patchList : patchList.filter((v) => {
    if (!isMap(v)) throw errBadArgType('map', v);
    return v[DIRECTIVE] !== DELETE;
  });
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < order.length) {
    const item = nonDelete[p];
    if (isMap(item) && Object.hasOwn(item, DIRECTIVE)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, order[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= order.length) {
    throw new PatchError(
      `The order in patch list:\n${goSprint(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goSprint(order)}\n`,
    );
  }
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return left === right;
  if (!isMap(left)) throw errBadArgType('map', left);
  if (!isMap(right)) throw errBadArgType('map', right);
  if (!Object.hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!Object.hasOwn(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}
