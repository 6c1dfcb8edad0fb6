// One component's view of a shared informer (client-go's informer handle + lister): the
// component's handlers, registered when it starts and removed when it stops, over the cluster's
// single cache of that type (./shared-informer, handed out by ./informer-factory).

import type { ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import type { IndexFunc, InformerHandlers, Registration, SharedInformer } from './shared-informer';

export { keyOf, splitKey } from './keys';
export type { IndexFunc, InformerHandlers } from './shared-informer';

export class Informer {
  private handlers: InformerHandlers[] = [];
  private regs: Registration[] = [];

  constructor(private readonly shared: SharedInformer) {}

  get type(): ResourceType {
    return this.shared.type;
  }

  /** Handlers run from start() on; added to a started view they first get the cache as adds. */
  addHandlers(h: InformerHandlers): void {
    this.handlers.push(h);
    if (this.regs.length > 0) this.regs.push(this.shared.register(h));
  }

  /** Registers this component's handlers (and starts the shared watch if nobody has yet). */
  start(): void {
    if (this.regs.length > 0 || this.handlers.length === 0) {
      this.shared.start();
      return;
    }
    // The shared watch first, so handlers registered below get the cache replayed in order.
    this.shared.start();
    for (const h of this.handlers) this.regs.push(this.shared.register(h));
  }

  stop(): void {
    for (const r of this.regs) this.shared.unregister(r);
    this.regs = [];
  }

  addIndexer(name: string, fn: IndexFunc): void {
    this.shared.addIndexer(name, fn);
  }

  byIndex(name: string, value: string): KObject[] {
    return this.shared.byIndex(name, value);
  }

  get(key: string): KObject | undefined {
    return this.shared.get(key);
  }

  list(): KObject[] {
    return this.shared.list();
  }

  /** Objects in one namespace (through the shared namespace index). */
  listNamespace(ns: string): KObject[] {
    this.shared.addIndexer(NAMESPACE_INDEX, byNamespace);
    return this.shared.byIndex(NAMESPACE_INDEX, ns);
  }
}

export const NAMESPACE_INDEX = 'namespace';
export const byNamespace: IndexFunc = (o) => [o.metadata.namespace ?? ''];
