// The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go): every 15 s
// per HPA, reads the target's scale, the pods by its selector and their metrics, computes the
// desired replicas (./replicas, ./normalize), writes the scale subresource, events and status.

import { parseSelector } from '../../api/labels';
import type { ResourceType } from '../../api/registry';
import type { KObject, Status } from '../../api/types';
import { ApiError } from '../../apiserver/status';
import { Informer, keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { rfc3339 } from '../../util/time';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { normalize, type ConditionChange, type Recommendation } from './normalize';
import { podMetricSamples, podSample } from './pods';
import { resourceReplicas } from './replicas';
import { resourceMetricStatus, setCondition, type HPACondition } from './status';

const SOURCE = { component: 'horizontal-pod-autoscaler' };
/** --horizontal-pod-autoscaler-sync-period. */
export const SYNC_PERIOD_MS = 15_000;

type Obj = Record<string, unknown>;

function errText(e: unknown): string {
  return e instanceof ApiError ? ((e.status as Status).message ?? String(e)) : e instanceof Error ? e.message : String(e);
}

/** One metric's outcome: a proposal, or an error with its event reason. */
type MetricOutcome =
  | { ok: true; replicas: number; name: string; status: Obj }
  | { ok: false; reason: string; error: string; outer: string };

export class HPAController implements Component {
  private readonly hpaType: ResourceType;
  private readonly podType: ResourceType;
  private readonly metricsType: ResourceType;
  private readonly informer: Informer;
  private readonly queue: WorkQueue;
  /** HPA key -> recent recommendations (in memory, as upstream's downscale stabilization). */
  private readonly recommendations = new Map<string, Recommendation[]>();
  private readonly timers = new Map<string, { cancel(): void }>();
  lastError: { key: string; err: unknown } | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.hpaType = deps.type('autoscaling', 'HorizontalPodAutoscaler');
    this.podType = deps.type('', 'Pod');
    this.metricsType = deps.type('metrics.k8s.io', 'PodMetrics');
    this.informer = deps.informers.informerFor(this.hpaType);
    this.queue = new WorkQueue(deps.clock, (k) => this.sync(k), (key, err) => (this.lastError = { key, err }));
    // Only additions sync at once; spec changes are picked up by the periodic sync (upstream's
    // queue rate-limits every HPA to one sync per period).
    this.informer.addHandlers({
      add: (h) => this.queue.add(keyOf(h)),
      update: () => {},
      delete: (h) => {
        const k = keyOf(h);
        this.recommendations.delete(k);
        this.timers.get(k)?.cancel();
        this.timers.delete(k);
      },
    });
  }

  start(): void {
    this.informer.start();
  }

  stop(): void {
    this.informer.stop();
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }

  private sync(key: string): void {
    const hpa = this.informer.get(key);
    if (!hpa) return;
    this.timers.get(key)?.cancel();
    this.timers.set(key, this.deps.clock.schedule(SYNC_PERIOD_MS, () => this.queue.add(key)));
    this.reconcile(key, hpa);
  }

  private reconcile(key: string, hpa: KObject): void {
    const now = this.deps.clock.now();
    const ns = hpa.metadata.namespace ?? '';
    const spec = (hpa.spec ?? {}) as { scaleTargetRef?: Obj; minReplicas?: number; maxReplicas?: number; metrics?: Obj[] };
    const status = (hpa.status ?? {}) as Obj;
    let conditions = ((status.conditions ?? []) as HPACondition[]).map((c) => ({ ...c }));
    const set = (c: ConditionChange) => (conditions = setCondition(conditions, c, now));
    const ref = spec.scaleTargetRef ?? {};
    const min = spec.minReplicas ?? 1;
    const max = spec.maxReplicas ?? 0;
    const write = (s: Obj) => this.writeStatus(hpa, { ...s, conditions });

    const target = this.targetType(String(ref.apiVersion ?? ''), String(ref.kind ?? ''));
    const obj = target && this.deps.client.get(target, ns, String(ref.name ?? ''));
    if (!target || !obj) {
      const err = target ? `${target.plural}.${target.group || 'core'} "${String(ref.name)}" not found`.replace('.core', '') : `no matches for kind "${String(ref.kind)}" in group "${String(ref.apiVersion ?? '').split('/')[0]}"`;
      this.deps.events.record(SOURCE, hpa, 'Warning', 'FailedGetScale', err);
      set({ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${err}` });
      write({ currentReplicas: status.currentReplicas, desiredReplicas: status.desiredReplicas ?? 0, currentMetrics: status.currentMetrics ?? null, lastScaleTime: status.lastScaleTime });
      return;
    }
    set({ type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" });
    const current = ((obj.spec as Obj | undefined)?.replicas as number | undefined) ?? 0;
    const selector = (obj.spec as Obj | undefined)?.selector as { matchLabels?: Record<string, string> } | undefined;

    let desired = 0;
    let reason = '';
    let metricStatuses: Obj[] | null = (status.currentMetrics as Obj[] | null | undefined) ?? null;
    if (current === 0 && min !== 0) {
      set({ type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
    } else if (current > max) {
      reason = 'Current number of replicas above Spec.MaxReplicas';
      desired = max;
    } else if (current < min) {
      reason = 'Current number of replicas below Spec.MinReplicas';
      desired = min;
    } else {
      const labelSelector = labelSelectorString(selector);
      const outcomes = (spec.metrics ?? []).map((m) => this.metric(hpa, m, current, ns, labelSelector, now));
      metricStatuses = outcomes.map((o) => (o.ok ? o.status : { type: '' }));
      const good = outcomes.filter((o): o is Extract<MetricOutcome, { ok: true }> => o.ok);
      const bad = outcomes.filter((o): o is Extract<MetricOutcome, { ok: false }> => !o.ok);
      for (const b of bad) {
        this.deps.events.record(SOURCE, hpa, 'Warning', b.reason, b.error);
        set({ type: 'ScalingActive', status: 'False', reason: b.reason, message: `the HPA was unable to compute the replica count: ${b.error}` });
      }
      if (good.length === 0) {
        const first = bad[0];
        const msg = first ? `invalid metrics (${bad.length} invalid out of ${outcomes.length}), first error is: ${first.outer}` : 'no metrics';
        this.deps.events.record(SOURCE, hpa, 'Warning', 'FailedComputeMetricsReplicas', msg);
        write({ currentReplicas: current, desiredReplicas: status.desiredReplicas ?? 0, currentMetrics: metricStatuses, lastScaleTime: status.lastScaleTime });
        return;
      }
      // The metric proposing the most replicas wins.
      let best = good[0];
      for (const g of good) if (g.replicas > best.replicas) best = g;
      set({ type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${best.name}` });
      const history = this.recommendations.get(key) ?? [];
      this.recommendations.set(key, history);
      const n = normalize(history, current, best.replicas, min, max, now);
      for (const c of n.conditions) set(c);
      desired = n.replicas;
      if (desired > current) reason = `${best.name} above target`;
      if (desired < current) reason = 'All metrics below target';
    }

    const rescale = desired !== current && !(current === 0 && min !== 0);
    let lastScaleTime = status.lastScaleTime;
    if (rescale) {
      try {
        this.deps.client.update(target, {
          apiVersion: 'autoscaling/v1',
          kind: 'Scale',
          metadata: { name: obj.metadata.name, namespace: ns },
          spec: { replicas: desired },
        }, 'scale');
      } catch (e) {
        this.deps.events.record(SOURCE, hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${errText(e)}`);
        set({ type: 'AbleToScale', status: 'False', reason: 'FailedUpdateScale', message: `the HPA controller was unable to update the target scale: ${errText(e)}` });
        write({ currentReplicas: current, desiredReplicas: status.desiredReplicas ?? 0, currentMetrics: metricStatuses, lastScaleTime });
        return;
      }
      set({ type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${desired}` });
      this.deps.events.record(SOURCE, hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
      lastScaleTime = rfc3339(now);
    } else {
      desired = current;
    }
    write({ currentReplicas: current, desiredReplicas: desired, currentMetrics: metricStatuses, lastScaleTime });
  }

  /** One metric spec: only Resource metrics with a Utilization target are computed here. */
  private metric(hpa: KObject, m: Obj, current: number, ns: string, labelSelector: string, now: number): MetricOutcome {
    const type = String(m.type ?? '');
    if (type !== 'Resource' && type !== 'ContainerResource') {
      const kind = type === 'Pods' ? 'PodsMetric' : type === 'Object' ? 'ObjectMetric' : type === 'External' ? 'ExternalMetric' : 'Metric';
      const err = `unable to get metric ${String(((m[type.toLowerCase()] as Obj | undefined)?.metric as Obj | undefined)?.name ?? '')}: no custom metrics API (custom.metrics.k8s.io) registered`;
      return { ok: false, reason: `FailedGet${kind}`, error: err, outer: err };
    }
    const res = (m.resource ?? m.containerResource ?? {}) as { name?: string; target?: { type?: string; averageUtilization?: number } };
    const name = res.name ?? 'cpu';
    const fail = (inner: string): MetricOutcome => {
      const error = `failed to get ${name} utilization: ${inner}`;
      return { ok: false, reason: 'FailedGetResourceMetric', error, outer: `failed to get ${name} resource metric value: ${error}` };
    };
    const targetUtil = res.target?.averageUtilization;
    if (targetUtil === undefined) return fail('only Utilization targets are supported by this autoscaler');
    try {
      const pods = this.deps.client.list(this.podType, ns, { labelSelector }).items;
      const metrics = this.deps.client.list(this.metricsType, ns, { labelSelector }).items;
      const r = resourceReplicas(current, targetUtil, name, pods.map((p) => podSample(p, name)), podMetricSamples(metrics, name), now);
      return { ok: true, replicas: r.replicas, name: `${name} resource utilization (percentage of request)`, status: resourceMetricStatus(name, r.rawAverageMilli, r.utilization) };
    } catch (e) {
      void hpa;
      return fail(errText(e));
    }
  }

  private targetType(apiVersion: string, kind: string): ResourceType | undefined {
    const t = this.deps.registry.forKind(apiVersion, kind);
    return t && t.subresources.includes('scale') ? t : undefined;
  }

  /** Writes status when it changed (updateStatusIfNeeded). */
  private writeStatus(hpa: KObject, s: Obj): void {
    const next: Obj = {};
    if (s.lastScaleTime !== undefined) next.lastScaleTime = s.lastScaleTime;
    if (s.currentReplicas !== undefined && s.currentReplicas !== 0) next.currentReplicas = s.currentReplicas;
    next.desiredReplicas = s.desiredReplicas;
    next.currentMetrics = s.currentMetrics ?? null;
    if (Array.isArray(s.conditions) && s.conditions.length) next.conditions = s.conditions;
    if (JSON.stringify(next) === JSON.stringify(hpa.status ?? {})) return;
    const [namespace, name] = splitKey(keyOf(hpa));
    const copy: KObject = { ...hpa, metadata: { ...hpa.metadata, namespace, name }, status: next };
    this.deps.client.updateStatus(this.hpaType, copy);
  }
}

/** `app=web,tier in (a,b)` from a LabelSelector (matchLabels only; the scale selector upstream). */
function labelSelectorString(sel: { matchLabels?: Record<string, string>; matchExpressions?: Obj[] } | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    const vals = ((e.values ?? []) as string[]).join(',');
    const op = String(e.operator);
    parts.push(op === 'In' ? `${String(e.key)} in (${vals})` : op === 'NotIn' ? `${String(e.key)} notin (${vals})` : op === 'Exists' ? String(e.key) : `!${String(e.key)}`);
  }
  // Validate early so a bad selector fails like the API would.
  parseSelector(parts.join(','));
  return parts.join(',');
}

/** The HPA controller as a cluster component. */
export const hpaControllerFactory: ComponentFactory = (deps) => new HPAController(deps);
