// The events timeline's logic: which Events to show (text, Warning-only and namespace filters),
// newest first, capped so the DOM stays small, and their simulated timestamps as HH:MM:SS.

import type { EventView, ObjectView } from '../../worker/protocol';

export interface EventFilter {
  /** Case-insensitive text matched against reason, message and involved object. */
  text: string;
  warningsOnly: boolean;
  /** Namespace predicate (see map/namespaces.ts). */
  visible: (ns: string | undefined) => boolean;
}

export interface EventRows {
  rows: EventView[];
  /** How many matched before the cap. */
  matched: number;
  /** How many Events there are in total. */
  total: number;
}

/** Rows the timeline renders at most: the newest ones. */
export const EVENT_CAP = 500;

/** Newest first: by last timestamp, then by creation, then name (stable across batches). */
export function compareEvents(a: EventView, b: EventView): number {
  return b.last - a.last || b.created - a.created || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** The Events among `objects` that pass `f`, newest first, at most `cap` of them. */
export function filterEvents(objects: Iterable<ObjectView>, f: EventFilter, cap = EVENT_CAP): EventRows {
  const needle = f.text.trim().toLowerCase();
  const out: EventView[] = [];
  let total = 0;
  for (const o of objects) {
    if (o.kind !== 'Event') continue;
    total++;
    if (f.warningsOnly && o.type !== 'Warning') continue;
    if (!f.visible(o.namespace ?? o.involved.namespace)) continue;
    if (needle && !matchesText(o, needle)) continue;
    out.push(o);
  }
  out.sort(compareEvents);
  return { rows: out.length > cap ? out.slice(0, cap) : out, matched: out.length, total };
}

function matchesText(e: EventView, needle: string): boolean {
  return (
    e.reason.toLowerCase().includes(needle) ||
    e.message.toLowerCase().includes(needle) ||
    e.object.toLowerCase().includes(needle) ||
    `${e.involved.kind}/${e.involved.name}`.toLowerCase().includes(needle)
  );
}

const pad = (n: number): string => (n < 10 ? '0' : '') + n;

/**
 * HH:MM:SS of a simulated instant, in UTC by default like the top bar's clock (`offsetMinutes` as
 * Date#getTimezoneOffset gives it, minutes to add to local time to get UTC, for another zone).
 */
export function clockTime(ms: number, offsetMinutes = 0): string {
  const day = 86_400_000;
  const local = (((ms - offsetMinutes * 60_000) % day) + day) % day;
  const s = Math.floor(local / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}
