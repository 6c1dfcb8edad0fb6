// apps/v1 StatefulSet: defaults (apps/v1 SetDefaults_StatefulSet, claim templates defaulted as
// PVCs) and validation (ValidateStatefulSet / ValidateStatefulSetUpdate).

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { ensureObj, getObj, isObj, objs, setDefault, setDefaultStr, str, deepEqual } from '../validation/json';
import { invalid, required, notSupported, forbidden, goText } from '../validation/field';
import { goQuote } from '../../codec/go-quote';
import { nameIsDNSLabel } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate, validateNonnegative, validateLabels, validateAnnotations } from '../validation/objectmeta';
import { goLabelSelector, selectorConversionFails, goIntOrString } from '../validation/selector';
import { defaultPodTemplate } from './podspec-defaults';
import { defaultPVC } from './storage';
import { validateSelector, validateSelectorMatchesTemplate, validatePositiveIntOrPercent, validateNotMoreThan100Percent, intOrPercentValue } from './workload';
import { asObj, resetStatusOnCreate, keepStatusOnUpdate } from './common';
import type { KindBehaviour } from './types';

/** SetDefaults_StatefulSet (apps/v1). */
export function defaultStatefulSet(o: Obj): void {
  const spec = ensureObj(o, 'spec');
  setDefaultStr(spec, 'podManagementPolicy', 'OrderedReady');
  const us = ensureObj(spec, 'updateStrategy');
  setDefaultStr(us, 'type', 'RollingUpdate');
  if (us.type === 'RollingUpdate') setDefault(ensureObj(us, 'rollingUpdate'), 'partition', 0);
  const policy = ensureObj(spec, 'persistentVolumeClaimRetentionPolicy');
  setDefaultStr(policy, 'whenDeleted', 'Retain');
  setDefaultStr(policy, 'whenScaled', 'Retain');
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(ensureObj(spec, 'template'));
  for (const pvc of objs(spec, 'volumeClaimTemplates')) defaultPVC(pvc);
}

function validateRetention(policy: unknown): FieldError[] {
  if (!isObj(policy)) return [];
  const errs: FieldError[] = [];
  for (const k of ['whenDeleted', 'whenScaled']) {
    const v = str(policy, k);
    if (v !== 'Retain' && v !== 'Delete') errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${k}`, v, ['Retain', 'Delete']));
  }
  return errs;
}

function validateUpdateStrategy(us: Obj): FieldError[] {
  const type = str(us, 'type');
  const ru = getObj(us, 'rollingUpdate');
  if (type === '') return [required('spec.updateStrategy')];
  if (type === 'OnDelete') {
    return ru ? [invalid('spec.updateStrategy.rollingUpdate', goText(`&apps.RollingUpdateStatefulSetStrategy{Partition:${ru.partition ?? 0}, MaxUnavailable:(*intstr.IntOrString)(nil)}`), "only allowed for updateStrategy 'RollingUpdate'")] : [];
  }
  if (type === 'RollingUpdate') {
    if (!ru) return [];
    const p = 'spec.updateStrategy.rollingUpdate';
    const errs = validateNonnegative(ru.partition, `${p}.partition`);
    if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) {
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(`${p}.maxUnavailable`, goText(goIntOrString(ru.maxUnavailable)), 'cannot be 0'));
      errs.push(...validateNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
    }
    return errs;
  }
  return [invalid('spec.updateStrategy', goText(`apps.StatefulSetUpdateStrategy{Type:${goQuote(type)}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`), "must be 'RollingUpdate' or 'OnDelete'")];
}

/** ValidateStatefulSetSpec (upstream validates only the template's labels and annotations here). */
export function validateStatefulSetSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = str(spec, 'podManagementPolicy');
  if (pmp === '') errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...validateUpdateStrategy(getObj(spec, 'updateStrategy') ?? {}));
  errs.push(...validateRetention(spec.persistentVolumeClaimRetentionPolicy));
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (isObj(spec.ordinals)) errs.push(...validateNonnegative(spec.ordinals.start, 'spec.ordinals.start'));
  errs.push(...validateSelector(spec, 'statefulset'));
  const sel = spec.selector;
  if (isObj(sel) && selectorConversionFails(sel)) {
    errs.push(invalid('spec.selector', goText(goLabelSelector(sel)), ''));
  } else {
    errs.push(...validateSelectorMatchesTemplate(spec, 'spec.template'));
    const meta = getObj(getObj(spec, 'template'), 'metadata') ?? {};
    errs.push(...validateLabels(meta.labels, 'spec.template.labels'));
    errs.push(...validateAnnotations(meta.annotations, 'spec.template.annotations'));
  }
  const tspec = getObj(getObj(spec, 'template'), 'spec') ?? {};
  const rp = str(tspec, 'restartPolicy');
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (tspec.activeDeadlineSeconds !== undefined && tspec.activeDeadlineSeconds !== null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

const MUTABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

export const statefulSetStrategy: KindBehaviour = {
  defaults(obj) {
    defaultStatefulSet(asObj(obj));
  },
  validate(obj) {
    const o = asObj(obj);
    return [...validateObjectMeta(o.metadata, true, nameIsDNSLabel), ...validateStatefulSetSpec(getObj(o, 'spec') ?? {})];
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    const spec = getObj(o, 'spec') ?? {};
    const oldSpec = getObj(p, 'spec') ?? {};
    const errs = [...validateObjectMetaUpdate(o.metadata, p.metadata), ...validateStatefulSetSpec(spec)];
    const a = { ...spec };
    const b = { ...oldSpec };
    for (const k of MUTABLE) {
      delete a[k];
      delete b[k];
    }
    if (!deepEqual(a, b)) {
      errs.push(
        forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
    }
    return errs;
  },
  prepareForCreate(obj) {
    resetStatusOnCreate(obj, { replicas: 0, availableReplicas: 0 }, true);
  },
  prepareForUpdate(obj, old) {
    keepStatusOnUpdate(obj, old, true);
  },
};
