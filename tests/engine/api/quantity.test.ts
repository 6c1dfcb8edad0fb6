// Tests for resource quantities, with rows ported from apimachinery api/resource quantity_test.go.
import { describe, expect, it } from 'vitest';
import { Quantity, QuantityError, QUANTITY_ERR_FORMAT, QUANTITY_ERR_SUFFIX } from '../../../src/engine/api/quantity';
import type { QuantityFormat } from '../../../src/engine/api/quantity';

const q = (s: string) => Quantity.parse(s);

describe('Quantity.parse values and formats (TestQuantityParse)', () => {
  // [input, expected value as a parseable plain decimal, format]
  const rows: Array<[string, string, QuantityFormat]> = [
    ['0', '0', 'DecimalSI'], ['0n', '0', 'DecimalSI'], ['0u', '0', 'DecimalSI'], ['0m', '0', 'DecimalSI'],
    ['0Ki', '0', 'BinarySI'], ['0k', '0', 'DecimalSI'], ['0Mi', '0', 'BinarySI'], ['0M', '0', 'DecimalSI'],
    ['0Gi', '0', 'BinarySI'], ['0G', '0', 'DecimalSI'], ['0Ti', '0', 'BinarySI'], ['0T', '0', 'DecimalSI'],
    ['1', '1', 'DecimalSI'],
    ['1Ki', '1024', 'BinarySI'], ['8Ki', '8192', 'BinarySI'], ['7Mi', String(7 * 1024 * 1024), 'BinarySI'],
    ['6Gi', String(6 * 1024 ** 3), 'BinarySI'], ['5Ti', String(5n * 1024n ** 4n), 'BinarySI'],
    ['4Pi', String(4n * 1024n ** 5n), 'BinarySI'], ['3Ei', String(3n * 1024n ** 6n), 'BinarySI'],
    ['10Ti', String(10n * 1024n ** 4n), 'BinarySI'], ['100Ti', String(100n * 1024n ** 4n), 'BinarySI'],
    ['5n', '0.000000005', 'DecimalSI'], ['4u', '0.000004', 'DecimalSI'], ['3m', '0.003', 'DecimalSI'],
    ['9', '9', 'DecimalSI'], ['8k', '8000', 'DecimalSI'], ['50k', '50000', 'DecimalSI'],
    ['7M', '7000000', 'DecimalSI'], ['6G', '6000000000', 'DecimalSI'], ['5T', '5000000000000', 'DecimalSI'],
    ['40T', '40000000000000', 'DecimalSI'], ['300T', '300000000000000', 'DecimalSI'],
    ['2P', '2000000000000000', 'DecimalSI'], ['1E', '1000000000000000000', 'DecimalSI'],
    ['1E-3', '0.001', 'DecimalExponent'], ['1e3', '1000', 'DecimalExponent'], ['1E6', '1000000', 'DecimalExponent'],
    ['1e9', '1000000000', 'DecimalExponent'], ['1E12', '1000000000000', 'DecimalExponent'],
    ['1e15', '1000000000000000', 'DecimalExponent'], ['1E18', '1000000000000000000', 'DecimalExponent'],
    ['1e14', '100000000000000', 'DecimalExponent'], ['1e13', '10000000000000', 'DecimalExponent'],
    ['100.035k', '100035', 'DecimalSI'],
    ['0.001', '0.001', 'DecimalSI'], ['0.0005k', '0.5', 'DecimalSI'], ['0.005', '0.005', 'DecimalSI'],
    ['0.05', '0.05', 'DecimalSI'], ['0.5', '0.5', 'DecimalSI'], ['0.00050k', '0.5', 'DecimalSI'],
    ['0.00500', '0.005', 'DecimalSI'], ['0.05000', '0.05', 'DecimalSI'], ['0.50000', '0.5', 'DecimalSI'],
    ['0.5e0', '0.5', 'DecimalExponent'], ['0.5e-1', '0.05', 'DecimalExponent'], ['0.5e-2', '0.005', 'DecimalExponent'],
    ['10.035M', '10035000', 'DecimalSI'],
    ['1.2e3', '1200', 'DecimalExponent'], ['1.3E+6', '1300000', 'DecimalExponent'],
    ['1.40e9', '1400000000', 'DecimalExponent'], ['1.53E12', '1530000000000', 'DecimalExponent'],
    ['1.6e15', '1600000000000000', 'DecimalExponent'], ['1.7E18', '1700000000000000000', 'DecimalExponent'],
    ['9.01', '9.01', 'DecimalSI'], ['8.1k', '8100', 'DecimalSI'], ['7.123456M', '7123456', 'DecimalSI'],
    ['6.987654321G', '6987654321', 'DecimalSI'], ['5.444T', '5444000000000', 'DecimalSI'],
    ['40.1T', '40100000000000', 'DecimalSI'], ['300.2T', '300200000000000', 'DecimalSI'],
    ['2.5P', '2500000000000000', 'DecimalSI'], ['1.01E', '1010000000000000000', 'DecimalSI'],
    // saturate / round up to nano
    ['3.001n', '0.000000004', 'DecimalSI'], ['1.1E-9', '0.000000002', 'DecimalExponent'],
    ['0.0000000001', '0.000000001', 'DecimalSI'], ['0.0000000005', '0.000000001', 'DecimalSI'],
    ['0.00000000050', '0.000000001', 'DecimalSI'], ['0.5e-9', '0.000000001', 'DecimalExponent'],
    ['0.9n', '0.000000001', 'DecimalSI'], ['0.00000012345', '0.000000124', 'DecimalSI'],
    ['0.00000012354', '0.000000124', 'DecimalSI'],
    ['9Ei', '9223372036854775807', 'BinarySI'], ['9223372036854775807Ki', '9223372036854775807', 'BinarySI'],
    ['12E', '12000000000000000000', 'DecimalSI'],
    ['100.035Ki', '102435.84', 'BinarySI'], ['0.5Mi', '524288', 'BinarySI'], ['0.05Gi', '53687091.2', 'BinarySI'],
    ['0.025Ti', '27487790694.4', 'BinarySI'],
    ['0.000000000001Ki', '0.000000002', 'DecimalSI'], ['.001', '0.001', 'DecimalSI'], ['.0001k', '0.1', 'DecimalSI'],
    ['1.', '1', 'DecimalSI'], ['1.G', '1000000000', 'DecimalSI'],
  ];
  it.each(rows)('%s', (input, want, format) => {
    const got = q(input);
    expect(got.cmp(q(want))).toBe(0);
    expect(got.format).toBe(format);
    // explicit signs keep the format and flip (or keep) the value
    const neg = q('-' + input);
    expect(neg.cmp(q(want).neg())).toBe(0);
    expect(neg.format).toBe(format);
    const pos = q('+' + input);
    expect(pos.cmp(q(want))).toBe(0);
    expect(pos.format).toBe(format);
  });

  it('rejects the empty string with the format error', () => {
    expect(() => q('')).toThrow(new QuantityError(QUANTITY_ERR_FORMAT));
  });

  const invalid: Array<[string, string]> = [
    ['1.1.M', QUANTITY_ERR_FORMAT], ['1+1.0M', QUANTITY_ERR_FORMAT], ['0.1mi', QUANTITY_ERR_SUFFIX],
    ['0.1am', QUANTITY_ERR_FORMAT], ['aoeu', QUANTITY_ERR_FORMAT], ['.5i', QUANTITY_ERR_SUFFIX],
    ['1i', QUANTITY_ERR_SUFFIX], ['-3.01i', QUANTITY_ERR_SUFFIX], ['-3.01e-', QUANTITY_ERR_SUFFIX],
    [' 1', QUANTITY_ERR_FORMAT], ['1 ', QUANTITY_ERR_FORMAT], ['Non-Numeric', QUANTITY_ERR_FORMAT],
    ['1Kib', QUANTITY_ERR_FORMAT], ['1ki', QUANTITY_ERR_SUFFIX],
  ];
  it.each(invalid)('rejects %j', (input, message) => {
    expect(() => q(input)).toThrow(QuantityError);
    expect(() => q(input)).toThrow(message);
    const r = Quantity.tryParse(input);
    expect(r.ok).toBe(false);
  });
  it('the format error quotes the regular expression', () => {
    expect(QUANTITY_ERR_FORMAT).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });
});

