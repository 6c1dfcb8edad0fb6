// The remaining kinds: Node, ServiceAccount, Endpoints, Events, LimitRange, ResourceQuota,
// ControllerRevision, Lease, EndpointSlice, CRD. Defaults where upstream has them; metadata rules.


import { ensureObj, getObj, objs, setDefaultStr, str } from '../validation/json';
import { required } from '../validation/field';
import { nameIsDNSSubdomain, nameIsPathSegment } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate, validateNonnegative } from '../validation/objectmeta';
import { canonicalizeResourceList } from './quantities';
import { asObj, metaOnly } from './common';
import type { KindBehaviour } from './types';

export const nodeStrategy: KindBehaviour = {
  defaults(obj) {
    const o = asObj(obj);
    const status = getObj(o, 'status');
    if (status) {
      canonicalizeResourceList(status.capacity);
      canonicalizeResourceList(status.allocatable);
      // SetDefaults_NodeStatus: allocatable defaults to capacity.
      if (!getObj(status, 'allocatable') && getObj(status, 'capacity')) status.allocatable = { ...status.capacity };
    }
  },
  ...metaOnly(false, nameIsDNSSubdomain),
};

export const endpointsStrategy: KindBehaviour = {
  defaults(obj) {
    for (const subset of objs(asObj(obj), 'subsets')) {
      for (const p of objs(subset, 'ports')) setDefaultStr(p, 'protocol', 'TCP');
    }
  },
  ...metaOnly(true, nameIsDNSSubdomain),
};

export const endpointSliceStrategy: KindBehaviour = {
  defaults(obj) {
    for (const p of objs(asObj(obj), 'ports')) {
      setDefaultStr(p, 'protocol', 'TCP');
      if (p.name === undefined) p.name = '';
    }
  },
  validate(obj) {
    const o = asObj(obj);
    const errs = validateObjectMeta(o.metadata, true, nameIsDNSSubdomain);
    const at = str(o, 'addressType');
    if (!at) errs.push(required('addressType'));
    return errs;
  },
  validateUpdate: (obj, old) => validateObjectMetaUpdate(asObj(obj).metadata, asObj(old).metadata),
};

export const limitRangeStrategy: KindBehaviour = {
  defaults(obj) {
    for (const l of objs(getObj(asObj(obj), 'spec'), 'limits')) {
      for (const k of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) canonicalizeResourceList(l[k]);
      // SetDefaults_LimitRangeItem: for containers, default and defaultRequest fall back to max / default.
      if (l.type === 'Container') {
        const max = getObj(l, 'max') ?? {};
        const def = ensureObj(l, 'default');
        for (const k of Object.keys(max)) if (def[k] === undefined) def[k] = max[k];
        const req = ensureObj(l, 'defaultRequest');
        for (const k of Object.keys(def)) if (req[k] === undefined) req[k] = def[k];
      }
    }
  },
  ...metaOnly(true, nameIsDNSSubdomain),
};

export const resourceQuotaStrategy: KindBehaviour = {
  defaults(obj) {
    canonicalizeResourceList(getObj(asObj(obj), 'spec')?.hard);
  },
  ...metaOnly(true, nameIsDNSSubdomain),
  prepareForCreate(obj) {
    asObj(obj).status = {};
  },
};

export const controllerRevisionStrategy: KindBehaviour = {
  validate(obj) {
    const o = asObj(obj);
    const errs = validateObjectMeta(o.metadata, true, nameIsDNSSubdomain);
    if (o.data === undefined || o.data === null) errs.push(required('data', 'data is mandatory'));
    errs.push(...validateNonnegative(o.revision, 'revision'));
    return errs;
  },
  validateUpdate: (obj, old) => validateObjectMetaUpdate(asObj(obj).metadata, asObj(old).metadata),
};

export const serviceAccountStrategy = metaOnly(true, nameIsDNSSubdomain);
export const eventStrategy = metaOnly(true, nameIsDNSSubdomain);
export const leaseStrategy = metaOnly(true, nameIsDNSSubdomain);
export const crdStrategy = metaOnly(false, nameIsDNSSubdomain);
export const pathSegmentNamed = (namespaced: boolean): KindBehaviour => metaOnly(namespaced, nameIsPathSegment);
