// The pieces of kubectl v1.32's explain plaintext template (staging/src/k8s.io/kubectl/pkg/
// explain/v2/templates/plaintext.tmpl), one function per sub-template, same output byte for byte.
import type { OpenApiDocument, OpenApiSchema } from '../../engine/api/openapi/types';
import { wrapString } from './wordwrap';

type History = ReadonlySet<string>;

/** What the template's helpers need: the document to resolve `$ref`s in. */
export interface RenderContext {
  doc: OpenApiDocument;
  recursive: boolean;
}

/** Go template truthiness for JSON values: empty strings, maps, lists, 0, false, nil are false. */
function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** The template's `and X (not (eq "bool" (printf "%T" X)))` test on additionalProperties. */
function mapValueSchema(s: OpenApiSchema): OpenApiSchema | undefined {
  const ap = s.additionalProperties;
  return typeof ap === 'object' && truthy(ap) ? ap : undefined;
}

/** funcs.go resolveRef: only `#/...` fragments into the document; anything else is nil. */
export function resolveRef(ref: unknown, doc: OpenApiDocument): OpenApiSchema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const k of ref.slice(1).split('/')) {
    if (k === '') continue;
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as OpenApiSchema) : undefined;
}

/** `or (resolveRef ref doc) schema`: an empty resolved map counts as missing, like Go's `or`. */
function resolved(s: OpenApiSchema, doc: OpenApiDocument): OpenApiSchema {
  const r = resolveRef(s.$ref, doc);
  return truthy(r) ? (r as OpenApiSchema) : s;
}

/** funcs.go indent: pad the first line and every line after a newline. */
export function indent(amount: number, str: string): string {
  const pad = ' '.repeat(amount);
  return pad + str.split('\n').join('\n' + pad);
}

/** Go's %v for an enum element from JSON. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Template "typeGuess": `string`, `Object`, `[]Container`, `map[string]string`, `IntOrString`... */
export function typeGuess(s: OpenApiSchema, doc: OpenApiDocument): string {
  if (truthy(s.items)) return '[]' + typeGuess(s.items as OpenApiSchema, doc);
  const mv = mapValueSchema(s);
  if (mv) return 'map[string]' + typeGuess(mv, doc);
  if (truthy(s.allOf) && !truthy(s.properties) && s.allOf!.length === 1) return typeGuess(s.allOf![0], doc);
  if (truthy(s.$ref)) {
    const ref = s.$ref as string;
    const target = resolveRef(ref, doc);
    if (!truthy(target) || !truthy(target!.type) || target!.type === 'object') {
      const name = ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return target!.type as string;
  }
  if (s.type === 'object') return 'Object';
  return s.type || 'Object';
}

/**
 * Template "extractEnum": `ENUM:` then one value per line (long view), or `enum: a, b, c, d, ....`
 * on a new line indented by `indentAmount` (short view, `limit` values at most).
 */
export function extractEnum(s: OpenApiSchema, isLongView: boolean, limit: number, indentAmount = 0): string {
  if (!truthy(s.enum)) return '';
  const lim = limit || -1;
  let out = isLongView ? 'ENUM:' : '\n' + indent(indentAmount, '') + 'enum: ';
  const values = s.enum as unknown[];
  for (let i = 0; i < values.length; i++) {
    if (lim > -1 && i >= lim) {
      out += ', ....';
      break;
    }
    if (i > 0 && !isLongView) out += ', ';
    else if (isLongView) out += '\n    ';
    out += values[i] === '' ? '""' : goValue(values[i]);
  }
  return out;
}

/** Template "description": the schema's own description, then its allOf/items/map values'. */
export function description(s: OpenApiSchema, doc: OpenApiDocument): string {
  const r = resolved(s, doc);
  if (!truthy(r)) return '';
  let out = r.description ? r.description + '\n' : '';
  for (const alt of r.allOf ?? []) out += description(alt, doc);
  if (truthy(r.items)) out += description(r.items as OpenApiSchema, doc);
  const mv = mapValueSchema(r);
  if (mv) out += description(mv, doc);
  return out;
}

/** Template "fieldDetail": `name<TAB><type>[ -required-][enum line]` and, unless short, its description. */
export function fieldDetail(parent: OpenApiSchema, name: string, short: boolean, level: number, doc: OpenApiDocument): string {
  const indentAmount = level * 2;
  const field = parent.properties?.[name] ?? {};
  let out = indent(indentAmount, name) + '\t<' + typeGuess(field, doc) + '>';
  if ((parent.required ?? []).includes(name)) out += ' -required-';
  out += extractEnum(field, false, 4, indentAmount);
  out += '\n';
  if (!short) {
    out += indent(indentAmount + 2, wrapString(field.description || '<no description>', 78 - indentAmount)) + '\n\n';
  }
  return out;
}

/** Go ranges over maps in sorted key order. */
function sortedKeys(m: Record<string, unknown> | undefined): string[] {
  return Object.keys(m ?? {}).sort();
}

/** Template "fieldList": the fields of a schema (recursively, with --recursive), cycles cut by $ref. */
export function fieldList(s: OpenApiSchema, level: number, history: History, ctx: RenderContext): string {
  const ref = s.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const r = resolved(s, ctx.doc);
  let out = '';
  for (const k of sortedKeys(r.properties)) {
    out += fieldDetail(r, k, ctx.recursive, level, ctx.doc);
    if (ctx.recursive) out += fieldList(r.properties![k], level + 1, next, ctx);
  }
  for (const alt of r.allOf ?? []) out += fieldList(alt, level, next, ctx);
  if (truthy(r.items)) out += fieldList(r.items as OpenApiSchema, level, next, ctx);
  const mv = mapValueSchema(r);
  if (mv) out += fieldList(mv, level, next, ctx);
  return out;
}

/**
 * Template "output": follows `fieldPath` down from `s`, printing `FIELD: name <type>` for the
 * last step, then DESCRIPTION and FIELDS of what it reaches. Empty when a field is missing.
 */
export function output(s: OpenApiSchema, fieldPath: readonly string[], history: History, ctx: RenderContext): string {
  const ref = s.$ref ?? '';
  const next = new Set(history).add(ref);
  const r = resolved(s, ctx.doc);
  if (fieldPath.length === 0) {
    let out = 'DESCRIPTION:\n';
    out += indent(4, wrapString(description(r, ctx.doc) || '<empty>', 76)) + '\n';
    const fields = fieldList(r, 1, new Set(), ctx);
    if (fields) out += 'FIELDS:\n' + fields;
    return out;
  }
  if (ref && history.has(ref)) return '';
  const [first, ...rest] = fieldPath;
  const sub = r.properties?.[first];
  if (truthy(r.properties) && truthy(sub)) {
    let out = '';
    if (fieldPath.length === 1) {
      out += `FIELD: ${first} <${typeGuess(sub!, ctx.doc)}>\n` + extractEnum(sub!, true, -1) + '\n\n';
    }
    return out + output(sub!, rest, new Set(), ctx);
  }
  if (truthy(r.items)) return output(r.items as OpenApiSchema, fieldPath, next, ctx);
  const mv = mapValueSchema(r);
  if (mv) return output(mv, fieldPath, next, ctx);
  for (const alt of r.allOf ?? []) {
    const found = output(alt, fieldPath, next, ctx);
    if (found) return found;
  }
  return '';
}