describe('canonical strings (TestQuantityString, TestQuantityParseEmit)', () => {
  // [input, canonical]
  const rows: Array<[string, string]> = [
    ['1024Mi', '1Gi'], ['307200Ki', '300Mi'], ['6Ki', '6Ki'], ['1025024Mi', '1001Gi'], ['1024Gi', '1Ti'],
    ['1Ki', '1Ki'], ['1Mi', '1Mi'], ['1Gi', '1Gi'], ['1000M', '1G'], ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'], ['.000000001Ki', '1024n'], ['.000000000001Ki', '2n'],
    ['0.001T', '1G'], ['1000000k', '1G'], ['1000000000', '1G'], ['1000u', '1m'], ['80m', '80m'],
    ['1.08', '1080m'], ['1080000000n', '1080m'], ['300M', '300M'], ['1T', '1T'], ['1234567M', '1234567M'],
    ['3k', '3k'], ['1025', '1025'], ['.001e12', '1e9'], ['0.001e0', '1e-3'], ['1000e-12', '1e-9'],
    ['80e-3', '80e-3'], ['300e6', '300e6'], ['00', '0'], ['0.5', '500m'], ['5000m', '5'], ['1.5Gi', '1536Mi'],
    ['1.5', '1500m'], ['1e3', '1e3'], ['0', '0'], ['5Gi', '5Gi'], ['512Mi', '512Mi'], ['0.5Gi', '512Mi'],
    ['1.1Ki', '1126400m'], ['2Ki', '2Ki'], ['1536Ki', '1536Ki'], ['100m', '100m'], ['250m', '250m'],
    ['1.2345', '1234500u'], ['0.1', '100m'], ['2000m', '2'], ['1.5k', '1500'], ['12E', '12E'],
    ['100Mi', '100Mi'], ['0.5Ki', '512'], ['1000Ki', '1000Ki'], ['1.0', '1'], ['10e3', '10e3'],
    ['1E3', '1E3'], ['+5', '+5'], ['0100Mi', '0100Mi'], ['1024', '1024'], ['1000', '1k'],
    ['9Ei', '9223372036854775807'], ['8Ei', '9223372036854775807'], ['7Ei', '7Ei'], ['1000E', '1'], ['1e21', '1e21'], ['1.3E+6', '1300e3'],
  ];
  it.each(rows)('%s -> %s', (input, want) => {
    expect(q(input).toString()).toBe(want);
    expect(JSON.stringify({ v: q(input) })).toBe(JSON.stringify({ v: want }));
  });
  it.each(rows.filter(([i, w]) => w !== '0' && !i.startsWith('+') && !i.startsWith('0100')))(
    'negative %s -> -canonical',
    (input, want) => {
      expect(q('-' + input).toString()).toBe(want.startsWith('+') ? want : '-' + want);
    },
  );
});

