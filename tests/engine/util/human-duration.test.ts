// Rows ported from apimachinery pkg/util/duration/duration_test.go, plus the printers' rules
// for missing and future timestamps.
import { describe, expect, it } from 'vitest';
import {
  humanDuration,
  msUntilNextSecond,
  observeDurationStability,
  parseTimestamp,
  shortHumanDuration,
  translateTimestampSince,
} from '../../../src/engine/util/human-duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;
const MS = 1;

describe('humanDuration', () => {
  const rows: { input: number; want: string }[] = [
    { input: S, want: '1s' },
    { input: 70 * S, want: '70s' },
    { input: 190 * S, want: '3m10s' },
    { input: 70 * M, want: '70m' },
    { input: 47 * H, want: '47h' },
    { input: 49 * H, want: '2d1h' },
    { input: (8 * 24 + 2) * H, want: '8d' },
    { input: 367 * D, want: '367d' },
    { input: (365 * 2 * 24 + 25) * H, want: '2y1d' },
    { input: (365 * 8 * 24 + 2) * H, want: '8y' },
    // boundaries
    { input: -2 * S, want: '<invalid>' },
    { input: -2 * S + 1, want: '0s' },
    { input: 0, want: '0s' },
    { input: S - MS, want: '0s' },
    { input: 2 * M - MS, want: '119s' },
    { input: 2 * M, want: '2m' },
    { input: 2 * M + S, want: '2m1s' },
    { input: 10 * M - MS, want: '9m59s' },
    { input: 10 * M, want: '10m' },
    { input: 10 * M + S, want: '10m' },
    { input: 3 * H - MS, want: '179m' },
    { input: 3 * H, want: '3h' },
    { input: 3 * H + M, want: '3h1m' },
    { input: 8 * H - MS, want: '7h59m' },
    { input: 8 * H, want: '8h' },
    { input: 8 * H + 59 * M, want: '8h' },
    { input: 2 * D - MS, want: '47h' },
    { input: 2 * D, want: '2d' },
    { input: 2 * D + H, want: '2d1h' },
    { input: 8 * D - MS, want: '7d23h' },
    { input: 8 * D, want: '8d' },
    { input: 8 * D + 23 * H, want: '8d' },
    { input: 2 * Y - MS, want: '729d' },
    { input: 2 * Y, want: '2y' },
    { input: 2 * Y + 23 * H, want: '2y' },
    { input: 2 * Y + 23 * H + 59 * M, want: '2y' },
    { input: 2 * Y + 24 * H - MS, want: '2y' },
    { input: 2 * Y + 24 * H, want: '2y1d' },
    { input: 3 * Y, want: '3y' },
    { input: 4 * Y, want: '4y' },
    { input: 5 * Y, want: '5y' },
    { input: 6 * Y, want: '6y' },
    { input: 7 * Y, want: '7y' },
    { input: 8 * Y - MS, want: '7y364d' },
    { input: 8 * Y, want: '8y' },
    { input: 8 * Y + 364 * D, want: '8y' },
    { input: 9 * Y, want: '9y' },
    // common ages
    { input: 5 * M, want: '5m' },
    { input: 5 * M + 30 * S, want: '5m30s' },
    { input: 45 * S, want: '45s' },
    { input: -1 * S, want: '0s' },
    { input: -1999, want: '0s' },
  ];
  it.each(rows)('$input ms -> $want', ({ input, want }) => {
    expect(humanDuration(input)).toBe(want);
  });
});

describe('shortHumanDuration', () => {
  const rows: { input: number; want: string }[] = [
    { input: -2 * S, want: '<invalid>' },
    { input: -2 * S + 1, want: '0s' },
    { input: 0, want: '0s' },
    { input: S - MS, want: '0s' },
    { input: S, want: '1s' },
    { input: 2 * S - MS, want: '1s' },
    { input: M - MS, want: '59s' },
    { input: M, want: '1m' },
    { input: 2 * M - MS, want: '1m' },
    { input: H - MS, want: '59m' },
    { input: H, want: '1h' },
    { input: 2 * H - MS, want: '1h' },
    { input: D - MS, want: '23h' },
    { input: D, want: '1d' },
    { input: 2 * D - MS, want: '1d' },
    { input: Y - MS, want: '364d' },
    { input: Y, want: '1y' },
    { input: 2 * Y - MS, want: '1y' },
    { input: 2 * Y, want: '2y' },
  ];
  it.each(rows)('$input ms -> $want', ({ input, want }) => {
    expect(shortHumanDuration(input)).toBe(want);
  });
});

describe('translateTimestampSince', () => {
  const now = Date.parse('2026-01-01T01:00:00Z');
  const rows: { input: string | null | undefined; want: string }[] = [
    { input: undefined, want: '<unknown>' },
    { input: null, want: '<unknown>' },
    { input: '', want: '<unknown>' },
    { input: 'not a time', want: '<unknown>' },
    { input: '2026-01-01T01:00:00Z', want: '0s' },
    { input: '2026-01-01T00:59:15Z', want: '45s' },
    { input: '2026-01-01T00:55:00Z', want: '5m' },
    { input: '2026-01-01T00:00:00Z', want: '60m' },
    { input: '2025-12-31T01:00:00Z', want: '24h' },
    { input: '2026-01-01T01:00:01Z', want: '0s' },
    { input: '2026-01-01T01:00:02Z', want: '<invalid>' },
    { input: '2026-01-01T01:00:00.500000Z', want: '0s' },
  ];
  it.each(rows)('$input -> $want', ({ input, want }) => {
    expect(translateTimestampSince(input, now)).toBe(want);
  });

  it('parses RFC 3339 with offsets', () => {
    expect(parseTimestamp('2026-01-01T02:00:00+01:00')).toBe(Date.parse('2026-01-01T01:00:00Z'));
  });
});

describe('msUntilNextSecond and the stability observer', () => {
  it('says how long a duration keeps its whole seconds', () => {
    expect(msUntilNextSecond(0)).toBe(1000);
    expect(msUntilNextSecond(1250)).toBe(750);
    expect(msUntilNextSecond(1999)).toBe(1);
    expect(msUntilNextSecond(-1500)).toBe(500);
    expect(msUntilNextSecond(-1000)).toBe(1);
  });

  it('never promises a text past the moment it changes', () => {
    for (const ms of [-2500, -1001, -1000, -999, -1, 0, 1, 999, 59_999, 119_500, 600_001, 3 * 3600_000 + 17, 400 * 86_400_000 + 3]) {
      const until = msUntilNextSecond(ms);
      for (const f of [humanDuration, shortHumanDuration]) {
        for (let d = 0; d < until; d += Math.max(1, Math.floor(until / 7))) expect(f(ms + d), `${f.name}(${ms}+${d})`).toBe(f(ms));
      }
    }
  });

  it('reports every formatted duration while observed', () => {
    const seen: number[] = [];
    const stop = observeDurationStability((ms) => seen.push(ms));
    humanDuration(1250);
    shortHumanDuration(61_900);
    stop();
    humanDuration(5);
    expect(seen).toEqual([750, 100]);
  });
});
