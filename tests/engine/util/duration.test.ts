// Tests for Go duration parsing and formatting, with rows ported from Go's time_test.go tables.
import { describe, expect, it } from 'vitest';
import {
  DurationError, formatGoDuration, formatGoDurationNs, parseGoDuration, parseGoDurationNs, tryParseGoDuration,
} from '../../../src/engine/util/duration';

const ns = 1n;
const us = 1000n;
const ms = 1000n * us;
const s = 1000n * ms;
const m = 60n * s;
const h = 60n * m;
const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);

describe('formatGoDuration (durationTests)', () => {
  const rows: Array<[string, bigint]> = [
    ['0s', 0n], ['1ns', 1n * ns], ['1.1µs', 1100n * ns], ['2.2ms', 2200n * us], ['3.3s', 3300n * ms],
    ['4m5s', 4n * m + 5n * s], ['4m5.001s', 4n * m + 5001n * ms], ['5h6m7.001s', 5n * h + 6n * m + 7001n * ms],
    ['8m0.000000001s', 8n * m + 1n], ['2562047h47m16.854775807s', MAX], ['-2562047h47m16.854775808s', MIN],
    ['1h0m0s', h], ['1m30s', 90n * s], ['500ms', 500n * ms], ['1m0s', m], ['-1.5s', -1500n * ms], ['999ns', 999n],
    ['1µs', us], ['1.5ms', 1500n * us], ['10s', 10n * s], ['48h0m0s', 48n * h],
  ];
  it.each(rows)('%s', (want, d) => {
    expect(formatGoDurationNs(d)).toBe(want);
    if (d > MIN) expect(formatGoDurationNs(-d)).toBe(d === 0n ? '0s' : want.startsWith('-') ? want.slice(1) : '-' + want);
  });
  const msRows: Array<[number, string]> = [[0, '0s'], [500, '500ms'], [90000, '1m30s'], [3600000, '1h0m0s'], [0.3, '300µs'], [1.25, '1.25ms'], [-2000, '-2s']];
  it.each(msRows)('formatGoDuration(%d ms) = %s', (v, want) => expect(formatGoDuration(v)).toBe(want));
});

describe('parseGoDuration (parseDurationTests)', () => {
  const rows: Array<[string, bigint]> = [
    ['0', 0n], ['5s', 5n * s], ['30s', 30n * s], ['1478s', 1478n * s], ['-5s', -5n * s], ['+5s', 5n * s], ['-0', 0n],
    ['+0', 0n], ['5.0s', 5n * s], ['5.6s', 5n * s + 600n * ms], ['5.s', 5n * s], ['.5s', 500n * ms], ['1.0s', s],
    ['1.00s', s], ['1.004s', s + 4n * ms], ['1.0040s', s + 4n * ms], ['100.00100s', 100n * s + 1n * ms],
    ['10ns', 10n], ['11us', 11n * us], ['12µs', 12n * us], ['12μs', 12n * us], ['13ms', 13n * ms], ['14s', 14n * s],
    ['15m', 15n * m], ['16h', 16n * h], ['3h30m', 3n * h + 30n * m], ['10.5s4m', 4n * m + 10n * s + 500n * ms],
    ['-2m3.4s', -(2n * m + 3n * s + 400n * ms)], ['1h2m3s4ms5us6ns', h + 2n * m + 3n * s + 4n * ms + 5n * us + 6n],
    ['39h9m14.425s', 39n * h + 9n * m + 14n * s + 425n * ms], ['52763797000ns', 52763797000n],
    ['0.3333333333333333333h', 20n * m], ['9007199254740993ns', (1n << 53n) + 1n], ['9223372036854775807ns', MAX],
    ['9223372036854775.807us', MAX], ['9223372036s854ms775us807ns', MAX], ['-9223372036854775808ns', MIN],
    ['-9223372036854775.808us', MIN], ['-9223372036s854ms775us808ns', MIN], ['-2562047h47m16.854775808s', MIN],
    ['0.100000000000000000000h', 6n * m], ['0.830103483285477580700h', 49n * m + 48n * s + 372539827n],
    ['1h2m3.5s', h + 2n * m + 3n * s + 500n * ms], ['500ms', 500n * ms], ['1.5h', 90n * m], ['300us', 300n * us],
  ];
  it.each(rows)('%s', (input, want) => expect(parseGoDurationNs(input)).toBe(want));

  const msRows: Array<[string, number]> = [['1h2m3.5s', 3723500], ['500ms', 500], ['1.5h', 5400000], ['300us', 0.3], ['2m', 120000], ['0', 0]];
  it.each(msRows)('parseGoDuration(%s) = %d ms', (input, want) => expect(parseGoDuration(input)).toBe(want));

  const bad: Array<[string, string]> = [
    ['', 'time: invalid duration ""'], ['3', 'time: missing unit in duration "3"'], ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'], ['.', 'time: invalid duration "."'], ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'], ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'], ['5x', 'time: unknown unit "x" in duration "5x"'],
    ['x', 'time: invalid duration "x"'], ['\uFFFD', 'time: invalid duration "\\xef\\xbf\\xbd"'],
    ['\uFFFD hello \uFFFD world', 'time: invalid duration "\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world"'],
    ['5µ', 'time: unknown unit "\\xc2\\xb5" in duration "5\\xc2\\xb5"'], ['1 s', 'time: unknown unit " s" in duration "1 s"'],
    ['9223372036854775810ns', 'time: invalid duration "9223372036854775810ns"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['-9223372036854775809ns', 'time: invalid duration "-9223372036854775809ns"'],
    ['9223372036854776us', 'time: invalid duration "9223372036854776us"'], ['3000000h', 'time: invalid duration "3000000h"'],
    ['9223372036854775.808us', 'time: invalid duration "9223372036854775.808us"'],
    ['9223372036854ms775us808ns', 'time: invalid duration "9223372036854ms775us808ns"'],
    ['1h"', 'time: unknown unit "h\\"" in duration "1h\\""'],
    ['9223372036854s775ms807us', 'time: invalid duration "9223372036854s775ms807us"'],
    ['5 ', 'time: unknown unit " " in duration "5 "'],
  ];
  it.each(bad)('%j fails', (input, want) => {
    expect(() => parseGoDuration(input)).toThrow(DurationError);
    expect(() => parseGoDuration(input)).toThrow(want);
    const r = tryParseGoDuration(input);
    expect(r.ok).toBe(false);
  });

  it('round-trips what it formats', () => {
    for (const d of [0n, 1n, 999n, 1500n * us, 90n * s, 25n * h + 1n, MAX]) {
      expect(parseGoDurationNs(formatGoDurationNs(d))).toBe(d);
    }
  });
});
