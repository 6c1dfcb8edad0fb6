// Character classes and number/rune helpers of the JSONPath parser, matching the Go
// functions client-go's parser.go uses (unicode.IsDigit, strconv.Atoi, %#U).

/** What next() returns at the end of input. */
export const EOF = '';

/** Go parser's isSpace: blank or tab. */
export const isSpace = (r: string): boolean => r === ' ' || r === '\t';
/** Go parser's isEndOfLine: CR or LF. */
export const isEndOfLine = (r: string): boolean => r === '\r' || r === '\n';
/** unicode.IsDigit. */
export const isDigit = (r: string): boolean => r !== EOF && /^\p{Nd}$/u.test(r);
/** Go parser's isAlphaNumeric: underscore, letter or digit. */
export const isAlphaNumeric = (r: string): boolean => r === '_' || (r !== EOF && /^[\p{L}\p{Nd}]$/u.test(r));

/** Characters that may end an identifier or a field name. */
export function isTerminator(r: string): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  return r === EOF || '.,[]$@{}'.includes(r);
}

/** Go's `%#U`: `U+002C ','` for printable runes, `U+000A` otherwise. */
export function formatRune(r: string): string {
  const cp = r.codePointAt(0)!;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${hex} '${r}'` : hex;
}

/** Whole-number text that Go's strconv.Atoi accepts (64-bit range). */
export function atoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const v = BigInt(s);
  if (v > 9223372036854775807n || v < -9223372036854775808n) return undefined;
  return Number(v);
}
