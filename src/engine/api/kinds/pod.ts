// Pod: defaults (SetDefaults_Pod/PodSpec), validation (ValidatePodCreate/Update), the registry's
// PrepareForCreate (status Pending + qosClass) and what admission plugins add on create (admitPod).

import type { FieldError } from '../strategy';
import type { KObject } from '../types';
import type { Obj } from '../validation/json';
import { ensureObj, getObj, objs, str, deepEqual, setDefault, setDefaultStr } from '../validation/json';
import { forbidden, invalid } from '../validation/field';
import { nameIsDNSSubdomain } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/objectmeta';
import { validatePodSpec } from '../validation/podspec';
import { defaultPod } from './podspec-defaults';
import { hasNonZero, quantityValue } from './quantities';
import { asObj } from './common';
import type { KindBehaviour } from './types';

/** qos.GetPodQOS: BestEffort without cpu/memory requests or limits, Guaranteed when every container's equal limits cover both. */
export function podQOSClass(spec: Obj | undefined): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = [...objs(spec, 'initContainers'), ...objs(spec, 'containers')];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const res = getObj(c, 'resources');
    const limits = getObj(res, 'limits');
    const requests = getObj(res, 'requests');
    for (const r of ['cpu', 'memory']) {
      const hasReq = hasNonZero(requests, r);
      const hasLim = hasNonZero(limits, r);
      if (hasReq || hasLim) any = true;
      if (!hasLim) guaranteed = false;
      else if (hasReq && quantityValue(requests?.[r]) !== quantityValue(limits?.[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

const UPDATABLE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** ValidatePodUpdate's spec rule: only images, activeDeadlineSeconds, added tolerations may change. */
function validatePodSpecUpdate(spec: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const oldAds = old.activeDeadlineSeconds;
  const newAds = spec.activeDeadlineSeconds;
  if (typeof oldAds === 'number' && (typeof newAds !== 'number' || newAds > oldAds)) {
    errs.push(invalid('spec.activeDeadlineSeconds', newAds ?? null, 'must be less than or equal to previous value'));
  }
  const oldTols = objs(old, 'tolerations');
  const newTols = objs(spec, 'tolerations');
  if (!oldTols.every((t) => newTols.some((n) => deepEqual(n, t)))) {
    errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
  }
  // Compare everything else with the mutable fields copied over from the old spec.
  const masked = JSON.parse(JSON.stringify(spec)) as Obj;
  for (const k of ['containers', 'initContainers']) {
    const mc = objs(masked, k);
    const oc = objs(old, k);
    mc.forEach((c, i) => {
      if (oc[i]) c.image = oc[i].image;
    });
  }
  masked.activeDeadlineSeconds = old.activeDeadlineSeconds;
  masked.tolerations = old.tolerations;
  if (typeof old.terminationGracePeriodSeconds === 'number' && old.terminationGracePeriodSeconds < 0 && masked.terminationGracePeriodSeconds === 1) {
    masked.terminationGracePeriodSeconds = old.terminationGracePeriodSeconds;
  }
  if (!deepEqual(masked, old)) errs.push(forbidden('spec', `${UPDATABLE}\n`));
  return errs;
}

export const podStrategy: KindBehaviour = {
  defaults(obj) {
    defaultPod(asObj(obj));
  },
  validate(obj) {
    const o = asObj(obj);
    const errs = validateObjectMeta(o.metadata, true, nameIsDNSSubdomain);
    errs.push(...validatePodSpec(getObj(o, 'spec'), 'spec'));
    for (const k of ['containers', 'initContainers']) {
      objs(getObj(o, 'spec'), k).forEach((c, i) => {
        const image = str(c, 'image');
        if (image !== image.trim()) errs.push(invalid(`spec.${k}[${i}].image`, image, 'must not have leading or trailing whitespace'));
      });
    }
    return errs;
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    const errs = validateObjectMetaUpdate(o.metadata, p.metadata);
    errs.push(...validatePodSpec(getObj(o, 'spec'), 'spec'));
    errs.push(...validatePodSpecUpdate(getObj(o, 'spec') ?? {}, getObj(p, 'spec') ?? {}));
    return errs;
  },
  prepareForCreate(obj) {
    const o = asObj(obj);
    o.status = { phase: 'Pending', qosClass: podQOSClass(getObj(o, 'spec')) };
    const gates = objs(getObj(o, 'spec'), 'schedulingGates');
    if (gates.length > 0) {
      o.status.conditions = [
        { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastProbeTime: null, lastTransitionTime: null },
      ];
    }
  },
  prepareForUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    if (p.status === undefined) delete o.status;
    else o.status = JSON.parse(JSON.stringify(p.status));
  },
};

/** The tolerations DefaultTolerationSeconds admission adds when a pod has none for these taints. */
const DEFAULT_TOLERATION_TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/**
 * What admission adds to a pod on create, after defaulting: ServiceAccount (serviceAccountName and
 * the deprecated serviceAccount `default`), Priority (priority 0, preemptionPolicy
 * PreemptLowerPriority), enableServiceLinks, DefaultTolerationSeconds (not-ready/unreachable
 * NoExecute for 300s). The `kube-api-access-xxxxx` projected volume is not added yet.
 */
export function admitPod(pod: KObject): void {
  const spec = ensureObj(asObj(pod), 'spec');
  setDefaultStr(spec, 'serviceAccountName', 'default');
  setDefaultStr(spec, 'serviceAccount', str(spec, 'serviceAccountName'));
  setDefault(spec, 'priority', 0);
  setDefaultStr(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  setDefault(spec, 'enableServiceLinks', true);
  const tolerations = objs(spec, 'tolerations');
  const added: Obj[] = [];
  for (const taint of DEFAULT_TOLERATION_TAINTS) {
    // A toleration with an empty effect or NoExecute that matches the key (or tolerates everything) counts.
    const covered = tolerations.some(
      (t) =>
        (str(t, 'effect') === '' || str(t, 'effect') === 'NoExecute') &&
        (str(t, 'key') === taint || str(t, 'key') === ''),
    );
    if (!covered) added.push({ key: taint, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  if (added.length) spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
}