it('wraps exponents to int32 as upstream, keeping the input as the canonical string', () => {
  expect(q('1e4294967296').value()).toBe(1);
  expect(q('1e4294967296').toString()).toBe('1e4294967296');
  expect(q('1e4294967299').value()).toBe(1000);
});

describe('arithmetic', () => {
  const cmpRows: Array<[string, string, number]> = [
    ['0', '0', 0], ['100m', '50m', 1], ['50m', '100m', -1], ['10000T', '100Gi', 1], ['1Gi', '1024Mi', 0],
    ['1G', '1Gi', -1], ['500m', '0.5', 0], ['-1', '1m', -1],
  ];
  it.each(cmpRows)('cmp(%s, %s) = %d', (a, b, want) => expect(q(a).cmp(q(b))).toBe(want));

  const addRows: Array<[string, string, string]> = [
    ['10', '1e1', '20'], ['10', '1Ki', '1034'], ['100m', '0', '100m'], ['0', '100m', '100m'],
    ['1Gi', '0', '1Gi'], ['0', '1Gi', '1Gi'], ['1Gi', '512Mi', '1536Mi'], ['250m', '250m', '500m'],
    ['1', '500m', '1500m'], ['0', '0', '0'],
  ];
  it.each(addRows)('%s + %s = %s', (a, b, want) => expect(q(a).add(q(b)).toString()).toBe(want));

  const subRows: Array<[string, string, string]> = [
    ['10', '1e1', '0'], ['10', '1Ki', '-1014'], ['100m', '0', '100m'], ['0', '100m', '-100m'],
    ['1Gi', '0', '1Gi'], ['0', '1Gi', '-1Gi'], ['2Gi', '512Mi', '1536Mi'], ['1', '250m', '750m'],
  ];
  it.each(subRows)('%s - %s = %s', (a, b, want) => expect(q(a).sub(q(b)).toString()).toBe(want));

  it('adds up exactly across scales and back', () => {
    let acc = Quantity.zero();
    const parts = ['123456789n', '7Ki', '3.3', '9E', '1m', '77u'];
    for (const p of parts) acc = acc.add(q(p));
    for (const p of parts) acc = acc.sub(q(p));
    expect(acc.isZero()).toBe(true);
  });

  const mulRows: Array<[string, number, string]> = [
    ['10', 10, '100'], ['10', 1, '10'], ['10', -10, '-100'], ['-50', -50, '2500'], ['50', 0, '0'],
    ['9223372036854775807', 2, '18446744073709551614'],
  ];
  it.each(mulRows)('%s * %d = %s', (a, n, want) => expect(q(a).mul(n).cmp(q(want))).toBe(0));

  it('neg keeps the format', () => {
    expect(Quantity.fromMilli(9010).neg().toString()).toBe('-9010m');
    expect(q('1Gi').neg().toString()).toBe('-1Gi');
  });
});

