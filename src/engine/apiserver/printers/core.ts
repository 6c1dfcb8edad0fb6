// `kubectl get` columns for the simple core kinds: namespaces, secrets, configmaps,
// serviceaccounts and resourcequotas (printers.go printNamespace ... printResourceQuota).

import type { KindPrinter } from './types';
import { ageCol, ageOf, col, nameCol, nameOf, statusOf } from './common';
import { arr, mapLen, obj, quantity, str } from './fields';
import * as d from './descriptions';

export const namespacePrinter: KindPrinter = {
  columns: [nameCol(), col('Status', 'string', 'The status of the namespace'), ageCol()],
  cells: (o, now) => [nameOf(o), str(statusOf(o).phase), ageOf(o, now)],
};

export const secretPrinter: KindPrinter = {
  columns: [nameCol(), col('Type', 'string', d.SECRET_TYPE), col('Data', 'string', d.SECRET_DATA), ageCol()],
  cells: (o, now) => [nameOf(o), str(o.type), mapLen(o.data), ageOf(o, now)],
};

export const configMapPrinter: KindPrinter = {
  columns: [nameCol(), col('Data', 'string', d.CM_DATA), ageCol()],
  cells: (o, now) => [nameOf(o), mapLen(o.data) + mapLen(o.binaryData), ageOf(o, now)],
};

export const serviceAccountPrinter: KindPrinter = {
  columns: [nameCol(), col('Secrets', 'string', d.SA_SECRETS), ageCol()],
  cells: (o, now) => [nameOf(o), arr(o.secrets).length, ageOf(o, now)],
};

/**
 * REQUEST / LIMIT of a quota: `resource: used/hard` over status.hard sorted by name, the
 * `limits.*` resources in LIMIT and the rest in REQUEST, each joined by `, `.
 */
export function quotaColumns(status: Record<string, unknown>): [string, string] {
  const hard = obj(status.hard);
  const used = obj(status.used);
  const requests: string[] = [];
  const limits: string[] = [];
  for (const r of Object.keys(hard).sort()) {
    const pieces = r.split('.');
    const target = pieces.length > 1 && pieces[0] === 'limits' ? limits : requests;
    target.push(`${r}: ${quantity(used[r])}/${quantity(hard[r])}`);
  }
  return [requests.join(', '), limits.join(', ')];
}

export const resourceQuotaPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    col(
      'Limit',
      'string',
      'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
    ),
    ageCol(),
  ],
  cells(o, now) {
    const [request, limit] = quotaColumns(statusOf(o));
    return [nameOf(o), request, limit, ageOf(o, now)];
  },
};
