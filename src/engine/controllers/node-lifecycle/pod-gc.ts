// The pod garbage collector (pkg/controller/podgc), the parts a node failure needs: every 20 s it
// force-deletes pods bound to a node that no longer exists (after a 40 s quarantine and a fresh
// check against the apiserver), and terminating pods on a not-Ready node tainted
// `node.kubernetes.io/out-of-service` (the kubelet there will never finish them).

import { clone, type KObject } from '../../api/types';
import type { ResourceType } from '../../api/registry';
import { Informer } from '../../client/informer';
import type { TimerHandle } from '../../clock';
import { rfc3339 } from '../../util/time';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { nodeCondition, nodeTaints } from './health';
import { PodsByNode } from './pod-index';
import { TAINT_OUT_OF_SERVICE } from './taints';

export const GC_CHECK_PERIOD_MS = 20_000;
export const QUARANTINE_MS = 40_000;

/** Pods that are done (Succeeded/Failed) keep their phase; others are marked Failed before a force delete. */
export function failedForGC(pod: KObject, now: string, condition?: { reason: string; message: string }): KObject {
  const next = clone(pod) as KObject;
  const status = (next.status ?? (next.status = {})) as { phase?: string; conditions?: Record<string, unknown>[] };
  if (status.phase !== 'Succeeded' && status.phase !== 'Failed') status.phase = 'Failed';
  if (condition) {
    const conds = (status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
    conds.push({ type: 'DisruptionTarget', status: 'True', lastTransitionTime: now, ...condition });
    status.conditions = conds;
  }
  return next;
}

/** Whether a node lets pod GC force-delete its terminating pods (not Ready and out-of-service). */
export function nodeOutOfService(node: KObject): boolean {
  return nodeCondition(node, 'Ready')?.status !== 'True' && nodeTaints(node).some((t) => t.key === TAINT_OUT_OF_SERVICE && t.effect === 'NoExecute');
}

export class PodGCController implements Component {
  private nodes: Informer;
  private pods: Informer;
  private podsByNode: PodsByNode;
  private podType: ResourceType;
  private nodeType: ResourceType;
  /** Missing node -> when this controller first noticed it missing. */
  private missingSince = new Map<string, number>();
  private timer: TimerHandle | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.podType = deps.type('', 'Pod');
    this.nodeType = deps.type('', 'Node');
    this.nodes = deps.informers.informerFor(this.nodeType);
    this.pods = deps.informers.informerFor(this.podType);
    this.podsByNode = new PodsByNode(this.pods);
  }

  start(): void {
    this.nodes.start();
    this.pods.start();
    const tick = () => {
      this.gc();
      this.timer = this.deps.clock.schedule(GC_CHECK_PERIOD_MS, tick);
    };
    this.timer = this.deps.clock.schedule(GC_CHECK_PERIOD_MS, tick);
  }

  stop(): void {
    this.timer?.cancel();
    this.nodes.stop();
    this.pods.stop();
  }

  /** One pass (exposed for tests that drive it directly). */
  gc(): void {
    const now = this.deps.clock.now();
    this.gcOrphaned(now);
    this.gcTerminatingOutOfService(now);
  }

  private gcOrphaned(now: number): void {
    for (const name of this.podsByNode.nodeNames()) {
      if (this.nodes.get(name)) {
        this.missingSince.delete(name);
        continue;
      }
      const since = this.missingSince.get(name);
      if (since === undefined) {
        this.missingSince.set(name, now);
        continue;
      }
      if (now < since + QUARANTINE_MS) continue;
      if (this.deps.client.get(this.nodeType, undefined, name)) {
        this.missingSince.delete(name);
        continue;
      }
      for (const pod of this.podsByNode.podsOn(name)) {
        this.forceDelete(failedForGC(pod, rfc3339(now), { reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' }));
      }
      this.missingSince.delete(name);
    }
  }

  private gcTerminatingOutOfService(now: number): void {
    for (const node of this.nodes.list()) {
      if (!nodeOutOfService(node)) continue;
      for (const pod of this.podsByNode.podsOn(node.metadata.name!)) {
        if (pod.metadata.deletionTimestamp) this.forceDelete(failedForGC(pod, rfc3339(now)));
      }
    }
  }

  private forceDelete(pod: KObject): void {
    try {
      this.deps.client.updateStatus(this.podType, pod);
    } catch {
      // Status is best effort; the delete is what matters.
    }
    this.deps.client.delete(this.podType, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0 });
  }
}

/** The pod garbage collector as a cluster component. */
export const podGCControllerFactory: ComponentFactory = (deps) => new PodGCController(deps);
