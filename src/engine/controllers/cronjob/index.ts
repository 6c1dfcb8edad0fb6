// The CronJob controller and its pure parts.

export { CronJobController, cronJobControllerFactory } from './controller';
export { reconcileCronJob, jobFromTemplate, jobName, mostRecentScheduleTime, zonedRfc3339, SCHEDULED_TIMESTAMP_ANNOTATION, type CronJobView, type CronJobPlan } from './reconcile';
export { parseSchedule, nextTime, validZone, zoneOffset, ScheduleParseError, type Schedule } from './schedule';
