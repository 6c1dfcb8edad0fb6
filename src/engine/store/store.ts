// The etcd-like store: objects keyed by resource/namespace/name, one global monotonically
// increasing resourceVersion, optimistic concurrency, list/watch with resume from a
// resourceVersion, and a bounded event history (older resumes get 410 Gone), like the
// apiserver's storage.Interface over etcd3 plus the watch cache.

import { assignCopy, deepFreeze, type KObject, type WatchEventType } from '../api/types';
import { StoreError } from './errors';

export interface StoredEvent {
  rv: number;
  resource: string;
  namespace: string;
  type: Exclude<WatchEventType, 'BOOKMARK' | 'ERROR'>;
  object: KObject;
  /** The state before this change (MODIFIED and DELETED), so selector watches can tell entering from leaving. */
  prev?: KObject;
}

export interface WatchOptions {
  /** Only this namespace ('' = cluster-scoped or all). */
  namespace?: string;
  /** Deliver changes after this resourceVersion; undefined or 0 = send current objects as ADDED first. */
  resourceVersion?: number;
}

export interface StoreWatcher {
  stop(): void;
}

export type WatchHandler = (e: StoredEvent) => void;

interface WatcherEntry {
  namespace: string;
  handler: WatchHandler;
  stopped: boolean;
}

/** Preconditions for update/delete (metav1.Preconditions). */
export interface Preconditions {
  uid?: string;
  resourceVersion?: string;
}

export const DEFAULT_HISTORY_LIMIT = 100_000;

export class Store {
  private rv = 0;
  /** resource -> namespace -> name -> object (frozen). */
  private data = new Map<string, Map<string, Map<string, KObject>>>();
  private history: StoredEvent[] = [];
  private historyStart = 0;
  /** The newest resourceVersion no longer in the history (resumes at or before it are Gone). */
  private compactedRV = 0;
  private watchers = new Map<string, WatcherEntry[]>();
  private observers: WatchHandler[] = [];

  constructor(private readonly historyLimit = DEFAULT_HISTORY_LIMIT) {}

  /** The current global resourceVersion. */
  currentRV(): number {
    return this.rv;
  }

  get(resource: string, namespace: string, name: string): KObject | undefined {
    return this.data.get(resource)?.get(namespace)?.get(name);
  }

  /** Objects of a resource, sorted by namespace then name (etcd key order). */
  list(resource: string, namespace?: string): { items: KObject[]; resourceVersion: number } {
    const byNs = this.data.get(resource);
    const items: KObject[] = [];
    if (byNs) {
      const namespaces = namespace !== undefined && namespace !== '' ? [namespace] : [...byNs.keys()].sort();
      for (const ns of namespaces) {
        const m = byNs.get(ns);
        if (!m) continue;
        const names = [...m.keys()].sort();
        for (const n of names) items.push(m.get(n)!);
      }
    }
    return { items, resourceVersion: this.rv };
  }

  /** Number of objects of a resource (cheap). */
  count(resource: string): number {
    let n = 0;
    for (const m of this.data.get(resource)?.values() ?? []) n += m.size;
    return n;
  }

  /**
   * Stores a new object; its resourceVersion is set here. `owned`: the caller hands `obj` over (a
   * private copy nobody else holds, as the apiserver's decoded bodies are), so it is stamped and
   * frozen in place instead of copied.
   */
  create(resource: string, obj: KObject, owned = false): KObject {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    // One lookup of the namespace's map for both the existence check and the insert.
    const bucket = this.bucket(resource, ns);
    if (bucket.get(name)) throw new StoreError('AlreadyExists', `${resource} "${name}" already exists`);
    const stored = this.stamp(obj, owned);
    bucket.set(name, stored);
    this.emit(resource, ns, 'ADDED', stored);
    return stored;
  }

  /**
   * Replaces an object. When `obj.metadata.resourceVersion` is set it must equal the stored one
   * (optimistic concurrency), else Conflict. `owned` as for create.
   */
  update(resource: string, obj: KObject, pre?: Preconditions, owned = false): KObject {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    const cur = this.get(resource, ns, name);
    if (!cur) throw new StoreError('NotFound', `${resource} "${name}" not found`);
    this.check(cur, pre);
    const want = obj.metadata.resourceVersion;
    if (want !== undefined && want !== '' && want !== cur.metadata.resourceVersion) {
      throw new StoreError('Conflict', 'the object has been modified; please apply your changes to the latest version and try again');
    }
    const stored = this.stamp(obj, owned);
    this.bucket(resource, ns).set(name, stored);
    this.emit(resource, ns, 'MODIFIED', stored, cur);
    return stored;
  }

  /**
   * Reads the current object, lets `tryUpdate` compute the new one from it, and stores it.
   * `tryUpdate` returning the same object means "no change" (nothing written, no new version).
   */
  guaranteedUpdate(
    resource: string,
    namespace: string,
    name: string,
    tryUpdate: (cur: KObject) => KObject,
    pre?: Preconditions,
  ): KObject {
    const cur = this.get(resource, namespace, name);
    if (!cur) throw new StoreError('NotFound', `${resource} "${name}" not found`);
    this.check(cur, pre);
    const next = tryUpdate(cur);
    if (next === cur) return cur;
    const stored = this.stamp(next);
    this.bucket(resource, namespace).set(name, stored);
    this.emit(resource, namespace, 'MODIFIED', stored, cur);
    return stored;
  }

  /** Removes an object; the DELETED event carries its last state with a new resourceVersion. */
  delete(resource: string, namespace: string, name: string, pre?: Preconditions): KObject {
    const cur = this.get(resource, namespace, name);
    if (!cur) throw new StoreError('NotFound', `${resource} "${name}" not found`);
    this.check(cur, pre);
    this.data.get(resource)!.get(namespace)!.delete(name);
    const last = this.stamp(cur);
    this.emit(resource, namespace, 'DELETED', last, cur);
    return last;
  }

