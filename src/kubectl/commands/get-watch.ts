// `kubectl get -w`: prints the listed table, then one row per watch event, with the column
// widths remembered from the first table (liggitt/tabwriter RememberWidths), until interrupted.

import type { Table } from '../../engine/apiserver/table';
import type { WatchHandle } from '../../engine/apiserver/request';
import { TABLE_ACCEPT } from '../api';
import type { Ctx } from '../context';
import { kindPrefix, type Mapping } from '../discovery';
import { tableWriter } from '../printers/tabwriter';
import { tableLines } from '../printers/table';

export interface WatchOptions {
  wide: boolean;
  withNamespace: boolean;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
  watchOnly: boolean;
  selector?: string;
}

export async function watchTables(ctx: Ctx, lists: { mapping: Mapping; table: Table; listRV?: string; name?: string }[], o: WatchOptions): Promise<number> {
  const withKind = new Set(lists.map((l) => l.mapping)).size > 1;
  const w = tableWriter();
  let headerPrinted = false;
  const opts = (m: Mapping) => ({
    wide: o.wide,
    withNamespace: o.withNamespace && m.namespaced,
    kindPrefix: withKind ? kindPrefix(m) : undefined,
    showLabels: o.showLabels,
    labelColumns: o.labelColumns,
    noHeaders: o.noHeaders,
  });
  const printRows = (m: Mapping, table: Table) => {
    const { header, rows } = tableLines(table, opts(m));
    if (!headerPrinted && !o.noHeaders && rows.length > 0) {
      w.write(header.join('\t') + '\n');
      headerPrinted = true;
    }
    for (const r of rows) w.write(r.join('\t') + '\n');
    ctx.out(w.flush());
  };
  let columns: Table['columnDefinitions'] = [];
  for (const l of lists) {
    columns = l.table.columnDefinitions;
    if (!o.watchOnly) printRows(l.mapping, l.table);
  }
  const handles: WatchHandle[] = [];
  for (const l of lists) {
    const ns = l.mapping.namespaced && !o.withNamespace ? ctx.namespace : undefined;
    const q: Record<string, string | undefined> = { resourceVersion: o.watchOnly ? undefined : l.listRV };
    if (o.selector) q.labelSelector = o.selector;
    if (l.name) q.fieldSelector = `metadata.name=${l.name}`;
    const cols = l.table.columnDefinitions.length ? l.table.columnDefinitions : columns;
    handles.push(
      await ctx.api.watch(
        l.mapping,
        ns,
        q,
        {
          onEvent: (e) => {
            const t = e.object as unknown as Table;
            if (!t || !Array.isArray(t.rows)) return;
            printRows(l.mapping, { ...t, columnDefinitions: cols });
          },
        },
        TABLE_ACCEPT,
      ),
    );
  }
  await ctx.inv.env.host.untilInterrupted();
  for (const h of handles) h.stop();
  return 0;
}
