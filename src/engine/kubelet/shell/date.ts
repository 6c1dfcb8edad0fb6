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
  return format.replace(/%(.)/g, (all, c: string) => field(d, ms, c) ?? all);
}

/** One `%c` conversion, or undefined for an unknown one (printed as is). A switch rather than a
 * table of closures: nginx formats a timestamp per log line, thousands of times per second. */
function field(d: Date, ms: number, c: string): string | undefined {
  switch (c) {
    case 'a': return DAYS[d.getUTCDay()];
    case 'A': return DAYS_LONG[d.getUTCDay()];
    case 'b':
    case 'h': return MONTHS[d.getUTCMonth()];
    case 'B': return MONTHS_LONG[d.getUTCMonth()];
    case 'C': return pad(Math.floor(d.getUTCFullYear() / 100));
    case 'd': return pad(d.getUTCDate());
    case 'e': return pad(d.getUTCDate(), 2, ' ');
    case 'D': return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`;
    case 'F': return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    case 'H': return pad(d.getUTCHours());
    case 'I': return pad(d.getUTCHours() % 12 || 12);
    case 'j': return pad(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3);
    case 'k': return pad(d.getUTCHours(), 2, ' ');
    case 'm': return pad(d.getUTCMonth() + 1);
    case 'M': return pad(d.getUTCMinutes());
    case 'n': return '\n';
    case 'N': return pad(d.getUTCMilliseconds(), 3) + '000000';
    case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM';
    case 'R': return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    case 's': return String(Math.floor(ms / 1000));
    case 'S': return pad(d.getUTCSeconds());
    case 't': return '\t';
    case 'T': return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    case 'u': return String(d.getUTCDay() || 7);
    case 'w': return String(d.getUTCDay());
    case 'y': return pad(d.getUTCFullYear() % 100);
    case 'Y': return String(d.getUTCFullYear());
    case 'z': return '+0000';
    case 'Z': return 'UTC';
    case '%': return '%';
    default: return undefined;
  }
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
