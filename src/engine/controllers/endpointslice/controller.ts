// The EndpointSlice controller (pkg/controller/endpointslice): `<svc>-<5 chars>` slices of at
// most 100 endpoints per Service with a selector, with ready/serving/terminating conditions.
// Pod events map to the Services selecting the pod; slice events map back to their Service
// unless they are this controller's own writes (upstream's endpointSliceTracker).

import type { ResourceType } from '../../api/registry';
import type { KObject, Status } from '../../api/types';
import { ApiError } from '../../apiserver/status';
import { Informer, keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { podChangeMatters } from '../endpoints/controller';
import { sameJson } from '../../util/same-json';
import { serviceSelector, type EndpointPodView, type ServiceView } from '../endpoints/pods';
import { ServicePodIndex } from '../endpoints/service-index';
import { TriggerTimeTracker } from '../endpoints/trigger-time';
import { CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, reconcileSlices, type EndpointSliceView } from './reconcile';

export interface EndpointSliceControllerOptions {
  maxEndpointsPerSlice?: number;
}

function isNamespaceTerminating(e: unknown): boolean {
  return e instanceof ApiError && !!(e.status as Status).details?.causes?.some((c) => c.reason === 'NamespaceTerminating');
}

export class EndpointSliceController implements Component {
  private readonly svcType: ResourceType;
  private readonly podType: ResourceType;
  private readonly sliceType: ResourceType;
  private readonly svcInformer: Informer;
  private readonly podInformer: Informer;
  private readonly sliceInformer: Informer;
  private readonly index: ServicePodIndex;
  private readonly triggers = new TriggerTimeTracker();
  /** service key -> keys of the slices this controller manages for it. */
  private readonly slicesByService = new Map<string, Set<string>>();
  /** The Service whose slices this controller is writing now: their watch events need no resync. */
  private writing: string | undefined;
  private readonly queue: WorkQueue;
  /** The last sync failure (retried with back-off); for tests and debugging. */
  lastError: { key: string; err: unknown } | undefined;
  /** How many times sync ran (for tests and the benchmark). */
  syncs = 0;

  constructor(
    private readonly deps: ComponentDeps,
    private readonly opts: EndpointSliceControllerOptions = {},
  ) {
    this.svcType = deps.type('', 'Service');
    this.podType = deps.type('', 'Pod');
    this.sliceType = deps.type('discovery.k8s.io', 'EndpointSlice');
    this.svcInformer = deps.informers.informerFor(this.svcType);
    this.podInformer = deps.informers.informerFor(this.podType);
    this.index = new ServicePodIndex((k) => this.podInformer.get(k));
    this.sliceInformer = deps.informers.informerFor(this.sliceType);
    this.queue = new WorkQueue(
      deps.clock,
      (k) => this.sync(k),
      (key, err) => (this.lastError = { key, err }),
    );
    this.svcInformer.addHandlers({
      add: (s) => this.onService(s),
      update: (_o, s) => this.onService(s),
      delete: (s) => {
        this.index.removeService(keyOf(s));
        this.queue.add(keyOf(s));
      },
    });
    this.podInformer.addHandlers({
      add: (p) => {
        this.index.upsertPod(p);
        this.enqueueFor(p);
      },
      update: (old, p) => {
        this.index.upsertPod(p, old);
        if (!podChangeMatters(old as EndpointPodView, p as EndpointPodView)) return;
        this.enqueueFor(p);
        if (!sameJson(old.metadata.labels ?? {}, p.metadata.labels ?? {})) this.enqueueFor(old);
      },
      delete: (p) => {
        this.index.removePod(p);
        this.enqueueFor(p);
      },
    });
    this.sliceInformer.addHandlers({
      add: (s) => this.onSlice(s, undefined, false),
      update: (old, s) => this.onSlice(s, old, false),
      delete: (s) => this.onSlice(s, undefined, true),
    });
  }

  start(): void {
    this.sliceInformer.start();
    this.podInformer.start();
    this.svcInformer.start();
  }

  stop(): void {
    this.svcInformer.stop();
    this.podInformer.stop();
    this.sliceInformer.stop();
  }

  private onService(svc: KObject): void {
    this.index.upsertService(svc);
    this.queue.add(keyOf(svc));
  }

  private enqueueFor(pod: KObject): void {
    for (const k of this.index.servicesFor(pod.metadata.namespace ?? '', pod.metadata.labels)) this.queue.add(k);
  }

  private serviceKeyOf(slice: KObject): string | undefined {
    const l = slice.metadata.labels;
    if (!l || l[LABEL_MANAGED_BY] !== CONTROLLER_NAME || !l[LABEL_SERVICE_NAME]) return undefined;
    return `${slice.metadata.namespace}/${l[LABEL_SERVICE_NAME]}`;
  }

  private onSlice(slice: KObject, old: KObject | undefined, deleted: boolean): void {
    const key = keyOf(slice);
    const oldSvc = old ? this.serviceKeyOf(old) : undefined;
    const svc = this.serviceKeyOf(slice);
    if (oldSvc && oldSvc !== svc) {
      this.slicesByService.get(oldSvc)?.delete(key);
      this.queue.add(oldSvc);
    }
    if (!svc) return;
    if (deleted) this.slicesByService.get(svc)?.delete(key);
    else {
      let s = this.slicesByService.get(svc);
      if (!s) this.slicesByService.set(svc, (s = new Set()));
      s.add(key);
    }
    if (this.writing === svc) return;
    this.queue.add(svc);
  }

  /** The slices this controller manages for a Service, from the informer cache. */
  slicesOf(serviceKey: string): EndpointSliceView[] {
    const out: EndpointSliceView[] = [];
    for (const k of this.slicesByService.get(serviceKey) ?? []) {
      const s = this.sliceInformer.get(k);
      if (s) out.push(s as EndpointSliceView);
    }
    return out;
  }

  private sync(key: string): void {
    this.syncs++;
    const [ns] = splitKey(key);
    const svc = this.svcInformer.get(key) as ServiceView | undefined;
    if (!svc) {
      // Slices go with their Service through the garbage collector (owner references).
      this.triggers.delete(key);
      return;
    }
    if (svc.spec?.type === 'ExternalName') return;
    const sel = serviceSelector(svc);
    if (!sel || svc.metadata.deletionTimestamp) return;
    const pods = this.index.podsFor(ns, sel);
    const triggerTime = this.triggers.compute(key, svc, pods);
    const plan = reconcileSlices(svc, pods, this.slicesOf(key), { maxEndpointsPerSlice: this.opts.maxEndpointsPerSlice, triggerTime });
    const { client } = this.deps;
    // Watch events are delivered while a request is handled, so the cache follows each write
    // and the events of these writes need no resync of this Service.
    this.writing = key;
    try {
      for (const s of plan.creates) client.create(this.sliceType, s);
      for (const s of plan.updates) client.update(this.sliceType, s);
      for (const s of plan.deletes) client.delete(this.sliceType, s.metadata.namespace, s.metadata.name ?? '');
    } catch (e) {
      if (isNamespaceTerminating(e)) return;
      throw e;
    } finally {
      this.writing = undefined;
    }
  }
}

/** The EndpointSlice controller as a cluster component. */
export const endpointSliceControllerFactory: ComponentFactory = (deps) => new EndpointSliceController(deps);
