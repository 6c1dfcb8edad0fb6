// Scalar analysis, style selection and the four scalar writers of the go-yaml v2 emitter
// (plain, single-quoted, double-quoted, literal), including folding of long lines at width 80.
import { BEST_INDENT, BEST_WIDTH, type YamlWriter } from './yaml-writer';

/** Scalar styles the emitter uses (folded `>` is never requested by the encoder). */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** What libyaml's analysis allows for one scalar. */
export interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isSpace = (c: string | undefined): boolean => c === ' ';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
/** CR, LF, NEL, LS, PS. */
export const isBreak = (c: string | undefined): boolean =>
  c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankz = (c: string | undefined): boolean => isBlank(c) || isBreak(c) || c === '\0' || c === undefined;

/** libyaml's is_printable on a code point: LF, 0x20-0x7E, 0xA0-0xD7FF, 0xE000-0xFFFD but not the BOM. */
export function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0) as number;
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

/** yaml_emitter_analyze_scalar (block context only: JSON-like values never use non-empty flow collections). */
export function analyzeScalar(v: string[]): ScalarAnalysis {
  if (v.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  const head = v.slice(0, 3).join('');
  if (head === '---' || head === '...') blockIndicators = true;
  let precededByWs = true;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    const followedByWs = i + 1 >= v.length || isBlank(v[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':') && followedByWs) blockIndicators = true;
      else if (c === '-' && followedByWs) blockIndicators = true;
    } else if (c === ':' && followedByWs) {
      blockIndicators = true;
    } else if (c === '#' && precededByWs) {
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === v.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === v.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = isBlankz(c);
  }
  let blockPlain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    blockPlain = false;
    single = false;
  }
  if (spaceBreak || special) {
    blockPlain = false;
    single = false;
    block = false;
  }
  if (lineBreaks || blockIndicators) blockPlain = false;
  return { multiline: lineBreaks, blockPlainAllowed: blockPlain, singleQuotedAllowed: single, blockAllowed: block };
}

/** yaml_emitter_select_scalar_style for block context. */
export function selectStyle(requested: ScalarStyle, a: ScalarAnalysis, empty: boolean, simpleKey: boolean): ScalarStyle {
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (empty && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** Writes v in the given style at the writer's current indentation. */
export function writeScalar(w: YamlWriter, v: string[], style: ScalarStyle, allowBreaks: boolean): void {
  if (style === 'plain') writePlain(w, v, allowBreaks);
  else if (style === 'single') writeSingle(w, v, allowBreaks);
  else if (style === 'double') writeDouble(w, v, allowBreaks);
  else writeLiteral(w, v);
}

function writePlain(w: YamlWriter, v: string[], allowBreaks: boolean): void {
  if (!w.whitespace) w.put(' ');
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (isSpace(c)) {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && !isSpace(v[i + 1])) w.writeIndent();
      else w.put(c);
      spaces = true;
    } else if (isBreak(c)) {
      if (!breaks && c === '\n') w.putBreak();
      w.writeBreak(c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) w.writeIndent();
      w.put(c);
      w.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  w.whitespace = false;
  w.indention = false;
}

function writeSingle(w: YamlWriter, v: string[], allowBreaks: boolean): void {
  w.writeIndicator("'", true, false, false);
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (isSpace(c)) {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && i > 0 && i < v.length - 1 && !isSpace(v[i + 1])) {
        w.writeIndent();
      } else {
        w.put(c);
      }
      spaces = true;
    } else if (isBreak(c)) {
      if (!breaks && c === '\n') w.putBreak();
      w.writeBreak(c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) w.writeIndent();
      if (c === "'") w.put("'");
      w.put(c);
      w.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  w.writeIndicator("'", false, false, false);
  w.whitespace = false;
  w.indention = false;
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function writeDouble(w: YamlWriter, v: string[], allowBreaks: boolean): void {
  w.writeIndicator('"', true, false, false);
  // libyaml's is_bom looks at the start of the value, not at position i: a leading BOM escapes everything.
  const startsWithBom = v[0] === '\ufeff';
  let spaces = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (!isPrintable(c) || startsWithBom || isBreak(c) || c === '"' || c === '\\') {
      const cp = c.codePointAt(0) as number;
      w.put('\\');
      const short = SHORT_ESCAPES[cp];
      if (short !== undefined) {
        w.put(short);
      } else {
        const [letter, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
        w.put(letter);
        for (const d of cp.toString(16).toUpperCase().padStart(width, '0')) w.put(d);
      }
      spaces = false;
    } else if (isSpace(c)) {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && i > 0 && i < v.length - 1) {
        w.writeIndent();
        // A space at the start of a continuation line would be eaten by the reader, so escape it.
        if (isSpace(v[i + 1])) w.put('\\');
      } else {
        w.put(c);
      }
      spaces = true;
    } else {
      w.put(c);
      spaces = false;
    }
  }
  w.writeIndicator('"', false, false, false);
  w.whitespace = false;
  w.indention = false;
}

/** yaml_emitter_write_block_scalar_hints: indentation hint and chomping indicator. */
function blockHints(w: YamlWriter, v: string[]): void {
  if (isSpace(v[0]) || isBreak(v[0])) w.writeIndicator(String(BEST_INDENT), false, false, false);
  let chomp = '';
  const n = v.length;
  if (n === 0 || !isBreak(v[n - 1])) chomp = '-';
  else if (n === 1 || isBreak(v[n - 2])) chomp = '+';
  if (chomp !== '') w.writeIndicator(chomp, false, false, false);
}

function writeLiteral(w: YamlWriter, v: string[]): void {
  w.writeIndicator('|', true, false, false);
  blockHints(w, v);
  w.putBreak();
  w.indention = true;
  w.whitespace = true;
  let breaks = true;
  for (const c of v) {
    if (isBreak(c)) {
      w.writeBreak(c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) w.writeIndent();
      w.put(c);
      w.indention = false;
      breaks = false;
    }
  }
}
