// Building blocks shared by the kind printers: column constructors, AGE, container/image cells
// and label/selector formatting as printers.go (and apimachinery labels) render them.

import type { KObject } from '../../api/types';
import { translateTimestampSince } from '../../util/human-duration';
import type { TableColumnDefinition } from './types';
import { arr, obj, objs, str, strMap } from './fields';
import { META_CREATION_TIMESTAMP, META_NAME } from './descriptions';

type ColumnType = TableColumnDefinition['type'];

/** A column definition; priority 1 means `-o wide` only. */
export function col(
  name: string,
  type: ColumnType,
  description: string,
  priority = 0,
  format = '',
): TableColumnDefinition {
  return { name, type, format, description, priority };
}

/** The `Name` column every kind starts with (format `name`). */
export function nameCol(): TableColumnDefinition {
  return col('Name', 'string', META_NAME, 0, 'name');
}

/** The `Age` column (a string cell computed from creationTimestamp). */
export function ageCol(): TableColumnDefinition {
  return col('Age', 'string', META_CREATION_TIMESTAMP);
}

export const CONTAINERS_DESC = 'Names of each container in the template.';
export const IMAGES_DESC = 'Images referenced by each container in the template.';

/** metadata.name, or ''. */
export function nameOf(o: KObject): string {
  return str(obj(o.metadata).name);
}

/** The AGE cell: translateTimestampSince(metadata.creationTimestamp). */
export function ageOf(o: KObject, now: number): string {
  return translateTimestampSince(str(obj(o.metadata).creationTimestamp), now);
}

/** Whether metadata.deletionTimestamp is set. */
export function isDeleting(o: KObject): boolean {
  return str(obj(o.metadata).deletionTimestamp) !== '';
}

/** o.spec / o.status as plain objects. */
export function specOf(o: KObject): Record<string, unknown> {
  return obj(o.spec);
}
export function statusOf(o: KObject): Record<string, unknown> {
  return obj(o.status);
}

/** layoutContainerCells: container names and images, each joined by `,`. */
export function containerCells(podSpec: unknown): [string, string] {
  const cs = objs(obj(podSpec).containers);
  return [cs.map((c) => str(c.name)).join(','), cs.map((c) => str(c.image)).join(',')];
}

/** The pod spec inside a template (`spec.template.spec`). */
export function templateSpec(spec: Record<string, unknown>): Record<string, unknown> {
  return obj(obj(spec.template).spec);
}

/** labels.FormatLabels: `k=v` sorted by key and joined by `,`, or `<none>`. */
export function formatLabels(m: unknown): string {
  const labels = strMap(m);
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels[k]}`).join(',');
}

class SelectorError extends Error {}

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, `k=v`,
 * `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, joined by `,`. Empty and nil selectors give ''.
 * Throws SelectorError for what upstream rejects (unknown operator, missing/extra values).
 */
function selectorString(sel: unknown): string {
  if (sel === null || sel === undefined) return '';
  const s = obj(sel);
  const reqs: { key: string; text: string }[] = [];
  const matchLabels = strMap(s.matchLabels);
  for (const k of Object.keys(matchLabels)) reqs.push({ key: k, text: `${k}=${matchLabels[k]}` });
  for (const e of objs(s.matchExpressions)) {
    const key = str(e.key);
    const values = arr(e.values).map(str);
    const sorted = [...new Set(values)].sort();
    switch (str(e.operator)) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) throw new SelectorError('values required');
        reqs.push({ key, text: `${key} ${str(e.operator) === 'In' ? 'in' : 'notin'} (${sorted.join(',')})` });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) throw new SelectorError('values not allowed');
        reqs.push({ key, text: str(e.operator) === 'Exists' ? key : `!${key}` });
        break;
      default:
        throw new SelectorError('bad operator');
    }
  }
  // Stable sort by key, as labels.internalSelector sorts its requirements.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(sel: unknown): string {
  try {
    const s = selectorString(sel);
    return s === '' ? '<none>' : s;
  } catch (e) {
    if (e instanceof SelectorError) return '<error>';
    throw e;
  }
}

/** The deployment printer's selector cell: the plain string ('' when empty), `<invalid>` on error. */
export function selectorOrInvalid(sel: unknown): string {
  try {
    return selectorString(sel);
  } catch (e) {
    if (e instanceof SelectorError) return '<invalid>';
    throw e;
  }
}

/** printBoolPtr: `True` / `False`, or `<unset>` when nil. */
export function boolPtr(v: unknown): string {
  if (typeof v !== 'boolean') return '<unset>';
  return v ? 'True' : 'False';
}
