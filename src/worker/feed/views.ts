// Maps API objects to the change feed's ObjectViews (protocol.ts): the few fields the cluster map
// and timeline draw. Pod STATUS/READY and node STATUS come from the apiserver's own printers, so
// the map says exactly what `kubectl get` says.

import type { KObject } from '../../engine/api/types';
import { summarizePod } from '../../engine/apiserver/printers/pod';
import { nodeRoles, nodeStatus } from '../../engine/apiserver/printers/node';
import { loadBalancerStatus, servicePorts } from '../../engine/apiserver/printers/network';
import { eventSource, eventView } from '../../engine/apiserver/printers/event';
import { arr, int, obj, objs, optStr, str, strMap } from '../../engine/apiserver/printers/fields';
import type { EventView, IngressView, NodeView, ObjectView, OwnerLink, PodView, ServiceView, WorkloadView } from '../protocol';

type J = Record<string, unknown>;

/** What a view may need beyond its object: the instant (restarts) and a node IP (NodePort addresses). */
export interface ViewContext {
  now: number;
  /** Some node's InternalIP, for a NodePort service's external address. */
  nodeIP(): string | undefined;
}

export const WORKLOAD_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const;

function time(ts: unknown): number {
  const ms = Date.parse(str(ts));
  return Number.isNaN(ms) ? 0 : ms;
}

function owner(o: KObject): OwnerLink | undefined {
  const refs = objs(obj(o.metadata).ownerReferences);
  const r = refs.find((x) => x.controller === true) ?? refs[0];
  return r ? { kind: str(r.kind), name: str(r.name), uid: str(r.uid) } : undefined;
}

function base(o: KObject) {
  const m = o.metadata;
  const v: { uid: string; name: string; created: number; labels: Record<string, string>; namespace?: string; owner?: OwnerLink } = {
    uid: m.uid ?? `${o.kind}/${m.namespace ?? ''}/${m.name}`,
    name: m.name ?? '',
    created: time(m.creationTimestamp),
    labels: strMap(m.labels),
  };
  if (m.namespace) v.namespace = m.namespace;
  const ow = owner(o);
  if (ow) v.owner = ow;
  return v;
}

function images(podSpec: unknown): string[] {
  return objs(obj(podSpec).containers).map((c) => str(c.image));
}

function conditionStatus(o: KObject, type: string): string | undefined {
  const c = objs(obj(o.status).conditions).find((x) => str(x.type) === type);
  return c ? str(c.status) : undefined;
}

export function nodeView(o: KObject): NodeView {
  const spec = obj(o.spec);
  const status = obj(o.status);
  const ready = conditionStatus(o, 'Ready');
  const roles = nodeRoles(obj(o.metadata).labels);
  const capacity = strMap(status.capacity);
  const v: NodeView = {
    ...base(o),
    kind: 'Node',
    ready: ready === 'True' ? 'True' : ready === 'False' ? 'False' : 'Unknown',
    status: nodeStatus(spec, status),
    roles: roles === '<none>' ? [] : roles.split(','),
    controlPlane: 'node-role.kubernetes.io/control-plane' in strMap(obj(o.metadata).labels),
    unschedulable: spec.unschedulable === true,
    taints: objs(spec.taints).map((t) => `${str(t.key)}${str(t.value) ? '=' + str(t.value) : ''}:${str(t.effect)}`),
    cpu: capacity.cpu ?? '',
    memory: capacity.memory ?? '',
  };
  const ip = objs(status.addresses).find((a) => str(a.type) === 'InternalIP');
  if (ip) v.internalIP = str(ip.address);
  return v;
}

export function podView(o: KObject, now: number): PodView {
  const spec = obj(o.spec);
  const status = obj(o.status);
  const s = summarizePod(o, now);
  const v: PodView = {
    ...base(o),
    kind: 'Pod',
    phase: str(status.phase),
    status: s.status,
    ready: s.ready,
    isReady: conditionStatus(o, 'Ready') === 'True',
    // RESTARTS reads `3 (2m ago)`: the count is its first word.
    restarts: parseInt(s.restarts, 10) || 0,
    deleting: str(obj(o.metadata).deletionTimestamp) !== '',
    images: images(spec),
  };
  if (str(spec.nodeName)) v.node = str(spec.nodeName);
  if (str(status.podIP)) v.ip = str(status.podIP);
  return v;
}

