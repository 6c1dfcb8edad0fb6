// Strategic-merge metadata lookup (the role of apimachinery's LookupPatchMeta): which lists
// merge by which key, which structs use retainKeys or replace, for a kind's field tree.

import { BUILTIN_KINDS, PATCH_TYPES, ROOT_OVERRIDES } from './patch-meta-data';

/** What the patch code knows about one field of a type. */
export interface FieldPatchMeta {
  /** patchStrategy split on ",": [] (replace lists / merge maps), ['merge'], ['retainKeys'], ... */
  readonly strategies: readonly string[];
  /** patchMergeKey: '' for none. */
  readonly mergeKey: string;
  /** The field's own type (for a list: its items' type). */
  readonly meta: PatchMeta;
}

/** The patch metadata of one type: look its fields up by JSON name. */
export interface PatchMeta {
  /** The type's name, for error messages ("cannot merge lists without merge key for ..."). */
  readonly name: string;
  /** Metadata of a field; unknown fields have no strategy (JSON-merge semantics). */
  field(name: string): FieldPatchMeta;
}

/** A table of types in the PATCH_TYPES format: type -> field -> 'strategies/mergeKey:Type'. */
export type PatchTypeTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

const NO_FIELDS: Readonly<Record<string, string>> = {};

/** Looks types up in one table, parsing and caching each type's field specs on first use. */
class TypeTable {
  private readonly metas = new Map<string, PatchMeta>();
  constructor(readonly table: PatchTypeTable) {}

  /** The metadata of a type ('' or an unknown name: a type with no tagged fields). */
  type(name: string): PatchMeta {
    let meta = this.metas.get(name);
    if (!meta) {
      meta = new TableMeta(name, this.table[name] ?? NO_FIELDS, this);
      this.metas.set(name, meta);
    }
    return meta;
  }
}

class TableMeta implements PatchMeta {
  private readonly parsed = new Map<string, FieldPatchMeta>();

  constructor(
    readonly name: string,
    private readonly fields: Readonly<Record<string, string>>,
    private readonly types: TypeTable,
    private readonly extra: Readonly<Record<string, string>> = NO_FIELDS,
  ) {}

  field(name: string): FieldPatchMeta {
    let f = this.parsed.get(name);
    if (!f) {
      const spec = Object.hasOwn(this.fields, name) ? this.fields[name] : Object.hasOwn(this.extra, name) ? this.extra[name] : '';
      f = parseSpec(spec, this.types);
      this.parsed.set(name, f);
    }
    return f;
  }
}

const builtins = new TypeTable(PATCH_TYPES);

/** A type with no tagged fields: every list is replaced, every map merged. */
export const EMPTY_PATCH_META: PatchMeta = builtins.type('');

/** The metadata of a built-in type by its PATCH_TYPES name (e.g. 'PodSpec'). */
export function patchMetaOfType(typeName: string): PatchMeta {
  return builtins.type(typeName);
}

/** Metadata for a custom type table (tests, or schemas that carry patch tags), rooted at `root`. */
export function patchMetaFromTable(table: PatchTypeTable, root: string): PatchMeta {
  return new TypeTable(table).type(root);
}

// 'merge,retainKeys/name:Volume' -> strategies, merge key, element/field type.
function parseSpec(spec: string, types: TypeTable): FieldPatchMeta {
  if (spec === '') return { strategies: [], mergeKey: '', meta: types.type('') };
  const colon = spec.indexOf(':');
  const head = colon >= 0 ? spec.slice(0, colon) : spec;
  const type = colon >= 0 ? spec.slice(colon + 1) : '';
  const slash = head.indexOf('/');
  const strategy = slash >= 0 ? head.slice(0, slash) : head;
  const mergeKey = slash >= 0 ? head.slice(slash + 1) : '';
  return {
    strategies: strategy === '' ? [] : strategy.split(','),
    mergeKey,
    meta: types.type(type),
  };
}

/** Whether kubectl and the apiserver patch this kind strategically (a built-in, registered kind). */
export function isStrategicKind(apiVersion: string, kind: string): boolean {
  const kinds = BUILTIN_KINDS[apiVersion];
  return kinds !== undefined && kinds.split(' ').includes(kind);
}

const rootCache = new Map<string, PatchMeta>();

/**
 * The patch metadata of a whole object of this kind. Built-in kinds get their tagged fields and
 * ObjectMeta's (ownerReferences by uid, finalizers merged); unknown kinds such as custom
 * resources get no metadata at all, so every list is replaced, as in a JSON merge patch.
 */
export function patchMetaFor(apiVersion: string, kind: string): PatchMeta {
  if (!isStrategicKind(apiVersion, kind)) return EMPTY_PATCH_META;
  const key = `${apiVersion} ${kind}`;
  let meta = rootCache.get(key);
  if (!meta) {
    const typeName = Object.hasOwn(ROOT_OVERRIDES, key) ? ROOT_OVERRIDES[key] : kind;
    meta = new TableMeta(kind, PATCH_TYPES[typeName] ?? NO_FIELDS, builtins, { metadata: ':ObjectMeta' });
    rootCache.set(key, meta);
  }
  return meta;
}
