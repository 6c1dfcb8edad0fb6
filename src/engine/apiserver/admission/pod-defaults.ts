// What admission adds to a new Pod (ServiceAccount, Priority and DefaultTolerationSeconds
// plugins): serviceAccountName `default`, priority 0, enableServiceLinks, the not-ready /
// unreachable tolerations for 300 s. The rules themselves live with the Pod kind.

import { admitPod } from '../../api/kinds/pod';
import type { AdmissionPlugin } from '../context';

export const podAdmission: AdmissionPlugin = {
  name: 'PodDefaults',
  admit(a) {
    if (a.operation === 'CREATE' && a.type.group === '' && a.type.kind === 'Pod' && !a.subresource) admitPod(a.object);
  },
};
