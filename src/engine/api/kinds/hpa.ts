// autoscaling/v2 HorizontalPodAutoscaler: defaults (minReplicas 1, behavior scale-up/scale-down
// policies from autoscaling/v2 defaults.go) and validation (ValidateHorizontalPodAutoscaler).

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { ensureObj, getObj, isObj, objs, setDefault, setDefaultStr, str } from '../validation/json';
import { invalid, required } from '../validation/field';
import { nameIsPathSegment } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/objectmeta';
import { asObj } from './common';
import type { KindBehaviour } from './types';

function defaultRules(rules: Obj, up: boolean): void {
  if (up) {
    setDefault(rules, 'stabilizationWindowSeconds', 0);
    setDefaultStr(rules, 'selectPolicy', 'Max');
    if (!Array.isArray(rules.policies) || rules.policies.length === 0) {
      rules.policies = [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ];
    }
  } else {
    setDefaultStr(rules, 'selectPolicy', 'Max');
    if (!Array.isArray(rules.policies) || rules.policies.length === 0) rules.policies = [{ type: 'Percent', value: 100, periodSeconds: 15 }];
  }
}

/** SetDefaults_HorizontalPodAutoscaler (v2): minReplicas 1, a cpu 80% metric when none, behavior. */
export function defaultHPA(hpa: Obj): void {
  const spec = ensureObj(hpa, 'spec');
  setDefault(spec, 'minReplicas', 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  // The behavior block is only defaulted when the user wrote one (SetDefaults_HorizontalPodAutoscalerBehavior).
  const behavior = getObj(spec, 'behavior');
  if (behavior) {
    defaultRules(ensureObj(behavior, 'scaleUp'), true);
    defaultRules(ensureObj(behavior, 'scaleDown'), false);
  }
}

function validateSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  if (typeof min === 'number' && min < 1) errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  const max = typeof spec.maxReplicas === 'number' ? spec.maxReplicas : 0;
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (typeof min === 'number' && min > max) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  const ref = getObj(spec, 'scaleTargetRef') ?? {};
  if (!str(ref, 'kind')) errs.push(required('spec.scaleTargetRef.kind'));
  if (!str(ref, 'name')) errs.push(required('spec.scaleTargetRef.name'));
  objs(spec, 'metrics').forEach((m, i) => {
    const p = `spec.metrics[${i}]`;
    if (!str(m, 'type')) errs.push(required(`${p}.type`, 'must specify a metric source type'));
    const r = getObj(m, 'resource');
    if (str(m, 'type') === 'Resource' && r) {
      if (!str(r, 'name')) errs.push(required(`${p}.resource.name`, 'must specify a resource name'));
      const t = getObj(r, 'target');
      if (!isObj(t) || !str(t, 'type')) errs.push(required(`${p}.resource.target.type`, 'must specify a metric target type'));
      else if (typeof t.averageUtilization === 'number' && t.averageUtilization <= 0) {
        errs.push(invalid(`${p}.resource.target.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
      }
    }
  });
  return errs;
}

export const hpaStrategy: KindBehaviour = {
  defaults: (obj) => defaultHPA(asObj(obj)),
  validate(obj) {
    const o = asObj(obj);
    return [...validateObjectMeta(o.metadata, true, nameIsPathSegment), ...validateSpec(getObj(o, 'spec') ?? {})];
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    return [...validateObjectMetaUpdate(o.metadata, asObj(old).metadata), ...validateSpec(getObj(o, 'spec') ?? {})];
  },
  prepareForCreate(obj) {
    asObj(obj).status = { currentMetrics: null, desiredReplicas: 0 };
  },
  prepareForUpdate(obj, old) {
    const p = asObj(old);
    asObj(obj).status = JSON.parse(JSON.stringify(p.status ?? {}));
  },
};
