// Server-side printing: turns an object or a list into a meta.k8s.io/v1 Table with the kind's
// columns (registry/rest/table.go + the printers), including each row's object as
// PartialObjectMetadata (includeObject=Metadata, the default), the whole object, or nothing.

import type { ResourceType } from '../api/registry';
import type { KObject, ListMeta } from '../api/types';
import type { ReadContext } from './context';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableRow {
  cells: unknown[];
  object?: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ListMeta;
  columnDefinitions: unknown[];
  rows: TableRow[];
}

export function toTable(
  ctx: ReadContext,
  t: ResourceType,
  objects: KObject[],
  meta: ListMeta,
  include: IncludeObject = 'Metadata',
  noHeaders = false,
): Table {
  const printer = ctx.printerFor(t);
  const now = ctx.clock.now();
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: meta,
    columnDefinitions: noHeaders ? [] : printer.columns,
    rows: objects.map((o) => {
      const row: TableRow = { cells: printer.cells(o, now) };
      if (include === 'Object') row.object = o;
      else if (include === 'Metadata') {
        row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
      }
      return row;
    }),
  };
}
