// Renders field errors and Invalid (422) answers exactly as apimachinery v0.32 does
// (util/validation/field/errors.go, api/errors NewInvalid) and as kubectl prints them (cmd/util/helpers.go).

import type { FieldError, FieldErrorType } from '../strategy';
import type { Status, StatusDetails } from '../types';
import { goQuote } from '../../codec/go-quote';

/** ErrorType.String(): the words each error type prints. */
const TYPE_WORDS: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Types whose message never shows the bad value (ErrorBody's first cases). */
const VALUELESS = new Set<FieldErrorType>(['FieldValueRequired', 'FieldValueForbidden', 'FieldValueTooLong', 'InternalError']);

/** field.Error.ErrorBody(): the message without the field path (what a StatusCause carries). */
export function fieldErrorBody(e: FieldError): string {
  let s = TYPE_WORDS[e.type];
  if (!VALUELESS.has(e.type) && e.value !== undefined) s += `: ${e.value}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** field.Error.Error(): `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

/** ErrorList.ToAggregate().Error(): one message alone, several as `[a, b]`, duplicates dropped. */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const msgs = [...new Set(errors.map(formatFieldError))];
  if (msgs.length === 1) return msgs[0];
  return `[${msgs.join(', ')}]`;
}

/** A GroupKind as schema.GroupKind.String() prints it: `Deployment.apps`, or `Pod` for core. */
export interface GroupKind {
  group: string;
  kind: string;
}

function groupKindString(gk: GroupKind | string): string {
  if (typeof gk === 'string') return gk;
  return gk.group ? `${gk.kind}.${gk.group}` : gk.kind;
}

/**
 * NewInvalid's message: `Deployment.apps "web" is invalid: <err>` (one cause) or
 * `... is invalid: [err1, err2]`. `kind` is a GroupKind or an already qualified kind string.
 */
export function invalidStatusMessage(kind: GroupKind | string, name: string, errors: readonly FieldError[]): string {
  const base = `${groupKindString(kind)} ${goQuote(name)} is invalid`;
  return errors.length === 0 ? base : `${base}: ${aggregateMessage(errors)}`;
}

/** The whole metav1.Status the apiserver answers an invalid object with (HTTP 422). */
export function invalidStatus(group: string, kind: string, name: string, errors: readonly FieldError[]): Status {
  const details: StatusDetails = { name };
  if (group) details.group = group;
  details.kind = kind;
  details.causes = errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field }));
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: invalidStatusMessage({ group, kind }, name, errors),
    reason: 'Invalid',
    details,
    code: 422,
  };
}

/**
 * What kubectl prints for an Invalid Status (checkErr): `The Deployment "web" is invalid: <field>: <msg>`
 * for one cause; for several the prefix with a trailing space, then `* <field>: <msg>` lines.
 * Causes with the same text are printed once. No trailing newline.
 */
export function kubectlInvalidMessage(details: StatusDetails | undefined): string {
  if (!details) return 'The request is invalid';
  const prefix = `The ${details.kind ?? ''} ${goQuote(details.name ?? '')} is invalid`;
  const causes = details.causes ?? [];
  if (causes.length === 0) return prefix;
  const msgs = [...new Set(causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (msgs.length === 1) return `${prefix}: ${msgs[0]}`;
  return `${prefix}: \n${msgs.map((m) => `* ${m}`).join('\n')}`;
}


/**
 * A value as Go's `%#v` renders it, for the types validation reports: strings (`"x"`), numbers,
 * bools, `map[string]string{"a":"b"}` (keys sorted, as fmt does), `[]string{"a", "b"}`.
 * `goType` names the Go type for maps and slices (default `map[string]string` / `[]string`) and
 * is how a nil map or slice prints (`map[string]string(nil)`); a bare nil prints `null`, as
 * field.Error does for nil values.
 */
export function goValue(v: unknown, goType?: string): string {
  if (v === undefined || v === null) return goType ? `${goType}(nil)` : 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) {
    const t = goType ?? '[]string';
    const elem = t.startsWith('[]') ? t.slice(2) : undefined;
    return `${t}{${v.map((x) => goValue(x, elem === 'string' ? undefined : elem)).join(', ')}}`;
  }
  if (typeof v === 'object') {
    const t = goType ?? 'map[string]string';
    const m = v as Record<string, unknown>;
    const keys = Object.keys(m).sort();
    return `${t}{${keys.map((k) => `${goQuote(k)}:${goValue(m[k])}`).join(', ')}}`;
  }
  return String(v);
}
