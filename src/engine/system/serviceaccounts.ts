// The serviceaccounts-controller (pkg/controller/serviceaccount/serviceaccounts_controller.go):
// every active namespace has a `default` ServiceAccount, recreated when deleted.

import type { ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import { Informer } from '../client/informer';
import { WorkQueue } from '../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../controllers/deps';

export class ServiceAccountsController implements Component {
  private namespaces: Informer;
  private accounts: Informer;
  private saType: ResourceType;
  private queue: WorkQueue;

  constructor(private readonly deps: ComponentDeps) {
    this.saType = deps.type('', 'ServiceAccount');
    this.namespaces = deps.informers.informerFor(deps.type('', 'Namespace'));
    this.accounts = deps.informers.informerFor(this.saType);
    this.queue = new WorkQueue(deps.clock, (ns) => this.sync(ns));
    this.namespaces.addHandlers({ add: (n) => this.queue.add(n.metadata.name!), update: (_o, n) => this.queue.add(n.metadata.name!) });
    this.accounts.addHandlers({
      delete: (sa: KObject) => {
        if (sa.metadata.name === 'default') this.queue.add(sa.metadata.namespace!);
      },
    });
  }

  start(): void {
    this.accounts.start();
    this.namespaces.start();
  }

  stop(): void {
    this.namespaces.stop();
    this.accounts.stop();
  }

  private sync(ns: string): void {
    const n = this.namespaces.get(ns);
    if (!n || n.metadata.deletionTimestamp || (n.status as { phase?: string } | undefined)?.phase === 'Terminating') return;
    if (this.accounts.get(`${ns}/default`)) return;
    this.deps.client.create(this.saType, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
  }
}

/** serviceaccounts-controller as a cluster component. */
export const serviceAccountsControllerFactory: ComponentFactory = (deps) => new ServiceAccountsController(deps);
