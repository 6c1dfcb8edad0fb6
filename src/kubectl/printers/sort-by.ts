// kubectl's --sort-by (kubectl pkg/cmd/get/sorter.go): order objects (or table rows) by the
// first value a relaxed JSONPath finds in each, with upstream's comparison rules and sort.
import type { JsonPath, NumberMode } from '../jsonpath/index';
import { JsonPathError, parseJsonPath, relaxedJsonPath } from '../jsonpath/index';
import { goQuote } from '../../engine/codec/go-quote';
import { goSort } from '../jsonpath/go-sort';
import { compareRational, quantityValue } from '../jsonpath/quantity-cmp';
import { compareGoStrings, kindOf } from '../jsonpath/values';

/**
 * A --sort-by failure; `message` is upstream's. `fatal` marks the errors kubectl reports
 * through klog.Exitf/Fatalf (a klog-prefixed line on stderr and exit 1) instead of `error: `.
 */
export class SortByError extends Error {
  constructor(
    message: string,
    readonly fatal = false,
  ) {
    super(message);
    this.name = 'SortByError';
  }
}

/** Options of a sort. */
export interface SortByOptions {
  /** How the objects' numbers were decoded; default 'unstructured' (objects from the server). */
  numberMode?: NumberMode;
}

/** Why isLess could not compare two values (upstream's error text). */
class UnsortableError extends Error {}

/** Go's `%T` of a value held in an interface{}. */
function goDynamicType(v: unknown, mode: NumberMode): string {
  const kind = kindOf(v, mode);
  if (kind === 'map') return 'map[string]interface {}';
  if (kind === 'slice') return '[]interface {}';
  return kind;
}

/**
 * Upstream's isLess for two values found in unstructured objects (reflect kind Interface):
 * nil first; int64, float64 and strings compare within their own type only; two strings that
 * are both quantities compare as quantities (`500m` < `2`); anything else is unsortable.
 */
export function isLess(a: unknown, b: unknown, mode: NumberMode = 'unstructured'): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  const ka = kindOf(a, mode);
  const kb = kindOf(b, mode);
  switch (ka) {
    case 'int64':
    case 'float64':
      if (kb === ka) return (a as number) < (b as number);
      break;
    case 'string': {
      if (kb !== 'string') break;
      const qa = quantityValue(a as string);
      const qb = qa && quantityValue(b as string);
      if (qa && qb) return compareRational(qa, qb) < 0;
      return compareGoStrings(a as string, b as string) < 0;
    }
    default:
      throw new UnsortableError(`unsortable type: ${goDynamicType(a, mode)}`);
  }
  throw new UnsortableError('unsortable interface: interface');
}

/** Parses the --sort-by field as kubectl does for lists. */
function parseField(field: string): { path: JsonPath; template: string } {
  let template: string;
  try {
    template = relaxedJsonPath(field);
    return { path: parseJsonPath(template), template };
  } catch (e) {
    if (e instanceof JsonPathError) throw new SortByError(e.message);
    throw e;
  }
}

/** The first value the field finds in an object, or undefined (upstream's iValues[0][0]). */
function firstValue(path: JsonPath, obj: unknown, mode: NumberMode, onError: (e: JsonPathError) => never): unknown {
  try {
    const groups = path.findResults(obj, { allowMissingKeys: true, numberMode: mode });
    return groups.length === 0 || groups[0].length === 0 ? undefined : groups[0][0];
  } catch (e) {
    if (e instanceof JsonPathError) onError(e);
    throw e;
  }
}

/**
 * Sorts values with Go's (unstable) sort.Sort and upstream's Less: an item without the
 * field is "less" than anything, so such items gather at the front.
 */
function sortByValues<T>(items: T[], values: unknown[], describeType: string, template: string, mode: NumberMode): T[] {
  const order = items.map((_, i) => i);
  goSort(
    {
      less: (i, j) => {
        const a = values[order[i]];
        const b = values[order[j]];
        if (a === undefined) return true;
        if (b === undefined) return false;
        try {
          return isLess(a, b, mode);
        } catch (e) {
          if (!(e instanceof UnsortableError)) throw e;
          const msg = `Field ${template} in ${describeType} is an unsortable type: interface, err: ${e.message}`;
          throw new SortByError(msg, true);
        }
      },
      swap: (i, j) => {
        [order[i], order[j]] = [order[j], order[i]];
      },
    },
    items.length,
  );
  return order.map((i) => items[i]);
}

/**
 * kubectl's SortObjects for `--sort-by=FIELD` on list output (-o json/yaml/name/custom-columns):
 * returns a new array in upstream's order. Throws SortByError with kubectl's message, e.g.
 * `couldn't find any field with path "{.foo}" in the list of objects`.
 */
export function sortObjects<T>(objs: T[], field: string, getObject: (t: T) => unknown, opts: SortByOptions = {}): T[] {
  if (objs.length === 0) return [];
  const mode = opts.numberMode ?? 'unstructured';
  const { path, template } = parseField(field);
  const fail = (e: JsonPathError): never => {
    throw new SortByError(e.message);
  };
  // Upstream stops at the first object that has the field; later ones are read while sorting.
  let foundOnce = false;
  for (const obj of objs) {
    if (firstValue(path, getObject(obj), mode, fail) !== undefined) {
      foundOnce = true;
      break;
    }
  }
  if (!foundOnce) {
    throw new SortByError(`couldn't find any field with path ${goQuote(template)} in the list of objects`);
  }
  const values = objs.map((o) =>
    firstValue(path, getObject(o), mode, (e) => {
      throw new SortByError(`Failed to get values using ${template} (${e.message})`, true);
    }),
  );
  return sortByValues(objs, values, '*unstructured.Unstructured', template, mode);
}

/**
 * kubectl's TableSorter for `--sort-by` on table output (`kubectl get` without -o): rows are
 * sorted by their embedded objects, only when there are 2 rows or more. A field that is not a
 * relaxed path is used as given; parse errors read `sorting error: ...`.
 */
export function sortTableRows<T>(rows: T[], field: string, getObject: (t: T) => unknown, opts: SortByOptions = {}): T[] {
  if (rows.length <= 1) return rows.slice();
  const mode = opts.numberMode ?? 'unstructured';
  let template: string;
  try {
    template = relaxedJsonPath(field);
  } catch {
    template = field;
  }
  let path: JsonPath;
  try {
    path = parseJsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathError) throw new SortByError(`sorting error: ${e.message}`);
    throw e;
  }
  const values = rows.map((r) =>
    firstValue(path, getObject(r), mode, (e) => {
      throw new SortByError(`Failed to get values for [][]reflect.Value(nil) using ${template} (${e.message})`);
    }),
  );
  if (!values.some((v) => v !== undefined)) {
    throw new SortByError(`couldn't find any field with path ${goQuote(template)} in the list of objects`);
  }
  return sortByValues(rows, values, '[][][]reflect.Value', template, mode);
}
