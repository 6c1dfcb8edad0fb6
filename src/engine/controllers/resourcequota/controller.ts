// The ResourceQuota controller (pkg/controller/resourcequota): keeps each quota's status.hard
// equal to spec.hard and status.used equal to what the namespace's objects charge; recounts when
// a quota changes, when a charged object changes (replenishment) and every 5 minutes.

import type { ResourceType } from '../../api/registry';
import type { KObject } from '../../api/types';
import { Informer, keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { quotaMatches } from './scopes';
import { addUsage, fromUsage, mask, objectUsage, typeForResource, type TypeRef, type Usage } from './usage';
import { Quantity } from '../../api/quantity';

/** --resource-quota-sync-period. */
export const RESYNC_MS = 5 * 60_000;

type QuotaStatus = { hard?: Record<string, string>; used?: Record<string, string> };

/** The objects of one charged type, indexed by namespace (the quota recount reads one namespace). */
interface Monitor {
  ref: TypeRef;
  informer: Informer;
  byNs: Map<string, Map<string, KObject>>;
}

/**
 * The status a quota should have (pure): hard = spec.hard; used = for each hard name whose
 * type is known, the sum over `objects(type)` the quota's scopes select (0 when none).
 * E.g. hard {pods: 2, requests.cpu: 1}, pods requesting 200m and 300m -> used {pods: 2, requests.cpu: 500m}.
 */
export function computeStatus(quota: KObject, known: (t: TypeRef) => boolean, objects: (t: TypeRef) => Iterable<KObject>, nowMs: number): Required<QuotaStatus> {
  const hard = { ...(((quota.spec ?? {}) as { hard?: Record<string, string> }).hard ?? {}) };
  const byType = new Map<string, { ref: TypeRef; names: string[] }>();
  for (const name of Object.keys(hard)) {
    const ref = typeForResource(name);
    if (!ref || !known(ref)) continue;
    const k = `${ref.group}/${ref.plural}`;
    if (!byType.has(k)) byType.set(k, { ref, names: [] });
    byType.get(k)!.names.push(name);
  }
  let used: Usage = new Map();
  for (const { ref, names } of byType.values()) {
    for (const n of names) used.set(n, Quantity.zero());
    const isPod = ref.group === '' && ref.plural === 'pods';
    for (const obj of objects(ref)) {
      if (!quotaMatches(quota, isPod, obj)) continue;
      used = addUsage(used, mask(objectUsage(ref, obj, nowMs), names));
    }
  }
  return { hard, used: fromUsage(used) };
}

function sameList(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a![k] === b[k]);
}

export class ResourceQuotaController implements Component {
  private readonly quotaType: ResourceType;
  private readonly quotas: Informer;
  private readonly queue: WorkQueue;
  private readonly quotasByNs = new Map<string, Set<string>>();
  private readonly monitors = new Map<string, Monitor>();
  private resync: { cancel(): void } | undefined;
  lastError: { key: string; err: unknown } | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.quotaType = deps.type('', 'ResourceQuota');
    this.quotas = deps.informers.informerFor(this.quotaType);
    this.queue = new WorkQueue(deps.clock, (k) => this.sync(k), (key, err) => (this.lastError = { key, err }));
    this.quotas.addHandlers({
      add: (q) => this.trackQuota(q, true),
      update: (_o, q) => this.queue.add(keyOf(q)),
      delete: (q) => this.trackQuota(q, false),
    });
  }

  start(): void {
    this.quotas.start();
    this.scheduleResync();
  }

  stop(): void {
    this.quotas.stop();
    for (const m of this.monitors.values()) m.informer.stop();
    this.monitors.clear();
    this.resync?.cancel();
  }

  private scheduleResync(): void {
    this.resync = this.deps.clock.schedule(RESYNC_MS, () => {
      for (const q of this.quotas.list()) this.queue.add(keyOf(q));
      this.scheduleResync();
    });
  }

  private trackQuota(q: KObject, present: boolean): void {
    const ns = q.metadata.namespace ?? '';
    const key = keyOf(q);
    let set = this.quotasByNs.get(ns);
    if (present) {
      if (!set) this.quotasByNs.set(ns, (set = new Set()));
      set.add(key);
      this.queue.add(key);
    } else if (set) {
      set.delete(key);
      if (!set.size) this.quotasByNs.delete(ns);
    }
  }

  /** Replenishment: any change to a charged object recounts the quotas of its namespace. */
  private touched(obj: KObject): void {
    for (const key of this.quotasByNs.get(obj.metadata.namespace ?? '') ?? []) this.queue.add(key);
  }

  private resourceType(ref: TypeRef): ResourceType | undefined {
    return this.deps.registry.types.find((t) => t.group === ref.group && t.plural === ref.plural && t.namespaced);
  }

  /** Starts watching a charged type the first time a quota names it. */
  private monitor(ref: TypeRef): Monitor | undefined {
    const k = `${ref.group}/${ref.plural}`;
    const existing = this.monitors.get(k);
    if (existing) return existing;
    const t = this.resourceType(ref);
    if (!t) return undefined;
    const m: Monitor = { ref, informer: this.deps.informers.informerFor(t), byNs: new Map() };
    const put = (o: KObject) => {
      const ns = o.metadata.namespace ?? '';
      if (!m.byNs.has(ns)) m.byNs.set(ns, new Map());
      m.byNs.get(ns)!.set(keyOf(o), o);
      this.touched(o);
    };
    m.informer.addHandlers({
      add: put,
      update: (_o, n) => put(n),
      delete: (o) => {
        m.byNs.get(o.metadata.namespace ?? '')?.delete(keyOf(o));
        this.touched(o);
      },
    });
    this.monitors.set(k, m);
    m.informer.start();
    return m;
  }

  private sync(key: string): void {
    const quota = this.quotas.get(key);
    if (!quota) return;
    const [ns] = splitKey(key);
    const want = computeStatus(
      quota,
      (ref) => this.monitor(ref) !== undefined,
      (ref) => this.monitor(ref)?.byNs.get(ns)?.values() ?? [],
      this.deps.clock.now(),
    );
    const cur = (quota.status ?? {}) as QuotaStatus;
    if (sameList(cur.hard, want.hard) && sameList(cur.used, want.used)) return;
    const copy = JSON.parse(JSON.stringify(quota)) as KObject;
    copy.status = { hard: want.hard, used: want.used };
    this.deps.client.updateStatus(this.quotaType, copy);
  }
}

/** The quota controller as a cluster component. */
export const resourceQuotaControllerFactory: ComponentFactory = (deps) => new ResourceQuotaController(deps);
