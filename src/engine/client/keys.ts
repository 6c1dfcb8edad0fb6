// Cache keys of API objects (`ns/name`, or `name` for cluster-scoped ones), as client-go's
// MetaNamespaceKeyFunc spells them.

import type { KObject } from '../api/types';

/** The last frozen object keyOf saw and its key: one watch event reaches many handlers in a row. */
let lastObj: KObject | undefined;
let lastKey = '';

export function keyOf(obj: KObject): string {
  // Building and hashing a fresh key string per handler is a hot spot with 10,000 pods. Frozen
  // (stored) objects cannot change, so their key is reused.
  if (obj === lastObj) return lastKey;
  const ns = obj.metadata.namespace;
  const key = ns ? `${ns}/${obj.metadata.name}` : (obj.metadata.name ?? '');
  if (Object.isFrozen(obj.metadata)) {
    lastObj = obj;
    lastKey = key;
  }
  return key;
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)];
}
