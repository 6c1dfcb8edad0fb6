// kind's storage add-on as bootstrap data: the default `standard` StorageClass served by
// rancher.io/local-path (kind applies it with kubectl, hence the last-applied annotation).

import type { KObject } from '../api/types';

/** The annotation that marks the cluster's default StorageClass. */
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** The provisioner name of kind's local-path-provisioner. */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';

/** The `standard` StorageClass of a fresh kind cluster (default, Delete, WaitForFirstConsumer). */
export function standardStorageClass(): KObject {
  const applied = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' }, name: 'standard' },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'standard',
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(applied) + '\n',
        [DEFAULT_CLASS_ANNOTATION]: 'true',
      },
    },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  } as KObject;
}
