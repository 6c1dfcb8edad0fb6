// Cache keys of API objects (`ns/name`, or `name` for cluster-scoped ones), as client-go's
// MetaNamespaceKeyFunc spells them.

import type { KObject } from '../api/types';

/**
 * The last two frozen objects keyOf saw and their keys: one watch event reaches many handlers in
 * a row, and an update's handlers ask for the key of both its old and its new object.
 */
let lastObj: KObject | undefined;
let lastKey = '';
let prevObj: KObject | undefined;
let prevKey = '';

export function keyOf(obj: KObject): string {
  // Building and hashing a fresh key string per handler is a hot spot with 10,000 pods. Frozen
  // (stored) objects cannot change, so their key is reused.
  if (obj === lastObj) return lastKey;
  if (obj === prevObj) return prevKey;
  const ns = obj.metadata.namespace;
  const key = ns ? `${ns}/${obj.metadata.name}` : (obj.metadata.name ?? '');
  // Both frozen: an unfrozen object could later be given another metadata.
  if (Object.isFrozen(obj) && Object.isFrozen(obj.metadata)) {
    prevObj = lastObj;
    prevKey = lastKey;
    lastObj = obj;
    lastKey = key;
  }
  return key;
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)];
}
