// A watch-fed cache of one resource type (client-go SharedInformer + Indexer): lists once,
// follows the watch, keeps frozen objects by `ns/name`, and tells handlers about changes.

import type { ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import type { EngineClient } from './client';

export interface InformerHandlers {
  add?(obj: KObject): void;
  update?(oldObj: KObject, newObj: KObject): void;
  delete?(obj: KObject): void;
}

/** The last frozen object keyOf saw and its key: one watch event reaches every informer of its type. */
let lastObj: KObject | undefined;
let lastKey = '';

export function keyOf(obj: KObject): string {
  // Each event's object goes to a dozen informers in a row; building and hashing a fresh key
  // string for each is a hot spot with 10,000 pods. Frozen (stored) objects cannot change, so
  // their key is reused.
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

export class Informer {
  private cache = new Map<string, KObject>();
  private handlers: InformerHandlers[] = [];
  private stopper: { stop(): void } | undefined;

  constructor(
    readonly type: ResourceType,
    private readonly client: EngineClient,
  ) {}

  addHandlers(h: InformerHandlers): void {
    this.handlers.push(h);
    if (this.stopper && h.add) for (const o of this.cache.values()) h.add(o);
  }

  /** Starts the list+watch; existing objects arrive as adds. */
  start(): void {
    if (this.stopper) return;
    this.stopper = this.client.watch(this.type, undefined, {
      onEvent: (e) => {
        const obj = e.object as KObject;
        const key = keyOf(obj);
        if (e.type === 'DELETED') {
          this.cache.delete(key);
          for (const h of this.handlers) h.delete?.(obj);
          return;
        }
        const old = this.cache.get(key);
        this.cache.set(key, obj);
        for (const h of this.handlers) {
          if (old) h.update?.(old, obj);
          else h.add?.(obj);
        }
      },
    });
  }

  stop(): void {
    this.stopper?.stop();
    this.stopper = undefined;
  }

  get(key: string): KObject | undefined {
    return this.cache.get(key);
  }

  list(): KObject[] {
    return [...this.cache.values()];
  }

  /** Objects in one namespace (a linear scan; controllers that need speed keep their own index). */
  listNamespace(ns: string): KObject[] {
    return this.list().filter((o) => o.metadata.namespace === ns);
  }
}
