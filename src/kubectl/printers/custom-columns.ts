// kubectl's `-o custom-columns=SPEC` and `-o custom-columns-file=FILE` printer
// (kubectl pkg/cmd/get/customcolumn.go): column specs, their errors, and the table layout.
import type { NumberMode } from '../jsonpath/index';
import { goSprint, JsonPathError, parseJsonPath, relaxedJsonPath } from '../jsonpath/index';
import { tableWriter } from './tabwriter';

/** One user column: its header and the JSONPath template (`{.metadata.name}`) of its cells. */
export interface Column {
  header: string;
  fieldSpec: string;
}

/** A custom-columns spec or template that kubectl rejects; `message` is upstream's text. */
export class CustomColumnsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustomColumnsError';
  }
}

function relaxed(expr: string): string {
  try {
    return relaxedJsonPath(expr);
  } catch (e) {
    throw new CustomColumnsError((e as Error).message);
  }
}

/**
 * Parses `NAME:.metadata.name,IMAGE:.spec.containers[*].image` (the text after
 * `custom-columns=`). Throws CustomColumnsError as kubectl would.
 */
export function parseCustomColumnsSpec(spec: string): Column[] {
  if (spec.length === 0) {
    throw new CustomColumnsError('custom-columns format specified but no custom columns given');
  }
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) {
      throw new CustomColumnsError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: part.slice(0, colon), fieldSpec: relaxed(part.slice(colon + 1)) };
  });
}

/** Go's bufio.ScanLines: lines split on '\n', a trailing '\r' dropped, no final empty line. */
function scanLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Go's bufio.ScanWords: fields separated by Unicode white space. */
function splitOnWhitespace(line: string): string[] {
  return line.split(/[\s\u0085\u00a0]+/u).filter((w) => w !== '');
}

const TEMPLATE_FORMAT =
  'Expected format is one line of space separated headers, one line of space separated column specs.';

/**
 * Parses the contents of a `custom-columns-file`: a line of headers and a line of
 * JSONPath specs, both white-space separated. Throws CustomColumnsError as kubectl would.
 */
export function parseCustomColumnsTemplate(text: string): Column[] {
  const lines = scanLines(text);
  if (lines.length < 1) throw new CustomColumnsError(`invalid template, missing header line. ${TEMPLATE_FORMAT}`);
  if (lines.length < 2) throw new CustomColumnsError(`invalid template, missing spec line. ${TEMPLATE_FORMAT}`);
  const headers = splitOnWhitespace(lines[0]);
  const specs = splitOnWhitespace(lines[1]);
  if (headers.length !== specs.length) {
    throw new CustomColumnsError(
      `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    );
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxed(specs[i]) }));
}

/** kubectl's printers.EscapeTerminal: neutralises escape sequences in cell values. */
export function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/** Options of printCustomColumns. */
export interface CustomColumnsOptions {
  noHeaders: boolean;
  /** How the objects' numbers were decoded; default 'unstructured' (objects from the server). */
  numberMode?: NumberMode;
}

/** The output of printCustomColumns: what kubectl writes to stdout, and its error if any. */
export interface CustomColumnsResult {
  output: string;
  /** Set when a column's template fails; the header (already written) is still in `output`. */
  error?: JsonPathError;
}

/** One cell: every result of the column's template, `<none>` when there is none. */
function cell(obj: unknown, path: ReturnType<typeof parseJsonPath>, mode: NumberMode): string {
  const groups = path.findResults(obj, { allowMissingKeys: true, numberMode: mode });
  const values: string[] = [];
  if (groups.length === 0 || groups[0].length === 0) values.push('<none>');
  for (const group of groups) {
    for (const v of group) values.push(escapeTerminal(goSprint(v, mode)));
  }
  return values.join(',');
}

/**
 * Prints objects (the items of a list, in order) as kubectl's custom-columns printer does:
 * one header row unless noHeaders, cells as Go's fmt.Sprint prints values (maps as
 * `map[k:v]`, missing as `<none>`, several values joined by `,`), aligned with kubectl's
 * table tabwriter (minwidth 6, padding 3).
 */
export function printCustomColumns(objects: unknown[], columns: Column[], opts: CustomColumnsOptions): CustomColumnsResult {
  const mode = opts.numberMode ?? 'unstructured';
  const w = tableWriter();
  if (!opts.noHeaders) w.write(columns.map((c) => c.header).join('\t') + '\n');
  try {
    // Upstream parses the column templates after writing the header, so a bad one still shows it.
    const paths = columns.map((c) => parseJsonPath(c.fieldSpec));
    for (const obj of objects) {
      w.write(paths.map((p) => cell(obj, p, mode)).join('\t') + '\n');
    }
  } catch (e) {
    if (e instanceof JsonPathError) return { output: w.flush(), error: e };
    throw e;
  }
  return { output: w.flush() };
}
