// The Endpoints controller (pkg/controller/endpoint): one Endpoints object per Service with a
// selector, named like the Service, listing its pods' addresses (ready and not ready) and the
// ports their targetPorts resolve to. Pod events map to the Services selecting the pod (through
// ServicePodIndex), so a readiness change recomputes only those Services.

import type { ResourceType } from '../../api/registry';
import type { KObject, Status } from '../../api/types';
import { ApiError } from '../../apiserver/status';
import { Informer, keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { serviceSelector, type EndpointPodView, type ServiceView } from './pods';
import { computeSubsets, endpointsToWrite, type EndpointsView } from './reconcile';
import { ServicePodIndex } from './service-index';
import { TriggerTimeTracker } from './trigger-time';
import { sameJson } from '../../util/same-json';

const SOURCE = { component: 'endpoint-controller' };

function errText(e: unknown): string {
  return e instanceof ApiError ? ((e.status as Status).message ?? String(e)) : e instanceof Error ? e.message : String(e);
}

/** Whether a pod update can change any Endpoints (labels, IP, readiness, deletion, node, ports). */
export function podChangeMatters(old: EndpointPodView, cur: EndpointPodView): boolean {
  if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return false;
  // The parts Endpoints and EndpointSlices are built from, compared one by one without
  // serialising or collecting them: every pod status write reaches both endpoint controllers.
  const os = old.status;
  const cs = cur.status;
  return !(
    sameJson(old.metadata.labels ?? {}, cur.metadata.labels ?? {}) &&
    sameJson(old.metadata.deletionTimestamp ?? '', cur.metadata.deletionTimestamp ?? '') &&
    sameJson(os?.podIP ?? '', cs?.podIP ?? '') &&
    sameJson(os?.podIPs ?? [], cs?.podIPs ?? []) &&
    sameJson(os?.phase ?? '', cs?.phase ?? '') &&
    sameJson(readyCondition(os?.conditions), readyCondition(cs?.conditions)) &&
    sameJson(old.spec?.nodeName ?? '', cur.spec?.nodeName ?? '') &&
    sameJson(old.spec?.hostname ?? '', cur.spec?.hostname ?? '') &&
    sameJson(old.spec?.subdomain ?? '', cur.spec?.subdomain ?? '')
  );
}

function readyCondition<C extends { type: string }>(conds: readonly C[] | undefined): C | null {
  if (!conds) return null;
  for (let i = 0; i < conds.length; i++) if (conds[i].type === 'Ready') return conds[i];
  return null;
}

export class EndpointsController implements Component {
  private readonly svcType: ResourceType;
  private readonly podType: ResourceType;
  private readonly epType: ResourceType;
  private readonly svcInformer: Informer;
  private readonly podInformer: Informer;
  private readonly epInformer: Informer;
  private readonly index: ServicePodIndex;
  private readonly triggers = new TriggerTimeTracker();
  private readonly queue: WorkQueue;
  /** The last sync failure (retried with back-off); for tests and debugging. */
  lastError: { key: string; err: unknown } | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.svcType = deps.type('', 'Service');
    this.podType = deps.type('', 'Pod');
    this.epType = deps.type('', 'Endpoints');
    this.svcInformer = deps.informers.informerFor(this.svcType);
    this.podInformer = deps.informers.informerFor(this.podType);
    this.index = new ServicePodIndex((k) => this.podInformer.get(k));
    this.epInformer = deps.informers.informerFor(this.epType);
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
    // An Endpoints object changed or deleted by someone else is put back (as upstream's
    // onEndpointsDelete); only for Services that have a selector.
    this.epInformer.addHandlers({
      delete: (ep) => {
        const svc = this.svcInformer.get(keyOf(ep));
        if (svc && serviceSelector(svc as ServiceView)) this.queue.add(keyOf(ep));
      },
    });
  }

  start(): void {
    this.epInformer.start();
    this.podInformer.start();
    this.svcInformer.start();
  }

  stop(): void {
    this.svcInformer.stop();
    this.podInformer.stop();
    this.epInformer.stop();
  }

  private onService(svc: KObject): void {
    this.index.upsertService(svc);
    this.queue.add(keyOf(svc));
  }

  private enqueueFor(pod: KObject): void {
    for (const k of this.index.servicesFor(pod.metadata.namespace ?? '', pod.metadata.labels)) this.queue.add(k);
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.svcInformer.get(key) as ServiceView | undefined;
    if (!svc) {
      // The Service is gone: so are its Endpoints (they carry no owner reference).
      this.triggers.delete(key);
      if (this.epInformer.get(key)) this.deps.client.delete(this.epType, ns, name);
      return;
    }
    const sel = serviceSelector(svc);
    // Services without a selector get their Endpoints from elsewhere (the user, the apiserver).
    if (!sel) return;
    const pods = this.index.podsFor(ns, sel);
    const trigger = this.triggers.compute(key, svc, pods);
    const subsets = computeSubsets(svc, pods);
    const current = this.epInformer.get(key) as EndpointsView | undefined;
    const write = endpointsToWrite(svc, current, subsets, trigger);
    if (write.op === 'none') return;
    try {
      if (write.op === 'create') this.deps.client.create(this.epType, write.object);
      else this.deps.client.update(this.epType, write.object);
    } catch (e) {
      if (write.op === 'create' && e instanceof ApiError && (e.status as Status).details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return;
      const msg =
        write.op === 'create'
          ? `Failed to create endpoint for service ${ns}/${name}: ${errText(e)}`
          : `Failed to update endpoint ${ns}/${name}: ${errText(e)}`;
      this.deps.events.record(SOURCE, write.object, 'Warning', write.op === 'create' ? 'FailedToCreateEndpoint' : 'FailedToUpdateEndpoint', msg);
      throw e;
    }
  }
}

/** The Endpoints controller as a cluster component. */
export const endpointsControllerFactory: ComponentFactory = (deps) => new EndpointsController(deps);