export function workloadView(o: KObject): WorkloadView {
  const spec = obj(o.spec);
  const status = obj(o.status);
  const kind = o.kind as WorkloadView['kind'];
  let desired: number;
  let ready: number;
  let template: J = obj(spec.template);
  let selector = strMap(obj(spec.selector).matchLabels);
  switch (kind) {
    case 'DaemonSet':
      desired = int(status.desiredNumberScheduled);
      ready = int(status.numberReady);
      break;
    case 'Job':
      desired = typeof spec.completions === 'number' ? spec.completions : 1;
      ready = int(status.succeeded);
      break;
    case 'CronJob': {
      const jobSpec = obj(obj(spec.jobTemplate).spec);
      template = obj(jobSpec.template);
      selector = strMap(obj(jobSpec.selector).matchLabels);
      desired = spec.suspend === true ? 0 : 1;
      ready = arr(status.active).length;
      break;
    }
    default:
      // Deployment, ReplicaSet, StatefulSet: spec.replicas defaults to 1.
      desired = typeof spec.replicas === 'number' ? spec.replicas : 1;
      ready = int(status.readyReplicas);
  }
  return { ...base(o), kind, desired, ready, selector, images: images(template.spec) };
}

export function serviceView(o: KObject, ctx: ViewContext): ServiceView {
  const spec = obj(o.spec);
  const type = str(spec.type) || 'ClusterIP';
  const v: ServiceView = { ...base(o), kind: 'Service', type, ports: servicePorts(spec.ports) };
  if (str(spec.clusterIP)) v.clusterIP = str(spec.clusterIP);
  if (spec.selector && typeof spec.selector === 'object') v.selector = strMap(spec.selector);
  const lb = optStr(objs(obj(obj(o.status).loadBalancer).ingress)[0]?.ip);
  if (type === 'LoadBalancer' && lb) v.externalAddress = lb;
  else if (type === 'NodePort' || type === 'LoadBalancer') {
    const nodePort = objs(spec.ports).map((p) => int(p.nodePort)).find((n) => n > 0);
    const ip = ctx.nodeIP();
    if (nodePort && ip) v.externalAddress = `${ip}:${nodePort}`;
  }
  return v;
}

export function ingressView(o: KObject): IngressView {
  const spec = obj(o.spec);
  const address = loadBalancerStatus(obj(o.status).loadBalancer, true);
  const rules: IngressView['rules'] = [];
  for (const r of objs(spec.rules)) {
    for (const p of objs(obj(r.http).paths)) {
      const svc = obj(obj(p.backend).service);
      const port = obj(svc.port);
      const rule: IngressView['rules'][number] = { path: str(p.path) || '/', service: str(svc.name), port: port.number !== undefined ? String(int(port.number)) : str(port.name) };
      if (str(r.host)) rule.host = str(r.host);
      rules.push(rule);
    }
  }
  const v: IngressView = { ...base(o), kind: 'Ingress', rules };
  if (str(spec.ingressClassName)) v.className = str(spec.ingressClassName);
  if (address) v.address = address;
  return v;
}

export function eventObjectView(o: KObject): EventView {
  const e = eventView(o);
  const inv = e.involvedObject;
  const involved = { kind: str(inv.kind), name: str(inv.name), ...(str(inv.namespace) ? { namespace: str(inv.namespace) } : {}) };
  const last = time(e.lastTimestamp) || time(e.eventTime) || time(obj(o.metadata).creationTimestamp);
  return {
    ...base(o),
    kind: 'Event',
    type: e.type,
    reason: e.reason,
    message: e.message,
    object: `${involved.kind.toLowerCase()}/${involved.name}`,
    involved,
    count: e.count || 1,
    last,
    source: eventSource(e),
  };
}

/** The view of any watched kind, or undefined for kinds the feed does not carry. */
export function viewOf(o: KObject, ctx: ViewContext): ObjectView | undefined {
  switch (o.kind) {
    case 'Node':
      return nodeView(o);
    case 'Pod':
      return podView(o, ctx.now);
    case 'Service':
      return serviceView(o, ctx);
    case 'Ingress':
      return ingressView(o);
    case 'Event':
      return eventObjectView(o);
    default:
      return (WORKLOAD_KINDS as readonly string[]).includes(o.kind) ? workloadView(o) : undefined;
  }
}
