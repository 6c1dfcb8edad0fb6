// Maps errors of the `yaml` package onto the messages and line numbers go-yaml v2 (as used by
// kubectl v1.32) prints, for the common mistakes; calibrated against the real kubectl.
import type { YAMLError } from 'yaml';

/** 0-based line of a character offset. */
function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** go-yaml prefixes `line N: ` only when the problem is not on the first line. */
function scannerError(line0: number, msg: string): string {
  return line0 === 0 ? msg : `line ${line0 + 1}: ${msg}`;
}
/** Parser errors print the 0-based line of the offending token (a go-yaml quirk). */
function parserError(line0: number, msg: string): string {
  return line0 === 0 ? msg : `line ${line0}: ${msg}`;
}

/** 0-based line of the first token after line0 (next non-blank, non-comment line), or of the end of stream. */
function nextTokenLine(lines: string[], line0: number): number {
  for (let i = line0 + 1; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t !== '' && !t.startsWith('#')) return i;
  }
  return lines.length - 1;
}

/** True when the content line before line0 ends with a plain scalar (go-yaml then checks tabs against its indent). */
function previousEndsWithPlainScalar(lines: string[], line0: number): boolean {
  for (let i = line0 - 1; i >= 0; i--) {
    const t = lines[i].replace(/\s+#.*$/, '').trimEnd();
    if (t.trim() === '' || t.trim().startsWith('#')) continue;
    const m = /(?:^\s*-\s+|:\s+)(.*)$/.exec(t);
    const value = m ? m[1] : t.trim();
    return value !== '' && !/^['"|>{[&*!]/.test(value) && !value.endsWith(':');
  }
  return false;
}

/** The go-yaml message (after `yaml: `) for the first error the `yaml` package reported. */
export function goYamlMessage(text: string, err: YAMLError): string {
  const lines = text.split('\n');
  const at = err.pos[0];
  const line0 = lineOf(text, at);
  const eof = lines.length - 1;
  const msg = err.message;
  switch (err.code) {
    case 'TAB_AS_INDENT': {
      // The tab may be reported after the indentation it spoils; go-yaml stops at the tab's line.
      let tabLine = line0;
      while (tabLine > 0 && !/^[ ]*\t/.test(lines[tabLine])) tabLine--;
      if (!/^[ ]*\t/.test(lines[tabLine])) tabLine = line0;
      return previousEndsWithPlainScalar(lines, tabLine)
        ? scannerError(tabLine, 'found a tab character that violates indentation')
        : scannerError(tabLine, 'found character that cannot start any token');
    }
    case 'BAD_SCALAR_START':
      return scannerError(line0, 'found character that cannot start any token');
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/block sequence/i.test(msg)) return parserError(line0, 'did not find expected key');
      return scannerError(line0, 'mapping values are not allowed in this context');
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR':
      if (/quote/i.test(msg)) return scannerError(eof, 'found unexpected end of stream');
      if (/directives-end|doc-start/i.test(msg)) return scannerError(0, 'found unknown directive name');
      return scannerError(nextTokenLine(lines, line0), "could not find expected ':'");
    case 'BAD_INDENT':
      if (/Flow (sequence|map)/.test(msg)) {
        const close = /sequence/.test(msg) ? ']' : '}';
        // go-yaml stops at the first `key:` token inside the unclosed collection, else at the end.
        const open = close === ']' ? '[' : '{';
        for (let i = line0; i < lines.length; i++) {
          if (lines[i].includes(open)) continue;
          if (/^\s*[^\s#'"][^:#]*:(\s|$)/.test(lines[i])) return parserError(i, `did not find expected ',' or '${close}'`);
        }
        return parserError(eof, `did not find expected ',' or '${close}'`);
      }
      return parserError(line0, 'did not find expected key');
    case 'UNEXPECTED_TOKEN':
      if (/^\s*-(\s|$)/.test(firstContentLine(lines))) return parserError(line0, "did not find expected '-' indicator");
      return parserError(line0, 'did not find expected key');
    case 'BAD_DIRECTIVE':
      return scannerError(line0, 'found unknown directive name');
    default:
      return parserError(line0, 'did not find expected key');
  }
}

function firstContentLine(lines: string[]): string {
  for (const l of lines) {
    const t = l.trim();
    if (t !== '' && !t.startsWith('#') && t !== '---') return l;
  }
  return '';
}
