// Time formatting for API objects: RFC 3339 timestamps at second precision (metav1.Time) and
// microsecond precision (metav1.MicroTime), from simulated milliseconds.

/**
 * Seconds formatted lately, direct-mapped by the second's low 6 bits: a kubelet status mixes a
 * pod's start time, its containers' start times and the current time, so one remembered second
 * would be replaced at every call; 64 slots cover a minute of distinct seconds.
 */
const SLOTS = 64;
const stampSecond = new Float64Array(SLOTS).fill(NaN);
const stampText: string[] = new Array<string>(SLOTS).fill('');

/** `2026-11-23T06:34:42Z` */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  const i = sec & (SLOTS - 1);
  if (stampSecond[i] !== sec) {
    stampText[i] = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
    stampSecond[i] = sec;
  }
  return stampText[i];
}

/** `2026-11-23T06:34:42.123000Z` (MicroTime, used by events' eventTime and leases). */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Milliseconds since the epoch for an RFC 3339 timestamp, or undefined. */
export function parseTime(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || ts === '') return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}
