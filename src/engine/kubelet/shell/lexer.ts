// Tokenizer for the POSIX-sh subset the container shell runs: words (kept raw, quotes and
// expansions intact, so expansion happens at run time as sh does it), operators and redirections.

/** A shell token. Words keep their raw text; `expand` resolves quotes and `$...` later. */
export type Token =
  | { t: 'word'; v: string }
  | { t: 'op'; v: ';' | '&&' | '||' | '|' | '&' | '\n' | '(' | ')' | ';;' }
  | { t: 'redir'; v: '>' | '>>' | '<' | '>&' | '<&'; fd: number };

/** Thrown for unterminated quotes and similar; `sh` prints it as a syntax error (exit 2). */
export class ShellSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

const OPS = ['&&', '||', ';;', ';', '|', '&', '(', ')', '\n'] as const;

/**
 * Where the word starting at `i` ends: skips quotes, `\x`, `$(...)`, `${...}`, `$((...))` and
 * backticks so that `echo "a b" $(echo c; d)` splits into the right words.
 */
function wordEnd(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      i += 2;
    } else if (c === "'") {
      const j = s.indexOf("'", i + 1);
      if (j < 0) throw new ShellSyntaxError('Unterminated quoted string');
      i = j + 1;
    } else if (c === '"') {
      i = quotedEnd(s, i + 1);
    } else if (c === '`') {
      const j = s.indexOf('`', i + 1);
      if (j < 0) throw new ShellSyntaxError('EOF in backquote substitution');
      i = j + 1;
    } else if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
      i = groupEnd(s, i + 1);
    } else if (' \t\n;&|()<>'.includes(c)) {
      break;
    } else {
      i++;
    }
  }
  return i;
}

/** Index just past the closing `"` of a double-quoted string starting at `i` (inside it). */
export function quotedEnd(s: string, i: number): number {
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) i = groupEnd(s, i + 1);
    else if (c === '`') {
      const j = s.indexOf('`', i + 1);
      if (j < 0) throw new ShellSyntaxError('EOF in backquote substitution');
      i = j + 1;
    } else i++;
  }
  throw new ShellSyntaxError('Unterminated quoted string');
}

/** Index just past the bracket matching the `(` or `{` at `i`, honouring nested quotes. */
export function groupEnd(s: string, i: number): number {
  const open = s[i];
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'" && open === '(') {
      const j = s.indexOf("'", i + 1);
      if (j < 0) break;
      i = j + 1;
      continue;
    }
    if (c === '"') {
      i = quotedEnd(s, i + 1);
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  throw new ShellSyntaxError(open === '(' ? "Missing ')'" : "Missing '}'");
}

/** Splits a script into tokens. Throws ShellSyntaxError on unterminated quotes. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\\' && s[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    // An fd number directly before a redirection (`2>`, `2>&1`).
    const fdMatch = /^(\d)?(>>|>&|<&|>|<)/.exec(s.slice(i, i + 3));
    if (fdMatch && (fdMatch[1] === undefined || c !== '&')) {
      const op = fdMatch[2] as '>' | '>>' | '<' | '>&' | '<&';
      const fd = fdMatch[1] !== undefined ? Number(fdMatch[1]) : op.startsWith('<') ? 0 : 1;
      out.push({ t: 'redir', v: op, fd });
      i += fdMatch[0].length;
      continue;
    }
    if (c === '&' && s[i + 1] === '>') {
      // `&> file`: both streams (bash); treated as `> file 2>&1`.
      out.push({ t: 'redir', v: '>', fd: 3 });
      i += 2;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    const end = wordEnd(s, i);
    out.push({ t: 'word', v: s.slice(i, end) });
    i = end;
  }
  return out;
}
