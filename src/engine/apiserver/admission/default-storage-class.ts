// DefaultStorageClass admission (plugin/pkg/admission/storage/storageclass/setdefault): a
// PersistentVolumeClaim created without spec.storageClassName gets the default StorageClass.

import type { KObject } from '../../api/types';
import type { AdmissionPlugin } from '../context';
import { parseTime } from '../../util/time';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';
/** The pre-GA way to name a claim's class; a claim carrying it is left alone. */
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** Whether a StorageClass is marked default (GA or beta annotation, value exactly "true"). */
export function isDefaultClass(sc: KObject): boolean {
  const a = sc.metadata.annotations ?? {};
  return a[DEFAULT_CLASS] === 'true' || a[BETA_DEFAULT_CLASS] === 'true';
}

/**
 * The default class among `classes`, or undefined. With several defaults upstream (since 1.26)
 * takes the newest, ties broken by the smaller name.
 */
export function pickDefaultClass(classes: readonly KObject[]): KObject | undefined {
  const defaults = classes.filter(isDefaultClass);
  const created = (c: KObject) => parseTime(c.metadata.creationTimestamp) ?? 0;
  defaults.sort((a, b) => created(b) - created(a) || (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
  return defaults[0];
}

/**
 * Sets the default class on a claim that names none: an explicit `storageClassName` (even "")
 * or the beta annotation opts out, as upstream.
 */
export function defaultClaimClass(pvc: KObject, classes: readonly KObject[]): void {
  const spec = (pvc.spec ?? (pvc.spec = {})) as { storageClassName?: string | null };
  if (spec.storageClassName !== undefined && spec.storageClassName !== null) return;
  if (pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return;
  const sc = pickDefaultClass(classes);
  if (sc) spec.storageClassName = sc.metadata.name;
}

export const defaultStorageClass: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  admit(a, ctx) {
    if (a.operation !== 'CREATE' || a.type.group !== '' || a.type.kind !== 'PersistentVolumeClaim' || a.subresource) return;
    defaultClaimClass(a.object, ctx.store.list('storage.k8s.io/storageclasses').items);
  },
};
