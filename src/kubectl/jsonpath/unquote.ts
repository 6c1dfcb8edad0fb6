// Go's strconv.UnquoteChar as client-go's UnquoteExtend uses it: turns the quoted string
// literals of a JSONPath template (`{"\n"}`, `{'x'}`) into their text.

/** Thrown for a malformed quoted literal; the message is Go's strconv.ErrSyntax text. */
export class UnquoteSyntaxError extends Error {
  constructor() {
    super('invalid syntax');
    this.name = 'UnquoteSyntaxError';
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\',
};

function hexValue(s: string): number {
  if (!/^[0-9a-fA-F]+$/.test(s)) throw new UnquoteSyntaxError();
  return parseInt(s, 16);
}

/** Decodes one (possibly escaped) character at the start of `s`; returns it and the rest. */
function unquoteChar(s: string, quote: string): [string, string] {
  const c = s[0];
  if (c === quote && (quote === '"' || quote === "'")) throw new UnquoteSyntaxError();
  if (c !== '\\') {
    const cp = s.codePointAt(0)!;
    const len = cp > 0xffff ? 2 : 1;
    return [s.slice(0, len), s.slice(len)];
  }
  if (s.length <= 1) throw new UnquoteSyntaxError();
  const e = s[1];
  const rest = s.slice(2);
  if (e in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[e], rest];
  switch (e) {
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      if (rest.length < n) throw new UnquoteSyntaxError();
      const v = hexValue(rest.slice(0, n));
      if (e === 'x') return [String.fromCharCode(v), rest.slice(n)];
      // Go refuses code points that are not valid Unicode scalar values.
      if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) throw new UnquoteSyntaxError();
      return [String.fromCodePoint(v), rest.slice(n)];
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      const oct = s.slice(1, 4);
      if (!/^[0-7]{3}$/.test(oct)) throw new UnquoteSyntaxError();
      const v = parseInt(oct, 8);
      if (v > 255) throw new UnquoteSyntaxError();
      return [String.fromCharCode(v), s.slice(4)];
    }
    case "'":
    case '"':
      if (e !== quote) throw new UnquoteSyntaxError();
      return [e, rest];
    default:
      throw new UnquoteSyntaxError();
  }
}

/**
 * client-go's UnquoteExtend: strconv.Unquote that also accepts single-quoted strings.
 * Throws UnquoteSyntaxError when the literal is malformed.
 */
export function unquoteExtend(literal: string): string {
  const n = literal.length;
  if (n < 2) throw new UnquoteSyntaxError();
  const quote = literal[0];
  if (quote !== literal[n - 1]) throw new UnquoteSyntaxError();
  if (quote !== '"' && quote !== "'") throw new UnquoteSyntaxError();
  let s = literal.slice(1, n - 1);
  if (!s.includes('\\') && !s.includes(quote)) return s;
  let out = '';
  while (s.length > 0) {
    const [ch, rest] = unquoteChar(s, quote);
    out += ch;
    s = rest;
  }
  return out;
}
