// Validation shared by the apps/v1 and batch/v1 workloads: the selector, the selector matching the
// template labels, and the pod template with a restart policy the controller supports.

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { getObj, isObj } from '../validation/json';
import { invalid, required, notSupported, forbidden, goText, child } from '../validation/field';
import { goValue } from '../validation/field-error';
import {
  validateLabelSelector,
  isEmptySelector,
  selectorConversionFails,
  selectorMatches,
  goLabelSelector,
  goIntOrString,
} from '../validation/selector';
import { validatePodTemplateSpec } from '../validation/podspec';
import { validateNonnegative } from '../validation/objectmeta';
import { isValidPercent } from '../validation/names';

/** spec.selector: required, valid, non-empty (`empty selector is invalid for <what>`). */
export function validateSelector(spec: Obj, what: string, path = 'spec.selector'): FieldError[] {
  const sel = spec.selector;
  if (!isObj(sel)) return [required(path)];
  const errs = validateLabelSelector(sel, path);
  if (isEmptySelector(sel)) errs.push(invalid(path, goText(goLabelSelector(sel)), `empty selector is invalid for ${what}`));
  return errs;
}

/** The template labels as Go prints them (`map[string]string{"app":"x"}` or `map[string]string(nil)`). */
export function goTemplateLabels(template: unknown): string {
  const labels = getObj(getObj(isObj(template) ? template : undefined, 'metadata'), 'labels');
  return goValue(labels ?? null, 'map[string]string');
}

/** `selector` does not match template `labels` (a nil selector matches nothing; an empty one everything). */
export function validateSelectorMatchesTemplate(spec: Obj, templatePath: string): FieldError[] {
  const sel = spec.selector;
  if (isObj(sel) && (isEmptySelector(sel) || selectorConversionFails(sel))) return [];
  const labels = getObj(getObj(getObj(spec, 'template'), 'metadata'), 'labels');
  if (selectorMatches(sel, labels)) return [];
  return [invalid(child(templatePath, 'metadata', 'labels'), goText(goTemplateLabels(spec.template)), '`selector` does not match template `labels`')];
}

/**
 * ValidatePodTemplateSpecForReplicaSet: the selector match, the template, restartPolicy Always
 * only, no activeDeadlineSeconds (`... in <Kind> is not Supported`).
 */
export function validateTemplateForController(spec: Obj, kindName: string, templatePath = 'spec.template'): FieldError[] {
  const errs: FieldError[] = [];
  const sel = spec.selector;
  if (isObj(sel) && selectorConversionFails(sel)) {
    errs.push(invalid('spec.selector', goText(goLabelSelector(sel)), 'invalid label selector'));
    return errs;
  }
  errs.push(...validateSelectorMatchesTemplate(spec, templatePath));
  errs.push(...validatePodTemplateSpec(spec.template, templatePath));
  const tspec = getObj(getObj(spec, 'template'), 'spec') ?? {};
  const rp = typeof tspec.restartPolicy === 'string' ? tspec.restartPolicy : '';
  if (rp !== 'Always') errs.push(notSupported(child(templatePath, 'spec', 'restartPolicy'), rp, ['Always']));
  if (tspec.activeDeadlineSeconds !== undefined && tspec.activeDeadlineSeconds !== null) {
    errs.push(forbidden(child(templatePath, 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kindName} is not Supported`));
  }
  return errs;
}

/** A percent value (`25%` -> 25), or undefined when not a valid percent string. */
function percentValue(v: unknown): number | undefined {
  return typeof v === 'string' && isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : undefined;
}

/** getIntOrPercentValue: the percent number, or the int (a non-percent string counts as 0). */
export function intOrPercentValue(v: unknown): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  return typeof v === 'number' ? v : 0;
}

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, goText(goIntOrString(v)), m));
  if (typeof v === 'number') return validateNonnegative(v, path);
  return [];
}

/** IsNotMoreThan100Percent. */
export function validateNotMoreThan100Percent(v: unknown, path: string): FieldError[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [invalid(path, goText(goIntOrString(v)), 'must not be greater than 100%')] : [];
}
