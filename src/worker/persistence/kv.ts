// The key-value store persistence writes to: IndexedDB through idb-keyval in the browser, a Map
// for validating imports. Each write is one transaction, so a save lands whole or not at all.

import { clear, createStore, entries, get, getMany, promisifyRequest, type UseStore } from 'idb-keyval';

export interface KV {
  get(key: string): Promise<unknown>;
  getMany(keys: string[]): Promise<unknown[]>;
  entries(): Promise<[string, unknown][]>;
  /** Puts and deletes in one transaction: all or nothing. */
  write(puts: [string, unknown][], dels?: string[]): Promise<void>;
  /** Replaces the whole content in one transaction (nothing is lost if it fails). */
  replaceAll(puts: [string, unknown][]): Promise<void>;
  clear(): Promise<void>;
}

/** IndexedDB database `kubeplay`, object store `state`, unless a store is given (tests). */
export function idbKV(store: UseStore = createStore('kubeplay', 'state')): KV {
  const transact = (fn: (s: IDBObjectStore) => void) =>
    store('readwrite', (s) => {
      fn(s);
      return promisifyRequest(s.transaction);
    });
  return {
    get: (key) => get(key, store),
    getMany: (keys) => getMany(keys, store),
    entries: async () => (await entries(store)).map(([k, v]) => [String(k), v] as [string, unknown]),
    write: (puts, dels = []) =>
      transact((s) => {
        for (const k of dels) s.delete(k);
        for (const [k, v] of puts) s.put(v, k);
      }),
    replaceAll: (puts) =>
      transact((s) => {
        s.clear();
        for (const [k, v] of puts) s.put(v, k);
      }),
    clear: () => clear(store),
  };
}

/** An in-memory store; values are structured-cloned in and out, as IndexedDB does. */
export function memoryKV(initial: Iterable<[string, unknown]> = []): KV {
  const data = new Map<string, unknown>([...initial].map(([k, v]) => [k, structuredClone(v)]));
  return {
    get: async (key) => structuredClone(data.get(key)),
    getMany: async (keys) => keys.map((k) => structuredClone(data.get(k))),
    entries: async () => [...data].map(([k, v]) => [k, structuredClone(v)] as [string, unknown]),
    write: async (puts, dels = []) => {
      const cloned = puts.map(([k, v]) => [k, structuredClone(v)] as const);
      for (const k of dels) data.delete(k);
      for (const [k, v] of cloned) data.set(k, v);
    },
    replaceAll: async (puts) => {
      const cloned = puts.map(([k, v]) => [k, structuredClone(v)] as const);
      data.clear();
      for (const [k, v] of cloned) data.set(k, v);
    },
    clear: async () => data.clear(),
  };
}

/** Whether an error means the browser refused to store more (quota), under any of its names. */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

export function errorText(e: unknown): string {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
    const m = String((e as { message: unknown }).message);
    if (m) return m;
  }
  return String(e);
}
