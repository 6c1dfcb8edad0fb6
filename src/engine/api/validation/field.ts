// Constructors for field errors, mirroring apimachinery's field.Required/Invalid/NotSupported/...
// Values are rendered the way field.Error.ErrorBody() prints them (Go %q / %v / %#v).

import type { FieldError } from '../strategy';
import { goValue } from './field-error';
import { goQuote } from '../../codec/go-quote';

/** A value already rendered as Go would print it (for structs such as `v1.LabelSelector{...}`). */
export class GoText {
  constructor(readonly text: string) {}
}

/** Marks pre-rendered Go text so the constructors below print it verbatim. */
export function goText(text: string): GoText {
  return new GoText(text);
}

function render(value: unknown): string {
  return value instanceof GoText ? value.text : goValue(value);
}

/** field.Required: `<path>: Required value[: detail]`. */
export function required(field: string, detail = ''): FieldError {
  return detail ? { type: 'FieldValueRequired', field, detail } : { type: 'FieldValueRequired', field };
}

/** field.Invalid: `<path>: Invalid value: <value>: <detail>`. */
export function invalid(field: string, value: unknown, detail = ''): FieldError {
  const e: FieldError = { type: 'FieldValueInvalid', field, value: render(value) };
  if (detail) e.detail = detail;
  return e;
}

/** field.NotSupported: `<path>: Unsupported value: "x": supported values: "a", "b"`. */
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  const e: FieldError = { type: 'FieldValueNotSupported', field, value: render(value) };
  if (supported.length > 0) e.detail = `supported values: ${supported.map(goQuote).join(', ')}`;
  return e;
}

/** field.Forbidden: `<path>: Forbidden: <detail>`. */
export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, detail };
}

/** field.Duplicate: `<path>: Duplicate value: <value>`. */
export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, value: render(value) };
}

/** field.NotFound: `<path>: Not found: <value>`. */
export function notFound(field: string, value: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, value: render(value) };
}

/** field.TooLong (v0.32 text): `<path>: Too long: may not be more than N bytes`. */
export function tooLong(field: string, maxLength: number): FieldError {
  return {
    type: 'FieldValueTooLong',
    field,
    detail: maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long',
  };
}

/** field.TooMany (v0.32 text): `<path>: Too many: 5: must have at most 4 items`. */
export function tooMany(field: string, actual: number, max: number): FieldError {
  const e: FieldError = { type: 'FieldValueTooMany', field, detail: max >= 0 ? `must have at most ${max} items` : 'has too many items' };
  if (actual >= 0) e.value = String(actual);
  return e;
}

/** Field path helpers: `child('spec', 'replicas')`, `index('containers', 0)`, `key('data', 'k')`. */
export function child(base: string, ...names: string[]): string {
  // The non-empty parts joined by '.', without the arrays a filter + join makes (validation
  // builds a path for every field it looks at).
  let s = base;
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (n !== '') s = s === '' ? n : `${s}.${n}`;
  }
  return s;
}

export function index(base: string, i: number): string {
  return `${base}[${i}]`;
}

export function key(base: string, k: string): string {
  return `${base}[${k}]`;
}
