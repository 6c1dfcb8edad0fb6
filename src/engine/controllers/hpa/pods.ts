// Views of Pods and PodMetrics for the replica calculator: requests summed per pod, the Ready
// condition, and usage per pod from the resource metrics API (metrics.k8s.io PodMetrics).

import { Quantity } from '../../api/quantity';
import type { KObject } from '../../api/types';
import { parseTime } from '../../util/time';
import type { PodMetricSample, PodSample } from './replicas';

type Obj = Record<string, unknown>;

function milli(v: unknown): number | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const r = Quantity.tryParse(String(v));
  return r.ok ? r.quantity.milliValue() : undefined;
}

/** A Pod as the calculator sees it, for one resource (`cpu`, `memory`). */
export function podSample(pod: KObject, resource: string): PodSample {
  const spec = (pod.spec ?? {}) as { containers?: Obj[] };
  const status = (pod.status ?? {}) as { phase?: string; startTime?: string; conditions?: Obj[] };
  let request = 0;
  let missing: string | undefined;
  for (const c of spec.containers ?? []) {
    const m = milli(((c.resources as Obj | undefined)?.requests as Obj | undefined)?.[resource]);
    if (m === undefined) {
      missing ??= String(c.name ?? '');
      continue;
    }
    request += m;
  }
  const ready = (status.conditions ?? []).find((c) => c.type === 'Ready');
  return {
    name: pod.metadata.name ?? '',
    phase: status.phase ?? '',
    deleting: pod.metadata.deletionTimestamp !== undefined,
    startTime: parseTime(status.startTime),
    ready: ready ? { status: String(ready.status), lastTransitionTime: parseTime(ready.lastTransitionTime) ?? 0 } : undefined,
    requestMilli: missing === undefined ? request : undefined,
    missingRequestContainer: missing,
  };
}

/** `15s` / `1m30s` windows as metrics-server writes them, in ms. */
export function parseWindow(w: unknown): number {
  if (typeof w !== 'string') return 0;
  let ms = 0;
  for (const [, n, u] of w.matchAll(/([\d.]+)(ms|s|m|h)/g)) ms += Number(n) * (u === 'ms' ? 1 : u === 's' ? 1000 : u === 'm' ? 60_000 : 3_600_000);
  return ms;
}

/** PodMetrics items -> usage of one resource per pod name (containers summed). */
export function podMetricSamples(items: KObject[], resource: string): Map<string, PodMetricSample> {
  const out = new Map<string, PodMetricSample>();
  for (const m of items) {
    let sum = 0;
    for (const c of (m.containers ?? []) as Obj[]) sum += milli((c.usage as Obj | undefined)?.[resource]) ?? 0;
    out.set(m.metadata.name ?? '', { valueMilli: sum, timestamp: parseTime(m.timestamp) ?? 0, windowMs: parseWindow(m.window) });
  }
  return out;
}
