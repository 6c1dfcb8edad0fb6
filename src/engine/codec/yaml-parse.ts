// Reads a kubectl manifest file (multi-document YAML, or a stream of JSON documents) into JSON-like
// values the way kubectl does: go-yaml v2 scalar resolution, merge keys, sigs.k8s.io/yaml's JSON
// conversion, and kubectl's error texts (what follows `error parsing FILE: `).
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { formatGoFloatG } from './go-float';
import { goYamlMessage } from './yaml-parse-errors';
import { resolvePlain } from './yaml-resolve';
import { parseJsonStream } from './json-stream';

/** Largest manifest accepted (bytes of text); the apiserver itself refuses bodies over 3 MiB. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
/** Deepest nesting accepted, counting flow brackets or block levels (guards the recursion). */
export const MAX_NESTING_DEPTH = 1000;
/** Most nodes alias expansion may produce per document ("billion laughs" guard). */
export const MAX_EXPANDED_NODES = 1_000_000;

/** Result of parseManifestStream. */
export type ManifestParse = { ok: true; docs: unknown[] } | { ok: false; error: string };

class ConvertError extends Error {}

/**
 * Parses a manifest stream. JSON streams (first non-space character `{`) are read as JSON;
 * anything else as YAML 1.1 documents separated by `---`, skipping empty/null documents. On
 * failure `error` is kubectl's text, e.g. `error converting YAML to JSON: yaml: line 4: did not
 * find expected key`.
 */
export function parseManifestStream(text: string): ManifestParse {
  if (text.length > MAX_MANIFEST_BYTES) {
    return { ok: false, error: `manifest is larger than ${MAX_MANIFEST_BYTES} bytes` };
  }
  const depthError = nestingError(text);
  if (depthError) return { ok: false, error: `error converting YAML to JSON: yaml: ${depthError}` };
  if (/^\s*\{/.test(text)) return parseJsonStream(text);
  let parsed;
  try {
    parsed = parseAllDocuments(text, {
      version: '1.1', schema: 'failsafe', uniqueKeys: false, prettyErrors: false, keepSourceTokens: false,
    });
  } catch (e) {
    return { ok: false, error: `error converting YAML to JSON: yaml: ${(e as Error).message}` };
  }
  const docs = Array.isArray(parsed) ? parsed : [];
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      return { ok: false, error: `error converting YAML to JSON: yaml: ${goYamlMessage(text, doc.errors[0])}` };
    }
    if (doc.contents === null) continue;
    try {
      const conv = new Converter(doc);
      const value = conv.node(doc.contents as Node, 0);
      if (value !== null) out.push(value);
    } catch (e) {
      if (e instanceof ConvertError) return { ok: false, error: `error converting YAML to JSON: ${e.message}` };
      throw e;
    }
  }
  return { ok: true, docs: out };
}

/** Rejects text nested deeper than MAX_NESTING_DEPTH before any recursive work is done. */
function nestingError(text: string): string | null {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '\n') {
      let j = i + 1;
      while (text[j] === ' ' || text[j] === '-') j++;
      // Each block level needs at least one column of indentation (or one `- `).
      max = Math.max(max, depth + (j - i - 1));
    }
  }
  return max > MAX_NESTING_DEPTH ? `exceeded max depth of ${MAX_NESTING_DEPTH}` : null;
}

/** Turns a `yaml` AST into JSON-like values as go-yaml + sigs.k8s.io/yaml do. */
class Converter {
  private budget = MAX_EXPANDED_NODES;

  constructor(private readonly doc: AliasDoc) {}

  node(n: Node | null, depth: number): unknown {
    if (--this.budget < 0) throw new ConvertError('yaml: document contains excessive aliasing');
    if (depth > MAX_NESTING_DEPTH) throw new ConvertError(`yaml: exceeded max depth of ${MAX_NESTING_DEPTH}`);
    if (n === null || n === undefined) return null;
    if (isAlias(n)) {
      const target = this.resolveAlias(n);
      return this.node(target, depth + 1);
    }
    if (isScalar(n)) return this.scalar(n as unknown as { value: unknown; type?: string; tag?: string });
    if (isSeq(n)) return n.items.map((item) => this.node(item as Node, depth + 1));
    if (isMap(n)) {
      const out: Record<string, unknown> = {};
      this.fillMap(n as unknown as MapLike, out, depth);
      return out;
    }
    return null;
  }

