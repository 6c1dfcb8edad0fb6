// What the apiserver needs to know about each kind's behaviour: upstream's defaulting
// (pkg/apis/*/v1/defaults.go) and validation (pkg/apis/*/validation). Implementations live in ./kinds.

import type { KObject } from './types';

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

/** apimachinery's field.Error: one cause of an Invalid (422) answer. */
export interface FieldError {
  type: FieldErrorType;
  /** The field path as upstream spells it: `spec.template.spec.containers[0].image`. */
  field: string;
  /** The value as upstream renders it in the message (already formatted, e.g. `"x"`, `-1`,
   *  `map[string]string{"app":"x"}`); omitted for errors that print no value. */
  value?: string;
  detail?: string;
}

export interface KindStrategy {
  /** Fills in upstream's defaults (mutates its argument, which is a private copy). */
  defaults?(obj: KObject): void;
  /** Validation on create. */
  validate?(obj: KObject): FieldError[];
  /** Validation on update (immutable fields and the create rules). */
  validateUpdate?(obj: KObject, old: KObject): FieldError[];
}
