// Table printing for custom resources (apiextensions-apiserver tableconvertor): NAME, the CRD's
// additionalPrinterColumns (simple `.a.b[0]` JSON paths), then AGE.

import type { KObject } from '../../api/types';
import { translateTimestampSince } from '../../util/human-duration';
import type { KindPrinter, TableColumnDefinition } from './types';

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

/** Reads a simple JSONPath (`.spec.replicas`, `.status.conditions[0].type`) from an object. */
export function simplePath(obj: unknown, path: string): unknown {
  const parts = path.replace(/^\{?\.?/, '').replace(/\}$/, '').split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');
  let cur: unknown = obj;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[Number(p)] : (cur as Record<string, unknown>)[p];
  }
  return cur;
}

export function customResourcePrinter(cols: PrinterColumn[]): KindPrinter {
  const columns: TableColumnDefinition[] = [
    { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names', priority: 0 },
    ...cols.map((c) => ({ name: c.name, type: (c.type as TableColumnDefinition['type']) ?? 'string', format: c.format ?? '', description: c.description ?? '', priority: c.priority ?? 0 })),
  ];
  const hasAge = cols.some((c) => c.jsonPath === '.metadata.creationTimestamp');
  if (!hasAge) columns.push({ name: 'Age', type: 'date', format: '', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', priority: 0 });
  return {
    columns,
    cells(o: KObject, now: number) {
      const cells: (string | number | boolean | null)[] = [o.metadata.name ?? ''];
      for (const c of cols) {
        const v = simplePath(o, c.jsonPath);
        if (c.type === 'date') cells.push(typeof v === 'string' ? translateTimestampSince(v, now) : '<unknown>');
        else cells.push(v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean));
      }
      if (!hasAge) cells.push(translateTimestampSince(o.metadata.creationTimestamp ?? undefined, now));
      return cells;
    },
  };
}
