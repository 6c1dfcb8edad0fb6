// `kubectl get pv` / `pvc` / `storageclass` columns: printers.go printPersistentVolume,
// printPersistentVolumeClaim, printStorageClass (with the core/helper access-mode and class rules).

import type { KindPrinter } from './types';
import { ageCol, ageOf, col, isDeleting, nameCol, nameOf, specOf, statusOf } from './common';
import { arr, obj, optBool, optStr, quantity, str, strMap } from './fields';
import * as d from './descriptions';

const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, joined by `,`. */
export function accessModes(modes: unknown): string {
  const set = new Set(arr(modes).map(str));
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** The storage class: the beta annotation wins over spec.storageClassName. */
function storageClass(o: Parameters<KindPrinter['cells']>[0]): string {
  const annotations = strMap(obj(o.metadata).annotations);
  if (BETA_STORAGE_CLASS in annotations) return annotations[BETA_STORAGE_CLASS];
  return str(specOf(o).storageClassName);
}

export const persistentVolumePrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Capacity', 'string', d.PV_CAPACITY),
    col('Access Modes', 'string', d.PV_ACCESS_MODES),
    col('Reclaim Policy', 'string', d.PV_RECLAIM),
    col('Status', 'string', d.PV_PHASE),
    col('Claim', 'string', d.PV_CLAIM_REF),
    col('StorageClass', 'string', 'StorageClass of the pv'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    col('Reason', 'string', d.PV_REASON),
    ageCol(),
    col('VolumeMode', 'string', d.PV_VOLUME_MODE, 1),
  ],
  cells(o, now) {
    const spec = specOf(o);
    const status = statusOf(o);
    const claimRef = spec.claimRef !== null && typeof spec.claimRef === 'object' ? obj(spec.claimRef) : undefined;
    return [
      nameOf(o),
      quantity(obj(spec.capacity).storage),
      accessModes(spec.accessModes),
      str(spec.persistentVolumeReclaimPolicy),
      isDeleting(o) ? 'Terminating' : str(status.phase),
      claimRef ? `${str(claimRef.namespace)}/${str(claimRef.name)}` : '',
      storageClass(o),
      optStr(spec.volumeAttributesClassName) ?? '<unset>',
      str(status.reason),
      ageOf(o, now),
      optStr(spec.volumeMode) ?? '<unset>',
    ];
  },
};

export const persistentVolumeClaimPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Status', 'string', d.PVC_PHASE),
    col('Volume', 'string', d.PVC_VOLUME_NAME),
    col('Capacity', 'string', d.PVC_CAPACITY),
    col('Access Modes', 'string', d.PVC_ACCESS_MODES),
    col('StorageClass', 'string', 'StorageClass of the pvc'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    ageCol(),
    col('VolumeMode', 'string', d.PVC_VOLUME_MODE, 1),
  ],
  cells(o, now) {
    const spec = specOf(o);
    const status = statusOf(o);
    const volumeName = str(spec.volumeName);
    // Capacity and access modes are shown only once the claim is bound to a volume.
    const bound = volumeName !== '';
    return [
      nameOf(o),
      isDeleting(o) ? 'Terminating' : str(status.phase),
      volumeName,
      bound ? quantity(obj(status.capacity).storage) : '',
      bound ? accessModes(status.accessModes) : '',
      storageClass(o),
      optStr(spec.volumeAttributesClassName) ?? '<unset>',
      ageOf(o, now),
      optStr(spec.volumeMode) ?? '<unset>',
    ];
  },
};

/** Whether the class carries the (beta) is-default-class annotation set to "true". */
function isDefaultClass(annotations: Record<string, string>): boolean {
  return (
    annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

export const storageClassPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
    col('ReclaimPolicy', 'string', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.'),
    col('VolumeBindingMode', 'string', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.'),
    col('AllowVolumeExpansion', 'string', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
    ageCol(),
  ],
  cells(o, now) {
    const annotations = strMap(obj(o.metadata).annotations);
    const name = nameOf(o) + (isDefaultClass(annotations) ? ' (default)' : '');
    return [
      name,
      str(o.provisioner),
      optStr(o.reclaimPolicy) ?? 'Delete',
      optStr(o.volumeBindingMode) ?? 'Immediate',
      optBool(o.allowVolumeExpansion) ?? false,
      ageOf(o, now),
    ];
  },
};
