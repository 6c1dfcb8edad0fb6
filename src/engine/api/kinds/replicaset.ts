// apps/v1 ReplicaSet: defaults (replicas 1 + pod template), validation (ValidateReplicaSet,
// selector immutable on update) and the registry's generation handling.

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { ensureObj, getObj, setDefault } from '../validation/json';
import { nameIsDNSSubdomain } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate, validateNonnegative, validateImmutable } from '../validation/objectmeta';
import { goLabelSelector } from '../validation/selector';
import { defaultPodTemplate } from './podspec-defaults';
import { validateSelector, validateTemplateForController } from './workload';
import { asObj, resetStatusOnCreate, keepStatusOnUpdate } from './common';
import type { KindBehaviour } from './types';

/** ValidateReplicaSetSpec (its empty-selector text says "deployment", as upstream's does). */
export function validateReplicaSetSpec(spec: Obj): FieldError[] {
  const errs = validateNonnegative(spec.replicas, 'spec.replicas');
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateSelector(spec, 'deployment'));
  errs.push(...validateTemplateForController(spec, 'ReplicaSet'));
  return errs;
}

export const replicaSetStrategy: KindBehaviour = {
  defaults(obj) {
    const spec = ensureObj(asObj(obj), 'spec');
    setDefault(spec, 'replicas', 1);
    defaultPodTemplate(ensureObj(spec, 'template'));
  },
  validate(obj) {
    const o = asObj(obj);
    return [...validateObjectMeta(o.metadata, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(getObj(o, 'spec') ?? {})];
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const spec = getObj(o, 'spec') ?? {};
    const errs = [...validateObjectMetaUpdate(o.metadata, asObj(old).metadata), ...validateReplicaSetSpec(spec)];
    errs.push(...validateImmutable(spec.selector, getObj(asObj(old), 'spec')?.selector, 'spec.selector', goLabelSelector(spec.selector)));
    return errs;
  },
  prepareForCreate(obj) {
    resetStatusOnCreate(obj, { replicas: 0 }, true);
  },
  prepareForUpdate(obj, old) {
    keepStatusOnUpdate(obj, old, true);
  },
};
