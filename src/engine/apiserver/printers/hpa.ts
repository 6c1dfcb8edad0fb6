// `kubectl get hpa` columns: printers.go printHorizontalPodAutoscaler and formatHPAMetrics
// (TARGETS such as `cpu: 12%/50%`, `cpu: <unknown>/50%`, `<none>`, ` + N more...`).

import type { KindPrinter } from './types';
import { ageCol, ageOf, col, nameCol, nameOf, specOf, statusOf } from './common';
import { int, obj, objs, optInt, str } from './fields';

type Json = Record<string, unknown>;

/** Quantity.String() of an optional quantity: upstream calls it on a nil pointer, giving `<nil>`. */
function q(v: unknown): string {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return v === undefined || v === null ? '<nil>' : '0';
}

const has = (v: unknown): boolean => v !== undefined && v !== null;

/** One metric target with its current value from the status entry at the same index. */
function formatMetric(spec: Json, status: Json | undefined): string {
  const cur = (key: string): Json | undefined => (status && has(status[key]) ? obj(status[key]) : undefined);
  switch (str(spec.type)) {
    case 'External':
    case 'Object': {
      const key = str(spec.type) === 'External' ? 'external' : 'object';
      const target = obj(obj(spec[key]).target);
      const current = cur(key);
      if (has(target.averageValue)) {
        const c = current && has(obj(current.current).averageValue) ? q(obj(current.current).averageValue) : '<unknown>';
        return `${c}/${q(target.averageValue)} (avg)`;
      }
      const c = current ? q(obj(current.current).value) : '<unknown>';
      return `${c}/${q(target.value)}`;
    }
    case 'Pods': {
      const current = cur('pods');
      const c = current ? q(obj(current.current).averageValue) : '<unknown>';
      return `${c}/${q(obj(obj(spec.pods).target).averageValue)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const key = str(spec.type) === 'Resource' ? 'resource' : 'containerResource';
      const src = obj(spec[key]);
      const target = obj(src.target);
      const current = cur(key);
      const name = str(src.name);
      if (has(target.averageValue)) {
        const c = current ? q(obj(current.current).averageValue) : '<unknown>';
        return `${name}: ${c}/${q(target.averageValue)}`;
      }
      const util = current ? optInt(obj(current.current).averageUtilization) : undefined;
      const c = util !== undefined ? `${util}%` : '<unknown>';
      const t = optInt(target.averageUtilization);
      return `${name}: ${c}/${t !== undefined ? `${t}%` : '<auto>'}`;
    }
    default:
      return '<unknown type>';
  }
}

/** TARGETS: the first two metrics, then ` + N more...`; `<none>` without metrics. */
export function formatHPAMetrics(specs: unknown, statuses: unknown): string {
  const metrics = objs(specs);
  if (metrics.length === 0) return '<none>';
  const current = Array.isArray(statuses) ? objs(statuses) : [];
  const list = metrics.map((m, i) => formatMetric(m, current[i]));
  const max = 2;
  if (list.length > max) return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`;
  return list.join(', ');
}

export const hpaPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Reference', 'string', 'reference to scaled resource; horizontal pod autoscaler will learn the current resource consumption and will set the desired number of pods by using its Scale subresource.'),
    col('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond.'),
    col('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.'),
    col('MaxPods', 'string', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.'),
    col('Replicas', 'string', 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
    ageCol(),
  ],
  cells(o, now) {
    const spec = specOf(o);
    const status = statusOf(o);
    const ref = obj(spec.scaleTargetRef);
    const min = optInt(spec.minReplicas);
    return [
      nameOf(o),
      `${str(ref.kind)}/${str(ref.name)}`,
      formatHPAMetrics(spec.metrics, status.currentMetrics),
      min !== undefined ? String(min) : '<unset>',
      int(spec.maxReplicas),
      int(status.currentReplicas),
      ageOf(o, now),
    ];
  },
};
