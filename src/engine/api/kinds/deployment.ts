// apps/v1 Deployment: defaults (apps/v1 SetDefaults_Deployment), validation (ValidateDeployment,
// ValidateDeploymentUpdate, selector immutability from the registry strategy) and generation.

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { ensureObj, getObj, isObj, setDefault, setDefaultStr, str, deepEqual } from '../validation/json';
import { invalid, required, forbidden, notSupported, goText } from '../validation/field';
import { nameIsDNSSubdomain } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate, validateNonnegative, validateImmutable } from '../validation/objectmeta';
import { goLabelSelector, goIntOrString } from '../validation/selector';
import { defaultPodTemplate } from './podspec-defaults';
import {
  validateSelector,
  validateTemplateForController,
  validatePositiveIntOrPercent,
  validateNotMoreThan100Percent,
  intOrPercentValue,
} from './workload';
import { asObj, resetStatusOnCreate } from './common';
import type { KindBehaviour } from './types';

/** SetDefaults_Deployment (apps/v1). */
export function defaultDeployment(d: Obj): void {
  const spec = ensureObj(d, 'spec');
  setDefault(spec, 'replicas', 1);
  const strategy = ensureObj(spec, 'strategy');
  setDefaultStr(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensureObj(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', '25%');
    setDefault(ru, 'maxSurge', '25%');
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(ensureObj(spec, 'template'));
}

function goDeploymentStrategy(s: Obj): string {
  const ru = getObj(s, 'rollingUpdate');
  const ruText = ru
    ? `(*apps.RollingUpdateDeployment)(0x0)`
    : '(*apps.RollingUpdateDeployment)(nil)';
  return `apps.DeploymentStrategy{Type:${JSON.stringify(str(s, 'type'))}, RollingUpdate:${ruText}}`;
}

function validateStrategy(strategy: Obj): FieldError[] {
  const path = 'spec.strategy';
  const type = str(strategy, 'type');
  const ru = getObj(strategy, 'rollingUpdate');
  if (type === 'Recreate') {
    return ru ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type === 'RollingUpdate') {
    if (!ru) return [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
    const p = `${path}.rollingUpdate`;
    const errs = validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`);
    errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(invalid(`${p}.maxUnavailable`, goText(goIntOrString(ru.maxUnavailable)), 'may not be 0 when `maxSurge` is 0'));
    }
    errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
    return errs;
  }
  return [notSupported(path, goText(goDeploymentStrategy(strategy)), ['Recreate', 'RollingUpdate'])];
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(spec: Obj): FieldError[] {
  const errs = validateNonnegative(spec.replicas, 'spec.replicas');
  errs.push(...validateSelector(spec, 'deployment'));
  errs.push(...validateTemplateForController(spec, 'ReplicaSet'));
  errs.push(...validateStrategy(getObj(spec, 'strategy') ?? {}));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (isObj(spec.rollbackTo)) errs.push(...validateNonnegative(spec.rollbackTo.revision, 'spec.rollback.version'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...validateNonnegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (spec.progressDeadlineSeconds <= minReady) {
      errs.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export const deploymentStrategy: KindBehaviour = {
  defaults(obj) {
    defaultDeployment(asObj(obj));
  },
  validate(obj) {
    const o = asObj(obj);
    return [...validateObjectMeta(o.metadata, true, nameIsDNSSubdomain), ...validateDeploymentSpec(getObj(o, 'spec') ?? {})];
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    const spec = getObj(o, 'spec') ?? {};
    const errs = [...validateObjectMetaUpdate(o.metadata, p.metadata), ...validateDeploymentSpec(spec)];
    const oldSel = getObj(p, 'spec')?.selector;
    errs.push(...validateImmutable(spec.selector, oldSel, 'spec.selector', goLabelSelector(spec.selector)));
    return errs;
  },
  prepareForCreate(obj) {
    resetStatusOnCreate(obj, {}, true);
  },
  prepareForUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    o.status = p.status === undefined ? {} : JSON.parse(JSON.stringify(p.status));
    const g = typeof p.metadata?.generation === 'number' ? p.metadata.generation : 0;
    // Annotation changes count too (they once carried rollback requests).
    const changed = !deepEqual(o.spec, p.spec) || !deepEqual(o.metadata.annotations, p.metadata.annotations);
    o.metadata.generation = changed ? g + 1 : g;
  },
};
