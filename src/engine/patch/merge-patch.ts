// RFC 7386 JSON merge patch as evanphx/json-patch v4 implements it (apply and create), and the
// three-way JSON merge patch kubectl apply sends for kinds it has no strategic metadata for
// (apimachinery pkg/util/jsonmergepatch).

import { PatchError, badRequest, internal } from './errors';
import { deepClone, deepEqual, isMap, kindOf, type JMap } from './json-util';
import { hasConflicts, preconditionFailed, type PreconditionFn } from './conflicts';

// pruneNulls: drop null members of objects, recursively, also inside arrays (array nulls stay).
function pruneNulls(v: unknown): unknown {
  if (isMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else pruneNulls(v[k]);
    }
  } else if (Array.isArray(v)) {
    for (const item of v) if (item !== null) pruneNulls(item);
  }
  return v;
}

function mergeValue(cur: unknown, patch: unknown): unknown {
  if (!isMap(cur)) return pruneNulls(patch);
  if (!isMap(patch)) return patch;
  mergeDocs(cur, patch);
  return cur;
}

function mergeDocs(doc: JMap, patch: JMap): void {
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) {
      delete doc[k];
    } else if (!Object.hasOwn(doc, k) || doc[k] === null) {
      doc[k] = pruneNulls(v);
    } else {
      doc[k] = mergeValue(doc[k], v);
    }
  }
}

/**
 * Applies a JSON merge patch to a copy of `doc`. Like MergePatch v4: a patch that is a list
 * replaces the document (nulls pruned), a null or scalar patch is "Invalid JSON Patch" (400).
 */
export function applyMergePatch(doc: unknown, patch: unknown): unknown {
  if (doc === null) throw internal('Invalid JSON Document');
  if (patch === null || (!isMap(patch) && !Array.isArray(patch))) throw badRequest('Invalid JSON Patch');
  const p = deepClone(patch);
  if (Array.isArray(p)) return pruneNulls(p);
  if (!isMap(doc)) return pruneNulls(p);
  const d = deepClone(doc);
  mergeDocs(d, p);
  return d;
}

// getDiff of evanphx CreateMergePatch: changed or added keys, nested maps diffed, removed keys null.
function getDiff(a: JMap, b: JMap): JMap {
  const into: JMap = {};
  for (const key of Object.keys(b)) {
    const bv = b[key];
    if (!Object.hasOwn(a, key)) {
      into[key] = bv;
      continue;
    }
    const av = a[key];
    if (kindOf(av) !== kindOf(bv)) {
      into[key] = bv;
      continue;
    }
    if (isMap(av)) {
      const d = getDiff(av, bv as JMap);
      if (Object.keys(d).length > 0) into[key] = d;
    } else if (!deepEqual(av, bv)) {
      into[key] = bv;
    }
  }
  for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) into[key] = null;
  return into;
}

/**
 * The JSON merge patch turning `original` into `modified` (CreateMergePatch). Two lists of
 * objects give a list of per-item patches; mixing a list and an object is an error.
 */
export function createMergePatch(original: unknown, modified: unknown): unknown {
  const oa = Array.isArray(original);
  const ma = Array.isArray(modified);
  if (oa && ma) {
    const o = original as unknown[];
    const m = modified as unknown[];
    if (o.length !== m.length) throw internal('Invalid JSON Document');
    return o.map((item, i) => createMergePatch(item, m[i]));
  }
  if (oa || ma) throw internal('Mismatched JSON Documents');
  if (!isMap(original) || !isMap(modified)) throw internal('Invalid JSON Document');
  return deepClone(getDiff(original, modified));
}

// keepOrDeleteNullInObj: keepNull keeps only the deletions (nulls); otherwise only the rest.
function keepOrDeleteNull(m: JMap, keepNull: boolean): JMap {
  const out: JMap = {};
  for (const key of Object.keys(m)) {
    const val = m[key];
    if (val === null) {
      if (keepNull) out[key] = null;
      continue;
    }
    if (isMap(val)) {
      if (Object.keys(val).length === 0) {
        if (!keepNull) out[key] = val;
        continue;
      }
      const sub = keepOrDeleteNull(val, keepNull);
      if (Object.keys(sub).length !== 0) out[key] = sub;
    } else if (!keepNull) {
      out[key] = val;
    }
  }
  return out;
}

/**
 * kubectl apply's patch for kinds without strategic metadata (CRDs): additions and changes from
 * current to modified, plus deletions from original (last-applied) to modified. An empty object
 * means "unchanged". Throws PatchError kind 'conflict' / 'precondition' like upstream.
 */
export function createThreeWayJsonMergePatch(
  original: JMap | null,
  modified: JMap | null,
  current: JMap | null,
  preconditions: readonly PreconditionFn[] = [],
): JMap {
  const o = original ?? {};
  const m = modified ?? {};
  const c = current ?? {};
  const addAndChange = keepOrDeleteNull(getDiff(c, m), false);
  const deletions = keepOrDeleteNull(getDiff(o, m), true);
  if (hasConflicts(addAndChange, deletions)) {
    throw new PatchError(
      `patch:\n${JSON.stringify(addAndChange)}\nconflicts with changes made from original to current:\n${JSON.stringify(deletions)}\n`,
      { kind: 'conflict', code: 409, reason: 'Conflict' },
    );
  }
  const patch = applyMergePatchKeepingNulls(deletions, addAndChange);
  for (const fn of preconditions) if (!fn(patch)) throw preconditionFailed(patch);
  return patch;
}

// MergePatch(deletePatch, addAndChangePatch): the merged document keeps the deletion nulls.
function applyMergePatchKeepingNulls(doc: JMap, patch: JMap): JMap {
  const d = deepClone(doc);
  mergeDocs(d, deepClone(patch));
  return d;
}
