// The scheduler component (kube-scheduler's Scheduler + schedule_one.go): informers feed the cache
// and the queue; each pod popped from activeQ is filtered, scored and bound, or reported with a
// FailedScheduling event and the PodScheduled=False condition, preempting lower-priority pods
// when that helps.

import type { ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import { Informer, keyOf } from '../client/informer';
import type { Component, ComponentDeps, ComponentFactory } from '../controllers/deps';
import { rfc3339 } from '../util/time';
import { bindPod, writeStatus } from './bind';
import { SchedulerCache } from './cache';
import { setPodCondition } from './conditions';
import { ExplanationStore, type Placement } from './explain';
import { fitErrorMessage } from './fit-error';
import { schedulePod, type ScheduleResult } from './framework';
import { InformerListers } from './listers';
import { podInfoOf, type PodInfo } from './pod-info';
import { preempt } from './preemption';
import { SchedulingQueue, type QueuedPod } from './queue';
import type { CycleState } from './types';
import { sameJson } from '../util/same-json';

export interface SchedulerOptions {
  /** The schedulerName this scheduler serves (default `default-scheduler`). */
  name?: string;
}

type Obj = Record<string, unknown>;
const spec = (o: KObject) => (o.spec ?? {}) as Obj;
const phase = (o: KObject) => ((o.status ?? {}) as Obj).phase;
const isAssigned = (o: KObject) => typeof spec(o).nodeName === 'string' && spec(o).nodeName !== '';
const isTerminal = (o: KObject) => phase(o) === 'Succeeded' || phase(o) === 'Failed';

export class Scheduler implements Component {
  readonly name: string;
  private readonly cache = new SchedulerCache();
  private readonly queue: SchedulingQueue;
  private readonly listers: InformerListers;
  private readonly pods: Informer;
  private readonly nodes: Informer;
  private readonly podType: ResourceType;
  private readonly explanations = new ExplanationStore();
  private nextStartNode = 0;
  private runScheduled = false;
  private running = false;
  private stopped = false;

  constructor(private readonly deps: ComponentDeps, opts: SchedulerOptions = {}) {
    this.name = opts.name ?? 'default-scheduler';
    this.queue = new SchedulingQueue(deps.clock, () => this.kick());
    this.listers = new InformerListers(deps);
    this.podType = deps.type('', 'Pod');
    this.pods = deps.informers.informerFor(this.podType);
    this.nodes = deps.informers.informerFor(deps.type('', 'Node'));
    this.nodes.addHandlers({
      add: (n) => {
        this.cache.upsertNode(n);
        this.queue.moveAll();
      },
      update: (old, n) => {
        this.cache.upsertNode(n);
        if (nodeChangeMatters(old, n)) this.queue.moveAll();
      },
      delete: (n) => this.cache.removeNode(n.metadata.name ?? ''),
    });
    this.pods.addHandlers({ add: (p) => this.podAdded(p), update: (o, p) => this.podUpdated(o, p), delete: (p) => this.podDeleted(p) });
    const volumes = () => this.queue.moveAll((pl) => pl.has('VolumeBinding'));
    for (const inf of [this.listers.pvcs, this.listers.classes]) inf.addHandlers({ add: volumes, update: volumes });
  }

  start(): void {
    this.stopped = false;
    for (const i of this.listers.informers) i.start();
    this.nodes.start();
    this.pods.start();
  }

  stop(): void {
    this.stopped = true;
    for (const i of [...this.listers.informers, this.nodes, this.pods]) i.stop();
  }

  /** Why the pod `ns/name` is where it is (or pending): its last attempt's filter verdicts and scores. */
  explainPlacement(podKey: string): Placement | undefined {
    return this.explanations.explain(podKey);
  }

  /** Pods waiting in each internal queue (for the UI and tests). */
  queueCounts(): Record<string, number> {
    return this.queue.counts();
  }

  private responsible(p: KObject): boolean {
    const s = spec(p);
    return (s.schedulerName ?? 'default-scheduler') === this.name && !isAssigned(p) && !p.metadata.deletionTimestamp && !isTerminal(p) && !(Array.isArray(s.schedulingGates) && s.schedulingGates.length > 0);
  }

  private podAdded(p: KObject): void {
    if (isAssigned(p)) {
      if (isTerminal(p)) return;
      const info = podInfoOf(p);
      this.cache.upsertPod(info);
      this.queue.moveAll((pl) => pl.has('InterPodAffinity') || pl.has('PodTopologySpread'));
    } else if (this.responsible(p)) {
      this.queue.add(podInfoOf(p));
    }
  }

  private podUpdated(old: KObject, p: KObject): void {
    const key = keyOf(p);
    if (isAssigned(p)) {
      if (!isAssigned(old)) this.queue.delete(key);
      if (isTerminal(p)) {
        if (this.cache.assignedPod(key)) {
          this.cache.removePod(key);
          this.queue.moveAll();
        }
        return;
      }
      const cur = this.cache.assignedPod(key);
      const labelsChanged = !sameJson(old.metadata.labels, p.metadata.labels);
      if (!cur || labelsChanged || !!old.metadata.deletionTimestamp !== !!p.metadata.deletionTimestamp) {
        this.cache.upsertPod(podInfoOf(p));
        if (labelsChanged) this.queue.moveAll((pl) => pl.has('InterPodAffinity') || pl.has('PodTopologySpread'));
      } else {
        // Status-only changes (the kubelet's): keep the parsed view, refresh the object it points to.
        cur.obj = p;
      }
      return;
    }
    if (!this.responsible(p)) return this.queue.delete(key);
    const q = this.queue.get(key);
    if (q && sameJson(old.spec, p.spec) && sameJson(old.metadata.labels, p.metadata.labels)) q.info.obj = p;
    else this.queue.updated(podInfoOf(p));
  }

  private podDeleted(p: KObject): void {
    const key = keyOf(p);
    this.queue.delete(key);
    this.explanations.forget(key);
    if (this.cache.assignedPod(key)) {
      this.cache.removePod(key);
      this.queue.moveAll();
    }
  }

  private kick(): void {
    if (this.runScheduled || this.running || this.stopped) return;
    this.runScheduled = true;
    this.deps.clock.schedule(0, () => this.run());
  }

  /** Schedules every pod in activeQ, one at a time, highest priority first. */
  private run(): void {
    this.runScheduled = false;
    this.running = true;
    try {
      for (let q = this.queue.pop(); q && !this.stopped; q = this.queue.pop()) this.scheduleOne(q);
    } finally {
      this.running = false;
    }
  }

  private scheduleOne(q: QueuedPod): void {
    const pod = this.pods.get(q.key);
    if (!pod || !this.responsible(pod)) return this.queue.done(q.key);
    const info = q.info;
    info.obj = pod;
    if (this.cache.numNodes === 0) return this.fail(q, info, 'no nodes available to schedule pods', 'SchedulerError', false, new Set());
    const state: CycleState = { pod: info, cache: this.cache, listers: this.listers, data: new Map() };
    const res = schedulePod(state, this.deps.random, this.nextStartNode);
    this.nextStartNode = (this.nextStartNode + res.processed) % Math.max(1, res.numAllNodes);
    if (res.node) return this.bind(q, info, res);
    this.unschedulable(q, info, state, res);
  }

  private bind(q: QueuedPod, info: PodInfo, res: ScheduleResult): void {
    const node = res.node!.name;
    // assume (cache.AssumePod): the pod counts on its node before the write, so the bound pod's
    // watch event finds it parsed and only refreshes the object it points to.
    const assumed: PodInfo = { ...info, nodeName: node };
    this.cache.upsertPod(assumed);
    try {
      bindPod(this.deps.client, this.podType, info.obj, node);
    } catch (e) {
      if (this.cache.assignedPod(q.key) === assumed) this.cache.removePod(q.key);
      const msg = e instanceof Error ? e.message : String(e);
      this.explanations.record(q.key, res, undefined, msg);
      return this.fail(q, info, `Binding rejected: ${msg}`, 'SchedulerError', false, new Set());
    }
    this.explanations.record(q.key, res, node, undefined);
    this.queue.done(q.key);
    this.deps.events.record({ component: this.name }, info.obj, 'Normal', 'Scheduled', `Successfully assigned ${info.namespace}/${info.name} to ${node}`);
  }

  private unschedulable(q: QueuedPod, info: PodInfo, state: CycleState, res: ScheduleResult): void {
    const p = preempt(state, res.active, res, this.deps.random);
    const message = fitErrorMessage(res.numAllNodes, res.failedStatuses, res.preFilter?.status.reasons.join(', ') ?? '', p.message);
    const plugins = new Set(res.failedPlugins);
    this.explanations.record(q.key, res, p.node?.name, message);
    if (p.node) {
      for (const v of p.victims) this.evict(v, info, p.node.name);
    }
    this.fail(q, info, message, 'Unschedulable', true, plugins, p.node?.name ?? '');
  }

  /** prepareCandidate: marks the victim DisruptionTarget, deletes it and records Preempted. */
  private evict(victim: PodInfo, by: PodInfo, node: string): void {
    const now = rfc3339(this.deps.clock.now());
    const cond = { type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: `${this.name}: preempting to accommodate a higher priority pod` };
    try {
      writeStatus(this.deps.client, this.podType, victim.obj, (s) => setPodCondition(s, cond, now));
      this.deps.client.delete(this.podType, victim.namespace, victim.name, { uid: victim.uid });
    } catch {
      return; // Already gone: nothing to evict.
    }
    this.deps.events.record({ component: this.name }, victim.obj, 'Normal', 'Preempted', `Preempted by pod ${by.uid} on node ${node}`);
  }

  /** handleSchedulingFailure: requeue, FailedScheduling event, PodScheduled=False (and nominatedNodeName). */
  private fail(q: QueuedPod, info: PodInfo, message: string, reason: string, unschedulable: boolean, plugins: Set<string>, nominated?: string): void {
    this.queue.failed(q, unschedulable, plugins);
    const pod = this.pods.get(q.key);
    if (!pod || isAssigned(pod)) return;
    this.deps.events.record({ component: this.name }, pod, 'Warning', 'FailedScheduling', message);
    const now = rfc3339(this.deps.clock.now());
    try {
      writeStatus(this.deps.client, this.podType, pod, (status) => {
        let changed = setPodCondition(status, { type: 'PodScheduled', status: 'False', reason, message }, now);
        // nominatedNodeName is set by preemption and cleared when preemption found nothing.
        if (nominated !== undefined && (status.nominatedNodeName ?? '') !== nominated) {
          if (nominated === '') delete status.nominatedNodeName;
          else status.nominatedNodeName = nominated;
          changed = true;
        }
        return changed;
      });
    } catch {
      // The pod went away meanwhile; its delete event cleans up.
    }
  }
}

/** Node changes that can make a pod fit (allocatable, labels, taints, unschedulable, images). */
function nodeChangeMatters(old: KObject, n: KObject): boolean {
  const s = (o: KObject) => (o.status ?? {}) as Obj;
  return (
    !sameJson(old.metadata.labels, n.metadata.labels) ||
    !sameJson(spec(old).taints, spec(n).taints) ||
    spec(old).unschedulable !== spec(n).unschedulable ||
    !sameJson(s(old).allocatable, s(n).allocatable) ||
    !sameJson(s(old).images, s(n).images)
  );
}

/** The scheduler as a cluster component. `onCreate` receives the instance (for explainPlacement). */
export function schedulerFactory(opts: SchedulerOptions & { onCreate?(s: Scheduler): void } = {}): ComponentFactory {
  return (deps) => {
    const s = new Scheduler(deps, opts);
    opts.onCreate?.(s);
    return s;
  };
}
