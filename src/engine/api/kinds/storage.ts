// PersistentVolumeClaim, PersistentVolume and StorageClass: defaults (phase Pending, volumeMode
// Filesystem, reclaim policies, binding mode Immediate) and their main validation rules.

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { ensureObj, getObj, getArr, setDefault, setDefaultStr, str, deepEqual } from '../validation/json';
import { required, notSupported, forbidden } from '../validation/field';
import { nameIsDNSSubdomain, nameIsPathSegment } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate, validateImmutable } from '../validation/objectmeta';
import { canonicalizeResourceList } from './quantities';
import { asObj } from './common';
import type { KindBehaviour } from './types';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

/** SetDefaults_PersistentVolumeClaim + _Spec: phase Pending, volumeMode Filesystem, canonical sizes. */
export function defaultPVC(pvc: Obj): void {
  const spec = ensureObj(pvc, 'spec');
  setDefaultStr(spec, 'volumeMode', 'Filesystem');
  const res = getObj(spec, 'resources');
  if (res) {
    canonicalizeResourceList(res.requests);
    canonicalizeResourceList(res.limits);
  }
  setDefaultStr(ensureObj(pvc, 'status'), 'phase', 'Pending');
}

function validatePVCSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const modes = getArr(spec, 'accessModes');
  if (modes.length === 0) errs.push(required('spec.accessModes', 'at least 1 access mode is required'));
  for (const m of modes) if (!ACCESS_MODES.includes(String(m))) errs.push(notSupported('spec.accessModes', m, ACCESS_MODES));
  const storage = getObj(getObj(spec, 'resources'), 'requests');
  if (!storage || storage.storage === undefined) errs.push(required('spec.resources[storage]'));
  return errs;
}

export const pvcStrategy: KindBehaviour = {
  defaults: (obj) => defaultPVC(asObj(obj)),
  validate(obj) {
    const o = asObj(obj);
    return [...validateObjectMeta(o.metadata, true, nameIsDNSSubdomain), ...validatePVCSpec(getObj(o, 'spec') ?? {})];
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    const errs = validateObjectMetaUpdate(o.metadata, p.metadata);
    const a = { ...(getObj(o, 'spec') ?? {}) };
    const b = { ...(getObj(p, 'spec') ?? {}) };
    // Only the requested size (and volumeAttributesClassName) may change; a bind fills volumeName once.
    for (const s of [a, b]) {
      delete s.resources;
      delete s.volumeAttributesClassName;
    }
    if (!str(b, 'volumeName')) delete a.volumeName;
    delete b.volumeName;
    if (!deepEqual(a, b) && !(str(getObj(p, 'spec'), 'volumeName') === '' && deepEqual({ ...a, volumeName: undefined }, b))) {
      errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
    }
    return errs;
  },
  prepareForCreate(obj) {
    asObj(obj).status = { phase: 'Pending' };
  },
};

export const pvStrategy: KindBehaviour = {
  defaults(obj) {
    const o = asObj(obj);
    const spec = ensureObj(o, 'spec');
    setDefaultStr(spec, 'persistentVolumeReclaimPolicy', 'Retain');
    setDefaultStr(spec, 'volumeMode', 'Filesystem');
    canonicalizeResourceList(spec.capacity);
    const hostPath = getObj(spec, 'hostPath');
    if (hostPath) setDefault(hostPath, 'type', '');
    setDefaultStr(ensureObj(o, 'status'), 'phase', 'Pending');
  },
  validate(obj) {
    const o = asObj(obj);
    const errs = validateObjectMeta(o.metadata, false, nameIsPathSegment);
    const spec = getObj(o, 'spec') ?? {};
    if (getArr(spec, 'accessModes').length === 0) errs.push(required('spec.accessModes'));
    if (getObj(spec, 'capacity')?.storage === undefined) errs.push(required('spec.capacity'));
    const rp = str(spec, 'persistentVolumeReclaimPolicy');
    if (rp && !['Delete', 'Recycle', 'Retain'].includes(rp)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', rp, ['Delete', 'Recycle', 'Retain']));
    return errs;
  },
  validateUpdate: (obj, old) => validateObjectMetaUpdate(asObj(obj).metadata, asObj(old).metadata),
  prepareForCreate(obj) {
    asObj(obj).status = { phase: 'Pending' };
  },
};

export const storageClassStrategy: KindBehaviour = {
  defaults(obj) {
    const o = asObj(obj);
    setDefaultStr(o, 'reclaimPolicy', 'Delete');
    setDefaultStr(o, 'volumeBindingMode', 'Immediate');
  },
  validate(obj) {
    const o = asObj(obj);
    const errs = validateObjectMeta(o.metadata, false, nameIsDNSSubdomain);
    if (!str(o, 'provisioner')) errs.push(required('provisioner'));
    const rp = str(o, 'reclaimPolicy');
    if (rp && rp !== 'Delete' && rp !== 'Retain') errs.push(notSupported('reclaimPolicy', rp, ['Delete', 'Retain']));
    const vb = str(o, 'volumeBindingMode');
    if (vb !== 'Immediate' && vb !== 'WaitForFirstConsumer') errs.push(notSupported('volumeBindingMode', vb, ['Immediate', 'WaitForFirstConsumer']));
    return errs;
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    const errs = validateObjectMetaUpdate(o.metadata, p.metadata);
    if (!deepEqual(o.parameters, p.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
    if (str(o, 'provisioner') !== str(p, 'provisioner')) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
    errs.push(...validateImmutable(str(o, 'reclaimPolicy'), str(p, 'reclaimPolicy'), 'reclaimPolicy'));
    errs.push(...validateImmutable(str(o, 'volumeBindingMode'), str(p, 'volumeBindingMode'), 'volumeBindingMode'));
    return errs;
  },
};
