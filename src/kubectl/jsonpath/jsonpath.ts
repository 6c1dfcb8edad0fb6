// kubectl's JSONPath: parse a template once, run it on objects, print the results as
// `-o jsonpath` / `-o jsonpath-as-json` do (client-go util/jsonpath, cli-runtime printers).
import type { ListNode } from './nodes';
import type { NumberMode } from './values';
import { Evaluator, JsonPathExecError, printsAsJson } from './evaluate';
import { goJson, goSharpV, goSprint } from './gofmt';
import { goQuote } from '../../engine/codec/go-quote';
import { JsonPathParseError, parseTemplate } from './parser';
import { INVALID } from './values';

/** A JSONPath failure. `message` is upstream's bare text; `phase` says when it happened. */
export class JsonPathError extends Error {
  constructor(
    message: string,
    readonly phase: 'parse' | 'execute',
  ) {
    super(message);
    this.name = 'JsonPathError';
  }
}

/** Options of one execution. */
export interface ExecuteOptions {
  /** Missing fields give no result instead of `x is not found`. kubectl's default: true. */
  allowMissingKeys?: boolean;
  /** How the object's numbers were decoded (see NumberMode); default 'unstructured'. */
  numberMode?: NumberMode;
}

/** A parsed template, ready to run on any number of objects. */
export class JsonPath {
  constructor(
    readonly template: string,
    readonly root: ListNode,
  ) {}

  /**
   * The results of each action (and text) in template order, `range` blocks expanded:
   * upstream's FindResults. Throws JsonPathError ('execute').
   */
  findResults(data: unknown, opts: ExecuteOptions = {}): unknown[][] {
    const evaluator = new Evaluator(this.root, {
      allowMissingKeys: opts.allowMissingKeys ?? true,
      numberMode: opts.numberMode ?? 'unstructured',
    });
    try {
      return evaluator.findResults(data);
    } catch (e) {
      if (e instanceof JsonPathExecError) throw new JsonPathError(e.message, 'execute');
      throw e;
    }
  }

  /**
   * What `-o jsonpath=TEMPLATE` prints: strings raw, numbers and booleans as Go prints them,
   * maps and slices as compact JSON, several results of one action joined by a space.
   * Nothing is printed when execution fails (all results are computed first).
   */
  execute(data: unknown, opts: ExecuteOptions = {}): string {
    const mode = opts.numberMode ?? 'unstructured';
    let out = '';
    for (const group of this.findResults(data, opts)) {
      out += group.map((v) => printValue(v, mode)).join(' ');
    }
    return out;
  }

  /** What `-o jsonpath-as-json=TEMPLATE` prints: each result group as an indented JSON array. */
  executeAsJson(data: unknown, opts: ExecuteOptions = {}): string {
    const mode = opts.numberMode ?? 'unstructured';
    let out = '';
    for (const group of this.findResults(data, opts)) {
      out += goJson(group, mode, '    ') + '\n';
    }
    return out;
  }
}

/** One result as upstream's PrintResults renders it outside JSON mode. */
function printValue(v: unknown, mode: NumberMode): string {
  if (printsAsJson(v, mode)) return goJson(v, mode);
  if (v === INVALID) return '<no value>';
  if (v === null) return 'null';
  return goSprint(v, mode);
}

/** Parses a template. Throws JsonPathError ('parse') with upstream's message. */
export function parseJsonPath(template: string): JsonPath {
  try {
    return new JsonPath(template, parseTemplate(template));
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new JsonPathError(e.message, 'parse');
    throw e;
  }
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's RelaxedJSONPathExpression (used by custom-columns and --sort-by): accepts
 * `a.b`, `.a.b`, `{a.b}` or `{.a.b}` and returns `{.a.b}`; '' stays ''.
 * Throws JsonPathError ('parse') for anything else.
 */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = RELAXED.exec(expr);
  if (!m) {
    throw new JsonPathError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
      'parse',
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}

/** kubectl's message (after `error: `) when `-o jsonpath` gets a template that does not parse. */
export function jsonPathParseErrorMessage(template: string, err: Error): string {
  return `error parsing jsonpath ${template}, ${err.message}`;
}

/**
 * kubectl's message (after `error: `) when `-o jsonpath` fails on an object: the error,
 * the template and a Go `%#v` dump of the object; it ends with three newlines.
 */
export function jsonPathExecErrorMessage(template: string, err: Error, data: unknown, mode: NumberMode = 'unstructured'): string {
  const debug =
    `Error executing template: ${err.message}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data, mode)}\n\n`;
  return `error executing jsonpath ${goQuote(template)}: ${debug}\n`;
}