describe('value, milliValue, scaledValue', () => {
  const rows: Array<[string, number, number]> = [
    ['1', 1, 1000], ['100m', 1, 100], ['1.5', 2, 1500], ['1Gi', 1073741824, 1073741824000], ['0', 0, 0],
    ['1n', 1, 1], ['999u', 1, 1], ['1001u', 1, 2], ['2.5', 3, 2500], ['-1.5', -2, -1500], ['1k', 1000, 1000000],
    ['0.5Ki', 512, 512000], ['250m', 1, 250],
  ];
  it.each(rows)('%s: value %d, milli %d', (s, v, m) => {
    expect(q(s).value()).toBe(v);
    expect(q(s).milliValue()).toBe(m);
  });

  // TestScaledValue: NewScaledQuantity(1, from).ScaledValue(to)
  const scaled: Array<[number, number, number]> = [
    [-9, -9, 1], [-9, -6, 1], [-9, -3, 1], [-9, 0, 1], [-6, -9, 1000], [-6, -6, 1], [-6, -3, 1], [-6, 0, 1],
    [-3, -9, 1e6], [-3, -6, 1000], [-3, -3, 1], [-3, 0, 1], [0, -9, 1e9], [0, -6, 1e6], [0, -3, 1000],
    [0, 0, 1], [2, -2, 10000],
  ];
  it.each(scaled)('scaled 1e%d at scale %d = %d', (from, to, want) => {
    expect(Quantity.fromScaled(1, from).scaledValue(to)).toBe(want);
  });
});

describe('constructors (TestMilliNewSet, TestNewSet, TestNewScaledSet)', () => {
  const milli: Array<[number, QuantityFormat, string]> = [
    [1, 'DecimalSI', '1m'], [1000, 'DecimalSI', '1'], [1234000, 'DecimalSI', '1234'], [1024, 'BinarySI', '1024m'],
    [1000000, 'DecimalExponent', '1e3'], [1024 * 1024, 'BinarySI', '1048576m'],
  ];
  it.each(milli)('fromMilli(%d, %s) = %s', (v, f, want) => expect(Quantity.fromMilli(v, f).toString()).toBe(want));

  const plain: Array<[number, QuantityFormat, string]> = [
    [1, 'DecimalSI', '1'], [1000, 'DecimalSI', '1k'], [1234000, 'DecimalSI', '1234k'], [1024, 'BinarySI', '1Ki'],
    [1000000, 'DecimalExponent', '1e6'], [1024 * 1024, 'BinarySI', '1Mi'],
  ];
  it.each(plain)('fromValue(%d, %s) = %s', (v, f, want) => {
    expect(Quantity.fromValue(v, f).toString()).toBe(want);
    expect(q(want).value()).toBe(v);
  });

  const scaled: Array<[number, number, string]> = [
    [1, -9, '1n'], [1000, -9, '1u'], [1, -6, '1u'], [1000, -6, '1m'], [1, -3, '1m'], [1000, -3, '1'],
    [1, 0, '1'], [0, -9, '0'], [0, -6, '0'], [0, -3, '0'], [0, 0, '0'],
  ];
  it.each(scaled)('fromScaled(%d, %d) = %s', (v, s, want) => {
    expect(Quantity.fromScaled(v, s).toString()).toBe(want);
    expect(q(want).scaledValue(s)).toBe(v);
  });
});
