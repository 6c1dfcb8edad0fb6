// The replica calculator for resource utilization metrics (pkg/controller/podautoscaler/
// replica_calculator.go GetResourceReplicas): pods are grouped into ready / unready / missing /
// ignored, then desired = ceil(usageRatio * pods) outside the tolerance, with the conservative
// treatment of missing and unready pods on scale-up and scale-down.

/** What the calculator needs of a pod (taken from the Pod object). */
export interface PodSample {
  name: string;
  phase: string;
  deleting: boolean;
  /** status.startTime (ms), if set. */
  startTime?: number;
  /** The Ready condition, if any. */
  ready?: { status: string; lastTransitionTime: number };
  /** Sum of the containers' requests of the resource, in milli-units; undefined when a container has none. */
  requestMilli?: number;
  /** The first container without a request (for the error message). */
  missingRequestContainer?: string;
}

/** A pod's resource use from the metrics API, in milli-units. */
export interface PodMetricSample {
  valueMilli: number;
  /** The sample's timestamp (ms) and window (ms). */
  timestamp: number;
  windowMs: number;
}

export interface ReplicaResult {
  replicas: number;
  /** The average utilization (percent of request) before missing/unready adjustments. */
  utilization: number;
  /** Average use per pod with metrics, in milli-units. */
  rawAverageMilli: number;
}

export const DEFAULT_TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
export const INITIAL_READINESS_DELAY_MS = 30_000;

/** An error from the calculator, with upstream's message. */
export class ReplicaCalcError extends Error {}

interface Groups {
  ready: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

function groupPods(pods: PodSample[], metrics: Map<string, PodMetricSample>, resource: string, now: number): Groups {
  const g: Groups = { ready: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    if (pod.deleting || pod.phase === 'Failed') {
      g.ignored.add(pod.name);
      continue;
    }
    if (pod.phase === 'Pending') {
      g.unready.add(pod.name);
      continue;
    }
    const m = metrics.get(pod.name);
    if (!m) {
      g.missing.add(pod.name);
      continue;
    }
    let unready = false;
    if (resource === 'cpu') {
      if (!pod.ready || pod.startTime === undefined) unready = true;
      else if (pod.startTime + CPU_INITIALIZATION_PERIOD_MS > now) {
        // Still initializing: skip unready pods and samples not a full window after the last transition.
        unready = pod.ready.status === 'False' || m.timestamp < pod.ready.lastTransitionTime + m.windowMs;
      } else {
        // Past initialization: skip only pods that never became ready.
        unready = pod.ready.status === 'False' && pod.startTime + INITIAL_READINESS_DELAY_MS > pod.ready.lastTransitionTime;
      }
    }
    if (unready) g.unready.add(pod.name);
    else g.ready++;
  }
  return g;
}

/**
 * GetResourceUtilizationRatio: total use / total request over the pods with both.
 * E.g. use 300m + 500m on requests 1000m + 1000m: utilization int(800*100/2000) = 40; target 50 -> ratio 0.8.
 */
export function utilizationRatio(metrics: Map<string, number>, requests: Map<string, number>, target: number): { ratio: number; utilization: number; rawAverage: number } {
  let used = 0, requested = 0, n = 0;
  for (const [name, v] of metrics) {
    const r = requests.get(name);
    if (r === undefined) continue;
    used += v;
    requested += r;
    n++;
  }
  if (requested === 0) throw new ReplicaCalcError('no metrics returned matched known pods');
  const utilization = Math.trunc((used * 100) / requested);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(used / n) };
}

/**
 * The desired replica count for a Resource Utilization target. Throws ReplicaCalcError with
 * upstream's messages when it cannot be computed.
 */
export function resourceReplicas(
  currentReplicas: number,
  targetUtilization: number,
  resource: string,
  pods: PodSample[],
  podMetrics: Map<string, PodMetricSample>,
  now: number,
  tolerance = DEFAULT_TOLERANCE,
): ReplicaResult {
  if (podMetrics.size === 0) throw new ReplicaCalcError(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  if (pods.length === 0) throw new ReplicaCalcError('no pods returned by selector while calculating replica count');
  const g = groupPods(pods, podMetrics, resource, now);
  const metrics = new Map<string, number>();
  for (const [name, m] of podMetrics) if (!g.ignored.has(name) && !g.unready.has(name)) metrics.set(name, m.valueMilli);
  if (metrics.size === 0) throw new ReplicaCalcError('did not receive metrics for targeted pods (pods might be unready)');
  const requests = new Map<string, number>();
  for (const p of pods) {
    if (p.requestMilli === undefined) throw new ReplicaCalcError(`missing request for ${resource} in container ${p.missingRequestContainer ?? ''} of Pod ${p.name}`);
    requests.set(p.name, p.requestMilli);
  }
  const first = utilizationRatio(metrics, requests, targetUtilization);
  const result = (replicas: number): ReplicaResult => ({ replicas, utilization: first.utilization, rawAverageMilli: first.rawAverage });
  const ratio = first.ratio;
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1.0;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (Math.abs(1.0 - ratio) <= tolerance) return result(currentReplicas);
    return result(Math.ceil(ratio * g.ready));
  }
  if (g.missing.size > 0) {
    if (ratio < 1.0) {
      // Scale-down: missing pods count as using 100% of their request (or the target when above 100%).
      const fallback = Math.max(100, targetUtilization);
      for (const name of g.missing) metrics.set(name, Math.trunc(((requests.get(name) ?? 0) * fallback) / 100));
    } else if (ratio > 1.0) {
      // Scale-up: missing pods count as using nothing.
      for (const name of g.missing) metrics.set(name, 0);
    }
  }
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, 0);
  const next = utilizationRatio(metrics, requests, targetUtilization).ratio;
  // No scaling when the adjusted ratio is within tolerance or flips the direction.
  if (Math.abs(1.0 - next) <= tolerance || (ratio < 1.0 && next > 1.0) || (ratio > 1.0 && next < 1.0)) return result(currentReplicas);
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1.0 && replicas > currentReplicas) || (next > 1.0 && replicas < currentReplicas)) return result(currentReplicas);
  return result(replicas);
}