  /** The nearest anchor defined before the alias, as go-yaml requires. */
  private resolveAlias(n: unknown): Node {
    const a = n as { source: string; resolve(doc: AliasDoc): Node | undefined };
    const target = a.resolve(this.doc);
    if (!target) throw new ConvertError(`yaml: unknown anchor '${a.source}' referenced`);
    return target;
  }

  private scalar(n: { value: unknown; type?: string; tag?: string }): unknown {
    const text = String(n.value ?? '');
    const tag = n.tag;
    if (tag === 'tag:yaml.org,2002:str' || (n.type !== undefined && n.type !== 'PLAIN' && !tag)) return text;
    const r = resolvePlain(text);
    if (r.tag === 'float' && typeof r.value === 'number' && !Number.isFinite(r.value)) {
      throw new ConvertError(`json: unsupported value: ${formatGoFloatG(r.value)}`);
    }
    if (r.tag === 'merge' || r.tag === 'timestamp') return text;
    return r.value;
  }

  private fillMap(n: MapLike, out: Record<string, unknown>, depth: number): void {
    for (const pair of n.items) {
      const keyNode = pair.key as Node | null;
      if (keyNode && isScalar(keyNode) && (keyNode as { type?: string }).type === 'PLAIN' && String(keyNode.value) === '<<') {
        this.merge(pair.value as Node | null, out, depth);
        continue;
      }
      const value = this.node(pair.value as Node | null, depth + 1);
      out[this.key(keyNode, depth, value)] = value;
    }
  }

  /**
   * The JSON key for a map key: sigs.k8s.io/yaml keeps strings, prints ints in decimal, floats
   * via %g and bools as words, and refuses null (and collection) keys.
   */
  private key(keyNode: Node | null, depth: number, value: unknown): string {
    if (keyNode && isScalar(keyNode) && (keyNode as { type?: string }).type === 'PLAIN' && !keyNode.tag) {
      const r = resolvePlain(String(keyNode.value ?? ''));
      if (r.tag === 'float') return formatGoFloatG(r.value as number);
      if (r.tag === 'int') return String(r.value);
    }
    const k = this.node(keyNode, depth + 1);
    if (typeof k === 'string') return k;
    if (typeof k === 'boolean') return k ? 'true' : 'false';
    if (typeof k === 'number') return Number.isInteger(k) ? String(k) : formatGoFloatG(k);
    if (k === null) {
      throw new ConvertError(`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSharpV(value)}`);
    }
    throw new ConvertError(`unsupported map key: ${goSharpV(k)}`);
  }

  /** go-yaml v2 merge: applies the merged map(s) in place; for a sequence, later maps first. */
  private merge(v: Node | null, out: Record<string, unknown>, depth: number): void {
    const fail = (): never => {
      throw new ConvertError('yaml: map merge requires map or sequence of maps as the value');
    };
    const asMap = (x: Node | null): MapLike => {
      const t = x && isAlias(x) ? this.resolveAlias(x) : x;
      if (!t || !isMap(t)) return fail();
      return t as unknown as MapLike;
    };
    if (v && isSeq(v)) {
      for (let i = v.items.length - 1; i >= 0; i--) this.fillMap(asMap(v.items[i] as Node), out, depth + 1);
    } else {
      this.fillMap(asMap(v), out, depth + 1);
    }
  }
}

type AliasDoc = Parameters<import('yaml').Alias['resolve']>[0];

interface MapLike {
  items: { key: unknown; value: unknown }[];
}

/** Go's %#v of a converted value, as sigs.k8s.io/yaml prints it in key errors (scalars only). */
function goSharpV(v: unknown): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return Array.isArray(v) ? '[]interface {}{...}' : 'map[interface {}]interface {}{...}';
  return String(v);
}
