// `date` for the container shell: simulated wall time in UTC, default format and `+FORMAT`.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, w = 2, c = '0') => String(n).padStart(w, c);

/**
 * Formats epoch ms as `date` does in a container (TZ unset = UTC). Default format is
 * `%a %b %e %H:%M:%S %Z %Y`, e.g. `Thu Jan  1 00:00:00 UTC 1970`.
 */
export function formatDate(ms: number, format = '%a %b %e %H:%M:%S %Z %Y'): string {
  const d = new Date(ms);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const yday = Math.floor((ms - start) / 86_400_000) + 1;
  const h12 = d.getUTCHours() % 12 || 12;
  const map: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()],
    A: () => DAYS_LONG[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    h: () => MONTHS[d.getUTCMonth()],
    B: () => MONTHS_LONG[d.getUTCMonth()],
    C: () => pad(Math.floor(d.getUTCFullYear() / 100)),
    d: () => pad(d.getUTCDate()),
    e: () => pad(d.getUTCDate(), 2, ' '),
    D: () => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`,
    F: () => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    H: () => pad(d.getUTCHours()),
    I: () => pad(h12),
    j: () => pad(yday, 3),
    k: () => pad(d.getUTCHours(), 2, ' '),
    m: () => pad(d.getUTCMonth() + 1),
    M: () => pad(d.getUTCMinutes()),
    n: () => '\n',
    N: () => pad(d.getUTCMilliseconds(), 3) + '000000',
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    R: () => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    s: () => String(Math.floor(ms / 1000)),
    S: () => pad(d.getUTCSeconds()),
    t: () => '\t',
    T: () => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()),
    y: () => pad(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  };
  return format.replace(/%(.)/g, (all, c: string) => (map[c] ? map[c]() : all));
}

/** `date [-u] [-R] [-I] [+FORMAT]` -> the line it prints. */
export function dateCommand(args: string[], ms: number): { out?: string; err?: string; status: number } {
  let format: string | undefined;
  for (const a of args) {
    if (a.startsWith('+')) format = a.slice(1);
    else if (a === '-R') format = '%a, %d %b %Y %H:%M:%S +0000';
    else if (a === '-I') format = '%F';
    else if (a === '-u' || a === '--utc') continue;
    else return { err: `date: invalid date '${a}'\n`, status: 1 };
  }
  return { out: formatDate(ms, format) + '\n', status: 0 };
}