  /**
   * Watches a resource. With a resourceVersion, replays the history after it (410 Gone when that
   * part of the history is compacted); without, first sends every current object as ADDED.
   */
  watch(resource: string, opts: WatchOptions, handler: WatchHandler): StoreWatcher {
    const ns = opts.namespace ?? '';
    const entry: WatcherEntry = { namespace: ns, handler, stopped: false };
    const from = opts.resourceVersion;
    if (from !== undefined && from > 0) {
      if (from < this.compactedRV) {
        throw new StoreError('Gone', `too old resource version: ${from} (${this.compactedRV + 1})`, this.compactedRV + 1);
      }
      for (let i = this.historyStart; i < this.history.length; i++) {
        const e = this.history[i];
        if (e.rv > from && e.resource === resource && (ns === '' || e.namespace === ns)) handler(e);
      }
    } else {
      for (const obj of this.list(resource, ns).items) {
        handler({ rv: this.rv, resource, namespace: obj.metadata.namespace ?? '', type: 'ADDED', object: obj });
      }
    }
    // Copy on write: emit iterates the array it finds without copying it per event, and a watch
    // started or stopped by a handler changes only the next event's array.
    this.watchers.set(resource, [...(this.watchers.get(resource) ?? []), entry]);
    return {
      stop: () => {
        if (entry.stopped) return;
        entry.stopped = true;
        const l = this.watchers.get(resource);
        if (l) this.watchers.set(resource, l.filter((w) => w !== entry));
      },
    };
  }

  /**
   * Calls `fn` after every change of any resource (what a persistence layer saves incrementally);
   * returns the function that stops it. Unlike watch it sends no initial list.
   */
  observe(fn: WatchHandler): () => void {
    this.observers.push(fn);
    return () => {
      const i = this.observers.indexOf(fn);
      if (i >= 0) this.observers.splice(i, 1);
    };
  }

  /** Every stored object with its resource key, in key order (a cluster snapshot's objects). */
  objects(): { resource: string; object: KObject }[] {
    const out: { resource: string; object: KObject }[] = [];
    for (const resource of [...this.data.keys()].sort()) for (const object of this.list(resource).items) out.push({ resource, object });
    return out;
  }

  /**
   * Fills an empty store from a snapshot (objects keep their resourceVersions) without events, as
   * etcd holds its data when the apiserver starts. The history starts empty at `rv`: watches
   * resume only from there, older resumes are Gone, exactly as after a compaction.
   */
  load(objects: Iterable<{ resource: string; object: KObject }>, rv: number): void {
    if (this.rv !== 0 || this.data.size > 0) throw new Error('Store.load: the store is not empty');
    for (const { resource, object } of objects) {
      // Taken as is (frozen in place): a snapshot's objects are fresh from JSON, or already frozen.
      const stored = deepFreeze(object);
      this.bucket(resource, stored.metadata.namespace ?? '').set(stored.metadata.name ?? '', stored);
    }
    this.rv = rv;
    this.compactedRV = rv;
  }

  /** Every stored resource name that has objects (for namespace cleanup and GC). */
  resources(): string[] {
    return [...this.data.keys()];
  }

  private check(cur: KObject, pre?: Preconditions): void {
    if (!pre) return;
    if (pre.uid !== undefined && pre.uid !== cur.metadata.uid) {
      throw new StoreError(
        'Conflict',
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${cur.metadata.uid ?? ''}`,
      );
    }
    if (pre.resourceVersion !== undefined && pre.resourceVersion !== cur.metadata.resourceVersion) {
      throw new StoreError(
        'Conflict',
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${cur.metadata.resourceVersion ?? ''}`,
      );
    }
  }

  private stamp(obj: KObject, owned = false): KObject {
    this.rv++;
    if (owned && !Object.isFrozen(obj) && !Object.isFrozen(obj.metadata)) {
      // The same object the copy below makes (an existing resourceVersion keeps its place).
      obj.metadata.resourceVersion = String(this.rv);
      return deepFreeze(obj);
    }
    // By assignment, not spread: see assignCopy (a spread copy's hidden class was one per object).
    const copy = assignCopy(obj);
    const meta = assignCopy(obj.metadata);
    meta.resourceVersion = String(this.rv);
    copy.metadata = meta;
    return deepFreeze(copy);
  }

  private bucket(resource: string, namespace: string): Map<string, KObject> {
    let byNs = this.data.get(resource);
    if (!byNs) this.data.set(resource, (byNs = new Map()));
    let m = byNs.get(namespace);
    if (!m) byNs.set(namespace, (m = new Map()));
    return m;
  }

  private emit(resource: string, namespace: string, type: StoredEvent['type'], object: KObject, prev?: KObject): void {
    const e: StoredEvent = { rv: this.rv, resource, namespace, type, object, prev };
    this.history.push(e);
    if (this.history.length - this.historyStart > this.historyLimit) {
      this.compactedRV = this.history[this.historyStart].rv;
      this.historyStart++;
      // Reclaim the array's front now and then instead of shifting on every event.
      if (this.historyStart > 4096 && this.historyStart * 2 > this.history.length) {
        this.history = this.history.slice(this.historyStart);
        this.historyStart = 0;
      }
    }
    for (const o of this.observers) o(e);
    const list = this.watchers.get(resource);
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const w = list[i];
      if (!w.stopped && (w.namespace === '' || w.namespace === namespace)) w.handler(e);
    }
  }
}
