// What admission adds to a new Pod (ServiceAccount, Priority and DefaultTolerationSeconds
// plugins): serviceAccountName `default`, priority 0, enableServiceLinks, the not-ready /
// unreachable tolerations for 300 s. The rules themselves live with the Pod kind.

import { admitPod } from '../../api/kinds/pod';
import type { AdmissionPlugin } from '../context';

/** The built-in PriorityClasses every cluster has (scheduling/v1 system classes). */
const SYSTEM_PRIORITIES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

export const podAdmission: AdmissionPlugin = {
  name: 'PodDefaults',
  admit(a) {
    if (a.operation !== 'CREATE' || a.type.group !== '' || a.type.kind !== 'Pod' || a.subresource) return;
    admitPod(a.object);
    // The Priority admission plugin resolves priorityClassName to its value.
    const spec = a.object.spec as { priorityClassName?: string; priority?: number };
    const value = spec.priorityClassName ? SYSTEM_PRIORITIES[spec.priorityClassName] : undefined;
    if (value !== undefined) spec.priority = value;
  },
};
