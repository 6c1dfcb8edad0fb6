// Pieces shared by the kind strategies: metadata validation by name rule, and the registry's
// usual create/update preparation (status reset or kept, generation 1 / bumped on spec change).

import type { FieldError } from '../strategy';
import type { KObject } from '../types';
import type { Obj } from '../validation/json';
import { deepEqual } from '../validation/json';
import type { NameFn } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/objectmeta';
import type { KindBehaviour } from './types';

/** The object as a loose JSON record. */
export function asObj(o: KObject): Obj {
  return o as unknown as Obj;
}

/** A strategy that only validates metadata (names by `nameFn`). */
export function metaOnly(namespaced: boolean, nameFn: NameFn): KindBehaviour {
  return {
    validate: (obj) => validateObjectMeta(asObj(obj).metadata, namespaced, nameFn),
    validateUpdate: (obj, old) => validateObjectMetaUpdate(asObj(obj).metadata, asObj(old).metadata),
  };
}

/** Create: status replaced by `status` (a fresh value), generation 1 when tracked. */
export function resetStatusOnCreate(obj: KObject, status: Obj | undefined, generation: boolean): void {
  const o = asObj(obj);
  if (status === undefined) delete o.status;
  else o.status = status;
  if (generation) o.metadata.generation = 1;
}

/** Update of the main resource: the old status stays; generation goes up when the spec changed. */
export function keepStatusOnUpdate(obj: KObject, old: KObject, generation: boolean): void {
  const o = asObj(obj);
  const p = asObj(old);
  if (p.status === undefined) delete o.status;
  else o.status = structuredCloneJson(p.status);
  if (generation) {
    const g = typeof p.metadata?.generation === 'number' ? p.metadata.generation : 0;
    o.metadata.generation = deepEqual(o.spec, p.spec) ? g : g + 1;
  }
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Concatenates error lists (readability at call sites). */
export function all(...lists: FieldError[][]): FieldError[] {
  return lists.flat();
}
