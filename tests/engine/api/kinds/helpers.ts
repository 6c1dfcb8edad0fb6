// Test helpers: run a kind's defaults and validation the way the apiserver does, and render messages.
import type { KObject } from '../../../../src/engine/api/types';
import { strategyFor } from '../../../../src/engine/api/kinds/index';
import { formatFieldError } from '../../../../src/engine/api/validation/field-error';

export function defaulted(group: string, obj: Record<string, unknown>): KObject {
  const o = JSON.parse(JSON.stringify(obj)) as KObject;
  strategyFor(group, o.kind).defaults?.(o);
  return o;
}

/** Defaults then validates (create), returning the formatted messages. */
export function errorsOnCreate(group: string, obj: Record<string, unknown>): string[] {
  const o = defaulted(group, obj);
  return (strategyFor(group, o.kind).validate?.(o) ?? []).map(formatFieldError);
}

export function errorsOnUpdate(group: string, obj: Record<string, unknown>, old: Record<string, unknown>): string[] {
  const o = defaulted(group, obj);
  const p = defaulted(group, old);
  return (strategyFor(group, o.kind).validateUpdate?.(o, p) ?? []).map(formatFieldError);
}
