// Simple text filters for pipes in the container shell: grep, head, tail, wc, sort, uniq, tr,
// cut, seq. Each takes argv and stdin and returns what it prints, as the busybox applets do.

/** What a utility prints and its exit status. */
export interface UtilResult {
  out?: string;
  err?: string;
  status: number;
}

/** UTF-8 byte length (the engine has no TextEncoder: it type-checks against ES2023 only). */
export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

const lines = (s: string): string[] => {
  if (s === '') return [];
  const l = s.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
};
const join = (l: string[]) => (l.length ? l.join('\n') + '\n' : '');

/** `-n N`, `-nN` or `-N`: the count for head/tail (default 10). */
function count(args: string[]): { n: number; rest: string[] } {
  let n = 10;
  const rest: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-n') n = Number(args[++k]);
    else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else rest.push(a);
  }
  return { n, rest };
}

export function head(args: string[], input: string): UtilResult {
  return { out: join(lines(input).slice(0, count(args).n)), status: 0 };
}

export function tail(args: string[], input: string): UtilResult {
  const { n } = count(args);
  const l = lines(input);
  return { out: join(n === 0 ? [] : l.slice(-n)), status: 0 };
}

export function wc(args: string[], input: string): UtilResult {
  const l = (input.match(/\n/g) ?? []).length;
  const w = input.split(/\s+/).filter(Boolean).length;
  const c = byteLength(input);
  const flags = args.filter((a) => a.startsWith('-')).join('');
  if (flags.includes('l') && flags.length === 2) return { out: `${l}\n`, status: 0 };
  if (flags.includes('w') && flags.length === 2) return { out: `${w}\n`, status: 0 };
  if (flags.includes('c') && flags.length === 2) return { out: `${c}\n`, status: 0 };
  // busybox pads each count to 7 columns when several are printed.
  return { out: `${String(l).padStart(7)} ${String(w).padStart(7)} ${String(c).padStart(7)}\n`, status: 0 };
}

/** grep [-v] [-i] [-c] [-q] [-E] [-F] [-n] PATTERN (basic regexps treated as JS regexps). */
export function grep(args: string[], input: string): UtilResult {
  const flags = new Set<string>();
  let pattern: string | undefined;
  for (const a of args) {
    if (a.startsWith('-') && a.length > 1 && pattern === undefined) for (const f of a.slice(1)) flags.add(f);
    else if (pattern === undefined) pattern = a;
  }
  if (pattern === undefined) return { err: 'Usage: grep [-HhnlLoqvsrRiwFE] PATTERN [FILE]...\n', status: 2 };
  const src = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? pattern : pattern.replace(/\\([|+?(){}])/g, '$1');
  let re: RegExp;
  try {
    re = new RegExp(src, flags.has('i') ? 'i' : '');
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags.has('i') ? 'i' : '');
  }
  const matched: string[] = [];
  lines(input).forEach((l, k) => {
    if (re.test(l) !== flags.has('v')) matched.push(flags.has('n') ? `${k + 1}:${l}` : l);
  });
  const status = matched.length ? 0 : 1;
  if (flags.has('q')) return { status };
  if (flags.has('c')) return { out: `${matched.length}\n`, status };
  return { out: join(matched), status };
}

export function sort(args: string[], input: string): UtilResult {
  const l = lines(input);
  const numeric = args.some((a) => a.startsWith('-') && a.includes('n'));
  l.sort(numeric ? (a, b) => parseFloat(a) - parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (args.some((a) => a.startsWith('-') && a.includes('r'))) l.reverse();
  const out = args.some((a) => a.startsWith('-') && a.includes('u')) ? l.filter((x, k) => k === 0 || x !== l[k - 1]) : l;
  return { out: join(out), status: 0 };
}

export function uniq(args: string[], input: string): UtilResult {
  const l = lines(input);
  const groups: { line: string; n: number }[] = [];
  for (const x of l) {
    const last = groups[groups.length - 1];
    if (last && last.line === x) last.n++;
    else groups.push({ line: x, n: 1 });
  }
  const c = args.includes('-c');
  return { out: join(groups.map((g) => (c ? `${String(g.n).padStart(7)} ${g.line}` : g.line))), status: 0 };
}

/** Expands `a-z` ranges and `\n` escapes in a tr set. */
function trSet(s: string): string {
  s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\[:upper:\]/g, 'A-Z').replace(/\[:lower:\]/g, 'a-z').replace(/\[:digit:\]/g, '0-9');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += s[i];
  }
  return out;
}

export function tr(args: string[], input: string): UtilResult {
  const del = args[0] === '-d';
  const sets = args.filter((a) => !a.startsWith('-'));
  const from = trSet(sets[0] ?? '');
  if (del) return { out: [...input].filter((c) => !from.includes(c)).join(''), status: 0 };
  const to = trSet(sets[1] ?? '');
  const out = [...input].map((c) => {
    const k = from.indexOf(c);
    return k < 0 ? c : to[Math.min(k, to.length - 1)] ?? c;
  });
  return { out: out.join(''), status: 0 };
}

/** cut -d DELIM -f LIST (single fields and ranges like 1,3 or 2-). */
export function cut(args: string[], input: string): UtilResult {
  let delim = '\t';
  let fields = '';
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-d') delim = args[++k];
    else if (a.startsWith('-d')) delim = a.slice(2);
    else if (a === '-f') fields = args[++k];
    else if (a.startsWith('-f')) fields = a.slice(2);
  }
  const want = (n: number) =>
    fields.split(',').some((r) => {
      const [lo, hi] = r.split('-');
      if (hi === undefined) return Number(lo) === n;
      return n >= (lo === '' ? 1 : Number(lo)) && (hi === '' || n <= Number(hi));
    });
  const out = lines(input).map((l) => (l.includes(delim) ? l.split(delim).filter((_, k) => want(k + 1)).join(delim) : l));
  return { out: join(out), status: 0 };
}

/** seq [FIRST [INC]] LAST */
export function seq(args: string[]): UtilResult {
  const n = args.map(Number);
  if (n.length === 0 || n.some((x) => Number.isNaN(x))) return { err: `seq: invalid number '${args.find((a) => Number.isNaN(Number(a))) ?? ''}'\n`, status: 1 };
  const [first, inc, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : n;
  const out: string[] = [];
  if (inc !== 0) for (let x = first; inc > 0 ? x <= last : x >= last; x += inc) out.push(String(x));
  return { out: join(out), status: 0 };
}
