// printLease rows and the apiserver's default table (rest.NewDefaultTableConvertor).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { defaultPrinter, formatRFC3339, leasePrinter } from '../../../../src/engine/apiserver/printers/misc';

const NOW = Date.parse('2026-01-10T00:00:00Z');

describe('leasePrinter', () => {
  const lease = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'lease1', creationTimestamp: '2026-01-09T23:59:30Z' }, spec });
  const rows: { input: KObject; want: unknown[] }[] = [
    { input: lease({ holderIdentity: 'holder' }), want: ['lease1', 'holder', '30s'] },
    { input: lease({}), want: ['lease1', '', '30s'] },
  ];
  it.each(rows)('$want', ({ input, want }) => expect(leasePrinter.cells(input, NOW)).toEqual(want));
});

describe('formatRFC3339', () => {
  const rows: { input: unknown; want: string }[] = [
    { input: '2026-01-01T00:00:00Z', want: '2026-01-01T00:00:00Z' },
    { input: '2017-04-01T12:34:56.789Z', want: '2017-04-01T12:34:56Z' },
    { input: '2024-02-29T23:59:59+02:00', want: '2024-02-29T21:59:59Z' },
    { input: '1999-12-31T23:59:59Z', want: '1999-12-31T23:59:59Z' },
    { input: '2000-03-01T00:00:00Z', want: '2000-03-01T00:00:00Z' },
    { input: '1970-01-01T00:00:00Z', want: '1970-01-01T00:00:00Z' },
    { input: '1969-12-31T23:59:59Z', want: '1969-12-31T23:59:59Z' },
    { input: undefined, want: '0001-01-01T00:00:00Z' },
    { input: null, want: '0001-01-01T00:00:00Z' },
    { input: 'garbage', want: '0001-01-01T00:00:00Z' },
  ];
  it.each(rows)('$input -> $want', ({ input, want }) => expect(formatRFC3339(input)).toBe(want));
});

describe('defaultPrinter', () => {
  it('has Name and Created At columns', () => {
    expect(defaultPrinter.columns.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Created At', 'date', '', 0],
    ]);
  });
  it('cells are name and RFC 3339 creation time', () => {
    const cr: KObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', creationTimestamp: '2026-01-09T10:00:00Z' } };
    expect(defaultPrinter.cells(cr, NOW)).toEqual(['w', '2026-01-09T10:00:00Z']);
  });
});
