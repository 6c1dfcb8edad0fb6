// The simulated cloud-controller-manager's service controller: a Service of type LoadBalancer
// gets the cleanup finalizer and `EnsuringLoadBalancer` at once, and after a provisioning delay
// its status.loadBalancer.ingress address and `EnsuredLoadBalancer`; leaving type LoadBalancer
// or being deleted tears the load balancer down (`DeletingLoadBalancer`, `DeletedLoadBalancer`).

import type { ResourceType } from '../../api/registry';
import type { KObject } from '../../api/types';
import { Informer, keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import type { ServiceView } from '../endpoints/pods';
import { allocateAddress, hasLBFinalizer, LB_FINALIZER, needsCleanup, needsUpdate, wantsLoadBalancer } from './lb';

const SOURCE = { component: 'service-controller' };
/** How long the simulated cloud takes to create a load balancer (the `<pending>` time). */
export const LB_PROVISION_DELAY_MS = 3000;
/** How long re-ensuring an existing load balancer (new ports, ...) takes. */
export const LB_UPDATE_DELAY_MS = 1000;

export class ServiceLoadBalancerController implements Component {
  private readonly svcType: ResourceType;
  private readonly informer: Informer;
  private readonly queue: WorkQueue;
  /** service key -> when the in-flight ensure completes (and for which Service uid). */
  private readonly inFlight = new Map<string, { due: number; uid: string | undefined }>();
  /** Load balancer addresses in use, by Service key (from Service status). */
  private readonly addresses = new Map<string, string>();
  /** The last sync failure (retried with back-off); for tests and debugging. */
  lastError: { key: string; err: unknown } | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.svcType = deps.type('', 'Service');
    this.informer = deps.informers.informerFor(this.svcType);
    this.queue = new WorkQueue(
      deps.clock,
      (k) => this.sync(k),
      (key, err) => (this.lastError = { key, err }),
    );
    this.informer.addHandlers({
      add: (s) => {
        this.noteAddress(s);
        const svc = s as ServiceView;
        if (wantsLoadBalancer(svc) || needsCleanup(svc)) this.queue.add(keyOf(s));
      },
      update: (old, s) => {
        this.noteAddress(s);
        const cur = s as ServiceView;
        const d = needsUpdate(old as ServiceView, cur);
        for (const [reason, msg] of d.events) deps.events.record(SOURCE, s, 'Normal', reason, msg);
        if (d.update || needsCleanup(cur)) this.queue.add(keyOf(s));
      },
      delete: (s) => {
        this.addresses.delete(keyOf(s));
        this.inFlight.delete(keyOf(s));
      },
    });
  }

  start(): void {
    this.informer.start();
  }

  stop(): void {
    this.informer.stop();
    this.inFlight.clear();
  }

  private noteAddress(s: KObject): void {
    const ip = (s as ServiceView).status?.loadBalancer?.ingress?.[0]?.ip;
    if (ip) this.addresses.set(keyOf(s), ip);
    else this.addresses.delete(keyOf(s));
  }

  private sync(key: string): void {
    const svc = this.informer.get(key) as ServiceView | undefined;
    if (!svc) {
      this.inFlight.delete(key);
      return;
    }
    const now = this.deps.clock.now();
    const { client, events } = this.deps;
    if (!wantsLoadBalancer(svc) || needsCleanup(svc)) {
      const exists = !!svc.status?.loadBalancer?.ingress?.length || this.inFlight.has(key);
      this.inFlight.delete(key);
      if (exists) events.record(SOURCE, svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
      if (hasLBFinalizer(svc)) {
        const rest = (svc.metadata.finalizers ?? []).filter((f) => f !== LB_FINALIZER);
        this.patchMeta(key, { metadata: { finalizers: rest.length ? rest : null } });
      }
      events.record(SOURCE, svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
      this.writeIngress(key, undefined);
      return;
    }
    const flight = this.inFlight.get(key);
    if (flight && flight.uid === svc.metadata.uid) {
      if (flight.due > now) return; // Still provisioning; the requeue-after comes back at `due`.
      this.inFlight.delete(key);
      const inUse = new Set<string>();
      for (const [k, ip] of this.addresses) if (k !== key) inUse.add(ip);
      const ip = allocateAddress(svc, inUse);
      if (!ip) throw new Error('no load balancer address left in 203.0.113.0/24');
      this.writeIngress(key, ip);
      events.record(SOURCE, svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
      return;
    }
    events.record(SOURCE, svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    if (!hasLBFinalizer(svc)) this.patchMeta(key, { metadata: { finalizers: [...(svc.metadata.finalizers ?? []), LB_FINALIZER] } });
    const delay = svc.status?.loadBalancer?.ingress?.length ? LB_UPDATE_DELAY_MS : LB_PROVISION_DELAY_MS;
    this.inFlight.set(key, { due: now + delay, uid: svc.metadata.uid });
    this.queue.addAfter(key, delay);
  }

  private patchMeta(key: string, patch: unknown): void {
    const [ns, name] = splitKey(key);
    this.deps.client.patch(this.svcType, ns, name, patch);
  }

  /** patchStatus: writes status.loadBalancer only when it changes. */
  private writeIngress(key: string, ip: string | undefined): void {
    const svc = this.informer.get(key) as ServiceView | undefined;
    if (!svc) return;
    const want = ip ? { ingress: [{ ip, ipMode: 'VIP' }] } : {};
    if (JSON.stringify(svc.status?.loadBalancer ?? {}) === JSON.stringify(want)) return;
    const next = JSON.parse(JSON.stringify(svc)) as ServiceView;
    next.status = { ...(next.status ?? {}), loadBalancer: want };
    this.deps.client.updateStatus(this.svcType, next);
  }
}

/** The simulated cloud's service (load balancer) controller as a cluster component. */
export const serviceLoadBalancerControllerFactory: ComponentFactory = (deps) => new ServiceLoadBalancerController(deps);
