// Human-readable output of `kubectl get`: a server-side Table laid out with kubectl's tabwriter,
// with upstream's decorations (-o wide columns, NAMESPACE for -A, `kind/` name prefixes for
// several kinds, --show-labels, -L columns, --no-headers). cli-runtime printers/tableprinter.go.

import type { Table } from '../../engine/apiserver/table';
import { formatLabels } from '../../engine/api/labels';

export interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  /** Prefix names with `kind[.group]/`. */
  kindPrefix?: string;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
}

interface ColumnDef {
  name: string;
  priority: number;
}

interface RowObject {
  metadata?: { namespace?: string; labels?: Record<string, string> };
}

/** The header row and the data rows of one table, as arrays of cells (tab-joined later). */
export function tableLines(table: Table, o: TableOptions): { header: string[]; rows: string[][] } {
  const cols = table.columnDefinitions as ColumnDef[];
  const shown = cols.map((c, i) => ({ c, i })).filter(({ c }) => o.wide || c.priority === 0);
  const header: string[] = [];
  if (o.withNamespace) header.push('NAMESPACE');
  for (const { c } of shown) header.push(c.name.toUpperCase());
  for (const l of o.labelColumns) header.push(labelHeader(l));
  if (o.showLabels) header.push('LABELS');
  const rows = table.rows.map((r) => {
    const obj = (r.object ?? {}) as RowObject;
    const cells: string[] = [];
    if (o.withNamespace) cells.push(obj.metadata?.namespace ?? '');
    for (const { i } of shown) {
      let v = cellText(r.cells[i]);
      if (i === 0 && o.kindPrefix) v = `${o.kindPrefix}/${v}`;
      cells.push(v);
    }
    for (const l of o.labelColumns) cells.push(obj.metadata?.labels?.[l] ?? '');
    if (o.showLabels) cells.push(formatLabels(obj.metadata?.labels ?? {}));
    return cells;
  });
  return { header, rows };
}

/** `-L app.kubernetes.io/name` heads its column `NAME`: the upper-cased last path segment. */
export function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1].toUpperCase();
}

/** fmt.Fprint of a cell value decoded from JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
