// Time formatting for API objects: RFC 3339 timestamps at second precision (metav1.Time) and
// microsecond precision (metav1.MicroTime), from simulated milliseconds.

/** The last second formatted: a burst of writes at one simulated instant stamps the same string. */
let lastSecond = NaN;
let lastStamp = '';

/** `2026-11-23T06:34:42Z` */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    lastStamp = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = sec;
  }
  return lastStamp;
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
