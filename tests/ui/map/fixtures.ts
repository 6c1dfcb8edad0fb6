// Plain ObjectView builders for the UI's logic tests (the shapes the worker's change feed sends).
import type { EventView, IngressView, NodeView, PodView, ServiceView, WorkloadView } from '../../../src/worker/protocol';

let seq = 0;
const uid = (p: string): string => `${p}-${++seq}`;

export function node(name: string, o: Partial<NodeView> = {}): NodeView {
  return {
    kind: 'Node', uid: uid('node'), name, created: 0, labels: {}, ready: 'True', status: 'Ready', roles: [],
    controlPlane: false, unschedulable: false, taints: [], cpu: '2', memory: '4Gi', internalIP: '172.18.0.2', ...o,
  };
}

export function pod(name: string, o: Partial<PodView> = {}): PodView {
  return {
    kind: 'Pod', uid: uid('pod'), namespace: 'default', name, created: 0, labels: {}, phase: 'Running', status: 'Running',
    ready: '1/1', isReady: true, restarts: 0, deleting: false, images: ['nginx'], ...o,
  };
}

export function workload(kind: WorkloadView['kind'], name: string, o: Partial<WorkloadView> = {}): WorkloadView {
  return { kind, uid: uid(kind), namespace: 'default', name, created: 0, labels: {}, desired: 1, ready: 1, selector: {}, images: [], ...o };
}

export function service(name: string, o: Partial<ServiceView> = {}): ServiceView {
  return { kind: 'Service', uid: uid('svc'), namespace: 'default', name, created: 0, labels: {}, type: 'ClusterIP', ports: '80/TCP', ...o };
}

export function ingress(name: string, o: Partial<IngressView> = {}): IngressView {
  return { kind: 'Ingress', uid: uid('ing'), namespace: 'default', name, created: 0, labels: {}, rules: [], ...o };
}

export function event(name: string, o: Partial<EventView> = {}): EventView {
  return {
    kind: 'Event', uid: uid('ev'), namespace: 'default', name, created: 0, labels: {}, type: 'Normal', reason: 'Scheduled',
    message: '', object: 'pod/x', involved: { kind: 'Pod', namespace: 'default', name: 'x' }, count: 1, last: 0, source: 'default-scheduler', ...o,
  };
}

/** Owner link from a view. */
export function ownedBy(v: { kind: string; name: string; uid: string }): { kind: string; name: string; uid: string } {
  return { kind: v.kind, name: v.name, uid: v.uid };
}
