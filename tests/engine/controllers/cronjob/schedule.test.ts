import { describe, expect, it } from 'vitest';
import { nextTime, parseSchedule } from '../../../../src/engine/controllers/cronjob/schedule';

const T = (s: string) => Date.parse(s);

describe('parseSchedule errors (robfig/cron ParseStandard)', () => {
  const rows: Array<{ input: string; want: string }> = [
    { input: '', want: 'empty spec string' },
    { input: '* * * *', want: 'expected exactly 5 fields, found 4: [* * * *]' },
    { input: '* * * * * *', want: 'expected exactly 5 fields, found 6: [* * * * * *]' },
    { input: '60 * * * *', want: 'end of range (60) above maximum (59): 60' },
    { input: '* 24 * * *', want: 'end of range (24) above maximum (23): 24' },
    { input: '* * 0 * *', want: 'beginning of range (0) below minimum (1): 0' },
    { input: '5-1 * * * *', want: 'beginning of range (5) beyond end of range (1): 5-1' },
    { input: '*/0 * * * *', want: 'step of range should be a positive number: */0' },
    { input: '1-2-3 * * * *', want: 'too many hyphens: 1-2-3' },
    { input: '*/2/3 * * * *', want: 'too many slashes: */2/3' },
    { input: 'x * * * *', want: 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax' },
    { input: '@every5', want: 'unrecognized descriptor: @every5' },
  ];
  it.each(rows)('$input', ({ input, want }) => {
    expect(() => parseSchedule(input)).toThrow(want);
  });
});

describe('nextTime (SpecSchedule.Next)', () => {
  const rows: Array<{ spec: string; after: string; want: string; zone?: string }> = [
    { spec: '*/1 * * * *', after: '2025-01-01T00:00:00Z', want: '2025-01-01T00:01:00Z' },
    { spec: '*/1 * * * *', after: '2025-01-01T00:00:30Z', want: '2025-01-01T00:01:00Z' },
    { spec: '*/15 * * * *', after: '2025-01-01T00:14:59Z', want: '2025-01-01T00:15:00Z' },
    { spec: '*/15 * * * *', after: '2025-01-01T00:45:00Z', want: '2025-01-01T01:00:00Z' },
    { spec: '0 * * * *', after: '2025-01-01T00:00:00Z', want: '2025-01-01T01:00:00Z' },
    { spec: '@hourly', after: '2025-01-01T10:30:00Z', want: '2025-01-01T11:00:00Z' },
    { spec: '@daily', after: '2025-01-01T10:30:00Z', want: '2025-01-02T00:00:00Z' },
    { spec: '@midnight', after: '2025-01-31T23:59:00Z', want: '2025-02-01T00:00:00Z' },
    { spec: '@weekly', after: '2025-01-01T00:00:00Z', want: '2025-01-05T00:00:00Z' },
    { spec: '@monthly', after: '2025-01-15T00:00:00Z', want: '2025-02-01T00:00:00Z' },
    { spec: '@yearly', after: '2025-01-15T00:00:00Z', want: '2026-01-01T00:00:00Z' },
    { spec: '@annually', after: '2024-12-31T23:59:00Z', want: '2025-01-01T00:00:00Z' },
    { spec: '30 9 * * mon-fri', after: '2025-01-03T10:00:00Z', want: '2025-01-06T09:30:00Z' },
    { spec: '0 0 * jan,jul *', after: '2025-02-01T00:00:00Z', want: '2025-07-01T00:00:00Z' },
    { spec: '0 12 1 * SUN', after: '2025-01-01T12:00:00Z', want: '2025-01-05T12:00:00Z' },
    { spec: '0 0 29 2 *', after: '2025-01-01T00:00:00Z', want: '2028-02-29T00:00:00Z' },
    { spec: '5-10/2 * * * *', after: '2025-01-01T00:07:00Z', want: '2025-01-01T00:09:00Z' },
    { spec: '0 0 1,15 * *', after: '2025-01-02T00:00:00Z', want: '2025-01-15T00:00:00Z' },
    { spec: '0 0 * * ?', after: '2025-01-02T00:00:00Z', want: '2025-01-03T00:00:00Z' },
    { spec: '0 9 * * *', after: '2025-01-01T00:00:00Z', want: '2025-01-01T08:00:00Z', zone: 'Europe/Paris' },
    { spec: '0 9 * * *', after: '2025-07-01T00:00:00Z', want: '2025-07-01T07:00:00Z', zone: 'Europe/Paris' },
    { spec: '0 0 * * *', after: '2025-01-01T00:00:00Z', want: '2025-01-01T05:00:00Z', zone: 'America/New_York' },
  ];
  it.each(rows)('$spec after $after ($zone)', ({ spec, after, want, zone }) => {
    expect(new Date(nextTime(parseSchedule(spec), T(after), zone)!).toISOString().replace('.000', '')).toBe(want);
  });
});
