// Taints and tolerations as the core/v1 helpers treat them (ToleratesTaint, GetMatchingTolerations,
// the taint eviction controller's getMinTolerationTime) and the well-known node taint keys.

/** core/v1 Taint. */
export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

/** core/v1 Toleration. */
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number | null;
}

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';
export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/**
 * Toleration.ToleratesTaint: effects must match (an empty toleration effect matches all), keys
 * must match (an empty key with Exists matches every key), then Exists matches any value and
 * Equal (or no operator) needs equal values.
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator || 'Equal';
  if (op === 'Exists') return true;
  if (op === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

/** Whether some toleration tolerates the taint (v1helper.TolerationsTolerateTaint). */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

/**
 * GetMatchingTolerations: `ok` is false as soon as one taint is not tolerated; otherwise the
 * tolerations used, the first matching one per taint (in taint order).
 */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { ok: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint));
    if (!t) return { ok: false, used: [] };
    used.push(t);
  }
  return { ok: true, used };
}

/**
 * getMinTolerationTime in milliseconds: the smallest tolerationSeconds among the used
 * tolerations (negative counts as 0); -1 when every one tolerates forever (no seconds).
 * Example: [{300 s}, {forever}, {60 s}] -> 60000.
 */
export function minTolerationMs(used: readonly Toleration[]): number {
  let min = -1;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    const ms = Math.max(0, t.tolerationSeconds) * 1000;
    if (min < 0 || ms < min) min = ms;
  }
  return min;
}

/** The first taint with the effect that no toleration tolerates (FindMatchingUntoleratedTaint). */
export function untoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly string[]): Taint | undefined {
  return taints.find((taint) => effects.includes(taint.effect) && !tolerationsTolerateTaint(tolerations, taint));
}

/** Taint.MatchTaint: same key and effect (value and time do not matter). */
export function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** Taint.ToString as kubectl describe prints it: `key=value:Effect`, `key:Effect`. */
export function taintToString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/**
 * Taints after removing `remove` and adding `add` (SwapNodeControllerTaint): added taints get
 * timeAdded = now, a taint already present (same key and effect) is kept as is. Undefined when
 * nothing changes, so callers write only real changes.
 */
export function swapTaints(current: readonly Taint[], add: readonly Taint[], remove: readonly Taint[], now: string): Taint[] | undefined {
  let changed = false;
  const out: Taint[] = [];
  for (const t of current) {
    if (remove.some((r) => sameTaint(r, t))) changed = true;
    else out.push(t);
  }
  for (const a of add) {
    if (out.some((t) => sameTaint(t, a))) continue;
    out.push({ ...a, timeAdded: now });
    changed = true;
  }
  return changed ? out : undefined;
}
