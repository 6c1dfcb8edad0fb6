// Conflict check between two strategic patches (strategicpatch MergingMapsHaveConflicts), used
// by the three-way patch when overwrite is off.

import { PatchError } from './errors';
import { deepEqual, goSprint, isMap, type JMap } from './json-util';
import type { PatchMeta } from './patch-meta';
import { DIRECTIVE, MERGE, REPLACE, RETAIN_KEYS_DIRECTIVE, splitStrategies } from './strategic-common';
import { deduplicateScalars, sliceElementKind, sortScalars } from './strategic-order';

/** True when `left` and `right` set a common key differently, with strategic list semantics. */
export function mergingMapsHaveConflicts(left: JMap, right: JMap, meta: PatchMeta): boolean {
  return fieldsHaveConflicts(left, right, meta, '', '');
}

function fieldsHaveConflicts(left: unknown, right: unknown, meta: PatchMeta, strategy: string, mergeKey: string): boolean {
  if (isMap(left)) {
    if (!isMap(right)) return true;
    const lOk = Object.hasOwn(left, DIRECTIVE);
    const rOk = Object.hasOwn(right, DIRECTIVE);
    if ((lOk || rOk) && (lOk !== rOk || left[DIRECTIVE] !== right[DIRECTIVE])) return true;
    if (strategy === REPLACE) return false;
    return mapsHaveConflicts(left, right, meta);
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true;
    return slicesHaveConflicts(left, right, meta, strategy, mergeKey);
  }
  return !deepEqual(left, right);
}

function mapsHaveConflicts(left: JMap, right: JMap, meta: PatchMeta): boolean {
  for (const key of Object.keys(left)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS_DIRECTIVE || !Object.hasOwn(right, key)) continue;
    const lv = left[key];
    let sub = meta;
    let strategy = '';
    let mergeKey = '';
    if (isMap(lv) || Array.isArray(lv)) {
      const f = meta.field(key);
      sub = f.meta;
      strategy = splitStrategies(f.strategies)[1];
      mergeKey = f.mergeKey;
    }
    if (fieldsHaveConflicts(lv, right[key], sub, strategy, mergeKey)) return true;
  }
  return false;
}

function slicesHaveConflicts(left: unknown[], right: unknown[], meta: PatchMeta, strategy: string, mergeKey: string): boolean {
  const kind = sliceElementKind(left, right);
  if (strategy === MERGE) {
    if (kind !== 'map') return false;
    const lm = byMergeKey(left, mergeKey);
    const rm = byMergeKey(right, mergeKey);
    for (const [k, lv] of lm) {
      if (rm.has(k) && fieldsHaveConflicts(lv, rm.get(k), meta, '', '')) return true;
    }
    return false;
  }
  if (left.length !== right.length) return true;
  let l = left;
  let r = right;
  if (kind !== 'map') {
    l = sortScalars(deduplicateScalars(left));
    r = sortScalars(deduplicateScalars(right));
  }
  for (let i = 0; i < l.length; i++) if (fieldsHaveConflicts(l[i], r[i], meta, '', '')) return true;
  return false;
}

function byMergeKey(list: unknown[], mergeKey: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const v of list) {
    if (!isMap(v)) throw new PatchError(`invalid element type in merging list:${goSprint(list)}`);
    if (!Object.hasOwn(v, mergeKey)) throw new PatchError(`cannot find merge key \`${mergeKey}\` in merging list element:${goSprint(v)}`);
    out.set(goSprint(v[mergeKey]), v);
  }
  return out;
}
