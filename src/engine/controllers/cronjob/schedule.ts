// Cron schedules as the CronJob controller reads them (github.com/robfig/cron/v3 ParseStandard,
// SpecSchedule.Next): five fields with ranges, steps, lists and names, `@hourly`-style
// descriptors, evaluated in an IANA time zone (UTC when none is given, as kind's controller-manager).

/** A parse failure; `message` is robfig/cron's text. */
export class ScheduleParseError extends Error {}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** A parsed schedule: the allowed values of each field; `domStar`/`dowStar` as robfig's star bit. */
export interface Schedule {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
}

function parseInt10(s: string): number {
  if (!/^\d+$/.test(s)) throw new ScheduleParseError(`failed to parse int from ${s}: strconv.Atoi: parsing "${s}": invalid syntax`);
  return Number(s);
}

function value(s: string, b: Bounds): number {
  const named = b.names?.[s.toLowerCase()];
  return named !== undefined ? named : parseInt10(s);
}

/** getField: one comma-separated field into its set of values. */
function parseField(field: string, b: Bounds): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const part of field.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined) throw new ScheduleParseError(`too many slashes: ${part}`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = b.min;
      hi = b.max;
      if (stepText === undefined) star = true;
    } else {
      const bounds = range.split('-');
      if (bounds.length > 2) throw new ScheduleParseError(`too many hyphens: ${part}`);
      lo = value(bounds[0], b);
      hi = bounds.length === 2 ? value(bounds[1], b) : stepText !== undefined ? b.max : lo;
    }
    const step = stepText === undefined ? 1 : parseInt10(stepText);
    if (lo < b.min) throw new ScheduleParseError(`beginning of range (${lo}) below minimum (${b.min}): ${part}`);
    if (hi > b.max) throw new ScheduleParseError(`end of range (${hi}) above maximum (${b.max}): ${part}`);
    if (lo > hi) throw new ScheduleParseError(`beginning of range (${lo}) beyond end of range (${hi}): ${part}`);
    if (step === 0) throw new ScheduleParseError(`step of range should be a positive number: ${part}`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, star };
}

/** ParseStandard. Throws ScheduleParseError. */
export function parseSchedule(spec: string): Schedule {
  const text = spec.trim();
  if (text === '') throw new ScheduleParseError('empty spec string');
  let expr = text;
  if (text.startsWith('@')) {
    const d = DESCRIPTORS[text.toLowerCase()];
    if (!d) throw new ScheduleParseError(`unrecognized descriptor: ${text}`);
    expr = d;
  }
  const fields = expr.split(/\s+/);
  if (fields.length !== 5) throw new ScheduleParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const [minute, hour, dom, month, dow] = fields.map((f, i) => parseField(f, FIELDS[i]));
  // Sunday may be written 7 in some crons; robfig rejects it (max 6), so no folding is needed.
  return { minute: minute.values, hour: hour.values, dom: dom.values, month: month.values, dow: dow.values, domStar: dom.star, dowStar: dow.star };
}

/** Wall-clock fields of an instant in a zone (UTC when zone is undefined). */
function wall(ms: number, zone: string | undefined): { y: number; mo: number; d: number; h: number; mi: number; dow: number } {
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') {
    const t = new Date(ms);
    return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), dow: t.getUTCDay() };
  }
  const local = ms + zoneOffset(ms, zone);
  return wall(local, undefined);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms (e.g. +3_600_000 for Europe/Paris in winter). */
export function zoneOffset(ms: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Whether a time zone name is known (LoadLocation succeeds). */
export function validZone(zone: string): boolean {
  try {
    zoneOffset(0, zone);
    return true;
  } catch {
    return false;
  }
}

function dayMatches(s: Schedule, d: number, dow: number): boolean {
  const domOk = s.dom.has(d);
  const dowOk = s.dow.has(dow);
  // robfig: when either field is `*`, both must match; otherwise either may.
  return s.domStar || s.dowStar ? domOk && dowOk : domOk || dowOk;
}

/**
 * Next: the first matching minute strictly after `after` (ms), or undefined within 5 years.
 * Walks forward skipping whole hours/days when they cannot match, so `@yearly` stays cheap.
 */
export function nextTime(s: Schedule, after: number, zone?: string): number | undefined {
  let t = Math.floor(after / 60_000) * 60_000 + 60_000;
  const limit = after + 5 * 366 * 86_400_000;
  while (t <= limit) {
    const w = wall(t, zone);
    if (!s.month.has(w.mo) || !dayMatches(s, w.d, w.dow)) {
      t += (24 * 60 - w.h * 60 - w.mi) * 60_000; // to the next local midnight
      continue;
    }
    if (!s.hour.has(w.h)) {
      t += (60 - w.mi) * 60_000;
      continue;
    }
    if (!s.minute.has(w.mi)) {
      t += 60_000;
      continue;
    }
    return t;
  }
  return undefined;
}
