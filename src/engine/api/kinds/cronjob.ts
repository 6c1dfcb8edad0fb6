// batch/v1 CronJob: defaults (concurrencyPolicy Allow, suspend false, history limits 3 / 1,
// the job template's pod spec) and validation (ValidateCronJobCreate/Update).

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { ensureObj, getObj, isObj, setDefault, setDefaultStr, str } from '../validation/json';
import { invalid, required, notSupported, goText } from '../validation/field';
import { nameIsDNSSubdomain, byteLength } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate, validateNonnegative, validateLabels, validateAnnotations } from '../validation/objectmeta';
import { goLabelSelector } from '../validation/selector';
import { defaultPodTemplate } from './podspec-defaults';
import { validateJobSpecCommon } from './job';
import { asObj, resetStatusOnCreate, keepStatusOnUpdate } from './common';
import type { KindBehaviour } from './types';

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/** robfig/cron ParseStandard's field-count error (the common mistake); finer checks are not ported. */
export function cronScheduleError(schedule: string): string | undefined {
  const s = schedule.replace(/^(CRON_)?TZ=\S+\s+/, '').trim();
  if (s.startsWith('@')) {
    if (DESCRIPTORS.includes(s) || s.startsWith('@every ')) return undefined;
    return `unrecognized descriptor: ${s}`;
  }
  const fields = s.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  return undefined;
}

function validateCronJobSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = str(spec, 'schedule');
  if (!schedule) errs.push(required('spec.schedule'));
  else {
    const e = cronScheduleError(schedule);
    if (e) errs.push(invalid('spec.schedule', schedule, e));
  }
  errs.push(...validateNonnegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  const cp = str(spec, 'concurrencyPolicy');
  if (!cp) errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  const jt = getObj(spec, 'jobTemplate') ?? {};
  const jmeta = getObj(jt, 'metadata') ?? {};
  errs.push(...validateLabels(jmeta.labels, 'spec.jobTemplate.labels'));
  errs.push(...validateAnnotations(jmeta.annotations, 'spec.jobTemplate.annotations'));
  const jspec = getObj(jt, 'spec') ?? {};
  errs.push(...validateJobSpecCommon(jspec, 'spec.jobTemplate.spec'));
  if (isObj(jspec.selector)) errs.push(invalid('spec.jobTemplate.spec.selector', goText(goLabelSelector(jspec.selector)), '`selector` will be auto-generated'));
  if (jspec.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  errs.push(...validateNonnegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonnegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errs;
}

export const cronJobStrategy: KindBehaviour = {
  defaults(obj) {
    const spec = ensureObj(asObj(obj), 'spec');
    setDefaultStr(spec, 'concurrencyPolicy', 'Allow');
    setDefault(spec, 'suspend', false);
    setDefault(spec, 'successfulJobsHistoryLimit', 3);
    setDefault(spec, 'failedJobsHistoryLimit', 1);
    defaultPodTemplate(ensureObj(ensureObj(ensureObj(spec, 'jobTemplate'), 'spec'), 'template'));
  },
  validate(obj) {
    const o = asObj(obj);
    const errs = validateObjectMeta(o.metadata, true, nameIsDNSSubdomain);
    const name = str(o.metadata, 'name');
    // Jobs are named <cronjob>-<minutes>: the name leaves room for 11 characters.
    if (byteLength(name) > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
    errs.push(...validateCronJobSpec(getObj(o, 'spec') ?? {}));
    return errs;
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    return [...validateObjectMetaUpdate(o.metadata, asObj(old).metadata), ...validateCronJobSpec(getObj(o, 'spec') ?? {})];
  },
  prepareForCreate(obj) {
    resetStatusOnCreate(obj, {}, true);
  },
  prepareForUpdate(obj, old) {
    keepStatusOnUpdate(obj, old, true);
  },
};
