// HPA status helpers: conditions set in place as upstream's setConditionInList (order kept,
// lastTransitionTime moves only when the status flips) and the currentMetrics entries.

import { Quantity } from '../../api/quantity';
import { rfc3339 } from '../../util/time';
import type { ConditionChange } from './normalize';

export interface HPACondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** Sets (or appends) a condition; returns the new list. */
export function setCondition(list: HPACondition[], c: ConditionChange, now: number): HPACondition[] {
  const out = list.map((x) => ({ ...x }));
  const cur = out.find((x) => x.type === c.type);
  if (!cur) {
    out.push({ type: c.type, status: c.status, lastTransitionTime: rfc3339(now), reason: c.reason, message: c.message });
    return out;
  }
  if (cur.status !== c.status) cur.lastTransitionTime = rfc3339(now);
  cur.status = c.status;
  cur.reason = c.reason;
  cur.message = c.message;
  return out;
}

/** A Resource Utilization metric status: `{type: Resource, resource: {name, current: {averageValue, averageUtilization}}}`. */
export function resourceMetricStatus(name: string, rawAverageMilli: number, utilization: number): Record<string, unknown> {
  return {
    type: 'Resource',
    resource: { name, current: { averageValue: Quantity.fromMilli(rawAverageMilli).toString(), averageUtilization: utilization } },
  };
}
