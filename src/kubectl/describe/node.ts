// The Node describer: roles, taints, lease, conditions, addresses, capacity, system info, the
// non-terminated pods with their share of the node, and allocated resources.
import type { KObject } from '../../engine/api/types';
import { Quantity } from '../../engine/api/quantity';
import { DescribeError, safeGet } from './client';
import type { DescribeContext } from './client';
import { describeEvents, searchEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './multiline';
import { addResourceList, podRequestsAndLimits } from './resources';
import type { ResourceList } from './resources';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer';
import type { PrefixWriter } from './writer';
import { list, qstr, quantity, rec, resourceNames, rfc1123z, since, sortStrings, str, strMap } from './values';
import type { J } from './values';

/** findNodeRoles: node-role.kubernetes.io/<role> labels and the kubernetes.io/role label. */
export function findNodeRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role !== '') roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return sortStrings(roles);
}

/** Go's int64(float64) as amd64 converts it: NaN and infinities become the minimum int64. */
function goInt64(f: number): string {
  if (!Number.isFinite(f)) return '-9223372036854775808';
  return String(Math.trunc(f));
}

function pct(part: number, whole: number): string {
  return goInt64((part / whole) * 100);
}

function describeLease(w: PrefixWriter, lease: J): void {
  w.write(LEVEL_0, 'Lease:\n');
  const spec = lease?.spec ?? {};
  w.write(LEVEL_1, `HolderIdentity:\t${typeof spec.holderIdentity === 'string' ? spec.holderIdentity : '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${typeof spec.acquireTime === 'string' ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${typeof spec.renewTime === 'string' ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

function get(list: ResourceList, name: string): Quantity {
  return list.get(name) ?? Quantity.zero();
}

function describeNodeResource(pods: J[], node: J, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const capacity = rec(node?.status?.capacity) ?? {};
  const alloc0 = rec(node?.status?.allocatable) ?? {};
  const allocatable = Object.keys(alloc0).length > 0 ? alloc0 : capacity;
  const q = (name: string) => quantity(allocatable[name]) ?? Quantity.zero();
  const allocCpu = q('cpu').milliValue();
  const allocMem = q('memory').value();
  const allocEph = q('ephemeral-storage').value();
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    addResourceList(reqs, r.reqs);
    addResourceList(limits, r.limits);
    const [cr, cl, mr, ml] = [get(r.reqs, 'cpu'), get(r.limits, 'cpu'), get(r.reqs, 'memory'), get(r.limits, 'memory')];
    w.write(
      LEVEL_1,
      `${str(pod?.metadata?.namespace)}\t${str(pod?.metadata?.name)}\t\t${cr} (${pct(cr.milliValue(), allocCpu)}%)\t` +
        `${cl} (${pct(cl.milliValue(), allocCpu)}%)\t${mr} (${pct(mr.value(), allocMem)}%)\t${ml} (${pct(ml.value(), allocMem)}%)\t` +
        `${since(pod?.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, part: (x: Quantity) => number, whole: number) => {
    const rq = get(reqs, name);
    const lq = get(limits, name);
    const f = (x: Quantity) => (whole !== 0 ? pct(part(x), whole) : '0');
    w.write(LEVEL_1, `${name}\t${rq} (${f(rq)}%)\t${lq} (${f(lq)}%)\n`);
  };
  row('cpu', (x) => x.milliValue(), allocCpu);
  row('memory', (x) => x.value(), allocMem);
  row('ephemeral-storage', (x) => x.value(), allocEph);
  const names = sortStrings(Object.keys(allocatable));
  for (const name of names.filter((n) => n.startsWith('hugepages-'))) row(name, (x) => x.value(), q(name).value());
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n))) {
    w.write(LEVEL_1, `${name}\t${get(reqs, name)}\t${get(limits, name)}\n`);
  }
}

/** kubectl describe node. */
export async function describeNode(node: KObject, ctx: DescribeContext): Promise<string> {
  const o = node as J;
  const name = str(o.metadata?.name);
  let pods: J[] | undefined;
  try {
    pods = await ctx.client.list('', 'pods', '', { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // Users allowed to see a node but not all pods get the node without its pods.
    if (!/forbidden/i.test(msg)) throw new DescribeError(msg);
  }
  let events: KObject[] | undefined;
  if (ctx.opts.showEvents) {
    // Node events carry either the node's UID (controllers) or its name (kubelet) as UID.
    const ref = { name, namespace: '', kind: 'Node', uid: str(o.metadata?.uid) };
    events = [...(await searchEvents(ctx, ref)), ...(await searchEvents(ctx, { ...ref, uid: name }))];
  }
  const lease = await safeGet(ctx, 'coordination.k8s.io', 'leases', 'kube-node-lease', name);
  const now = ctx.opts.now;
  return tabbedString((w) => {
    const spec = o.spec ?? {};
    const status = o.status ?? {};
    const labels = strMap(o.metadata?.labels);
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = findNodeRoles(labels);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', labels);
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(o.metadata?.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    if (lease) describeLease(w, lease);
    else w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`);
    const conds = list(status.conditions);
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conds) {
        w.write(
          LEVEL_1,
          `${str(c?.type)} \t${str(c?.status)} \t${rfc1123z(c?.lastHeartbeatTime)} \t${rfc1123z(c?.lastTransitionTime)} \t${str(c?.reason)} \t${str(c?.message)}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of list(status.addresses)) w.write(LEVEL_1, `${str(a?.type)}:\t${str(a?.address)}\n`);
    for (const [title, field] of [['Capacity', 'capacity'], ['Allocatable', 'allocatable']] as const) {
      const rl = rec(status[field]) ?? {};
      if (Object.keys(rl).length === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const r of resourceNames(rl)) w.write(LEVEL_0, `  ${r}:\t${qstr(rl[r])}\n`);
    }
    const info = status.nodeInfo ?? {};
    w.write(LEVEL_0, 'System Info:\n');
    const infoRows: Array<[string, string]> = [
      ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
      ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
      ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion'],
    ];
    for (const [label, field] of infoRows) w.write(LEVEL_0, `  ${label}:\t${str(info[field])}\n`);
    if (str(spec.podCIDR) !== '') w.write(LEVEL_0, `PodCIDR:\t${str(spec.podCIDR)}\n`);
    const cidrs = list(spec.podCIDRs).map(str);
    if (cidrs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${cidrs.join(',')}\n`);
    if (str(spec.providerID) !== '') w.write(LEVEL_0, `ProviderID:\t${str(spec.providerID)}\n`);
    if (pods) describeNodeResource(pods, o, w, now);
    else w.write(LEVEL_0, 'Pods:\tnot authorized\n');
    if (events) describeEvents(events, w, now);
  });
}
