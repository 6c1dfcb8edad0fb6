// Human-readable ages as kubectl prints them: apimachinery pkg/util/duration (HumanDuration,
// ShortHumanDuration) and the printers' translateTimestampSince. Time is passed in, never read.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * While set, told for every duration formatted how many more milliseconds its text stays the same
 * (its whole seconds change no sooner): the worker's kept answers learn when an output mentioning
 * ages goes out of date without formatting it again.
 */
let stability: ((ms: number) => void) | undefined;

/** Starts reporting each formatted duration's remaining stable time to `fn`; returns the stop. */
export function observeDurationStability(fn: (ms: number) => void): () => void {
  const prev = stability;
  stability = fn;
  return () => {
    stability = prev;
  };
}

/**
 * How long `ms` can grow before trunc(ms / 1000) may change: exactly for a positive duration
 * (1,250 -> 750); for a negative one (a timestamp in the future) a safe lower bound (-1,500 -> 500,
 * though the truncated value only moves past -1,000).
 */
export function msUntilNextSecond(ms: number): number {
  const r = Math.abs(ms) % SECOND;
  return ms >= 0 ? SECOND - r : Math.max(1, r);
}

/**
 * HumanDuration: ~2-3 significant figures (`45s`, `3m10s`, `70m`, `3h1m`, `47h`, `2d1h`, `367d`,
 * `2y1d`, `8y`). More than a second in the past of zero (clock skew) is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  stability?.(msUntilNextSecond(ms));
  // Go truncates toward zero (int(d.Seconds())), so -1.9s is still "0s": up to 2s of skew is tolerated.
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** ShortHumanDuration: one unit only (`59s`, `1m`, `23h`, `364d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  stability?.(msUntilNextSecond(ms));
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * Milliseconds since the epoch for an RFC 3339 timestamp, or undefined when it is missing or
 * unparseable (upstream's zero time). Date.parse only parses; it does not read the clock.
 */
export function parseTimestamp(ts: string | null | undefined): number | undefined {
  if (typeof ts !== 'string' || ts === '') return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The printers' translateTimestampSince: `<unknown>` for a missing (zero) timestamp, otherwise
 * humanDuration(now - ts), which is `<invalid>` for timestamps more than a second in the future.
 */
export function translateTimestampSince(ts: string | null | undefined, now: number): string {
  const t = parseTimestamp(ts);
  if (t === undefined) return '<unknown>';
  return humanDuration(now - t);
}
