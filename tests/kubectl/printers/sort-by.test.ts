// --sort-by tables ported (as facts) from kubectl pkg/cmd/get/sorter_test.go, plus the order
// Go's unstable sort.Sort gives to missing and equal values.
import { describe, expect, it } from 'vitest';
import { isLess, sortObjects, sortTableRows, SortByError } from '../../../src/kubectl/printers/sort-by';
import { goSort } from '../../../src/kubectl/jsonpath/go-sort';
import { compareRational, quantityValue } from '../../../src/kubectl/jsonpath/quantity-cmp';

const named = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { name }, ...extra });
const names = (objs: { metadata: { name: string } }[]) => objs.map((o) => o.metadata.name);
const podWith = (name: string, requests: Record<string, string>) =>
  named(name, { spec: { containers: [{ resources: Object.keys(requests).length ? { requests } : {} }] } });

describe('sortObjects (TestSortingPrinter)', () => {
  it('sorts names in order, reversed and random', () => {
    for (const input of [['a', 'b', 'c'], ['c', 'b', 'a'], ['b', 'c', 'a']]) {
      const sorted = sortObjects(input.map((n) => named(n)), '{.metadata.name}', (o) => o);
      expect(names(sorted)).toEqual(['a', 'b', 'c']);
    }
  });
  it('sorts timestamps as strings in RFC 3339 order', () => {
    const objs = [
      named('b', { metadata: { name: 'b', creationTimestamp: '2020-01-02T00:00:00Z' } }),
      named('a', { metadata: { name: 'a', creationTimestamp: '2020-01-01T00:00:00Z' } }),
      named('c', { metadata: { name: 'c', creationTimestamp: '2020-01-03T00:00:00Z' } }),
    ];
    expect(names(sortObjects(objs, '.metadata.creationTimestamp', (o) => o))).toEqual(['a', 'b', 'c']);
  });
  it('sorts int64 numbers numerically', () => {
    const objs = [5, 1, 10, 2].map((r) => named(`rc${r}`, { spec: { replicas: r } }));
    expect(names(sortObjects(objs, 'spec.replicas', (o) => o))).toEqual(['rc1', 'rc2', 'rc5', 'rc10']);
  });
  it('puts objects missing the field first (some-missing-fields)', () => {
    const objs = [
      named('two', { status: { availableReplicas: 2 } }),
      named('none', { status: {} }),
      named('one', { status: { availableReplicas: 1 } }),
    ];
    expect(names(sortObjects(objs, '{.status.availableReplicas}', (o) => o))).toEqual(['none', 'one', 'two']);
  });
  it('sorts cpu quantities by value, missing first', () => {
    const objs = ['0.5', '10', '100m', ''].map((c, i) => podWith(`p${i}:${c}`, c ? { cpu: c } : {}));
    expect(names(sortObjects(objs, '{.spec.containers[].resources.requests.cpu}', (o) => o))).toEqual([
      'p3:', 'p2:100m', 'p0:0.5', 'p1:10',
    ]);
  });
  it('sorts memory quantities by value, missing first', () => {
    const mem = ['128Mi', '10Ei', '8Ti', '64Gi', '55Pi', '2Ki', ''];
    const objs = mem.map((m) => podWith(m || 'none', m ? { memory: m } : {}));
    expect(names(sortObjects(objs, '{.spec.containers[].resources.requests.memory}', (o) => o))).toEqual([
      'none', '2Ki', '128Mi', '64Gi', '8Ti', '55Pi', '10Ei',
    ]);
  });
  it('returns nothing for nothing, without looking at the field', () => {
    expect(sortObjects([], '{.invalid}', (o) => o)).toEqual([]);
  });
  it.each([
    { field: '{.status.availableReplicas}', want: 'couldn\'t find any field with path "{.status.availableReplicas}" in the list of objects' },
    { field: 'invalid', want: 'couldn\'t find any field with path "{.invalid}" in the list of objects' },
    { field: '{.a', want: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" },
    { field: '.spec[', want: 'unterminated array' },
  ])('fails for $field', ({ field, want }) => {
    const objs = [named('a', { status: {} }), named('b', { status: {} })];
    expect(() => sortObjects(objs, field, (o) => o)).toThrow(SortByError);
    expect(() => sortObjects(objs, field, (o) => o)).toThrow(want);
  });
  it('reports unsortable values as a fatal error', () => {
    const objs = [named('a', { spec: { x: true } }), named('b', { spec: { x: false } })];
    expect(() => sortObjects(objs, '.spec.x', (o) => o)).toThrow(
      'Field {.spec.x} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: bool',
    );
    const mixed = [named('a', { spec: { x: 1 } }), named('b', { spec: { x: 'one' } })];
    expect(() => sortObjects(mixed, '.spec.x', (o) => o)).toThrow('err: unsortable interface: interface');
  });
  it('orders items that miss the field in reverse, as Go insertion sort does', () => {
    const objs = [named('m1'), named('x', { v: 'b' }), named('m2'), named('y', { v: 'a' }), named('m3')];
    expect(names(sortObjects(objs, '.v', (o) => o))).toEqual(['m3', 'm2', 'm1', 'y', 'x']);
  });
});

describe('sortTableRows', () => {
  it('leaves 0 or 1 rows alone without checking the field', () => {
    expect(sortTableRows([named('a')], '{.nope}', (o) => o)).toEqual([named('a')]);
  });
  it('sorts rows by their objects', () => {
    const rows = ['b', 'c', 'a'].map((n) => ({ cells: [n], object: named(n) }));
    expect(sortTableRows(rows, '.metadata.name', (r) => r.object).map((r) => r.cells[0])).toEqual(['a', 'b', 'c']);
  });
  it('wraps parse errors as sorting errors', () => {
    expect(() => sortTableRows([named('a'), named('b')], '{.a[}', (o) => o)).toThrow('sorting error: unterminated array');
  });
  it('fails when no row has the field', () => {
    expect(() => sortTableRows([named('a'), named('b')], '.nope', (o) => o)).toThrow(
      'couldn\'t find any field with path "{.nope}" in the list of objects',
    );
  });
});

describe('isLess (TestRuntimeSortLess)', () => {
  const rows = [
    { a: 'b', b: 'c', want: true },
    { a: 'c', b: 'a', want: false },
    { a: '1Gi', b: '1Ti', want: true },
    { a: '1Ti', b: '1Ki', want: false },
    { a: '0.5', b: '2', want: true },
    { a: '2', b: '10m', want: false },
    { a: '0.5', b: '10m', want: false },
    { a: '500m', b: '0.5', want: false },
    { a: '10', b: '9', want: false },
    { a: 'Running', b: 'Pending', want: false },
    { a: '10', b: 'abc', want: true },
    { a: null, b: 'a', want: true },
    { a: 'a', b: null, want: false },
    { a: null, b: null, want: false },
    { a: 1, b: 2, want: true },
    { a: 2.5, b: 1.5, want: false },
  ];
  it.each(rows)('$a < $b', ({ a, b, want }) => {
    expect(isLess(a, b)).toBe(want);
  });
});

describe('quantityValue', () => {
  const rows = [
    { a: '1Ki', b: '1024', want: 0 },
    { a: '1k', b: '1000', want: 0 },
    { a: '100m', b: '0.1', want: 0 },
    { a: '1e3', b: '1k', want: 0 },
    { a: '1.5Gi', b: '1536Mi', want: 0 },
    { a: '-1', b: '1m', want: -1 },
    { a: '0.1n', b: '1n', want: 0 },
    { a: 'm', b: '0', want: 0 },
  ];
  it.each(rows)('$a vs $b', ({ a, b, want }) => {
    expect(compareRational(quantityValue(a)!, quantityValue(b)!)).toBe(want);
  });
  it.each(['', 'abc', 'nginx', '1.5.3', '10mi', 'e', 'Pending', '1 Gi'])('rejects %j', (s) => {
    expect(quantityValue(s)).toBeUndefined();
  });
});

describe('goSort', () => {
  it('sorts numbers like sort.Ints for many sizes', () => {
    for (const n of [0, 1, 5, 12, 13, 50, 51, 200]) {
      const data = Array.from({ length: n }, (_, i) => (i * 7919) % 101);
      goSort({ less: (i, j) => data[i] < data[j], swap: (i, j) => ([data[i], data[j]] = [data[j], data[i]]) }, n);
      expect(data).toEqual([...data].sort((x, y) => x - y));
    }
  });
});
