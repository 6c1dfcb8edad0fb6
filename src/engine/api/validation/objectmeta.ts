// ObjectMeta validation (apimachinery api/validation/objectmeta.go, meta/v1/validation): names,
// namespace, labels, annotations (256 KiB), ownerReferences, finalizers, and the update rules.

import type { FieldError } from '../strategy';
import type { Obj } from './json';
import { isObj, sortedKeys, str, deepEqual } from './json';
import { invalid, required, forbidden, tooLong, child, goText } from './field';
import { goValue } from './field-error';
import { goQuote } from '../../codec/go-quote';
import { byteLength, isQualifiedName, isValidLabelValue, nameIsDNSLabel } from './names';
import type { NameFn } from './names';

export const FIELD_IMMUTABLE = 'field is immutable';
export const IS_NEGATIVE = 'must be greater than or equal to 0';
/** TotalAnnotationSizeLimitB: 256 KiB for keys plus values. */
export const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

/** ValidateNonnegativeField. */
export function validateNonnegative(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

/** ValidateLabelName: a qualified name. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/** ValidateLabels: every key a qualified name, every value a label value (keys in sorted order). */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  if (!isObj(labels)) return [];
  const errs: FieldError[] = [];
  for (const k of sortedKeys(labels)) {
    errs.push(...validateLabelName(k, path));
    const v = typeof labels[k] === 'string' ? (labels[k] as string) : '';
    for (const m of isValidLabelValue(v)) errs.push(invalid(path, v, m));
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names (case-insensitive), total size at most 256 KiB. */
export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  if (!isObj(annotations)) return [];
  const errs: FieldError[] = [];
  let size = 0;
  for (const k of sortedKeys(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    size += byteLength(k) + byteLength(String(annotations[k] ?? ''));
  }
  if (size > ANNOTATIONS_SIZE_LIMIT) errs.push(tooLong(path, ANNOTATIONS_SIZE_LIMIT));
  return errs;
}

/** Go's %#v of a metav1.OwnerReference (how an owner-reference error prints it). */
function goOwnerReference(r: Obj): string {
  const ptrBool = (v: unknown): string => (typeof v === 'boolean' ? '(*bool)(0x0)' : '(*bool)(nil)');
  return (
    `v1.OwnerReference{APIVersion:${goQuote(str(r, 'apiVersion'))}, Kind:${goQuote(str(r, 'kind'))}, ` +
    `Name:${goQuote(str(r, 'name'))}, UID:${goQuote(str(r, 'uid'))}, Controller:${ptrBool(r.controller)}, ` +
    `BlockOwnerDeletion:${ptrBool(r.blockOwnerDeletion)}}`
  );
}

/** ValidateOwnerReferences: required parts, banned owners (v1 Event), at most one controller. */
export function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  if (!Array.isArray(refs)) return [];
  const errs: FieldError[] = [];
  let firstController = '';
  for (const r of refs.filter(isObj)) {
    const apiVersion = str(r, 'apiVersion');
    const version = apiVersion.includes('/') ? apiVersion.split('/').slice(-1)[0] : apiVersion;
    if (!version || apiVersion.split('/').length > 2) errs.push(invalid(child(path, 'apiVersion'), apiVersion, 'version must not be empty'));
    if (!str(r, 'kind')) errs.push(invalid(child(path, 'kind'), str(r, 'kind'), 'kind must not be empty'));
    if (!str(r, 'name')) errs.push(invalid(child(path, 'name'), str(r, 'name'), 'name must not be empty'));
    if (!str(r, 'uid')) errs.push(invalid(child(path, 'uid'), str(r, 'uid'), 'uid must not be empty'));
    if (apiVersion === 'v1' && str(r, 'kind') === 'Event') {
      errs.push(invalid(path, goText(goOwnerReference(r)), '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (r.controller === true) {
      const name = `${str(r, 'kind')}/${str(r, 'name')}`;
      if (firstController) {
        errs.push(
          invalid(
            path,
            goText(`[]v1.OwnerReference{${refs.filter(isObj).map(goOwnerReference).join(', ')}}`),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`,
          ),
        );
      } else firstController = name;
    }
  }
  return errs;
}

/** ValidateFinalizers: qualified names, and not both orphan and foregroundDeletion. */
export function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  if (!Array.isArray(finalizers)) return [];
  const errs: FieldError[] = [];
  for (const f of finalizers) {
    const s = typeof f === 'string' ? f : '';
    errs.push(...isQualifiedName(s).map((m) => invalid(path, s, m)));
  }
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(invalid(path, goValue(finalizers, '[]string'), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/**
 * ValidateObjectMeta (create): generateName and name by the kind's name rule, namespace required
 * for namespaced kinds and forbidden otherwise, then generation, labels, annotations,
 * ownerReferences, finalizers.
 */
export function validateObjectMeta(meta: Obj | undefined, namespaced: boolean, nameFn: NameFn, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  const generateName = str(m, 'generateName');
  if (generateName) for (const msg of nameFn(generateName, true)) errs.push(invalid(child(path, 'generateName'), generateName, msg));
  const name = str(m, 'name');
  if (!name) errs.push(required(child(path, 'name'), 'name or generateName is required'));
  else for (const msg of nameFn(name, false)) errs.push(invalid(child(path, 'name'), name, msg));
  const ns = str(m, 'namespace');
  if (namespaced) {
    if (!ns) errs.push(required(child(path, 'namespace')));
    else for (const msg of nameIsDNSLabel(ns, false)) errs.push(invalid(child(path, 'namespace'), ns, msg));
  } else if (ns) {
    errs.push(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegative(m.generation, child(path, 'generation')));
  errs.push(...validateLabels(m.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, 'ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, child(path, 'finalizers')));
  return errs;
}

/**
 * ValidateObjectMetaUpdate: no new finalizers while deleting, generation not decremented,
 * name/namespace/uid/creationTimestamp immutable, then labels/annotations/owners/finalizers.
 * (The resourceVersion check is the store's business here: it fills it for unconditional updates.)
 */
export function validateObjectMetaUpdate(meta: Obj | undefined, old: Obj | undefined, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const before = new Set(Array.isArray(o.finalizers) ? o.finalizers : []);
    const extra = [...new Set(Array.isArray(m.finalizers) ? (m.finalizers as string[]) : [])].filter((f) => !before.has(f)).sort();
    if (extra.length) {
      errs.push(
        forbidden(
          child(path, 'finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goValue(extra, '[]string')}`,
        ),
      );
    }
  }
  if (typeof m.generation === 'number' && typeof o.generation === 'number' && m.generation < o.generation) {
    errs.push(invalid(child(path, 'generation'), m.generation, 'must not be decremented'));
  }
  for (const f of ['name', 'namespace', 'uid']) {
    if (str(m, f) !== str(o, f)) errs.push(invalid(child(path, f), str(m, f), FIELD_IMMUTABLE));
  }
  errs.push(...validateLabels(m.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, 'ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, child(path, 'finalizers')));
  return errs;
}

/** ValidateImmutableField: `<path>: Invalid value: <new>: field is immutable` when it changed. */
export function validateImmutable(newVal: unknown, oldVal: unknown, path: string, rendered?: string): FieldError[] {
  if (deepEqual(newVal, oldVal)) return [];
  return [invalid(path, rendered !== undefined ? goText(rendered) : newVal, FIELD_IMMUTABLE)];
}
