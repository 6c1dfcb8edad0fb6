// The Job controller and its pure parts.

export { JobController, jobControllerFactory } from './controller';
export { reconcileJob, backoffRemaining, pastBackoffLimitOnFailure, uncountedStatus, type JobPlan } from './reconcile';
export { JOB_TRACKING_FINALIZER, isJobFinished, type JobView, type JobStatus } from './types';
