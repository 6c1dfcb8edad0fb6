// podutil.UpdatePodCondition: sets a pod condition in a status, keeping lastTransitionTime when the
// status did not change, and tells whether anything changed (so unchanged conditions cost no write).

export interface PodCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

type Obj = Record<string, unknown>;

/** Sets `cond` in `status.conditions` (mutated); true when the condition is new or differs. */
export function setPodCondition(status: Obj, cond: PodCondition, now: string): boolean {
  const list = Array.isArray(status.conditions) ? (status.conditions as Obj[]) : [];
  const i = list.findIndex((c) => c.type === cond.type);
  const old = i >= 0 ? list[i] : undefined;
  const transition = old && old.status === cond.status ? (old.lastTransitionTime as string | null) : now;
  const next: Obj = { type: cond.type, status: cond.status, lastProbeTime: null, lastTransitionTime: transition };
  if (cond.reason) next.reason = cond.reason;
  if (cond.message) next.message = cond.message;
  const same =
    old !== undefined &&
    old.status === next.status &&
    (old.reason ?? '') === (cond.reason ?? '') &&
    (old.message ?? '') === (cond.message ?? '') &&
    (old.lastProbeTime ?? null) === null &&
    old.lastTransitionTime === transition;
  if (i >= 0) list[i] = next;
  else list.push(next);
  status.conditions = list;
  return !same;
}
