// Turning a metric's replica proposal into the replica count to set (horizontal.go
// normalizeDesiredReplicas for HPAs without spec.behavior): the scale-down stabilization window
// (highest recommendation of the last 300 s), then minReplicas/maxReplicas and the scale-up
// limit max(2 * current, 4), with the AbleToScale / ScalingLimited reasons upstream sets.

/** --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILIZATION_MS = 300_000;

export interface Recommendation {
  replicas: number;
  at: number;
}

export interface ConditionChange {
  type: 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';
  status: 'True' | 'False';
  reason: string;
  message: string;
}

/**
 * stabilizeRecommendation: the highest recommendation within the window (including this one);
 * records this one, replacing one older than the window when there is one. Mutates `history`.
 * E.g. history 5 (60 s ago), 3 (10 s ago), proposal 2 -> 5: scale-down waits for the window.
 */
export function stabilize(history: Recommendation[], proposal: number, now: number, windowMs = DOWNSCALE_STABILIZATION_MS): number {
  let max = proposal;
  let old = -1;
  const cutoff = now - windowMs;
  history.forEach((r, i) => {
    if (r.at < cutoff) old = i;
    else if (r.replicas > max) max = r.replicas;
  });
  if (old >= 0) history[old] = { replicas: proposal, at: now };
  else history.push({ replicas: proposal, at: now });
  return max;
}

/** calculateScaleUpLimit: at most doubling, and at least 4. */
export function scaleUpLimit(current: number): number {
  return Math.max(2 * current, 4);
}

/** convertDesiredReplicasWithRules: clamps to [min, min(max, scale-up limit)], with the limiting reason. */
export function applyRules(current: number, desired: number, min: number, max: number): { replicas: number; reason: string; message: string } {
  const limit = scaleUpLimit(current);
  let maxAllowed: number, reason: string, message: string;
  if (max > limit) {
    maxAllowed = limit;
    reason = 'ScaleUpLimit';
    message = 'the desired replica count is increasing faster than the maximum scale rate';
  } else {
    maxAllowed = max;
    reason = 'TooManyReplicas';
    message = 'the desired replica count is more than the maximum replica count';
  }
  if (desired < min) return { replicas: min, reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
  if (desired > maxAllowed) return { replicas: maxAllowed, reason, message };
  return { replicas: desired, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
}

/** normalizeDesiredReplicas: the replica count to set and the conditions it implies. */
export function normalize(
  history: Recommendation[],
  current: number,
  proposal: number,
  min: number,
  max: number,
  now: number,
): { replicas: number; conditions: ConditionChange[] } {
  const stabilized = stabilize(history, proposal, now);
  const conditions: ConditionChange[] = [];
  conditions.push(
    stabilized !== proposal
      ? { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' }
      : { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
  );
  const r = applyRules(current, stabilized, min, max);
  conditions.push({ type: 'ScalingLimited', status: r.replicas === stabilized ? 'False' : 'True', reason: r.reason, message: r.message });
  return { replicas: r.replicas, conditions };
}
