// Test helpers for the ported strategicpatch tables: the MergeItem test schema, YAML loading,
// upstream's sortMergeListsByName, and canonical JSON for order-exact comparisons.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { patchMetaFromTable, type PatchMeta } from '../../../src/engine/patch/patch-meta';
import { deduplicateScalars, sortMapsByField, sortScalars } from '../../../src/engine/patch/strategic-order';

/** The MergeItem / RetainKeysMergeItem test structs of patch_test.go, as patch tags. */
export const mergeItemMeta: PatchMeta = patchMetaFromTable(
  {
    MergeItem: {
      mergingList: 'merge/name:MergeItem',
      nonMergingList: ':MergeItem',
      mergingIntList: 'merge',
      mergeItemPtr: 'merge/name:MergeItem',
      replacingItem: 'replace',
      retainKeysMap: 'retainKeys:RetainKeysMergeItem',
      retainKeysMergingList: 'merge,retainKeys/name:MergeItem',
    },
    RetainKeysMergeItem: { mergingIntList: 'merge', mergingList: 'merge/name:MergeItem', nonMergingList: ':MergeItem' },
  },
  'MergeItem',
);

/** Parses one of the testdata files. */
export function loadYaml(name: string): unknown {
  const path = fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
  return YAML.parse(readFileSync(path, 'utf8'));
}

/** YAML text to a JSON value (undefined stays undefined: the field was not given). */
export function y(text: string | undefined): unknown {
  return text === undefined ? undefined : (YAML.parse(text) ?? null);
}

/** JSON with sorted keys, as Go's json.Marshal writes maps: list order still matters. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => {
    if (val === null || typeof val !== 'object' || Array.isArray(val)) return val;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(val).sort()) out[k] = (val as Record<string, unknown>)[k];
    return out;
  });
}

/** Upstream's sortMergeListsByName: merge lists sorted by key, scalars deduplicated and sorted. */
export function sortMergeLists(v: unknown, meta: PatchMeta): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (k === '$retainKeys' || k.startsWith('$deleteFromPrimitiveList')) out[k] = sortScalars(val as unknown[]);
    else if (k.startsWith('$setElementOrder') || k === '$patch') out[k] = val;
    else if (Array.isArray(val)) {
      const f = meta.field(k);
      out[k] = f.strategies.includes('merge') ? sortMergeList(val, f.meta, f.mergeKey) : val;
    } else if (val !== null && typeof val === 'object') out[k] = sortMergeLists(val, meta.field(k).meta);
    else out[k] = val;
  }
  return out;
}

function sortMergeList(list: unknown[], meta: PatchMeta, mergeKey: string): unknown[] {
  if (list.length === 0) return list;
  if (list[0] === null || typeof list[0] !== 'object') return sortScalars(deduplicateScalars(list.slice()));
  return sortMapsByField(list.map((item) => sortMergeLists(item, meta)), mergeKey);
}
