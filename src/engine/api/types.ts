// Core shapes of API objects as the engine stores them: plain JSON ("unstructured"), like
// apimachinery's unstructured.Unstructured. Typed views for specific kinds live beside their code.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
  [key: string]: unknown;
}

/** Any API object: apiVersion, kind, metadata, and whatever else its kind carries. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface KList {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: KObject[];
}

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** metav1.Status: what the apiserver answers with on errors (and some deletes). */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: ListMeta;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: KObject | Status;
}

/** Deep-freezes a value so nothing read from the store or a cache can be mutated in place. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // No array of values per object (every stored write freezes its new parts); arrays by index
    // (for-in over an array makes a string per index); no call for a string or number field.
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'object' && v !== null) deepFreeze(v);
      }
    } else {
      for (const k in value) {
        const v = (value as Record<string, unknown>)[k];
        if (typeof v === 'object' && v !== null && Object.hasOwn(value, k)) deepFreeze(v);
      }
    }
  }
  return value;
}

/**
 * What clone() would return, made in place: undefined-valued fields are removed (recursively;
 * frozen parts are stored objects' and have none). For a fresh value nobody else holds.
 */
export function dropUndefined<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  // Only objects are descended into (no call per string or number field).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null) dropUndefined(v);
    }
    return value;
  }
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) delete (value as Record<string, unknown>)[k];
    else if (typeof v === 'object' && v !== null) dropUndefined(v);
  }
  return value;
}

/**
 * `{ ...o }` built by assignment: the same fields in the same order. For objects the store will
 * freeze: some spread copies (of a caller's event source, of a pod being bound) got a hidden class
 * of their own, off V8's shared transition tree, and freezing each made yet another: ~110,000
 * maps in a 10,000-pod deploy (old-space garbage), and megamorphic reads of those objects after.
 */
export function assignCopy<T extends object>(o: T): T {
  const out = {} as Record<string, unknown>;
  for (const k in o) if (Object.hasOwn(o, k)) out[k] = (o as Record<string, unknown>)[k];
  return out as T;
}

/** A deep, mutable copy of a JSON value (objects from the store are frozen: copy, then write). */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = clone(v);
  }
  return out as T;
}
