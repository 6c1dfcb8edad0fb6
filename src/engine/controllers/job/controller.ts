// The Job controller (pkg/controller/job/job_controller.go) plus the TTL-after-finished controller
// (pkg/controller/ttlafterfinished): watches Jobs and their pods, creates pods `<job>-xxxxx` with
// the job-tracking finalizer, counts finished pods, and deletes finished Jobs whose TTL ran out.
// The decisions live in ./reconcile.

import type { ResourceType } from '../../api/registry';
import type { KObject, Status } from '../../api/types';
import { ApiError } from '../../apiserver/status';
import { Informer, keyOf, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { Expectations } from '../expectations';
import { PodIndex } from '../replicaset/pod-index';
import { controllerOf, objectKey, type PodView, type ReplicaSetView } from '../replicaset/pods';
import { podFromTemplate, slowStartBatches } from '../replicaset/reconcile';
import { reconcileJob, uncountedStatus } from './reconcile';
import { JOB_TRACKING_FINALIZER, hasTrackingFinalizer, isJobFinished, jobFinishTime, type JobView } from './types';

const SOURCE = { component: 'job-controller' };
const ORPHAN = 'orphan:';

function errText(e: unknown): string {
  return e instanceof ApiError ? ((e.status as Status).message ?? String(e)) : e instanceof Error ? e.message : String(e);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

export class JobController implements Component {
  private readonly jobType: ResourceType;
  private readonly podType: ResourceType;
  private readonly jobInformer: Informer;
  private readonly podInformer: Informer;
  private readonly pods = new PodIndex({ ownerKind: 'Job', orphans: false });
  private readonly queue: WorkQueue;
  /** uids of pods whose finalizer this controller removed and the watch has not shown yet. */
  private readonly released = new Set<string>();
  readonly expectations: Expectations;
  lastError: { key: string; err: unknown } | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.jobType = deps.type('batch', 'Job');
    this.podType = deps.type('', 'Pod');
    this.jobInformer = deps.informers.informerFor(this.jobType);
    this.podInformer = deps.informers.informerFor(this.podType);
    this.expectations = new Expectations(() => deps.clock.now());
    this.queue = new WorkQueue(deps.clock, (k) => this.sync(k), (key, err) => (this.lastError = { key, err }));
    this.jobInformer.addHandlers({
      add: (j) => this.queue.add(keyOf(j)),
      update: (_o, j) => this.queue.add(keyOf(j)),
      delete: (j) => {
        this.expectations.delete(keyOf(j));
        // Pods of a deleted job must not stay stuck on the tracking finalizer.
        for (const p of this.pods.ownedBy(j.metadata.uid ?? '')) if (hasTrackingFinalizer(p)) this.queue.add(ORPHAN + keyOf(p));
      },
    });
    this.podInformer.addHandlers({
      add: (p) => this.onPod(p as PodView, undefined),
      update: (o, p) => this.onPod(p as PodView, o as PodView),
      delete: (p) => {
        this.pods.remove(p);
        this.released.delete(p.metadata.uid ?? '');
        const job = this.resolve(p as PodView);
        if (job) {
          this.expectations.deletionObserved(keyOf(job), objectKey(p));
          this.queue.add(keyOf(job));
        }
      },
    });
  }

  start(): void {
    this.jobInformer.start();
    this.podInformer.start();
  }

  stop(): void {
    this.jobInformer.stop();
    this.podInformer.stop();
  }

  private resolve(pod: PodView): KObject | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'Job') return undefined;
    const job = this.jobInformer.get(`${pod.metadata.namespace}/${ref.name}`);
    return job && job.metadata.uid === ref.uid ? job : undefined;
  }

  private onPod(pod: PodView, old: PodView | undefined): void {
    this.pods.upsert(pod, old);
    if (!hasTrackingFinalizer(pod)) this.released.delete(pod.metadata.uid ?? '');
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'Job') return;
    const job = this.resolve(pod);
    if (!job) {
      if (hasTrackingFinalizer(pod)) this.queue.add(ORPHAN + keyOf(pod));
      return;
    }
    const key = keyOf(job);
    if (!old) this.expectations.creationObserved(key);
    else if (pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) this.expectations.deletionObserved(key, objectKey(pod));
    this.queue.add(key);
  }

  private sync(key: string): void {
    if (key.startsWith(ORPHAN)) return this.releaseOrphan(key.slice(ORPHAN.length));
    let job = this.jobInformer.get(key) as JobView | undefined;
    if (!job) return this.expectations.delete(key);
    const now = this.deps.clock.now();
    const pods = this.pods.ownedBy(job.metadata.uid ?? '');
    const plan = reconcileJob(job, pods, now, (uid) => this.released.has(uid));

    if (plan.removeFinalizers.length) {
      if (!isJobFinished(job) && !same(uncountedStatus(job, plan.uncounted).uncountedTerminatedPods, job.status?.uncountedTerminatedPods)) {
        job = this.deps.client.updateStatus(this.jobType, { ...job, status: uncountedStatus(job, plan.uncounted) }) as JobView;
      }
      for (const p of plan.removeFinalizers) this.removeFinalizer(p);
    }
    if (isJobFinished(job)) return this.ttl(job, now);

    if (this.expectations.satisfied(key) && !job.metadata.deletionTimestamp) {
      this.deletePods(key, job, plan.delete);
      this.createPods(key, job, plan.create);
    }
    if (!same(plan.status, job.status)) job = this.deps.client.updateStatus(this.jobType, { ...job, status: plan.status }) as JobView;
    for (const e of plan.events) this.deps.events.record(SOURCE, job, e.type, e.reason, e.message);
    if (plan.requeueAfter !== undefined) this.queue.addAfter(key, plan.requeueAfter);
    if (isJobFinished(job)) this.ttl(job, now);
  }

  private removeFinalizer(p: PodView): void {
    const finalizers = (p.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
    try {
      this.deps.client.patch(this.podType, p.metadata.namespace, p.metadata.name ?? '', { metadata: { finalizers: finalizers.length ? finalizers : null } });
    } catch (e) {
      if (!(e instanceof ApiError && (e.status as Status).code === 404)) throw e;
    }
    this.released.add(p.metadata.uid ?? '');
  }

  private releaseOrphan(podKey: string): void {
    const [ns, name] = splitKey(podKey);
    const pod = this.deps.client.get(this.podType, ns, name) as PodView | undefined;
    if (pod && hasTrackingFinalizer(pod) && !this.resolve(pod)) this.removeFinalizer(pod);
  }

  private deletePods(key: string, job: JobView, pods: readonly PodView[]): void {
    if (!pods.length) return;
    this.expectations.expectDeletions(key, pods.map(objectKey));
    let failure: unknown;
    for (const p of pods) {
      try {
        this.deps.client.delete(this.podType, p.metadata.namespace, p.metadata.name ?? '');
        this.deps.events.record(SOURCE, job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
      } catch (e) {
        this.expectations.deletionObserved(key, objectKey(p));
        this.deps.events.record(SOURCE, job, 'Warning', 'FailedDelete', `Error deleting: ${errText(e)}`);
        failure ??= e;
      }
    }
    if (failure !== undefined) throw failure;
  }

  private createPods(key: string, job: JobView, n: number): void {
    if (n <= 0) return;
    this.expectations.expectCreations(key, n);
    let done = 0;
    let failure: unknown;
    for (const size of slowStartBatches(n)) {
      for (let i = 0; i < size; i++) {
        const pod = podFromTemplate(job as unknown as ReplicaSetView);
        pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER];
        try {
          const created = this.deps.client.create(this.podType, pod);
          this.deps.events.record(SOURCE, job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
          done++;
        } catch (e) {
          this.deps.events.record(SOURCE, job, 'Warning', 'FailedCreate', `Error creating: ${errText(e)}`);
          failure ??= e;
        }
      }
      if (failure !== undefined) break;
    }
    for (let i = done; i < n; i++) this.expectations.creationObserved(key);
    if (failure !== undefined) throw failure;
  }

  /** ttlafterfinished: delete (foreground) once finishTime + ttlSecondsAfterFinished has passed. */
  private ttl(job: JobView, now: number): void {
    const ttl = job.spec.ttlSecondsAfterFinished;
    const finished = jobFinishTime(job);
    if (ttl === undefined || ttl === null || finished === undefined || job.metadata.deletionTimestamp) return;
    const left = finished + ttl * 1000 - now;
    if (left > 0) return this.queue.addAfter(keyOf(job), left);
    this.deps.client.delete(this.jobType, job.metadata.namespace, job.metadata.name ?? '', { propagationPolicy: 'Foreground', uid: job.metadata.uid });
  }
}

/** The Job controller (with TTL-after-finished) as a cluster component. */
export const jobControllerFactory: ComponentFactory = (deps) => new JobController(deps);
