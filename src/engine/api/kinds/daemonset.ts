// apps/v1 DaemonSet: defaults (RollingUpdate maxUnavailable 1 / maxSurge 0, history 10) and
// validation (ValidateDaemonSet, selector immutable on update).

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { ensureObj, getObj, isObj, setDefault, setDefaultStr, str } from '../validation/json';
import { invalid, required, notSupported, forbidden, goText } from '../validation/field';
import { goQuote } from '../../codec/go-quote';
import { nameIsDNSSubdomain } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate, validateNonnegative, validateImmutable } from '../validation/objectmeta';
import { validateLabelSelector, isEmptySelector, goLabelSelector, selectorConversionFails } from '../validation/selector';
import { validatePodTemplateSpec } from '../validation/podspec';
import { defaultPodTemplate } from './podspec-defaults';
import { validateSelectorMatchesTemplate, validatePositiveIntOrPercent, validateNotMoreThan100Percent, intOrPercentValue } from './workload';
import { asObj, resetStatusOnCreate, keepStatusOnUpdate } from './common';
import type { KindBehaviour } from './types';

/** SetDefaults_DaemonSet (apps/v1). */
export function defaultDaemonSet(o: Obj): void {
  const spec = ensureObj(o, 'spec');
  const us = ensureObj(spec, 'updateStrategy');
  setDefaultStr(us, 'type', 'RollingUpdate');
  if (us.type === 'RollingUpdate') {
    const ru = ensureObj(us, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', 1);
    setDefault(ru, 'maxSurge', 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(ensureObj(spec, 'template'));
}

function validateUpdateStrategy(us: Obj): FieldError[] {
  const type = str(us, 'type');
  if (type === 'OnDelete') return [];
  if (type === 'RollingUpdate') {
    const ru = getObj(us, 'rollingUpdate');
    if (!ru) return [required('spec.updateStrategy.rollingUpdate')];
    const p = 'spec.updateStrategy.rollingUpdate';
    const errs = validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`);
    errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
    errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
    errs.push(...validateNotMoreThan100Percent(ru.maxSurge, `${p}.maxSurge`));
    const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
    const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
    if (hasUnavailable && hasSurge) errs.push(invalid(`${p}.maxSurge`, goText(`intstr.IntOrString{Type:${typeof ru.maxSurge === 'string' ? 1 : 0}, IntVal:${typeof ru.maxSurge === 'number' ? ru.maxSurge : 0}, StrVal:${goQuote(typeof ru.maxSurge === 'string' ? ru.maxSurge : '')}}`), 'may not be set when maxUnavailable is non-zero'));
    if (!hasUnavailable && !hasSurge) errs.push(required(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
    return errs;
  }
  return [notSupported('spec.updateStrategy', goText(`&apps.DaemonSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}`), ['RollingUpdate', 'OnDelete'])];
}

/** ValidateDaemonSetSpec. */
export function validateDaemonSetSpec(spec: Obj): FieldError[] {
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  const sel = spec.selector;
  if (!(isObj(sel) && selectorConversionFails(sel))) errs.push(...validateSelectorMatchesTemplate(spec, 'spec.template'));
  if (isObj(sel) && isEmptySelector(sel)) errs.push(invalid('spec.selector', goText(goLabelSelector(sel)), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  const tspec = getObj(getObj(spec, 'template'), 'spec') ?? {};
  const rp = str(tspec, 'restartPolicy');
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (tspec.activeDeadlineSeconds !== undefined && tspec.activeDeadlineSeconds !== null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateUpdateStrategy(getObj(spec, 'updateStrategy') ?? {}));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

export const daemonSetStrategy: KindBehaviour = {
  defaults(obj) {
    defaultDaemonSet(asObj(obj));
  },
  validate(obj) {
    const o = asObj(obj);
    return [...validateObjectMeta(o.metadata, true, nameIsDNSSubdomain), ...validateDaemonSetSpec(getObj(o, 'spec') ?? {})];
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const spec = getObj(o, 'spec') ?? {};
    const errs = [...validateObjectMetaUpdate(o.metadata, asObj(old).metadata), ...validateDaemonSetSpec(spec)];
    errs.push(...validateImmutable(spec.selector, getObj(asObj(old), 'spec')?.selector, 'spec.selector', goLabelSelector(spec.selector)));
    return errs;
  },
  prepareForCreate(obj) {
    resetStatusOnCreate(obj, { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }, true);
  },
  prepareForUpdate(obj, old) {
    keepStatusOnUpdate(obj, old, true);
  },
};
