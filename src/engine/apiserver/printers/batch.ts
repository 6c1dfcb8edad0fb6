// `kubectl get jobs` / `cronjobs` columns: printers.go printJob (STATUS, COMPLETIONS, DURATION)
// and printCronJob (SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE).

import { humanDuration, parseTimestamp, translateTimestampSince } from '../../util/human-duration';
import type { KindPrinter } from './types';
import {
  CONTAINERS_DESC,
  IMAGES_DESC,
  ageCol,
  ageOf,
  boolPtr,
  col,
  containerCells,
  formatLabelSelector,
  isDeleting,
  nameCol,
  nameOf,
  specOf,
  statusOf,
  templateSpec,
} from './common';
import { arr, int, obj, objs, optInt, optStr, str } from './fields';
import * as d from './descriptions';

/** hasJobCondition: the first condition of the type decides, True or not. */
function hasCondition(conditions: unknown, type: string): boolean {
  const c = objs(conditions).find((x) => str(x.type) === type);
  return c !== undefined && str(c.status) === 'True';
}

/** COMPLETIONS: `succeeded/completions`, or `succeeded/1 of P` for work queues with parallelism > 1. */
function completions(spec: Record<string, unknown>, succeeded: number): string {
  const wanted = optInt(spec.completions);
  if (wanted !== undefined) return `${succeeded}/${wanted}`;
  const parallelism = optInt(spec.parallelism) ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: empty before start, time since start while running, completion - start when done. */
function duration(status: Record<string, unknown>, now: number): string {
  const start = parseTimestamp(str(status.startTime));
  if (start === undefined) return '';
  const done = parseTimestamp(str(status.completionTime));
  return humanDuration((done ?? now) - start);
}

/** STATUS, in upstream's precedence order. */
function jobStatus(o: Parameters<KindPrinter['cells']>[0]): string {
  const conditions = statusOf(o).conditions;
  if (hasCondition(conditions, 'Complete')) return 'Complete';
  if (hasCondition(conditions, 'Failed')) return 'Failed';
  if (isDeleting(o)) return 'Terminating';
  if (hasCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

export const jobPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Status', 'string', 'Status of the job.'),
    col('Completions', 'string', d.JOB_SUCCEEDED),
    col('Duration', 'string', 'Time required to complete the job.'),
    ageCol(),
    col('Containers', 'string', CONTAINERS_DESC, 1),
    col('Images', 'string', IMAGES_DESC, 1),
    col('Selector', 'string', d.JOB_SELECTOR, 1),
  ],
  cells(o, now) {
    const spec = specOf(o);
    const status = statusOf(o);
    const [names, images] = containerCells(templateSpec(spec));
    return [
      nameOf(o),
      jobStatus(o),
      completions(spec, int(status.succeeded)),
      duration(status, now),
      ageOf(o, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};

export const cronJobPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Schedule', 'string', d.CJ_SCHEDULE),
    col('Timezone', 'string', d.CJ_TIMEZONE),
    col('Suspend', 'boolean', d.CJ_SUSPEND),
    col('Active', 'integer', d.CJ_ACTIVE),
    col('Last Schedule', 'string', d.CJ_LAST_SCHEDULE),
    ageCol(),
    col('Containers', 'string', CONTAINERS_DESC, 1),
    col('Images', 'string', IMAGES_DESC, 1),
    col('Selector', 'string', d.JOB_SELECTOR, 1),
  ],
  cells(o, now) {
    const spec = specOf(o);
    const status = statusOf(o);
    const jobSpec = obj(obj(spec.jobTemplate).spec);
    const [names, images] = containerCells(templateSpec(jobSpec));
    const last = str(status.lastScheduleTime);
    return [
      nameOf(o),
      str(spec.schedule),
      optStr(spec.timeZone) ?? '<none>',
      boolPtr(spec.suspend),
      arr(status.active).length,
      last === '' ? '<none>' : translateTimestampSince(last, now),
      ageOf(o, now),
      names,
      images,
      formatLabelSelector(jobSpec.selector),
    ];
  },
};
