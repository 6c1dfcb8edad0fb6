// Ordering helpers of strategic merge patch: Go's sort algorithms reproduced (so lists come out
// in exactly upstream's order), scalar dedup/sort, and the "patch order, then live order" merge
// that $setElementOrder and merged lists use (strategicpatch normalizeElementOrder & co).

import { PatchError, smpErrors } from './errors';
import { byteCompare, goSprint, goTypeName, isMap, kindOf, type JMap, type JsonKind } from './json-util';

/** ErrNoMergeKey: "map: map[...] does not contain declared merge key: name". */
export function errNoMergeKey(m: unknown, key: string): PatchError {
  return new PatchError(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);
}

/** ErrBadArgType(expected, actual): "expected a map[string]interface {}, but received a ...". */
export function errBadArgType(expected: 'map' | 'slice', actual: unknown): PatchError {
  const e = expected === 'map' ? 'map[string]interface {}' : '[]interface {}';
  return new PatchError(`expected a ${e}, but received a ${goTypeName(actual)}`);
}

// Go's sort.SliceStable (insertion sort on blocks of 20, then SymMerge), so that even an
// inconsistent `less` gives upstream's order. `less` receives the items, not indices.
export function goStableSort<T>(data: T[], less: (a: T, b: T) => boolean): void {
  const n = data.length;
  const swap = (i: number, j: number): void => {
    const t = data[i];
    data[i] = data[j];
    data[j] = t;
  };
  const lessAt = (i: number, j: number): boolean => less(data[i], data[j]);
  const insertion = (a: number, b: number): void => {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && lessAt(j, j - 1); j--) swap(j, j - 1);
  };
  const swapRange = (a: number, b: number, k: number): void => {
    for (let i = 0; i < k; i++) swap(a + i, b + i);
  };
  const rotate = (a: number, m: number, b: number): void => {
    let i = m - a;
    let j = b - m;
    while (i !== j) {
      if (i > j) {
        swapRange(m - i, m, j);
        i -= j;
      } else {
        swapRange(m - i, m + j - i, i);
        j -= i;
      }
    }
    swapRange(m - i, m, i);
  };
  const symMerge = (a: number, m: number, b: number): void => {
    if (m - a === 1) {
      let i = m;
      let j = b;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (lessAt(h, a)) i = h + 1;
        else j = h;
      }
      for (let k = a; k < i - 1; k++) swap(k, k + 1);
      return;
    }
    if (b - m === 1) {
      let i = a;
      let j = m;
      while (i < j) {
        const h = (i + j) >>> 1;
        if (!lessAt(m, h)) i = h + 1;
        else j = h;
      }
      for (let k = m; k > i; k--) swap(k, k - 1);
      return;
    }
    const mid = (a + b) >>> 1;
    const nn = mid + m;
    let start: number;
    let r: number;
    if (m > mid) {
      start = nn - b;
      r = mid;
    } else {
      start = a;
      r = m;
    }
    const p = nn - 1;
    while (start < r) {
      const c = (start + r) >>> 1;
      if (!lessAt(p - c, c)) start = c + 1;
      else r = c;
    }
    const end = nn - start;
    if (start < m && m < end) rotate(start, m, end);
    if (a < start && start < mid) symMerge(a, start, mid);
    if (mid < end && end < b) symMerge(mid, end, b);
  };
  let blockSize = 20;
  let a = 0;
  let b = blockSize;
  while (b <= n) {
    insertion(a, b);
    a = b;
    b += blockSize;
  }
  insertion(a, n);
  while (blockSize < n) {
    a = 0;
    b = 2 * blockSize;
    while (b <= n) {
      symMerge(a, a + blockSize, b);
      a = b;
      b += 2 * blockSize;
    }
    const m = a + blockSize;
    if (m < n) symMerge(a, m, n);
    blockSize *= 2;
  }
}

// sort.Sort with Less = "a <= b" on the %v strings. Its insertion sort moves an item past equal
// ones, so runs of equal keys come out reversed; we sort stably and reverse those runs.
function sortByString<T>(items: T[], str: (v: T) => string): T[] {
  const keyed = items.map((v) => ({ v, k: str(v) }));
  keyed.sort((x, y) => byteCompare(x.k, y.k));
  const out: T[] = [];
  for (let i = 0; i < keyed.length; ) {
    let j = i + 1;
    while (j < keyed.length && keyed[j].k === keyed[i].k) j++;
    for (let k = j - 1; k >= i; k--) out.push(keyed[k].v);
    i = j;
  }
  return out;
}

/** sortScalars: by Go %v string. */
export function sortScalars(s: unknown[]): unknown[] {
  return sortByString(s, goSprint);
}

