// The pure parts of the node lifecycle controller (pkg/controller/nodelifecycle): what a node looks
// like once its kubelet went silent, which NoSchedule / NoExecute taints its conditions call for,
// and the zone states that decide whether NoExecute tainting goes ahead.

import { clone, type KObject } from '../../api/types';
import {
  TAINT_DISK_PRESSURE,
  TAINT_MEMORY_PRESSURE,
  TAINT_NETWORK_UNAVAILABLE,
  TAINT_NOT_READY,
  TAINT_PID_PRESSURE,
  TAINT_UNREACHABLE,
  TAINT_UNSCHEDULABLE,
  swapTaints,
  type Taint,
} from './taints';

/** core/v1 NodeCondition. */
export interface NodeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

/** kube-controller-manager defaults: --node-monitor-period, --node-monitor-grace-period, --node-startup-grace-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_PERIOD_MS = 40_000;
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;
/** --node-eviction-rate 0.1 nodes/s: one NoExecute tainting every 10 s per zone; --secondary-node-eviction-rate 0.01. */
export const EVICTION_INTERVAL_MS = 10_000;
export const SECONDARY_EVICTION_INTERVAL_MS = 100_000;
export const LARGE_CLUSTER_THRESHOLD = 50;
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;

export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };

export function nodeConditions(node: KObject): NodeCondition[] {
  return ((node.status as { conditions?: NodeCondition[] } | undefined)?.conditions ?? []) as NodeCondition[];
}

export function nodeCondition(node: KObject, type: string): NodeCondition | undefined {
  return nodeConditions(node).find((c) => c.type === type);
}

export function nodeTaints(node: KObject): Taint[] {
  return ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
}

/** The conditions the controller sets to Unknown when the kubelet stops posting (NetworkUnavailable is left alone). */
const MONITORED = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/**
 * tryUpdateNodeHealth's "grace period passed" branch: every monitored condition becomes Unknown
 * (`NodeStatusUnknown`, `Kubelet stopped posting node status.`, lastTransitionTime = now,
 * lastHeartbeatTime kept); missing ones are added as `NodeStatusNeverUpdated`. Returns the node
 * with the new status, or undefined when it already says Unknown everywhere.
 */
export function markNodeStatusUnknown(node: KObject, now: string): KObject | undefined {
  const next = clone(node) as KObject;
  const status = (next.status ?? (next.status = {})) as { conditions?: NodeCondition[] };
  const conds = (status.conditions ??= []);
  let changed = false;
  for (const type of MONITORED) {
    const c = conds.find((x) => x.type === type);
    if (!c) {
      conds.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: node.metadata.creationTimestamp ?? now,
        lastTransitionTime: now,
      });
      changed = true;
    } else if (c.status !== 'Unknown') {
      c.status = 'Unknown';
      c.reason = 'NodeStatusUnknown';
      c.message = 'Kubelet stopped posting node status.';
      c.lastTransitionTime = now;
      changed = true;
    }
  }
  return changed ? next : undefined;
}

/** nodeConditionToTaintKeyStatusMap: the NoSchedule taint each condition state calls for. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
};

const CONTROLLED_NO_SCHEDULE = new Set([...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)), TAINT_UNSCHEDULABLE]);

/**
 * doNoScheduleTaintingPass: the node's taints with the controller's NoSchedule taints made to
 * match its conditions and spec.unschedulable; undefined when they already match.
 * Example: Ready=Unknown, unschedulable -> adds unreachable:NoSchedule and unschedulable:NoSchedule.
 */
export function reconcileNoScheduleTaints(node: KObject, now: string): Taint[] | undefined {
  const want: Taint[] = [];
  for (const c of nodeConditions(node)) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) want.push({ key, effect: 'NoSchedule' });
  }
  if ((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable) want.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  const have = nodeTaints(node).filter((t) => t.effect === 'NoSchedule' && CONTROLLED_NO_SCHEDULE.has(t.key));
  const add = want.filter((w) => !have.some((h) => h.key === w.key));
  const remove = have.filter((h) => !want.some((w) => w.key === h.key));
  return swapTaints(nodeTaints(node), add, remove, now);
}

/** What NoExecute tainting a Ready status asks for (processTaintBaseEviction). */
export type NoExecuteAction = { kind: 'taint'; add: Taint; remove: Taint; immediate: boolean } | { kind: 'untaint' } | { kind: 'none' };

/**
 * Ready=False wants not-ready:NoExecute, Unknown wants unreachable:NoExecute (a swap from the
 * opposite taint happens at once; a fresh taint goes through the rate-limited queue), True
 * wants both removed.
 */
export function noExecuteAction(node: KObject, readyStatus: string | undefined): NoExecuteAction {
  const taints = nodeTaints(node);
  const has = (t: Taint) => taints.some((x) => x.key === t.key && x.effect === t.effect);
  if (readyStatus === 'False') {
    if (has(NOT_READY_NO_EXECUTE)) return { kind: 'none' };
    return { kind: 'taint', add: NOT_READY_NO_EXECUTE, remove: UNREACHABLE_NO_EXECUTE, immediate: has(UNREACHABLE_NO_EXECUTE) };
  }
  if (readyStatus === 'Unknown' || readyStatus === undefined) {
    if (has(UNREACHABLE_NO_EXECUTE)) return { kind: 'none' };
    return { kind: 'taint', add: UNREACHABLE_NO_EXECUTE, remove: NOT_READY_NO_EXECUTE, immediate: has(NOT_READY_NO_EXECUTE) };
  }
  return has(NOT_READY_NO_EXECUTE) || has(UNREACHABLE_NO_EXECUTE) ? { kind: 'untaint' } : { kind: 'none' };
}

export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

/**
 * ComputeZoneState: FullDisruption when no node of the zone is Ready; PartialDisruption when more
 * than 2 nodes are not Ready and they are at least 55% of the zone; Normal otherwise.
 * Example: 4 nodes, 1 Unknown -> Normal; 4 nodes, 3 not Ready -> Partial (3 > 2, 75% >= 55%).
 */
export function computeZoneState(readyStatuses: readonly (string | undefined)[]): { notReady: number; state: ZoneState } {
  let ready = 0;
  let notReady = 0;
  for (const s of readyStatuses) {
    if (s === 'True') ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return { notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (ready + notReady) >= UNHEALTHY_ZONE_THRESHOLD) return { notReady, state: 'PartialDisruption' };
  return { notReady, state: 'Normal' };
}

/** nodetopology.GetZoneKey: region and zone from the topology labels ('' when neither is set). */
export function zoneKey(node: KObject): string {
  const l = node.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

/**
 * The interval between NoExecute taintings in a zone (0 = stopped): healthy zones 0.1 nodes/s;
 * partially disrupted zones 0.01/s in large clusters (> 50 nodes) and none in small ones; when
 * every zone is fully disrupted the controller assumes its own network is at fault and stops.
 */
export function taintIntervalMs(state: ZoneState, zoneSize: number, allZonesFullyDisrupted: boolean): number {
  if (allZonesFullyDisrupted) return 0;
  if (state === 'PartialDisruption') return zoneSize > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_INTERVAL_MS : 0;
  return EVICTION_INTERVAL_MS;
}

/** node.kubernetes.io/exclude-disruption keeps a node out of the zone counts. */
export function excludedFromDisruption(node: KObject): boolean {
  return 'node.kubernetes.io/exclude-disruption' in (node.metadata.labels ?? {});
}
