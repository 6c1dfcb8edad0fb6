// Evaluation of a parsed JSONPath template, following client-go util/jsonpath/jsonpath.go
// (FindResults and the eval* walkers), including its range/end bookkeeping and messages.
import type { JsonPathNode, ListNode } from './nodes';
import type { NumberMode } from './values';
import { compareWith } from './compare';
import { goSprint } from './gofmt';
import { GoFloat, GoInt, INVALID, goTypeName, isMap, kindOf, sortedKeys, utf8Bytes } from './values';

/** Template execution failure; `message` is exactly upstream's (e.g. `x is not found`). */
export class JsonPathExecError extends Error {
  /** What upstream's failing walker returned alongside the error (an existence filter keeps it). */
  readonly partial: unknown[];
  constructor(message: string, partial: unknown[] = []) {
    super(message);
    this.name = 'JsonPathExecError';
    this.partial = partial;
  }
}

/** Options of one execution. */
export interface EvalOptions {
  allowMissingKeys: boolean;
  numberMode: NumberMode;
}

/** The template's node list as upstream slices it: a backing array and a start offset. */
interface NodeSlice {
  arr: JsonPathNode[];
  off: number;
}

/**
 * One execution of a template. Upstream keeps range state on the JSONPath object and
 * re-slices the root node list while iterating a range; this class mirrors that state.
 */
export class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;
  private rootNodes: NodeSlice;

  constructor(root: ListNode, private readonly opts: EvalOptions) {
    this.rootNodes = { arr: root.nodes, off: 0 };
  }

  /** Every action's results, in template order (upstream's FindResults). */
  findResults(data: unknown): unknown[][] {
    const cur = [data];
    const nodes = this.rootNodes;
    const len = nodes.arr.length - nodes.off;
    const full: unknown[][] = [];
    for (let i = 0; i < len; i++) {
      const results = this.walk(cur, nodes.arr[nodes.off + i]);
      // An `end` closes the block being iterated: stop this pass.
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes.off + i;
        break;
      }
      // A `range` runs the rest of the template once per result, until its `end`.
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const body: NodeSlice = { arr: nodes.arr, off: nodes.off + i + 1 };
        if (results.length > 0) {
          for (const value of results) {
            this.rootNodes = body;
            full.push(...this.findResults(value));
          }
        } else {
          // Walk the body once on nothing, only to find where its `end` is.
          this.rootNodes = body;
          this.findResults(INVALID);
        }
        this.inRange--;
        for (let k = i + 1; k < len; k++) {
          if (nodes.off + k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.value);
      case 'array':
        return this.evalArray(input, node);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => new GoInt(node.value));
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap((v) => children(v));
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return this.evalUnion(input, node.nodes);
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], list: ListNode): unknown[] {
    let cur = input;
    for (const n of list.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalUnion(input: unknown[], lists: ListNode[]): unknown[] {
    const result: unknown[] = [];
    for (const list of lists) {
      try {
        result.push(...this.evalList(input, list));
      } catch (e) {
        throw e instanceof JsonPathExecError ? new JsonPathExecError(e.message, input) : e;
      }
    }
    return result;
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathExecError('not in range, nothing to end');
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`, input);
  }

  private evalField(input: unknown[], name: string): unknown[] {
    if (input.length === 0) return [];
    const results: unknown[] = [];
    for (const v of input) {
      if (v === null) continue;
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined) {
        results.push(v[name]);
      }
    }
    if (results.length === 0 && !this.opts.allowMissingKeys) {
      throw new JsonPathExecError(`${name} is not found`);
    }
    return results;
  }

  private evalArray(input: unknown[], node: Extract<JsonPathNode, { type: 'array' }>): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null) continue;
      if (!Array.isArray(value)) {
        throw new JsonPathExecError(`${goTypeName(value, this.opts.numberMode)} is not array or slice`, input);
      }
      const n = value.length;
      const [p0, p1, p2] = node.params;
      let start = p0.known ? p0.value : 0;
      if (start < 0) start += n;
      let end = p1.known ? p1.value : n;
      if (end < 0 || (end === 0 && p1.derived)) end += n;
      // Asking for zero elements is allowed whatever the bounds.
      if (end === start) return result;
      if (start >= n || start < 0) {
        throw new JsonPathExecError(`array index out of bounds: index ${start}, length ${n}`, input);
      }
      if (end > n || end < 0) {
        throw new JsonPathExecError(`array index out of bounds: index ${end - 1}, length ${n}`, input);
      }
      if (start > end) {
        throw new JsonPathExecError(`starting index ${start} is greater than ending index ${end}`, input);
      }
      let step = 1;
      if (p2.known) {
        if (p2.value <= 0) throw new JsonPathExecError('step must be > 0', input);
        step = p2.value;
      }
      for (let i = start; i < end; i += step) result.push(value[i]);
    }
    return result;
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null) continue;
      const kids = children(value);
      if (kids.length !== 0) {
        result.push(value);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: unknown[], node: Extract<JsonPathNode, { type: 'filter' }>): unknown[] {
    const results: unknown[] = [];
    const mode = this.opts.numberMode;
    for (const value of input) {
      if (!Array.isArray(value)) {
        throw new JsonPathExecError(`${goSprint(value, mode)} is not array or slice and cannot be filtered`, input);
      }
      for (const item of value) {
        let lefts: unknown[];
        let leftError: unknown;
        try {
          lefts = this.evalList([item], node.left);
        } catch (e) {
          // An existence test ignores the error and looks at what the walker returned with it.
          if (!(e instanceof JsonPathExecError)) throw e;
          lefts = e.partial;
          leftError = e;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (leftError) throw leftError;
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        let pass: boolean;
        try {
          pass = compareWith(node.operator, lefts[0], rights[0], mode);
        } catch (e) {
          throw new JsonPathExecError((e as Error).message);
        }
        if (pass) results.push(item);
      }
    }
    return results;
  }
}

/** What `*` and `..` step into: a map's values (sorted by key), a slice's items, a string's bytes. */
function children(v: unknown): unknown[] {
  if (v === null || v === INVALID) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return utf8Bytes(v).map((b) => new GoInt(b));
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  return [];
}

/** True when a value would print as JSON (maps and slices) rather than as text. */
export function printsAsJson(v: unknown, mode: NumberMode): boolean {
  const kind = kindOf(v, mode);
  return kind === 'map' || kind === 'slice';
}
