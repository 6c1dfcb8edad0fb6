// batch/v1 Job: defaults (batch/v1 SetDefaults_Job), the generated selector and labels
// (registry generateSelector), validation (ValidateJob, ValidateJobUpdate).

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { ensureObj, getObj, isObj, setDefault, str, deepEqual } from '../validation/json';
import { invalid, required, notSupported, goText, child } from '../validation/field';
import { nameIsDNSSubdomain } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate, validateNonnegative, validateImmutable, FIELD_IMMUTABLE } from '../validation/objectmeta';
import { validateLabelSelector, goLabelSelector, selectorConversionFails } from '../validation/selector';
import { validatePodTemplateSpec } from '../validation/podspec';
import { defaultPodTemplate } from './podspec-defaults';
import { validateSelectorMatchesTemplate } from './workload';
import { asObj, keepStatusOnUpdate } from './common';
import type { KindBehaviour } from './types';

/** SetDefaults_Job (batch/v1); template labels become the Job's labels when it has none. */
export function defaultJob(job: Obj): void {
  const spec = ensureObj(job, 'spec');
  if ((spec.completions === undefined || spec.completions === null) && (spec.parallelism === undefined || spec.parallelism === null)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex !== undefined && spec.backoffLimitPerIndex !== null ? 2147483647 : 6);
  const tlabels = getObj(getObj(getObj(spec, 'template'), 'metadata'), 'labels');
  const meta = ensureObj(job, 'metadata');
  if (tlabels && (!isObj(meta.labels) || Object.keys(meta.labels).length === 0)) meta.labels = { ...tlabels };
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'podReplacementPolicy', isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed');
  defaultPodTemplate(ensureObj(spec, 'template'));
}

/**
 * generateSelector: unless manualSelector, the selector is the controller-uid label and the
 * template gets controller-uid and job-name labels (both the prefixed and legacy keys).
 */
export function generateJobSelector(job: Obj): void {
  const spec = ensureObj(job, 'spec');
  if (spec.manualSelector === true) return;
  const uid = str(job.metadata, 'uid');
  const name = str(job.metadata, 'name');
  if (!uid) return;
  const tmeta = ensureObj(ensureObj(spec, 'template'), 'metadata');
  const labels = ensureObj(tmeta, 'labels');
  labels['batch.kubernetes.io/controller-uid'] ??= uid;
  labels['controller-uid'] ??= uid;
  labels['batch.kubernetes.io/job-name'] ??= name;
  labels['job-name'] ??= name;
  if (!isObj(spec.selector)) spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
}

/** validateJobSpec (shared with CronJob job templates). */
export function validateJobSpecCommon(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished']) {
    errs.push(...validateNonnegative(spec[f], child(path, f)));
  }
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== null && mode !== 'NonIndexed' && mode !== 'Indexed') {
    errs.push(notSupported(child(path, 'completionMode'), mode, ['NonIndexed', 'Indexed']));
  }
  if (mode === 'Indexed' && (spec.completions === undefined || spec.completions === null)) {
    errs.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
  }
  errs.push(...validatePodTemplateSpec(spec.template, child(path, 'template')));
  const rp = str(getObj(getObj(spec, 'template'), 'spec'), 'restartPolicy');
  if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(child(path, 'template', 'spec', 'restartPolicy'), rp, ['OnFailure', 'Never']));
  return errs;
}

/** ValidateJobSpec: the common rules plus a required selector matching the template. */
function validateJobSpec(spec: Obj, generated: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(spec.selector)) {
    if (!generated) errs.push(required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (!selectorConversionFails(spec.selector)) errs.push(...validateSelectorMatchesTemplate(spec, 'spec.template'));
  }
  errs.push(...validateJobSpecCommon(spec, 'spec'));
  return errs;
}

export const jobStrategy: KindBehaviour = {
  defaults(obj) {
    defaultJob(asObj(obj));
  },
  validate(obj) {
    const o = asObj(obj);
    const spec = getObj(o, 'spec') ?? {};
    // Without manualSelector the selector is generated (needs the uid), so it cannot be missing.
    const generated = spec.manualSelector !== true;
    return [...validateObjectMeta(o.metadata, true, nameIsDNSSubdomain), ...validateJobSpec(spec, generated)];
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    const spec = getObj(o, 'spec') ?? {};
    const oldSpec = getObj(p, 'spec') ?? {};
    const errs = [...validateObjectMetaUpdate(o.metadata, p.metadata), ...validateJobSpec(spec, false)];
    errs.push(...validateImmutable(spec.selector, oldSpec.selector, 'spec.selector', goLabelSelector(spec.selector)));
    errs.push(...validateImmutable(spec.completions ?? null, oldSpec.completions ?? null, 'spec.completions'));
    errs.push(...validateImmutable(spec.completionMode ?? null, oldSpec.completionMode ?? null, 'spec.completionMode'));
    if (!deepEqual(spec.template, oldSpec.template)) {
      errs.push(invalid('spec.template', goText('core.PodTemplateSpec{...}'), FIELD_IMMUTABLE));
    }
    return errs;
  },
  prepareForCreate(obj) {
    const o = asObj(obj);
    o.status = {};
    o.metadata.generation = 1;
    generateJobSelector(o);
  },
  prepareForUpdate(obj, old) {
    keepStatusOnUpdate(obj, old, true);
  },
};
