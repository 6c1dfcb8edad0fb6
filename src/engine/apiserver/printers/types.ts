// Server-side printing (meta.k8s.io/v1 Table): each kind's columns and how a row's cells are
// computed, as upstream pkg/printers/internalversion/printers.go defines them.

import type { KObject } from '../../api/types';

export interface TableColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  /** 0 = always shown; > 0 = only with `-o wide`. */
  priority: number;
}

export interface KindPrinter {
  columns: TableColumnDefinition[];
  /** The cells of one row. `now` is the cluster's current time in ms since the epoch (for AGE). */
  cells(obj: KObject, now: number): (string | number | boolean | null)[];
}