/** sortMapsBasedOnField: maps by the %v string of one field. */
export function sortMapsByField(s: unknown[], field: string): unknown[] {
  return sortByString(s, (m) => goSprint((m as JMap)[field]));
}

/** deduplicateScalars, including its swap-with-last order; linear when there are no duplicates. */
export function deduplicateScalars(s: unknown[]): unknown[] {
  if (new Set(s).size === s.length) return s;
  s = s.slice();
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s = s.slice(0, length);
        length--;
        j--;
      }
    }
  }
  return s;
}

/** The element kind shared by all given lists; throws on mixed kinds, lists of lists, no items. */
export function sliceElementKind(...slices: unknown[][]): JsonKind {
  let prev: JsonKind | null = null;
  let prevInt = false;
  for (const s of slices) {
    for (const v of s) {
      const k = kindOf(v);
      // Whole numbers decode as int64 and others as float64: different Go types.
      const isInt = k === 'number' && Number.isInteger(v);
      if (prev === null) {
        if (k === 'slice') throw smpErrors.noListOfLists();
      } else if (prev !== k || (k === 'number' && prevInt !== isInt)) {
        throw new PatchError(`list element types are not identical: ${goSprint(slices)}`);
      }
      prev = k;
      prevInt = isInt;
    }
  }
  if (prev === null) throw new PatchError('no elements in any of the given slices');
  return prev;
}

/** A lookup of an item's position in `order` by merge key (maps) or value (scalars); -1 if absent. */
export function indexer(order: unknown[], mergeKey: string, kind: JsonKind): (item: unknown) => number {
  const val = (item: unknown): unknown => (kind === 'map' ? (isMap(item) ? item[mergeKey] : null) : item);
  const pos = new Map<unknown, number>();
  order.forEach((v, i) => {
    const k = val(v) ?? null;
    if (!pos.has(k)) pos.set(k, i);
  });
  return (item) => pos.get(val(item) ?? null) ?? -1;
}

// validateMergeKeyInLists: every item is a map carrying the merge key.
function validateMergeKeyInLists(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isMap(item)) throw errBadArgType('map', item);
      if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** normalizeSliceOrder: sort `toSort` by position in `order`; `$patch: delete` items go last. */
export function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: JsonKind): unknown[] {
  let keep = toSort;
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order);
    keep = [];
    for (const v of toSort) ((v as JMap)['$patch'] === 'delete' ? toDelete : keep).push(v);
  } else {
    keep = toSort.slice();
  }
  const idx = indexer(order, mergeKey, kind);
  goStableSort(keep, (a, b) => {
    const ia = idx(a);
    if (ia >= 0) {
      const ib = idx(b);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return keep.concat(toDelete);
}

// mergeSortedSlice: insert server-only items (left) among patch items (right) by live order.
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, kind: JsonKind): unknown[] {
  const idx = indexer(serverOrder, mergeKey, kind);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = idx(left[i]);
      const ri = idx(right[j]);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** normalizeElementOrder: patch items in patch order, server-only items in live order, merged. */
export function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: JsonKind,
): unknown[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

/** Splits items into those present in `by` (by value) and the rest. */
export function partitionPrimitives(items: unknown[], by: unknown[]): [unknown[], unknown[]] {
  const inPatch = new Set(by);
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of items) (inPatch.has(v) ? patch : serverOnly).push(v);
  return [patch, serverOnly];
}

/** Splits maps into those whose merge key value appears in `by` and the rest. */
export function partitionMaps(items: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const find = mapFinder(by, mergeKey);
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of items) {
    if (!isMap(v)) throw errBadArgType('map', v);
    if (!Object.hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    (find(v[mergeKey]) >= 0 ? patch : serverOnly).push(v);
  }
  return [patch, serverOnly];
}

/**
 * findMapInSliceBasedOnKeyValue as an index: the position of the first map whose `key` equals the
 * value, -1 when absent; a non-map met before the match is upstream's "is not a map" error.
 */
export function mapFinder(list: unknown[], key: string): (value: unknown) => number {
  const pos = new Map<unknown, number>();
  let firstNonMap = -1;
  list.forEach((v, i) => {
    if (!isMap(v)) {
      if (firstNonMap < 0) firstNonMap = i;
      return;
    }
    if (Object.hasOwn(v, key) && !pos.has(v[key])) pos.set(v[key], i);
  });
  return (value) => {
    const i = pos.get(value) ?? -1;
    if (firstNonMap >= 0 && (i < 0 || i > firstNonMap)) throw new PatchError(`value for key ${firstNonMap} is not a map`);
    return i;
  };
}
