// Strategic merge patch creation: the recursive diff of two objects (strategicpatch diffMaps,
// diffLists and friends), with the options the two-way and three-way builders use.

import { PatchError } from './errors';
import { byteCompare, deepEqual, goSprint, isMap, kindOf, type JMap } from './json-util';
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
import {
  deduplicateScalars,
  errBadArgType,
  errNoMergeKey,
  normalizeSliceOrder,
  sliceElementKind,
  sortMapsByField,
  sortScalars,
} from './strategic-order';

/** DiffOptions of upstream. */
export interface DiffOptions {
  /** Emit $setElementOrder lists. */
  setElementOrder?: boolean;
  /** Leave changes and additions out (the deletions half of a three-way patch). */
  ignoreChangesAndAdditions?: boolean;
  /** Leave deletions out (the changes half of a three-way patch). */
  ignoreDeletions?: boolean;
  /** Emit $retainKeys for this map (set from the field's retainKeys strategy). */
  buildRetainKeysDirective?: boolean;
}

/** The strategic patch that turns `original` into `modified`, under `options`. */
export function diffMaps(original: JMap, modified: JMap, meta: PatchMeta, options: DiffOptions): JMap {
  const patch: JMap = {};
  const retainKeys: string[] = [];
  for (const key of Object.keys(modified)) {
    const mv = modified[key];
    if (options.buildRetainKeysDirective && mv !== null) retainKeys.push(key);
    if (!Object.hasOwn(original, key)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (key === DIRECTIVE) {
      if (typeof ov !== 'string' || typeof mv !== 'string') throw new PatchError(`invalid value for special key: ${DIRECTIVE}`);
      if (ov !== mv) patch[DIRECTIVE] = mv;
      continue;
    }
    const kind = kindOf(ov);
    if (kind !== kindOf(mv) || (kind === 'number' && Number.isInteger(ov) !== Number.isInteger(mv))) {
      if (!options.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    if (kind === 'map') handleMapDiff(key, ov as JMap, mv as JMap, patch, meta, options);
    else if (kind === 'slice') handleSliceDiff(key, ov as unknown[], mv as unknown[], patch, meta, options);
    else if (!options.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) patch[key] = null;
  }
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS_DIRECTIVE] = sortScalars(retainKeys);
  }
  return patch;
}

function handleMapDiff(key: string, ov: JMap, mv: JMap, patch: JMap, meta: PatchMeta, options: DiffOptions): void {
  const f = meta.field(key);
  const [retainKeys, strategy] = splitStrategies(f.strategies);
  if (strategy === REPLACE) {
    if (!options.ignoreChangesAndAdditions) patch[key] = mv;
    return;
  }
  const sub = diffMaps(ov, mv, f.meta, { ...options, buildRetainKeysDirective: retainKeys });
  if (Object.keys(sub).length > 0) patch[key] = sub;
}

function handleSliceDiff(key: string, ov: unknown[], mv: unknown[], patch: JMap, meta: PatchMeta, options: DiffOptions): void {
  const f = meta.field(key);
  const [retainKeys, strategy] = splitStrategies(f.strategies);
  if (strategy !== MERGE) {
    if (!options.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
    return;
  }
  const [add, del, order] = diffLists(ov, mv, f.meta, f.mergeKey, { ...options, buildRetainKeysDirective: retainKeys });
  if (add.length > 0) patch[key] = add;
  if (del.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST}/${key}`] = del;
  if (order.length > 0) patch[`${SET_ELEMENT_ORDER}/${key}`] = order;
}

// diffLists: [patch list, deletion list (scalars), $setElementOrder list].
function diffLists(original: unknown[], modified: unknown[], meta: PatchMeta, mergeKey: string, options: DiffOptions): [unknown[], unknown[], unknown[]] {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = sliceElementKind(original, modified);
  if (kind === 'map') {
    const [changes, deletions] = diffListsOfMaps(original, modified, meta, mergeKey, options);
    const patchList = normalizeSliceOrder(changes, modified, mergeKey, kind).concat(deletions);
    const orderSame = isOrderSame(original, modified, mergeKey);
    let order: unknown[] = [];
    if (
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!options.ignoreDeletions && patchList.length > 0))
    ) {
      order = modified.map((v) => ({ [mergeKey]: (v as JMap)[mergeKey] }));
    }
    return [patchList, [], order];
  }
  const [add, del] = diffListsOfScalars(original, modified, options);
  const patchList = normalizeSliceOrder(add, modified, mergeKey, kind);
  const order =
    options.setElementOrder &&
    ((!options.ignoreDeletions && del.length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)))
      ? modified
      : [];
  return [patchList, del, order];
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  for (let i = 0; i < modified.length; i++) {
    const o = original[i];
    const m = modified[i];
    if (!isMap(o)) throw errBadArgType('map', o);
    if (!isMap(m)) throw errBadArgType('map', m);
    if (!Object.hasOwn(o, mergeKey)) throw errNoMergeKey(o, mergeKey);
    if (!Object.hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
    if (o[mergeKey] !== m[mergeKey]) return false;
  }
  return true;
}

// diffListsOfScalars: walk both lists sorted by %v string; returns [additions, deletions].
function diffListsOfScalars(original: unknown[], modified: unknown[], options: DiffOptions): [unknown[], unknown[]] {
  const os = sortScalars(original);
  const ms = sortScalars(modified);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const oIn = i < os.length;
    const mIn = j < ms.length;
    const oStr = oIn ? goSprint(os[i]) : '';
    const mStr = mIn ? goSprint(ms[j]) : '';
    if (oIn && mIn && oStr === mStr) {
      i++;
      j++;
    } else if (!oIn || (mIn && byteCompare(oStr, mStr) > 0)) {
      if (!options.ignoreChangesAndAdditions) add.push(ms[j]);
      j++;
    } else {
      if (!options.ignoreDeletions) del.push(os[i]);
      i++;
    }
  }
  return [add, deduplicateScalars(del)];
}

// diffListsOfMaps: walk both lists sorted by merge key; returns [changes/additions, deletions].
function diffListsOfMaps(original: unknown[], modified: unknown[], meta: PatchMeta, mergeKey: string, options: DiffOptions): [unknown[], unknown[]] {
  const os = sortMapsByField(original, mergeKey);
  const ms = sortMapsByField(modified, mergeKey);
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  const entry = (list: unknown[], idx: number): [JMap, unknown, string] => {
    const m = list[idx];
    if (!isMap(m)) throw errBadArgType('map', m);
    if (!Object.hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
    return [m, m[mergeKey], goSprint(m[mergeKey])];
  };
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const oIn = i < os.length;
    const mIn = j < ms.length;
    const [oElem, oVal, oStr] = oIn ? entry(os, i) : [{}, null, ''];
    const [mElem, mVal, mStr] = mIn ? entry(ms, j) : [{}, null, ''];
    if (oIn && mIn && oStr === mStr) {
      const sub = diffMaps(oElem, mElem, meta, options);
      if (Object.keys(sub).length > 0) {
        sub[mergeKey] = mVal;
        patch.push(sub);
      }
      i++;
      j++;
    } else if (!oIn || (mIn && byteCompare(oStr, mStr) > 0)) {
      if (!options.ignoreChangesAndAdditions) patch.push(mElem);
      j++;
    } else {
      if (!options.ignoreDeletions) deletions.push({ [mergeKey]: oVal, [DIRECTIVE]: DELETE });
      i++;
    }
  }
  return [patch, deletions];
}

// hasAdditionalNewField: original has a non-null key that modified lacks.
function hasAdditionalNewField(original: JMap, modified: JMap): boolean {
  for (const k of Object.keys(original)) if (original[k] !== null && !Object.hasOwn(modified, k)) return true;
  return false;
}
