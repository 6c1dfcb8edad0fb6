// The cluster's shared informer factory (client-go SharedInformerFactory): one list+watch and one
// cache per resource type, handed to every component that asks, each with its own handlers.

import type { ResourceType } from '../api/registry';
import type { EngineClient } from './client';
import { Informer } from './informer';
import { SharedInformer } from './shared-informer';

export class InformerFactory {
  private readonly shared = new Map<ResourceType, SharedInformer>();

  constructor(private readonly client: EngineClient) {}

  /** A component's view of the type's shared informer (created on first use, started by the view). */
  informerFor(t: ResourceType): Informer {
    return new Informer(this.sharedFor(t));
  }

  sharedFor(t: ResourceType): SharedInformer {
    let s = this.shared.get(t);
    if (!s) this.shared.set(t, (s = new SharedInformer(t, this.client)));
    return s;
  }

  /** Relists every running informer (a control-plane restart: watches are re-established). */
  relist(): void {
    for (const s of this.shared.values()) s.relist();
  }

  stop(): void {
    for (const s of this.shared.values()) s.stop();
  }
}
