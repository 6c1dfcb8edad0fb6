// Namespace: defaults (label kubernetes.io/metadata.name, status Active), PrepareForCreate
// (spec.finalizers ["kubernetes"]) and validation (DNS-1123 label names, finalizer names).

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { ensureObj, getArr, str } from '../validation/json';
import { invalid, index } from '../validation/field';
import { isQualifiedName, nameIsDNSLabel } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/objectmeta';
import { asObj } from './common';
import type { KindBehaviour } from './types';

function validateFinalizers(ns: Obj): FieldError[] {
  const errs: FieldError[] = [];
  getArr(ensureObj({ ...ns }, 'spec'), 'finalizers').forEach((f, i) => {
    const s = typeof f === 'string' ? f : '';
    const p = index('spec.finalizers', i);
    const msgs = isQualifiedName(s);
    for (const m of msgs) errs.push(invalid(p, s, m));
    if (msgs.length === 0 && !s.includes('/') && s !== 'kubernetes') {
      errs.push(invalid(p, s, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

export const namespaceStrategy: KindBehaviour = {
  defaults(obj) {
    const ns = asObj(obj);
    const name = str(ns.metadata, 'name');
    if (name) ensureObj(ns.metadata, 'labels')['kubernetes.io/metadata.name'] = name;
    const status = ensureObj(ns, 'status');
    if (!status.phase) status.phase = 'Active';
  },
  validate(obj) {
    const ns = asObj(obj);
    return [...validateObjectMeta(ns.metadata, false, nameIsDNSLabel), ...validateFinalizers(ns)];
  },
  validateUpdate(obj, old) {
    const ns = asObj(obj);
    return [...validateObjectMetaUpdate(ns.metadata, asObj(old).metadata), ...validateFinalizers(ns)];
  },
  prepareForCreate(obj) {
    const ns = asObj(obj);
    ns.status = { phase: 'Active' };
    const spec = ensureObj(ns, 'spec');
    const finalizers = Array.isArray(spec.finalizers) ? (spec.finalizers as unknown[]) : [];
    if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
  },
  prepareForUpdate(obj, old) {
    const ns = asObj(obj);
    const p = asObj(old);
    ns.spec = JSON.parse(JSON.stringify(p.spec ?? {}));
    ns.status = JSON.parse(JSON.stringify(p.status ?? {}));
  },
};
