// `kubectl get leases` columns (printers.go printLease) and the apiserver's default table
// (rest.NewDefaultTableConvertor: NAME and CREATED AT) for kinds without a printer.

import { parseTimestamp } from '../../util/human-duration';
import type { KindPrinter } from './types';
import { ageCol, ageOf, col, nameCol, nameOf, specOf } from './common';
import { obj, str } from './fields';
import { META_CREATION_TIMESTAMP } from './descriptions';

export const leasePrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.'),
    ageCol(),
  ],
  cells: (o, now) => [nameOf(o), str(specOf(o).holderIdentity), ageOf(o, now)],
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Civil date of a day count since 1970-01-01 (H. Hinnant's days_from_civil inverse). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/**
 * Go's time.Format(time.RFC3339) of a UTC time: seconds precision, `Z` suffix. A missing
 * timestamp is Go's zero time, `0001-01-01T00:00:00Z`. Computed by hand so the engine never
 * constructs a Date.
 */
export function formatRFC3339(ts: unknown): string {
  const ms = parseTimestamp(typeof ts === 'string' ? ts : undefined);
  if (ms === undefined) return '0001-01-01T00:00:00Z';
  const secs = Math.floor(ms / 1000);
  const days = Math.floor(secs / 86400);
  const rem = secs - days * 86400;
  const [y, m, d] = civilFromDays(days);
  const hh = Math.floor(rem / 3600);
  const mm = Math.floor((rem % 3600) / 60);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:${pad(rem % 60)}Z`;
}

/** The default table: `Name` and `Created At` (type date; kubectl prints the RFC 3339 cell as is). */
export const defaultPrinter: KindPrinter = {
  columns: [nameCol(), col('Created At', 'date', META_CREATION_TIMESTAMP)],
  cells: (o) => [nameOf(o), formatRFC3339(obj(o.metadata).creationTimestamp)],
};
