// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go): every
// 5 s it checks each node's heartbeats (Lease renewals in kube-node-lease, Ready heartbeats); after
// 40 s of silence the node's conditions become Unknown, its pods are marked not Ready, and the
// NoExecute taint goes on through a per-zone rate-limited queue. Node updates drive the NoSchedule
// taints that mirror conditions (and spec.unschedulable).

import { clone, type KObject } from '../../api/types';
import type { ResourceType } from '../../api/registry';
import { Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { InvolvedObject } from '../../client/events';
import type { TimerHandle } from '../../clock';
import { rfc3339 } from '../../util/time';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import {
  NODE_MONITOR_GRACE_PERIOD_MS,
  NODE_MONITOR_PERIOD_MS,
  NOT_READY_NO_EXECUTE,
  UNREACHABLE_NO_EXECUTE,
  computeZoneState,
  excludedFromDisruption,
  markNodeStatusUnknown,
  noExecuteAction,
  nodeCondition,
  nodeTaints,
  reconcileNoScheduleTaints,
  taintIntervalMs,
  zoneKey,
  type ZoneState,
} from './health';
import { PodsByNode } from './pod-index';
import { swapTaints, type Taint } from './taints';

const SOURCE = { component: 'node-controller' };
const LEASE_NS = 'kube-node-lease';

interface Health {
  /** When this controller last saw a sign of life (upstream's probeTimestamp, in local time). */
  probe: number;
  heartbeat?: string;
  renew?: string;
}

export class NodeLifecycleController implements Component {
  private nodes: Informer;
  private leases: Informer;
  private pods: Informer;
  private podsByNode: PodsByNode;
  private nodeType: ResourceType;
  private podType: ResourceType;
  private health = new Map<string, Health>();
  private known = new Map<string, string>();
  private zoneStates = new Map<string, ZoneState>();
  /** Per zone: nodes waiting for their NoExecute taint, and when the zone last used its token. */
  private taintQueue = new Map<string, string[]>();
  private lastTaint = new Map<string, number>();
  private noSchedule: WorkQueue;
  private timer: TimerHandle | undefined;
  private retryTimer: TimerHandle | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.nodeType = deps.type('', 'Node');
    this.podType = deps.type('', 'Pod');
    this.nodes = deps.informers.informerFor(this.nodeType);
    this.leases = deps.informers.informerFor(deps.type('coordination.k8s.io', 'Lease'));
    this.pods = deps.informers.informerFor(this.podType);
    this.podsByNode = new PodsByNode(this.pods);
    this.noSchedule = new WorkQueue(deps.clock, (k) => this.syncNoSchedule(k));
    this.nodes.addHandlers({ add: (n) => this.noSchedule.add(n.metadata.name!), update: (_o, n) => this.noSchedule.add(n.metadata.name!) });
  }

  start(): void {
    this.nodes.start();
    this.leases.start();
    this.pods.start();
    const tick = () => {
      this.monitorNodeHealth();
      this.timer = this.deps.clock.schedule(NODE_MONITOR_PERIOD_MS, tick);
    };
    this.timer = this.deps.clock.schedule(0, tick);
  }

  stop(): void {
    this.timer?.cancel();
    this.retryTimer?.cancel();
    this.nodes.stop();
    this.leases.stop();
    this.pods.stop();
  }

  /** doNoScheduleTaintingPass for one node. */
  private syncNoSchedule(name: string): void {
    const node = this.nodes.get(name);
    if (!node) return;
    const taints = reconcileNoScheduleTaints(node, rfc3339(this.deps.clock.now()));
    if (taints) this.writeTaints(node, taints);
  }

  private writeTaints(node: KObject, taints: Taint[]): void {
    const next = clone(node) as KObject;
    const spec = (next.spec ?? (next.spec = {})) as { taints?: Taint[] };
    if (taints.length > 0) spec.taints = taints;
    else delete spec.taints;
    this.deps.client.update(this.nodeType, next);
  }

  private nodeRef(node: KObject): InvolvedObject {
    return { apiVersion: 'v1', kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid };
  }

  /** One monitorNodeHealth pass over every node (upstream does the same every nodeMonitorPeriod). */
  private monitorNodeHealth(): void {
    const now = this.deps.clock.now();
    const nodes = this.nodes.list().sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    const seen = new Set<string>();
    for (const n of nodes) {
      const name = n.metadata.name!;
      seen.add(name);
      if (!this.known.has(name)) {
        this.known.set(name, n.metadata.uid ?? '');
        this.deps.events.record(SOURCE, this.nodeRef(n), 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
      }
    }
    for (const [name, uid] of [...this.known]) {
      if (seen.has(name)) continue;
      this.known.delete(name);
      this.health.delete(name);
      this.deps.events.record(SOURCE, { apiVersion: 'v1', kind: 'Node', name, uid }, 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`);
    }
    const zones = new Map<string, (string | undefined)[]>();
    const zoneSize = new Map<string, number>();
    for (const n of nodes) {
      const current = this.updateNodeHealth(n, now);
      if (!current) continue;
      const zone = zoneKey(current.node);
      zoneSize.set(zone, (zoneSize.get(zone) ?? 0) + 1);
      if (!excludedFromDisruption(current.node)) {
        const list = zones.get(zone) ?? [];
        list.push(current.ready);
        zones.set(zone, list);
      }
    }
    this.handleDisruption(zones, zoneSize, now);
    this.processTaintQueues(now);
  }

  /** tryUpdateNodeHealth + processTaintBaseEviction + MarkPodsNotReady for one node. */
  private updateNodeHealth(node: KObject, now: number): { node: KObject; ready: string | undefined } | undefined {
    const name = node.metadata.name!;
    const ready = nodeCondition(node, 'Ready');
    const lease = this.leases.get(`${LEASE_NS}/${name}`);
    const renew = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
    let h = this.health.get(name);
    if (!h) {
      h = { probe: now, heartbeat: ready?.lastHeartbeatTime, renew };
      this.health.set(name, h);
    }
    if (ready && ready.lastHeartbeatTime !== h.heartbeat) {
      h.heartbeat = ready.lastHeartbeatTime;
      h.probe = now;
    }
    if (renew && renew !== h.renew && (!h.renew || renew > h.renew)) {
      h.renew = renew;
      h.probe = now;
    }
    const observed = ready?.status ?? 'Unknown';
    let cur = node;
    if (now > h.probe + NODE_MONITOR_GRACE_PERIOD_MS) {
      const next = markNodeStatusUnknown(node, rfc3339(now));
      if (next) {
        try {
          cur = this.deps.client.updateStatus(this.nodeType, next);
        } catch {
          return undefined; // conflict or gone: the next pass looks again
        }
      }
    }
    const current = nodeCondition(cur, 'Ready')?.status;
    this.processTaintBaseEviction(cur, observed, now);
    if (current !== 'True' && observed === 'True') {
      this.deps.events.record(SOURCE, this.nodeRef(cur), 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      this.markPodsNotReady(name, now);
    }
    return { node: cur, ready: current };
  }

  private processTaintBaseEviction(node: KObject, observed: string, now: number): void {
    const action = noExecuteAction(node, observed);
    const name = node.metadata.name!;
    if (action.kind === 'taint') {
      if (action.immediate) {
        const taints = swapTaints(nodeTaints(node), [action.add], [action.remove], rfc3339(now));
        if (taints) this.tryWriteTaints(node, taints);
      } else {
        const zone = zoneKey(node);
        const q = this.taintQueue.get(zone) ?? [];
        if (!q.includes(name)) q.push(name);
        this.taintQueue.set(zone, q);
      }
    } else if (action.kind === 'untaint' || observed === 'True') {
      this.markNodeAsReachable(node, now);
    }
  }

  private markNodeAsReachable(node: KObject, now: number): void {
    const zone = zoneKey(node);
    const q = this.taintQueue.get(zone);
    if (q) this.taintQueue.set(zone, q.filter((n) => n !== node.metadata.name));
    const taints = swapTaints(nodeTaints(node), [], [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE], rfc3339(now));
    if (taints) this.tryWriteTaints(node, taints);
  }

  private tryWriteTaints(node: KObject, taints: Taint[]): void {
    try {
      this.writeTaints(this.nodes.get(node.metadata.name!) ?? node, taints);
    } catch {
      // A conflict: the next pass recomputes from the fresh node.
    }
  }

  /** MarkPodsNotReady: the Ready condition of every pod on the node goes False, with a Warning event. */
  private markPodsNotReady(nodeName: string, now: number): void {
    for (const pod of this.podsByNode.podsOn(nodeName)) {
      const conds = ((pod.status as { conditions?: { type: string; status: string; lastTransitionTime?: string }[] } | undefined)?.conditions ?? []);
      const i = conds.findIndex((c) => c.type === 'Ready');
      if (i < 0 || conds[i].status === 'False') continue;
      const next = clone(pod) as KObject;
      const c = (next.status as { conditions: { status: string; lastTransitionTime?: string }[] }).conditions[i];
      c.status = 'False';
      c.lastTransitionTime = rfc3339(now);
      try {
        this.deps.client.updateStatus(this.podType, next);
      } catch {
        continue;
      }
      this.deps.events.record(SOURCE, pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
  }

  /**
   * handleDisruption: zone states from the Ready statuses; when every zone is fully disrupted the
   * controller suspects itself, removes NoExecute taints everywhere and stops tainting; when that
   * ends, every node gets a fresh grace period (probe = now).
   */
  private handleDisruption(zones: Map<string, (string | undefined)[]>, zoneSize: Map<string, number>, now: number): void {
    const states = new Map<string, ZoneState>();
    for (const [zone, statuses] of zones) states.set(zone, computeZoneState(statuses).state);
    const allFull = states.size > 0 && [...states.values()].every((s) => s === 'FullDisruption');
    const wasAllFull = this.zoneStates.size > 0 && [...this.zoneStates.values()].every((s) => s === 'FullDisruption');
    if (allFull && !wasAllFull) {
      for (const n of this.nodes.list()) this.markNodeAsReachable(n, now);
    }
    if (!allFull && wasAllFull) {
      for (const h of this.health.values()) h.probe = now;
    }
    this.zoneStates = states;
    this.zoneSizes = zoneSize;
    this.allFull = allFull;
  }

  private zoneSizes = new Map<string, number>();
  private allFull = false;

  /** doNoExecuteTaintingPass: one token per zone per interval; the first node of a zone goes at once. */
  private processTaintQueues(now: number): void {
    let nextRetry = Infinity;
    for (const [zone, q] of this.taintQueue) {
      const interval = taintIntervalMs(this.zoneStates.get(zone) ?? 'Normal', this.zoneSizes.get(zone) ?? 0, this.allFull);
      if (interval === 0) continue;
      while (q.length > 0) {
        const last = this.lastTaint.get(zone);
        if (last !== undefined && now < last + interval) {
          nextRetry = Math.min(nextRetry, last + interval);
          break;
        }
        const name = q.shift()!;
        const node = this.nodes.get(name);
        const status = node ? nodeCondition(node, 'Ready')?.status : 'True';
        if (!node || status === 'True') continue; // ready again: nothing to taint
        const [add, remove] = status === 'False' ? [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE] : [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE];
        const taints = swapTaints(nodeTaints(node), [add], [remove], rfc3339(now));
        this.lastTaint.set(zone, now);
        if (taints) this.tryWriteTaints(node, taints);
      }
    }
    if (nextRetry !== Infinity && nextRetry - now < NODE_MONITOR_PERIOD_MS) {
      this.retryTimer?.cancel();
      this.retryTimer = this.deps.clock.schedule(nextRetry - now, () => this.processTaintQueues(this.deps.clock.now()));
    }
  }
}

/** The node lifecycle controller as a cluster component. */
export const nodeLifecycleControllerFactory: ComponentFactory = (deps) => new NodeLifecycleController(deps);
