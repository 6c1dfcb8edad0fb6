// Word expansion as sh does it: quotes, `$VAR`/`${VAR...}`, `$?`/`$#`/positional parameters,
// `$(cmd)` and backticks (through a callback into the interpreter), `$((arith))`, and field
// splitting of unquoted expansion results.

import { groupEnd, quotedEnd } from './lexer';
import type { ShellContext } from './state';

/** Runs a command substitution and returns its stdout. */
export type Subst = (script: string) => string;

/** Raised for `${x?msg}` and bad arithmetic; the interpreter prints it and fails the command. */
export class ExpansionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpansionError';
  }
}

/** The value of a parameter (`HOME`, `?`, `1`, `#`, `@`), or undefined when unset. */
function param(name: string, ctx: ShellContext): string | undefined {
  if (name === '?') return String(ctx.lastStatus);
  if (name === '$') return '1';
  if (name === '!') return '';
  if (name === '#') return String(ctx.positional.length);
  if (name === '@' || name === '*') return ctx.positional.join(' ');
  if (name === '0') return ctx.argv0;
  if (/^\d+$/.test(name)) return ctx.positional[Number(name) - 1];
  return ctx.vars.get(name);
}

/** `${...}` contents: `NAME`, `#NAME`, `NAME:-word`, `NAME-word`, `NAME:=word`, `NAME:+word`, `NAME:?word`. */
function braced(inner: string, ctx: ShellContext, subst: Subst): string {
  if (inner.startsWith('#') && inner.length > 1) return String((param(inner.slice(1), ctx) ?? '').length);
  const m = /^([A-Za-z_][A-Za-z0-9_]*|\d+|[?#$@*!])(:?[-=+?])?([\s\S]*)$/.exec(inner);
  if (!m) throw new ExpansionError(`\${${inner}}: bad substitution`);
  const [, name, op, word] = m;
  const v = param(name, ctx);
  if (!op) return v ?? '';
  const empty = op.startsWith(':') ? !v : v === undefined;
  const w = () => expandWord(word, ctx, subst);
  switch (op.slice(-1)) {
    case '-':
      return empty ? w() : v!;
    case '=':
      if (empty) ctx.vars.set(name, w());
      return ctx.vars.get(name) ?? '';
    case '+':
      return empty ? '' : w();
    default:
      if (empty) throw new ExpansionError(`${name}: ${word || 'parameter not set'}`);
      return v!;
  }
}

/** Reads one `$...` expansion at `i` (s[i] === '$'); returns the value and the index after it. */
function dollar(s: string, i: number, ctx: ShellContext, subst: Subst): { value: string; end: number } | undefined {
  const n = s[i + 1];
  if (n === '(' && s[i + 2] === '(') {
    const end = groupEnd(s, i + 1);
    const inner = s.slice(i + 3, end - 2);
    return { value: String(arith(expandWord(inner, ctx, subst), ctx)), end };
  }
  if (n === '(') {
    const end = groupEnd(s, i + 1);
    return { value: subst(s.slice(i + 2, end - 1)).replace(/\n+$/, ''), end };
  }
  if (n === '{') {
    const end = groupEnd(s, i + 1);
    return { value: braced(s.slice(i + 2, end - 1), ctx, subst), end };
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#$@*!])/.exec(s.slice(i + 1));
  if (!m) return undefined;
  return { value: param(m[1], ctx) ?? '', end: i + 1 + m[1].length };
}

/** Expands a double-quoted section's inside (no field splitting). */
function expandQuoted(s: string, ctx: ShellContext, subst: Subst): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && '$`"\\\n'.includes(s[i + 1])) {
      if (s[i + 1] !== '\n') out += s[i + 1];
      i += 2;
    } else if (c === '$') {
      const d = dollar(s, i, ctx, subst);
      if (d) {
        out += d.value;
        i = d.end;
      } else {
        out += c;
        i++;
      }
    } else if (c === '`') {
      const j = s.indexOf('`', i + 1);
      out += subst(s.slice(i + 1, j)).replace(/\n+$/, '');
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Expands one word into fields (unquoted expansions split on blanks; `""` is one empty field). */
export function expandFields(word: string, ctx: ShellContext, subst: Subst): string[] {
  const fields: string[] = [];
  let cur = '';
  let has = false;
  const pushSplit = (value: string) => {
    const parts = value.split(/[ \t\n]+/);
    parts.forEach((p, k) => {
      if (k > 0 && (has || cur !== '')) {
        fields.push(cur);
        cur = '';
        has = false;
      }
      if (p !== '') {
        cur += p;
        has = true;
      }
    });
  };
  let i = 0;
  if (word === '~' || word.startsWith('~/')) {
    cur = ctx.vars.get('HOME') ?? '/root';
    has = true;
    i = 1;
  }
  while (i < word.length) {
    const c = word[i];
    if (c === '\\') {
      cur += word[i + 1] ?? '';
      has = true;
      i += 2;
    } else if (c === "'") {
      const j = word.indexOf("'", i + 1);
      cur += word.slice(i + 1, j);
      has = true;
      i = j + 1;
    } else if (c === '"') {
      const j = quotedEnd(word, i + 1);
      cur += expandQuoted(word.slice(i + 1, j - 1), ctx, subst);
      has = true;
      i = j;
    } else if (c === '$' || c === '`') {
      let value: string;
      if (c === '`') {
        const j = word.indexOf('`', i + 1);
        value = subst(word.slice(i + 1, j)).replace(/\n+$/, '');
        i = j + 1;
      } else {
        const d = dollar(word, i, ctx, subst);
        if (!d) {
          cur += '$';
          has = true;
          i++;
          continue;
        }
        value = d.value;
        i = d.end;
      }
      pushSplit(value);
    } else {
      cur += c;
      has = true;
      i++;
    }
  }
  if (has || cur !== '') fields.push(cur);
  return fields;
}

/** Expands words into the argv they give (field splitting applied). */
export function expandWords(words: string[], ctx: ShellContext, subst: Subst): string[] {
  return words.flatMap((w) => expandFields(w, ctx, subst));
}

/** Expands a word without field splitting (assignments, redirection targets, `for` items use fields). */
export function expandWord(word: string, ctx: ShellContext, subst: Subst): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const c = word[i];
    if (c === '\\') {
      out += word[i + 1] ?? '';
      i += 2;
    } else if (c === "'") {
      const j = word.indexOf("'", i + 1);
      out += word.slice(i + 1, j);
      i = j + 1;
    } else if (c === '"') {
      const j = quotedEnd(word, i + 1);
      out += expandQuoted(word.slice(i + 1, j - 1), ctx, subst);
      i = j;
    } else if (c === '$' || c === '`') {
      const j = c === '`' ? word.indexOf('`', i + 1) : -1;
      if (c === '`') {
        out += subst(word.slice(i + 1, j)).replace(/\n+$/, '');
        i = j + 1;
        continue;
      }
      const d = dollar(word, i, ctx, subst);
      out += d ? d.value : '$';
      i = d ? d.end : i + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * Evaluates `$((...))` arithmetic: integers, variables, + - * / % ** , comparisons, && || !,
 * parentheses, `=` / `+=` / `-=` assignment. E.g. with i=4: `i * 2 + 1` -> 9, `i % 3 == 1` -> 1.
 */
export function arith(src: string, ctx: ShellContext): number {
  const toks = src.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||\+=|-=|[-+*/%()<>!=]/g) ?? [];
  let p = 0;
  const fail = (): never => {
    throw new ExpansionError(`arithmetic syntax error`);
  };
  const num = (name: string) => {
    const v = ctx.vars.get(name) ?? '0';
    return /^-?\d+$/.test(v.trim()) ? Number(v) : 0;
  };
  const binPrec: Record<string, number> = {
    '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6, '**': 7,
  };
  const unary = (): number => {
    const t = toks[p++];
    if (t === undefined) fail();
    if (t === '(') {
      const v = expr(0);
      if (toks[p++] !== ')') fail();
      return v;
    }
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return unary() ? 0 : 1;
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const op = toks[p];
      if (op === '=' || op === '+=' || op === '-=') {
        p++;
        const rhs = expr(0);
        const v = op === '=' ? rhs : op === '+=' ? num(t) + rhs : num(t) - rhs;
        ctx.vars.set(t, String(v));
        return v;
      }
      return num(t);
    }
    return fail();
  };
  const expr = (min: number): number => {
    let left = unary();
    for (;;) {
      const op = toks[p];
      const prec = op === undefined ? undefined : binPrec[op];
      if (prec === undefined || prec < min) return left;
      p++;
      const right = expr(op === '**' ? prec : prec + 1);
      left = apply(op, left, right);
    }
  };
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/':
      case '%':
        if (b === 0) throw new ExpansionError('arithmetic: division by zero');
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '**': return a ** b;
      case '<': return +(a < b);
      case '>': return +(a > b);
      case '<=': return +(a <= b);
      case '>=': return +(a >= b);
      case '==': return +(a === b);
      case '!=': return +(a !== b);
      case '&&': return +(a !== 0 && b !== 0);
      default: return +(a !== 0 || b !== 0);
    }
  };
  if (toks.length === 0) return 0;
  const v = expr(0);
  if (p !== toks.length) fail();
  return v;
}
