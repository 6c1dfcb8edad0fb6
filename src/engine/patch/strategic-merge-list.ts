// Merging a list with merge strategy (strategicpatch mergeSlice). Upstream edits the live list's
// Go backing array in place (deleting shifts items left, appending writes past the length when
// capacity allows), and its caller then orders items by that edited array; we model the array
// so the resulting order matches upstream's exactly.

import { PatchError } from './errors';
import type { JMap } from './json-util';
import type { PatchMeta } from './patch-meta';
import { DELETE, DIRECTIVE, MERGE, REPLACE } from './strategic-common';
import { badPatchType, mergeMap, type MergeOptions } from './strategic-merge';
import { deduplicateScalars, errNoMergeKey, normalizeElementOrder, partitionMaps, partitionPrimitives, sliceElementKind } from './strategic-order';

/** The merged list, and the caller's original list as its (shared) backing array now reads. */
export interface SliceMergeResult {
  merged: unknown[];
  originalView: unknown[];
}

// Capacity of a JSON-decoded list of n items: decoding appends one by one, and Go's append
// doubles 16-byte interface slices (size classes are powers of two up to 512 items).
function decodedCap(n: number): number {
  let c = 1;
  while (c < n) c = c < 256 ? c * 2 : c + ((c + 768) >> 2);
  return n === 0 ? 0 : c;
}

/** A Go slice header over a shared backing array. */
interface GoSlice {
  arr: unknown[];
  len: number;
}

function append(s: GoSlice, v: unknown): void {
  if (s.len >= s.arr.length) {
    const grown = s.arr.slice(0, s.len);
    grown.length = decodedCap(s.len + 1);
    s.arr = grown;
  }
  s.arr[s.len++] = v;
}

/** mergeSlice: merges a patch list into a list with merge strategy (or applies a deletion list). */
export function mergeSlice(
  original: unknown[],
  patch: unknown[],
  meta: PatchMeta,
  mergeKey: string,
  options: MergeOptions,
  isDeleteList: boolean,
): SliceMergeResult {
  if (original.length === 0 && patch.length === 0) return { merged: original, originalView: original };
  const kind = sliceElementKind(original, patch);
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) {
      const del = new Set(patch);
      return { merged: original.filter((v) => !del.has(v)), originalView: original };
    }
    const merged = deduplicateScalars(original.concat(patch));
    const [p, s] = partitionPrimitives(merged, patch);
    return { merged: normalizeElementOrder(p, s, patch, original, mergeKey, kind), originalView: original };
  }
  if (mergeKey === '') throw new PatchError(`cannot merge lists without merge key for ${meta.name === '' ? 'Struct' : meta.name}`);

  const backing = original.slice();
  backing.length = decodedCap(original.length);
  let cur: GoSlice = { arr: backing, len: original.length };
  let plain: unknown[] = [];
  let replace = false;
  for (const v of patch) {
    const m = v as JMap;
    if (!Object.hasOwn(m, DIRECTIVE)) {
      plain.push(v);
      continue;
    }
    const directive = m[DIRECTIVE];
    if (directive === DELETE) {
      if (!Object.hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
      deleteMatching(cur, mergeKey, m[mergeKey]);
    } else if (directive === REPLACE) {
      replace = true;
    } else if (directive === MERGE) {
      throw new PatchError('merging lists cannot yet be specified in the patch');
    } else {
      throw badPatchType(directive, m);
    }
  }
  if (replace) {
    // The patch's own items become the list: a fresh array, no longer the caller's.
    const fresh = plain.slice();
    fresh.length = decodedCap(plain.length);
    cur = { arr: fresh, len: plain.length };
    plain = [];
  }
  const afterDelete = cur.arr.slice(0, cur.len);
  mergeItems(cur, plain, mergeKey, meta, options);
  const merged = cur.arr.slice(0, cur.len);
  const [p, s] = partitionMaps(merged, plain, mergeKey);
  return {
    merged: normalizeElementOrder(p, s, plain, afterDelete, mergeKey, kind),
    originalView: backing.slice(0, original.length),
  };
}

// deleteMatchingEntries: remove each item whose merge key equals the value, shifting the rest left.
function deleteMatching(s: GoSlice, mergeKey: string, value: unknown): void {
  for (;;) {
    let k = -1;
    for (let i = 0; i < s.len; i++) {
      const item = s.arr[i] as JMap;
      if (Object.hasOwn(item, mergeKey) && item[mergeKey] === value) {
        k = i;
        break;
      }
    }
    if (k < 0) return;
    for (let i = k; i < s.len - 1; i++) s.arr[i] = s.arr[i + 1];
    s.len--;
  }
}

// mergeSliceWithoutSpecialElements: merge into the first item with the same key, else append.
function mergeItems(s: GoSlice, patch: unknown[], mergeKey: string, meta: PatchMeta, options: MergeOptions): void {
  const pos = new Map<unknown, number>();
  for (let i = 0; i < s.len; i++) {
    const m = s.arr[i] as JMap;
    if (Object.hasOwn(m, mergeKey) && !pos.has(m[mergeKey])) pos.set(m[mergeKey], i);
  }
  for (const v of patch) {
    const m = v as JMap;
    if (!Object.hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
    const idx = pos.get(m[mergeKey]);
    if (idx !== undefined) {
      s.arr[idx] = mergeMap(s.arr[idx] as JMap, m, meta, options);
    } else {
      pos.set(m[mergeKey], s.len);
      append(s, v);
    }
  }
}
