// HorizontalPodAutoscaler autoscaling/v2 (the storage version) <-> autoscaling/v1, as
// pkg/apis/autoscaling/v1/conversion.go: the cpu Utilization metric maps to
// spec.targetCPUUtilizationPercentage; what v1 cannot express rides in annotations.

import type { KObject } from '../types';
import { metricSpecFromV1, metricSpecToV1, metricStatusFromV1, metricStatusToV1 } from './hpa-metrics';

type Obj = Record<string, unknown>;

export const METRIC_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
export const METRIC_STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
export const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';
const ROUND_TRIP = [METRIC_SPECS_ANNOTATION, METRIC_STATUSES_ANNOTATION, CONDITIONS_ANNOTATION, BEHAVIOR_ANNOTATION];

/** autoscaling.DefaultCPUUtilization: the implicit v1 target. */
export const DEFAULT_CPU_UTILIZATION = 80;

function o(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}
function arr(v: unknown): Obj[] {
  return Array.isArray(v) ? (v.filter((x) => o(x)) as Obj[]) : [];
}
function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Go's json.Marshal: compact, with <, > and & escaped (HTML-safe by default). */
export function goJSON(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

function isCPU(m: Obj, field: 'target' | 'current'): boolean {
  const r = o(m.resource);
  return m.type === 'Resource' && !!r && r.name === 'cpu' && o(r[field])?.averageUtilization !== undefined;
}

// The behavior annotation holds json.Marshal of the internal type, whose fields carry no json
// tags: {"ScaleUp":{"StabilizationWindowSeconds":0,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":4,"PeriodSeconds":15}]},...}
function rulesToInternal(r: Obj | undefined): unknown {
  if (!r) return null;
  return {
    StabilizationWindowSeconds: r.stabilizationWindowSeconds ?? null,
    SelectPolicy: r.selectPolicy ?? null,
    Policies: Array.isArray(r.policies) ? arr(r.policies).map((p) => ({ Type: p.type, Value: p.value, PeriodSeconds: p.periodSeconds })) : null,
  };
}
function rulesFromInternal(r: Obj | undefined): Obj | undefined {
  if (!r) return undefined;
  const out: Obj = {};
  if (r.StabilizationWindowSeconds !== null && r.StabilizationWindowSeconds !== undefined) out.stabilizationWindowSeconds = r.StabilizationWindowSeconds;
  if (r.SelectPolicy !== null && r.SelectPolicy !== undefined) out.selectPolicy = r.SelectPolicy;
  if (Array.isArray(r.Policies)) out.policies = arr(r.Policies).map((p) => ({ type: p.Type, value: p.Value, periodSeconds: p.PeriodSeconds }));
  return out;
}

/** Converts a stored autoscaling/v2 HPA to its autoscaling/v1 form (a new object). */
export function hpaToV1(v2: KObject): KObject {
  const spec = o(v2.spec) ?? {};
  const status = o(v2.status) ?? {};
  const metrics = arr(spec.metrics);
  const metadata = clone(v2.metadata);
  const ann: Record<string, string> = { ...(metadata.annotations ?? {}) };
  for (const k of ROUND_TRIP) delete ann[k];

  const other = metrics.filter((m) => !isCPU(m, 'target')).map(metricSpecToV1);
  if (other.length > 0) ann[METRIC_SPECS_ANNOTATION] = goJSON(other);
  const current = arr(status.currentMetrics);
  if (current.length > 0) ann[METRIC_STATUSES_ANNOTATION] = goJSON(current.map(metricStatusToV1));
  const conditions = arr(status.conditions);
  if (conditions.length > 0) {
    ann[CONDITIONS_ANNOTATION] = goJSON(conditions.map((c) => ({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime ?? null, reason: c.reason, message: c.message })));
  }
  const behavior = o(spec.behavior);
  if (behavior) ann[BEHAVIOR_ANNOTATION] = goJSON({ ScaleUp: rulesToInternal(o(behavior.scaleUp)), ScaleDown: rulesToInternal(o(behavior.scaleDown)) });
  if (Object.keys(ann).length > 0) metadata.annotations = ann;
  else delete metadata.annotations;

  const v1Spec: Obj = { scaleTargetRef: clone(spec.scaleTargetRef) ?? { kind: '', name: '' } };
  if (spec.minReplicas !== undefined) v1Spec.minReplicas = spec.minReplicas;
  v1Spec.maxReplicas = spec.maxReplicas ?? 0;
  // Only the first cpu Resource metric counts, and only when it is a Utilization target.
  const cpu = metrics.find((m) => m.type === 'Resource' && o(m.resource)?.name === 'cpu');
  const target = o(o(cpu?.resource)?.target)?.averageUtilization;
  if (target !== undefined) v1Spec.targetCPUUtilizationPercentage = target;

  const v1Status: Obj = {};
  if (status.observedGeneration !== undefined) v1Status.observedGeneration = status.observedGeneration;
  if (status.lastScaleTime !== undefined) v1Status.lastScaleTime = status.lastScaleTime;
  v1Status.currentReplicas = status.currentReplicas ?? 0;
  v1Status.desiredReplicas = status.desiredReplicas ?? 0;
  // The last cpu Utilization status wins (the upstream loop does not break).
  for (const m of current) if (isCPU(m, 'current')) v1Status.currentCPUUtilizationPercentage = o(o(m.resource)?.current)?.averageUtilization;

  return { apiVersion: 'autoscaling/v1', kind: v2.kind, metadata, spec: v1Spec, status: v1Status };
}

function parseAnnotation(ann: Record<string, string>, key: string): unknown {
  const raw = ann[key];
  delete ann[key];
  try {
    return JSON.parse(raw);
  } catch {
    throw new ConversionError(`error converting ${key} annotation: invalid JSON`);
  }
}

/** A v1 object whose round-trip annotations cannot be decoded (the apiserver answers 400/500). */
export class ConversionError extends Error {}

/** Converts an autoscaling/v1 HPA (a request body) to autoscaling/v2 (a new object). */
export function hpaFromV1(v1: KObject): KObject {
  const spec = o(v1.spec) ?? {};
  const status = o(v1.status) ?? {};
  const metadata = clone(v1.metadata ?? {});
  const ann: Record<string, string> = { ...(metadata.annotations ?? {}) };

  const v2Spec: Obj = { scaleTargetRef: clone(spec.scaleTargetRef) ?? { kind: '', name: '' } };
  if (spec.minReplicas !== undefined) v2Spec.minReplicas = spec.minReplicas;
  v2Spec.maxReplicas = spec.maxReplicas ?? 0;
  let metrics: Obj[] = [];
  if (typeof spec.targetCPUUtilizationPercentage === 'number') {
    metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }];
  }
  if (METRIC_SPECS_ANNOTATION in ann) {
    // The annotation's metrics come first, the cpu target (if any) after them.
    metrics = [...arr(parseAnnotation(ann, METRIC_SPECS_ANNOTATION)).map(metricSpecFromV1), ...metrics];
  }
  if (metrics.length === 0) {
    metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  v2Spec.metrics = metrics;
  if (BEHAVIOR_ANNOTATION in ann) {
    const b = o(parseAnnotation(ann, BEHAVIOR_ANNOTATION)) ?? {};
    const behavior: Obj = {};
    const up = rulesFromInternal(o(b.ScaleUp)), down = rulesFromInternal(o(b.ScaleDown));
    if (up) behavior.scaleUp = up;
    if (down) behavior.scaleDown = down;
    v2Spec.behavior = behavior;
  }

  const v2Status: Obj = {};
  if (status.observedGeneration !== undefined) v2Status.observedGeneration = status.observedGeneration;
  if (status.lastScaleTime !== undefined) v2Status.lastScaleTime = status.lastScaleTime;
  if (status.currentReplicas !== undefined && status.currentReplicas !== 0) v2Status.currentReplicas = status.currentReplicas;
  v2Status.desiredReplicas = status.desiredReplicas ?? 0;
  let current: Obj[] | null = null;
  if (typeof status.currentCPUUtilizationPercentage === 'number') {
    current = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } } }];
  }
  // The annotation has more information than the cpu percentage: it replaces it.
  if (METRIC_STATUSES_ANNOTATION in ann) current = arr(parseAnnotation(ann, METRIC_STATUSES_ANNOTATION)).map(metricStatusFromV1);
  v2Status.currentMetrics = current;
  if (CONDITIONS_ANNOTATION in ann) {
    v2Status.conditions = arr(parseAnnotation(ann, CONDITIONS_ANNOTATION)).map((c) => {
      const out: Obj = { type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime ?? null };
      if (c.reason !== undefined) out.reason = c.reason;
      if (c.message !== undefined) out.message = c.message;
      return out;
    });
  }
  delete ann[BEHAVIOR_ANNOTATION];
  if (Object.keys(ann).length > 0) metadata.annotations = ann;
  else delete metadata.annotations;

  return { apiVersion: 'autoscaling/v2', kind: v1.kind ?? 'HorizontalPodAutoscaler', metadata, spec: v2Spec, status: v2Status };
}
