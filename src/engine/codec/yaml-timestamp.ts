// Recognises the timestamp forms go-yaml v2 resolves (it tries Go time.Parse with four layouts),
// so that the emitter quotes them and the parser knows them (they stay strings either way).

/** Reads 1 or 2 digits at s[i] like Go time's getnum(s, false); null when s[i] is not a digit. */
function getnum(s: string, i: number): { n: number; next: number } | null {
  if (!isDigit(s, i)) return null;
  if (!isDigit(s, i + 1)) return { n: s.charCodeAt(i) - 48, next: i + 1 };
  return { n: (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48, next: i + 2 };
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Parses `H:M:S[.frac]` starting at i; returns the index after it or -1. */
function parseClock(s: string, i: number): number {
  const h = getnum(s, i);
  if (!h || h.n >= 24 || s[h.next] !== ':') return -1;
  const m = getnum(s, h.next + 1);
  if (!m || m.n >= 60 || s[m.next] !== ':') return -1;
  const sec = getnum(s, m.next + 1);
  if (!sec || sec.n >= 60) return -1;
  let j = sec.next;
  // Go takes a fraction (any number of digits) after '.' or ',' when a digit follows.
  if ((s[j] === '.' || s[j] === ',') && isDigit(s, j + 1)) {
    j++;
    while (isDigit(s, j)) j++;
  }
  return j;
}

/** Parses Go's `Z07:00` zone at i; returns the index after it or -1. */
function parseZone(s: string, i: number): number {
  if (s[i] === 'Z') return i + 1;
  if (s.length - i < 6 || s[i + 3] !== ':') return -1;
  if (s[i] !== '+' && s[i] !== '-') return -1;
  if (!isDigit(s, i + 1) || !isDigit(s, i + 2) || !isDigit(s, i + 4) || !isDigit(s, i + 5)) return -1;
  // Go accepts offsets up to 24 hours and 60 minutes (it tests with > rather than >=).
  if (Number(s.slice(i + 1, i + 3)) > 24 || Number(s.slice(i + 4, i + 6)) > 60) return -1;
  return i + 6;
}

/**
 * True when go-yaml v2's parseTimestamp accepts s: `2006-1-2`, `2006-1-2T15:4:5.999999999Z07:00`
 * (also with `t`) or `2006-1-2 15:4:5.999999999` (one or more spaces), with Go's range checks.
 */
export function isYamlTimestamp(s: string): boolean {
  let i = 0;
  while (i < s.length && isDigit(s, i)) i++;
  if (i !== 4 || s[4] !== '-') return false;
  const year = Number(s.slice(0, 4));
  const mo = getnum(s, 5);
  if (!mo || mo.n < 1 || mo.n > 12 || s[mo.next] !== '-') return false;
  const d = getnum(s, mo.next + 1);
  if (!d || d.n < 1 || d.n > daysIn(mo.n, year)) return false;
  let j = d.next;
  if (j === s.length) return true;
  if (s[j] === 'T' || s[j] === 't') {
    j = parseClock(s, j + 1);
    if (j < 0) return false;
    j = parseZone(s, j);
    return j === s.length;
  }
  if (s[j] !== ' ') return false;
  while (s[j] === ' ') j++;
  j = parseClock(s, j);
  return j === s.length;
}
