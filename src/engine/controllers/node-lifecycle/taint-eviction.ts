// The taint eviction controller (pkg/controller/tainteviction): a pod on a node with NoExecute taints
// it does not tolerate is deleted at once; one that tolerates them for tolerationSeconds is deleted
// when that time has passed (300 s for the tolerations admission adds); one that tolerates them
// forever stays. Events `TaintManagerEviction` as upstream.

import { clone, type KObject } from '../../api/types';
import type { ResourceType } from '../../api/registry';
import { Informer, keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { InvolvedObject } from '../../client/events';
import type { TimerHandle } from '../../clock';
import { parseTime, rfc3339 } from '../../util/time';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { nodeTaints } from './health';
import { PodsByNode, podNodeName } from './pod-index';
import { matchingTolerations, minTolerationMs, type Taint, type Toleration } from './taints';

const SOURCE = { component: 'taint-eviction-controller' };

export type EvictionPlan = { kind: 'keep' } | { kind: 'evict'; at: number };

/**
 * When a pod must go given its node's NoExecute taints (processPodOnNode). The countdown starts
 * when the newest of those taints was added (upstream starts it when it first sees the pod on the
 * tainted node, which is the same instant in practice, and this survives a restart).
 * Example: taint added at T, pod tolerates it for 300 s -> evict at T + 300 s.
 */
export function evictionPlan(pod: KObject, taints: readonly Taint[], now: number): EvictionPlan {
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length === 0) return { kind: 'keep' };
  const tolerations = ((pod.spec as { tolerations?: Toleration[] } | undefined)?.tolerations ?? []) as Toleration[];
  const m = matchingTolerations(noExecute, tolerations);
  if (!m.ok) return { kind: 'evict', at: now };
  const min = minTolerationMs(m.used);
  if (min < 0) return { kind: 'keep' };
  let start = -Infinity;
  for (const t of noExecute) start = Math.max(start, parseTime(t.timeAdded) ?? now);
  return { kind: 'evict', at: start + min };
}

export class TaintEvictionController implements Component {
  private nodes: Informer;
  private pods: Informer;
  private podsByNode: PodsByNode;
  private podType: ResourceType;
  private queue: WorkQueue;
  /** Pods with a deletion scheduled: the instant and the timer that re-checks them then. */
  private scheduled = new Map<string, { at: number; timer: TimerHandle }>();

  constructor(private readonly deps: ComponentDeps) {
    this.podType = deps.type('', 'Pod');
    this.nodes = deps.informers.informerFor(deps.type('', 'Node'));
    this.pods = deps.informers.informerFor(this.podType);
    this.podsByNode = new PodsByNode(this.pods);
    this.queue = new WorkQueue(deps.clock, (k) => this.sync(k));
    const nodeChanged = (o: KObject | undefined, n: KObject) => {
      const sig = (x: KObject | undefined) => JSON.stringify(x ? nodeTaints(x).filter((t) => t.effect === 'NoExecute') : []);
      if (sig(o) === sig(n)) return;
      for (const p of this.podsByNode.podsOn(n.metadata.name!)) this.queue.add(keyOf(p));
    };
    this.nodes.addHandlers({ add: (n) => nodeChanged(undefined, n), update: nodeChanged });
    const podChanged = (p: KObject) => {
      const key = keyOf(p);
      const scheduled = this.scheduled.has(key);
      if (!podNodeName(p) && !scheduled) return;
      // A pod with no deletion scheduled, on a node without NoExecute taints (or no node): its
      // sync would find nothing to do (plan "keep", nothing to cancel), so it is not queued. A
      // taint added later re-queues the node's pods (nodeChanged).
      if (!scheduled && !hasNoExecute(this.nodes.get(podNodeName(p)))) return;
      this.queue.add(key);
    };
    this.pods.addHandlers({ add: podChanged, update: (_o, n) => podChanged(n), delete: (p) => this.cancel(keyOf(p), false) });
  }

  start(): void {
    this.nodes.start();
    this.pods.start();
  }

  stop(): void {
    for (const s of this.scheduled.values()) s.timer.cancel();
    this.scheduled.clear();
    this.nodes.stop();
    this.pods.stop();
  }

  private podRef(key: string): InvolvedObject {
    const [namespace, name] = splitKey(key);
    return { apiVersion: 'v1', kind: 'Pod', name, namespace };
  }

  private cancel(key: string, withEvent: boolean): void {
    const s = this.scheduled.get(key);
    if (!s) return;
    s.timer.cancel();
    this.scheduled.delete(key);
    if (withEvent) this.deps.events.record(SOURCE, this.podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  private sync(key: string): void {
    const pod = this.pods.get(key);
    if (!pod || pod.metadata.deletionTimestamp) return this.cancel(key, false);
    const node = this.nodes.get(podNodeName(pod));
    const now = this.deps.clock.now();
    const plan = node ? evictionPlan(pod, nodeTaints(node), now) : ({ kind: 'keep' } as EvictionPlan);
    if (plan.kind === 'keep') return this.cancel(key, true);
    if (plan.at <= now) {
      this.cancel(key, false);
      return this.evict(pod, now);
    }
    const prev = this.scheduled.get(key);
    if (prev && prev.at === plan.at) return;
    prev?.timer.cancel();
    this.scheduled.set(key, { at: plan.at, timer: this.deps.clock.schedule(plan.at - now, () => this.queue.add(key)) });
  }

  /** addConditionAndDeletePod: DisruptionTarget condition, then an ordinary (graceful) delete. */
  private evict(pod: KObject, now: number): void {
    const key = keyOf(pod);
    this.deps.events.record(SOURCE, this.podRef(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    const next = clone(pod) as KObject;
    const status = (next.status ?? (next.status = {})) as { conditions?: Record<string, unknown>[] };
    const conds = (status.conditions ??= []).filter((c) => c.type !== 'DisruptionTarget');
    conds.push({ type: 'DisruptionTarget', status: 'True', lastTransitionTime: rfc3339(now), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    status.conditions = conds;
    try {
      this.deps.client.updateStatus(this.podType, next);
    } catch {
      // The condition is informative; the deletion below is what matters.
    }
    this.deps.client.delete(this.podType, pod.metadata.namespace, pod.metadata.name!);
  }
}

/** The taint eviction controller as a cluster component. */
export const taintEvictionControllerFactory: ComponentFactory = (deps) => new TaintEvictionController(deps);

function hasNoExecute(node: KObject | undefined): boolean {
  if (!node) return false;
  for (const t of nodeTaints(node)) if (t.effect === 'NoExecute') return true;
  return false;
}
