// The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go): watches CronJobs and
// the Jobs they own, starts a Job `<cj>-<unix minutes>` when a schedule time is due, tracks
// active and finished Jobs, and prunes history. The decisions live in ./reconcile.

import type { ResourceType } from '../../api/registry';
import type { KObject, Status } from '../../api/types';
import { ApiError } from '../../apiserver/status';
import { Informer, keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { controllerOf } from '../replicaset/pods';
import { reconcileCronJob, type CronJobView } from './reconcile';

const SOURCE = { component: 'cronjob-controller' };

function errText(e: unknown): string {
  return e instanceof ApiError ? ((e.status as Status).message ?? String(e)) : e instanceof Error ? e.message : String(e);
}

export class CronJobController implements Component {
  private readonly cjType: ResourceType;
  private readonly jobType: ResourceType;
  private readonly cjInformer: Informer;
  private readonly jobInformer: Informer;
  /** CronJob uid -> its Jobs by key. */
  private readonly jobsByOwner = new Map<string, Map<string, KObject>>();
  private readonly queue: WorkQueue;
  lastError: { key: string; err: unknown } | undefined;

  constructor(private readonly deps: ComponentDeps) {
    this.cjType = deps.type('batch', 'CronJob');
    this.jobType = deps.type('batch', 'Job');
    this.cjInformer = deps.informers.informerFor(this.cjType);
    this.jobInformer = deps.informers.informerFor(this.jobType);
    this.queue = new WorkQueue(deps.clock, (k) => this.sync(k), (key, err) => (this.lastError = { key, err }));
    this.cjInformer.addHandlers({
      add: (cj) => this.queue.add(keyOf(cj)),
      update: (_o, cj) => this.queue.add(keyOf(cj)),
    });
    this.jobInformer.addHandlers({
      add: (j) => this.onJob(j, undefined),
      update: (o, j) => this.onJob(j, o),
      delete: (j) => {
        this.index(j, false);
        this.enqueueOwner(j);
      },
    });
  }

  start(): void {
    this.cjInformer.start();
    this.jobInformer.start();
  }

  stop(): void {
    this.cjInformer.stop();
    this.jobInformer.stop();
  }

  private index(job: KObject, present: boolean): void {
    const ref = controllerOf(job);
    if (!ref || ref.kind !== 'CronJob') return;
    let m = this.jobsByOwner.get(ref.uid);
    if (!m) this.jobsByOwner.set(ref.uid, (m = new Map()));
    if (present) m.set(keyOf(job), job);
    else {
      m.delete(keyOf(job));
      if (m.size === 0) this.jobsByOwner.delete(ref.uid);
    }
  }

  private enqueueOwner(job: KObject): void {
    const ref = controllerOf(job);
    if (ref?.kind === 'CronJob') this.queue.add(`${job.metadata.namespace}/${ref.name}`);
  }

  private onJob(job: KObject, old: KObject | undefined): void {
    if (old) this.index(old, false);
    this.index(job, true);
    this.enqueueOwner(job);
  }

  private sync(key: string): void {
    const cj = this.cjInformer.get(key) as CronJobView | undefined;
    if (!cj) return;
    const now = this.deps.clock.now();
    const jobs = [...(this.jobsByOwner.get(cj.metadata.uid ?? '')?.values() ?? [])];
    const plan = reconcileCronJob(cj, jobs, now);
    for (const j of plan.deletes) {
      this.deps.client.delete(this.jobType, j.metadata.namespace, j.metadata.name ?? '', { propagationPolicy: 'Background' });
    }
    const status = plan.status;
    const events = [...plan.events];
    if (plan.create) {
      let created: KObject | undefined;
      try {
        created = this.deps.client.create(this.jobType, plan.create);
        events.push({ type: 'Normal', reason: 'SuccessfulCreate', message: `Created job ${created.metadata.name}` });
      } catch (e) {
        if (e instanceof ApiError && (e.status as Status).code === 409) {
          // Already created by an earlier sync whose status write was lost: adopt it in status.
          created = this.deps.client.get(this.jobType, cj.metadata.namespace, plan.create.metadata.name ?? '');
        } else {
          this.deps.events.record(SOURCE, cj, 'Warning', 'FailedCreate', `Error creating job: ${errText(e)}`);
          throw e;
        }
      }
      if (created && !status.active?.some((a) => a.uid === created.metadata.uid)) {
        const ref = { kind: 'Job', namespace: created.metadata.namespace, name: created.metadata.name, uid: created.metadata.uid, apiVersion: 'batch/v1', resourceVersion: created.metadata.resourceVersion };
        const ordered: typeof status = { active: [...(status.active ?? []), ref] };
        if (status.lastScheduleTime) ordered.lastScheduleTime = status.lastScheduleTime;
        if (status.lastSuccessfulTime) ordered.lastSuccessfulTime = status.lastSuccessfulTime;
        plan.status = ordered;
      }
    }
    for (const e of events) this.deps.events.record(SOURCE, cj, e.type, e.reason, e.message);
    if (JSON.stringify(plan.status) !== JSON.stringify(cj.status ?? {})) {
      this.deps.client.updateStatus(this.cjType, { ...cj, status: plan.status });
    }
    if (plan.requeueAfter !== undefined) this.queue.addAfter(key, plan.requeueAfter);
  }
}

/** The CronJob controller as a cluster component. */
export const cronJobControllerFactory: ComponentFactory = (deps) => new CronJobController(deps);
