// `echo` and `printf` for the container shell, with the escape handling of busybox ash and dash.

import type { ShellFlavor } from './state';

/** Backslash escapes as echo -e / printf %b / printf formats read them; `\c` stops output. */
export function unescape(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    const c = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', e: '\x1b' };
    if (c in simple) out += simple[c];
    else if (c === 'c') return { text: out, stop: true };
    else if (/[0-7]/.test(c)) {
      const m = /^0?[0-7]{0,3}/.exec(s.slice(i))![0] || c;
      out += String.fromCharCode(parseInt(m, 8) & 255);
      i += m.length - 1;
    } else out += '\\' + c;
  }
  return { text: out, stop: false };
}

/** `echo`: busybox takes -n/-e/-E; dash takes only -n and always reads escapes. */
export function echo(args: string[], flavor: ShellFlavor): string {
  let newline = true;
  let escapes = flavor === 'dash';
  let k = 0;
  for (; k < args.length; k++) {
    const a = args[k];
    const ok = flavor === 'dash' ? /^-n$/.test(a) : /^-[neE]+$/.test(a);
    if (!ok) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else if (f === 'E') escapes = false;
    }
  }
  const text = args.slice(k).join(' ');
  if (!escapes) return text + (newline ? '\n' : '');
  const u = unescape(text);
  return u.text + (newline && !u.stop ? '\n' : '');
}

/** `printf FORMAT ARGS...`: the format is reused while arguments remain, as POSIX says. */
export function printf(args: string[]): { out: string; err?: string; status: number } {
  if (args.length === 0) return { out: '', err: 'printf: usage: printf format [arguments]\n', status: 2 };
  const [format, ...rest] = args;
  let out = '';
  let err: string | undefined;
  let k = 0;
  for (;;) {
    let used = false;
    let stop = false;
    const text = format.replace(/%([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sdiouxXcbfeEgG%])|\\(?:[0-7]{1,3}|.)/g, (m, flags: string, width: string | undefined, prec: string | undefined, conv: string | undefined) => {
      if (m.startsWith('\\')) {
        const u = unescape(m);
        if (u.stop) stop = true;
        return u.text;
      }
      if (conv === '%') return '%';
      used = true;
      const arg = rest[k++];
      let s: string;
      switch (conv) {
        case 's':
          s = arg ?? '';
          if (prec !== undefined) s = s.slice(0, Number(prec));
          break;
        case 'b': {
          const u = unescape(arg ?? '');
          s = u.text;
          break;
        }
        case 'c':
          s = (arg ?? '').slice(0, 1);
          break;
        case 'f':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const n = Number(arg ?? 0);
          const p = prec === undefined ? 6 : Number(prec);
          s = conv === 'f' ? n.toFixed(p) : conv.toLowerCase() === 'e' ? n.toExponential(p) : String(Number(n.toPrecision(p || 1)));
          break;
        }
        default: {
          const raw = arg ?? '0';
          let n = Number(raw.startsWith("'") || raw.startsWith('"') ? raw.charCodeAt(1) : raw);
          if (Number.isNaN(n)) {
            err = `printf: invalid number '${raw}'\n`;
            n = 0;
          }
          n = Math.trunc(n);
          s = conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : conv === 'o' ? n.toString(8) : String(n);
          if (flags.includes('+') && n >= 0 && 'di'.includes(conv!)) s = '+' + s;
        }
      }
      const w = width === undefined || width === '*' ? 0 : Number(width);
      if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : flags.includes('0') && conv !== 's' ? s.padStart(w, '0') : s.padStart(w);
      return s;
    });
    out += text;
    if (stop || !used || k >= rest.length) break;
  }
  return { out, err, status: err ? 1 : 0 };
}
