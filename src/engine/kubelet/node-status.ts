// The node's own heartbeats (kubelet nodelease + node status manager): a Lease in
// kube-node-lease renewed every 10 s (leaseDurationSeconds 40, holderIdentity = node name), and
// node status conditions recomputed every 10 s but written only on change or every 5 minutes
// (nodeStatusReportFrequency), which is when lastHeartbeatTime moves.

import type { KObject } from '../api/types';
import type { ComponentDeps } from '../controllers/deps';
import type { TimerHandle } from '../clock';
import { rfc3339, rfc3339Micro } from '../util/time';
import { sameJson } from '../util/same-json';
import type { NodeImage } from './pull';

type Json = Record<string, unknown>;

export const LEASE_RENEW_MS = 10_000;
export const LEASE_DURATION_SECONDS = 40;
export const NODE_STATUS_UPDATE_MS = 10_000;
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

const CONDITIONS: [string, string, string, string][] = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** The node conditions a healthy kubelet posts, keeping transition times of unchanged conditions. */
export function nodeConditions(prev: Json[], now: number): Json[] {
  // One timestamp string for all four conditions (1,000 nodes recompute this every 10 s).
  const stamp = rfc3339(now);
  return CONDITIONS.map(([type, status, reason, message]) => {
    const old = prev.find((c) => c.type === type);
    const since = old && old.status === status && typeof old.lastTransitionTime === 'string' ? old.lastTransitionTime : stamp;
    return { lastHeartbeatTime: stamp, lastTransitionTime: since, message, reason, status, type };
  });
}


/** Whether two statuses differ in more than heartbeat times (conditions and images compared). */
function statusChanged(prev: Json, next: Json): boolean {
  return !sameJson(prev.conditions ?? [], next.conditions ?? [], 'lastHeartbeatTime', 1) || !sameJson(prev.images ?? [], next.images ?? []);
}

export class NodeHeartbeat {
  // Only the next pending tick of each loop is kept (fired handles are dropped, not accumulated).
  private leaseTimer: TimerHandle | undefined;
  private statusTimer: TimerHandle | undefined;
  private lastReport = -Infinity;

  constructor(
    private readonly deps: ComponentDeps,
    private readonly nodeName: string,
    private readonly images: () => readonly NodeImage[],
  ) {}

  start(): void {
    this.renewLease();
    this.updateStatus(true);
  }

  stop(): void {
    this.leaseTimer?.cancel();
    this.statusTimer?.cancel();
    this.leaseTimer = undefined;
    this.statusTimer = undefined;
  }

  /** Creates or renews the node's Lease. */
  renewLease(): void {
    const { client, clock, type } = this.deps;
    const t = type('coordination.k8s.io', 'Lease');
    const now = rfc3339Micro(clock.now());
    try {
      const cur = client.get(t, 'kube-node-lease', this.nodeName);
      if (cur) {
        client.patch(t, 'kube-node-lease', this.nodeName, { spec: { holderIdentity: this.nodeName, renewTime: now } });
      } else {
        const node = client.get(type('', 'Node'), undefined, this.nodeName);
        const lease: KObject = {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: this.nodeName, namespace: 'kube-node-lease' },
          spec: { holderIdentity: this.nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: now },
        };
        if (node?.metadata.uid) lease.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid }];
        client.create(t, lease);
      }
    } catch {
      // A failed renewal is retried at the next tick, as the lease controller does.
    }
    this.leaseTimer?.cancel();
    this.leaseTimer = clock.schedule(LEASE_RENEW_MS, () => this.renewLease());
  }

  /** Recomputes node status; writes it when something changed or the report interval passed. */
  updateStatus(force = false): void {
    const { client, clock, type } = this.deps;
    const now = clock.now();
    try {
      const t = type('', 'Node');
      const node = client.get(t, undefined, this.nodeName);
      if (node) {
        const prev = (node.status ?? {}) as Json;
        const next: Json = { ...prev, conditions: nodeConditions((prev.conditions ?? []) as Json[], now) };
        const images = this.images();
        if (images.length) next.images = images;
        const changed = statusChanged(prev, next);
        if (force || changed || now - this.lastReport >= NODE_STATUS_REPORT_MS) {
          client.updateStatus(t, { ...node, metadata: { ...node.metadata, resourceVersion: undefined }, status: next } as KObject);
          this.lastReport = now;
        }
      }
    } catch {
      // Retried at the next tick.
    }
    this.statusTimer?.cancel();
    this.statusTimer = clock.schedule(NODE_STATUS_UPDATE_MS, () => this.updateStatus());
  }
}
