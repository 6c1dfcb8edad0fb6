// Typed view of a batch/v1 Job as the Job controller reads it, the constants it shares with
// upstream (pkg/controller/job), and small pod predicates about finished pods.

import type { LabelSelector } from '../../api/labels';
import type { KObject } from '../../api/types';
import { parseTime } from '../../util/time';
import type { PodTemplate, PodView } from '../replicaset/pods';

/** batch.kubernetes.io/job-tracking: keeps a finished pod until the Job counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** DefaultJobPodFailureBackOff: the first re-create delay after a failed pod (doubles each time). */
export const DEFAULT_BACKOFF_MS = 10_000;
/** MaxJobPodFailureBackOff. */
export const MAX_BACKOFF_MS = 600_000;

export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface JobStatus {
  conditions?: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
  ready?: number;
}

/** batch/v1 Job, defaulted by the apiserver (parallelism, backoffLimit, selector, labels). */
export interface JobView extends KObject {
  spec: {
    parallelism?: number;
    completions?: number | null;
    activeDeadlineSeconds?: number;
    backoffLimit?: number;
    ttlSecondsAfterFinished?: number;
    suspend?: boolean;
    selector?: LabelSelector;
    template?: PodTemplate;
  };
  status?: JobStatus;
}

export function isFinishedPod(p: PodView): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

export function hasTrackingFinalizer(p: PodView): boolean {
  return !!p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER);
}

/** The job's condition of this type when True. */
export function trueCondition(job: JobView, type: string): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type && c.status === 'True');
}

/** IsJobFinished: Complete or Failed is True. */
export function isJobFinished(job: JobView): boolean {
  return !!(trueCondition(job, 'Complete') ?? trueCondition(job, 'Failed'));
}

/** When the job finished (its terminal condition's transition), or undefined. */
export function jobFinishTime(job: JobView): number | undefined {
  const c = trueCondition(job, 'Complete') ?? trueCondition(job, 'Failed');
  return c ? parseTime(c.lastTransitionTime) : undefined;
}

/**
 * getFinishedTime: the latest container termination of a finished pod; failing that, its Ready
 * condition's transition, then its creation.
 */
export function podFinishTime(p: PodView): number {
  let latest: number | undefined;
  const all = [...((p.status?.initContainerStatuses ?? []) as unknown[]), ...((p.status?.containerStatuses ?? []) as unknown[])];
  for (const s of all as Array<{ state?: { terminated?: { finishedAt?: string } } }>) {
    const t = parseTime(s.state?.terminated?.finishedAt);
    if (t !== undefined && (latest === undefined || t > latest)) latest = t;
  }
  if (latest !== undefined) return latest;
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  return parseTime(ready?.lastTransitionTime) ?? parseTime(p.metadata.creationTimestamp) ?? 0;
}
