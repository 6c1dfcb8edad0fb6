// One watch-fed cache of one resource type shared by every component of a cluster (client-go
// sharedIndexInformer): one list+watch, one map of frozen objects, named indexes, and per-component
// handler registrations called in registration order.

import type { ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import type { EngineClient } from './client';
import { keyOf } from './keys';

export interface InformerHandlers {
  add?(obj: KObject): void;
  update?(oldObj: KObject, newObj: KObject): void;
  delete?(obj: KObject): void;
}

/** An index function: the index values an object files under (client-go cache.IndexFunc). */
export type IndexFunc = (obj: KObject) => readonly string[];

interface Index {
  fn: IndexFunc;
  /** index value -> object key -> object. */
  buckets: Map<string, Map<string, KObject>>;
}

/** One component's handlers on a shared informer; `active` false once removed. */
export interface Registration {
  handlers: InformerHandlers;
  active: boolean;
}

export class SharedInformer {
  private readonly cache = new Map<string, KObject>();
  private readonly indexes = new Map<string, Index>();
  private regs: Registration[] = [];
  private stopper: { stop(): void } | undefined;

  constructor(
    readonly type: ResourceType,
    private readonly client: EngineClient,
  ) {}

  get running(): boolean {
    return this.stopper !== undefined;
  }

  /**
   * Adds a component's handlers. When the informer already runs, the handlers first get every
   * cached object as an add (what client-go does for a handler added late), in the order a
   * fresh list would give (namespace, then name), so a late starter sees what its own list would.
   */
  register(handlers: InformerHandlers): Registration {
    const reg: Registration = { handlers, active: true };
    this.regs.push(reg);
    if (this.stopper && handlers.add) for (const o of this.sorted()) if (reg.active) handlers.add(o);
    return reg;
  }

  /** The cache in store list order: namespaces sorted, then names within each. */
  private sorted(): KObject[] {
    const all = [...this.cache.values()];
    return all.sort((a, b) => {
      const na = a.metadata.namespace ?? '';
      const nb = b.metadata.namespace ?? '';
      if (na !== nb) return na < nb ? -1 : 1;
      const ma = a.metadata.name ?? '';
      const mb = b.metadata.name ?? '';
      return ma < mb ? -1 : ma > mb ? 1 : 0;
    });
  }

  unregister(reg: Registration): void {
    if (!reg.active) return;
    reg.active = false;
    // A new array: a dispatch in progress keeps iterating its own copy.
    this.regs = this.regs.filter((r) => r !== reg);
  }

  /** Starts the list+watch (existing objects reach registered handlers as adds). */
  start(): void {
    if (this.stopper) return;
    this.stopper = this.client.watch(this.type, undefined, { onEvent: (e) => this.apply(e.type, e.object as KObject) });
  }

  stop(): void {
    this.stopper?.stop();
    this.stopper = undefined;
  }

  /**
   * Drops the watch and lists again (a reflector relist after a restart): objects that differ from
   * the cache reach the handlers as add/update, objects gone from the store as delete.
   */
  relist(): void {
    if (!this.stopper) return;
    this.stopper.stop();
    const before = new Map(this.cache);
    // Refilled in list order, as a fresh reflector's store would be.
    this.cache.clear();
    const changed: [KObject | undefined, KObject][] = [];
    let replaying = true;
    this.stopper = this.client.watch(this.type, undefined, {
      onEvent: (e) => {
        const obj = e.object as KObject;
        if (!replaying) return this.apply(e.type, obj);
        const key = keyOf(obj);
        const old = before.get(key);
        before.delete(key);
        this.cache.set(key, obj);
        if (old === obj) return;
        if (this.indexes.size > 0) this.reindex(key, old, obj);
        changed.push([old, obj]);
      },
    });
    replaying = false;
    // Handlers hear about differences only once the new watch is in place (they may write).
    for (const [key, old] of before) this.unindex(key, old);
    const regs = this.regs;
    for (const [old, obj] of changed) {
      for (const r of regs) if (r.active) (old ? r.handlers.update?.(old, obj) : r.handlers.add?.(obj));
    }
    for (const old of before.values()) for (const r of regs) if (r.active) r.handlers.delete?.(old);
  }

  private apply(type: string, obj: KObject): void {
    const key = keyOf(obj);
    const regs = this.regs;
    if (type === 'DELETED') {
      const old = this.cache.get(key);
      this.cache.delete(key);
      if (old) this.unindex(key, old);
      for (const r of regs) if (r.active) r.handlers.delete?.(obj);
      return;
    }
    const old = this.cache.get(key);
    this.cache.set(key, obj);
    if (this.indexes.size > 0) this.reindex(key, old, obj);
    for (const r of regs) {
      if (!r.active) continue;
      if (old) r.handlers.update?.(old, obj);
      else r.handlers.add?.(obj);
    }
  }

  /** Adds a named index (a no-op when one of that name exists: components share indexes). */
  addIndexer(name: string, fn: IndexFunc): void {
    if (this.indexes.has(name)) return;
    const idx: Index = { fn, buckets: new Map() };
    this.indexes.set(name, idx);
    for (const [key, obj] of this.cache) fileUnder(idx, key, obj);
  }

  /** The cached objects filed under `value` in index `name` (client-go ByIndex). */
  byIndex(name: string, value: string): KObject[] {
    const idx = this.indexes.get(name);
    if (!idx) throw new Error(`informer ${this.type.plural}: no index ${name}`);
    const b = idx.buckets.get(value);
    return b ? [...b.values()] : [];
  }

  get(key: string): KObject | undefined {
    return this.cache.get(key);
  }

  list(): KObject[] {
    return [...this.cache.values()];
  }

  /** Moves an object between index buckets; an unchanged bucket keeps the object's position. */
  private reindex(key: string, old: KObject | undefined, obj: KObject): void {
    for (const idx of this.indexes.values()) {
      const now = idx.fn(obj);
      if (old) {
        for (const v of idx.fn(old)) {
          if (now.includes(v)) continue;
          const b = idx.buckets.get(v);
          if (!b) continue;
          b.delete(key);
          if (b.size === 0) idx.buckets.delete(v);
        }
      }
      fileUnder(idx, key, obj, now);
    }
  }

  private unindex(key: string, obj: KObject): void {
    for (const idx of this.indexes.values()) {
      for (const v of idx.fn(obj)) {
        const b = idx.buckets.get(v);
        if (!b) continue;
        b.delete(key);
        if (b.size === 0) idx.buckets.delete(v);
      }
    }
  }
}

function fileUnder(idx: Index, key: string, obj: KObject, values = idx.fn(obj)): void {
  for (const v of values) {
    let b = idx.buckets.get(v);
    if (!b) idx.buckets.set(v, (b = new Map()));
    b.set(key, obj);
  }
}
