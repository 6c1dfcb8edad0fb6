// The namespace controller (pkg/controller/namespace): when a namespace is Terminating it deletes
// every namespaced object in it, waits until they are gone, then finalizes the namespace
// (removes `kubernetes` from spec.finalizers) so the apiserver removes it.

import type { ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import type { EngineClient } from '../client/client';
import type { Informer } from '../client/informer';
import type { InformerFactory } from '../client/informer-factory';
import { WorkQueue } from '../client/workqueue';
import type { Clock } from '../clock';

/** How long to wait before looking again at a namespace whose content is still going away. */
const RECHECK_MS = 1000;

export class NamespaceController {
  private informer: Informer;
  private queue: WorkQueue;

  constructor(
    private readonly client: EngineClient,
    informers: InformerFactory,
    clock: Clock,
    private readonly nsType: ResourceType,
    private readonly types: () => readonly ResourceType[],
  ) {
    this.queue = new WorkQueue(clock, (k) => this.sync(k));
    this.informer = informers.informerFor(nsType);
    const enqueue = (o: KObject) => {
      if (o.metadata.deletionTimestamp) this.queue.add(o.metadata.name!);
    };
    this.informer.addHandlers({ add: enqueue, update: (_o, n) => enqueue(n) });
  }

  start(): void {
    this.informer.start();
  }

  private sync(name: string): void {
    const ns = this.informer.get(name);
    if (!ns || !ns.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const t of this.types()) {
      if (!t.namespaced || !t.verbs.includes('delete') || !t.verbs.includes('list')) continue;
      const items = this.client.list(t, name).items;
      for (const o of items) {
        remaining++;
        if (!o.metadata.deletionTimestamp) this.client.delete(t, name, o.metadata.name!, { propagationPolicy: 'Background' });
      }
    }
    if (remaining > 0) {
      // Some objects end gracefully (pods) or wait for finalizers: look again shortly.
      let left = 0;
      for (const t of this.types()) if (t.namespaced && t.verbs.includes('list')) left += this.client.list(t, name).items.length;
      if (left > 0) {
        this.queue.addAfter(name, RECHECK_MS);
        return;
      }
    }
    const spec = (ns.spec ?? {}) as { finalizers?: string[] };
    this.client.update(this.nsType, { ...ns, spec: { ...spec, finalizers: (spec.finalizers ?? []).filter((f) => f !== 'kubernetes') } }, 'finalize');
  }
}
