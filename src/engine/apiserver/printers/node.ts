// `kubectl get nodes` columns: printers.go printNode (STATUS from the Ready condition plus
// SchedulingDisabled, ROLES from node-role labels, wide addresses and node info).

import type { KindPrinter } from './types';
import { ageCol, ageOf, col, nameCol, nameOf, specOf, statusOf } from './common';
import { obj, objs, str, strMap } from './fields';
import * as d from './descriptions';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** STATUS: `Ready` / `NotReady` / `Unknown` (no Ready condition), plus `,SchedulingDisabled`. */
export function nodeStatus(spec: Record<string, unknown>, status: Record<string, unknown>): string {
  // The last Ready condition wins, as upstream builds a map keyed by type.
  let ready: Record<string, unknown> | undefined;
  for (const c of objs(status.conditions)) if (str(c.type) === 'Ready') ready = c;
  const parts = [ready === undefined ? 'Unknown' : str(ready.status) === 'True' ? 'Ready' : 'NotReady'];
  if (spec.unschedulable === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** ROLES: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role=<role>`, sorted, or `<none>`. */
export function nodeRoles(labels: unknown): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(strMap(labels))) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role !== '') roles.add(role);
    } else if (k === ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  const list = [...roles].sort().join(',');
  return list === '' ? '<none>' : list;
}

/** The first address of a type, or `<none>`. */
function address(status: Record<string, unknown>, type: string): string {
  const a = objs(status.addresses).find((x) => str(x.type) === type);
  return a ? str(a.address) : '<none>';
}

export const nodePrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    ageCol(),
    col('Version', 'string', d.NODE_KUBELET_VERSION),
    col('Internal-IP', 'string', d.NODE_ADDRESSES, 1),
    col('External-IP', 'string', d.NODE_ADDRESSES, 1),
    col('OS-Image', 'string', d.NODE_OS_IMAGE, 1),
    col('Kernel-Version', 'string', d.NODE_KERNEL, 1),
    col('Container-Runtime', 'string', d.NODE_RUNTIME, 1),
  ],
  cells(o, now) {
    const status = statusOf(o);
    const info = obj(status.nodeInfo);
    return [
      nameOf(o),
      nodeStatus(specOf(o), status),
      nodeRoles(obj(o.metadata).labels),
      ageOf(o, now),
      str(info.kubeletVersion),
      address(status, 'InternalIP'),
      address(status, 'ExternalIP'),
      str(info.osImage) || '<unknown>',
      str(info.kernelVersion) || '<unknown>',
      str(info.containerRuntimeVersion) || '<unknown>',
    ];
  },
};
