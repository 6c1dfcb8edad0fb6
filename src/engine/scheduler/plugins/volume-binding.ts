// VolumeBinding (plugins/volumebinding), the part that needs no PersistentVolume matching: a pod
// whose claims are missing, being deleted or unbound with Immediate binding waits (PreFilter).
// Claims with WaitForFirstConsumer are left to the provisioner: any node passes.

import type { FilterPlugin, Status } from '../types';
import { status } from '../types';

type Obj = Record<string, unknown>;

export const volumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  preFilter(state): Status | 'skip' | null {
    const pod = state.pod;
    if (pod.pvcNames.length === 0) return 'skip';
    let unboundImmediate = false;
    for (const name of pod.pvcNames) {
      const pvc = state.listers.pvc(pod.namespace, name);
      if (!pvc) return status('UnschedulableAndUnresolvable', `persistentvolumeclaim "${name}" not found`);
      if (pvc.metadata.deletionTimestamp) return status('UnschedulableAndUnresolvable', `persistentvolumeclaim "${name}" is being deleted`);
      const spec = (pvc.spec ?? {}) as Obj;
      if (typeof spec.volumeName === 'string' && spec.volumeName !== '') continue;
      const className = typeof spec.storageClassName === 'string' ? spec.storageClassName : '';
      const sc = className === '' ? undefined : state.listers.storageClass(className);
      if (sc?.volumeBindingMode === 'WaitForFirstConsumer') continue;
      unboundImmediate = true;
    }
    if (unboundImmediate) return status('UnschedulableAndUnresolvable', 'pod has unbound immediate PersistentVolumeClaims');
    return 'skip';
  },
  filter: () => null,
};
