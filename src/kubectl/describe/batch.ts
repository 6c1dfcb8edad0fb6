// Describers of Job and CronJob.
import type { KObject } from '../../engine/api/types';
import { humanDuration, parseTimestamp } from '../../engine/util/human-duration';
import type { DescribeContext } from './client';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { describePodTemplate } from './pod-template';
import { selectorString } from './topology';
import { LEVEL_0, tabbedString } from './writer';
import type { PrefixWriter } from './writer';
import { bool, int, isSet, list, printBoolPtr, printController, rec, rfc1123z, str, strMap } from './values';
import type { J } from './values';

/** capIndexesListOrNone: the completed indexes, cut after the first comma past `softLimit`. */
export function capIndexesListOrNone(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  if (ix >= indexes.length) return indexes;
  return indexes.slice(0, ix + 1) + '...';
}

function selectorLine(ls: unknown): string {
  const s = selectorString(ls);
  return s.ok ? `Selector:\t${s.value}\n` : `Selector:\tFailed to get selector: ${s.error}\n`;
}

/** kubectl describe job. */
export async function describeJob(job: KObject, ctx: DescribeContext): Promise<string> {
  const o = job as J;
  const events = await eventsFor(ctx, job);
  return tabbedString((w) => {
    const spec = o.spec ?? {};
    const st = o.status ?? {};
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    w.write(LEVEL_0, selectorLine(spec.selector));
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    const controlledBy = printController(o);
    if (controlledBy !== '') w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (isSet(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${int(spec.parallelism)}\n`);
    w.write(LEVEL_0, `Completions:\t${isSet(spec.completions) ? int(spec.completions) : '<unset>'}\n`);
    if (isSet(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${str(spec.completionMode)}\n`);
    if (isSet(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${bool(spec.suspend)}\n`);
    if (isSet(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${int(spec.backoffLimit)}\n`);
    if (isSet(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${int(spec.ttlSecondsAfterFinished)}\n`);
    if (isSet(st.startTime)) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (isSet(st.completionTime)) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    const start = parseTimestamp(str(st.startTime));
    const done = parseTimestamp(str(st.completionTime));
    if (isSet(st.startTime) && isSet(st.completionTime)) w.write(LEVEL_0, `Duration:\t${humanDuration((done ?? 0) - (start ?? 0))}\n`);
    if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${int(spec.activeDeadlineSeconds)}s\n`);
    if (!isSet(st.ready)) w.write(LEVEL_0, `Pods Statuses:\t${int(st.active)} Active / ${int(st.succeeded)} Succeeded / ${int(st.failed)} Failed\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${int(st.active)} Active (${int(st.ready)} Ready) / ${int(st.succeeded)} Succeeded / ${int(st.failed)} Failed\n`);
    if (str(spec.completionMode) === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexesListOrNone(str(st.completedIndexes), 50)}\n`);
    describePodTemplate(spec.template ?? {}, w, ctx.opts.now);
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}

function describeJobTemplate(t: J, w: PrefixWriter, now: number): void {
  const spec = t?.spec ?? {};
  w.write(LEVEL_0, isSet(spec.selector) ? selectorLine(spec.selector) : 'Selector:\t<unset>\n');
  w.write(LEVEL_0, `Parallelism:\t${isSet(spec.parallelism) ? int(spec.parallelism) : '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${isSet(spec.completions) ? int(spec.completions) : '<unset>'}\n`);
  if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${int(spec.activeDeadlineSeconds)}s\n`);
  describePodTemplate(spec.template ?? {}, w, now);
}

/** kubectl describe cronjob. */
export async function describeCronJob(cj: KObject, ctx: DescribeContext): Promise<string> {
  const o = cj as J;
  const events = await eventsFor(ctx, cj);
  return tabbedString((w) => {
    const spec = o.spec ?? {};
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `Schedule:\t${str(spec.schedule)}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${str(spec.concurrencyPolicy)}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`);
    const opt = (v: unknown, suffix = '') => (isSet(v) ? `${int(v)}${suffix}` : '<unset>');
    w.write(LEVEL_0, `Successful Job History Limit:\t${opt(spec.successfulJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${opt(spec.failedJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${opt(spec.startingDeadlineSeconds, 's')}\n`);
    describeJobTemplate(rec(spec.jobTemplate) ?? {}, w, ctx.opts.now);
    const last = o.status?.lastScheduleTime;
    w.write(LEVEL_0, `Last Schedule Time:\t${isSet(last) ? rfc1123z(last) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = list(o.status?.active);
    if (active.length === 0) w.writeLine('<none>');
    else {
      active.forEach((j: J, i) => {
        if (i !== 0) w.write(LEVEL_0, ', ');
        w.write(LEVEL_0, str(j?.name));
      });
      w.writeLine('');
    }
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}
