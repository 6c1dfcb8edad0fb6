// reconcileSlices: the EndpointSlice controller's plan (facts from upstream's reconciler_test.go:
// slice size limit, placeholder, reuse of slice names, port sets, conditions, labels).

import { describe, expect, it } from 'vitest';
import type { EndpointPodView, ServiceView } from '../../../../src/engine/controllers/endpoints/pods';
import { endpointPorts, podToEndpoint, reconcileSlices, sliceLabels, type EndpointSliceView } from '../../../../src/engine/controllers/endpointslice/reconcile';

function pod(i: number, opts: { ready?: boolean; deleting?: boolean; named?: boolean } = {}): EndpointPodView {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${String(i).padStart(4, '0')}`, namespace: 'ns', uid: `uid-${i}`, labels: { app: 'web' }, ...(opts.deleting ? { deletionTimestamp: 'x' } : {}) },
    spec: { nodeName: 'node-1', containers: [{ name: 'c', ports: opts.named === false ? [] : [{ name: 'http', containerPort: 8080 }] }] },
    status: { phase: 'Running', podIP: `10.0.${i >> 8}.${i & 255}`, conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  };
}

const SVC: ServiceView = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'ns', uid: 'svc-uid', labels: { team: 'a' } },
  spec: { selector: { app: 'web' }, clusterIP: '10.96.0.9', ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] },
};

/** Applies a plan the way the apiserver would (names for creates), for multi-step rows. */
function apply(existing: EndpointSliceView[], plan: ReturnType<typeof reconcileSlices>): EndpointSliceView[] {
  let n = existing.length;
  const byName = new Map(existing.map((s) => [s.metadata.name!, s]));
  for (const d of plan.deletes) byName.delete(d.metadata.name!);
  for (const u of plan.updates) byName.set(u.metadata.name!, u);
  for (const c of plan.creates) {
    const name = `web-${n++}`;
    byName.set(name, { ...c, metadata: { ...c.metadata, name } });
  }
  return [...byName.values()];
}

const sizes = (slices: EndpointSliceView[]) => slices.map((s) => s.endpoints?.length ?? 0).sort((a, b) => b - a);

describe('reconcileSlices', () => {
  const rows: { name: string; pods: number; max?: number; want: number[] }[] = [
    { name: 'no pods: one placeholder', pods: 0, want: [0] },
    { name: '1 pod', pods: 1, want: [1] },
    { name: '100 pods fill one slice', pods: 100, want: [100] },
    { name: '101 pods need two', pods: 101, want: [100, 1] },
    { name: '250 pods: 100, 100, 50', pods: 250, want: [100, 100, 50] },
    { name: 'max 10, 25 pods', pods: 25, max: 10, want: [10, 10, 5] },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const pods = Array.from({ length: r.pods }, (_, i) => pod(i));
      const plan = reconcileSlices(SVC, pods, [], { maxEndpointsPerSlice: r.max });
      expect(plan.updates).toEqual([]);
      expect(plan.deletes).toEqual([]);
      expect(sizes(plan.creates)).toEqual(r.want);
    });
  }

  it('new slices: generateName, labels, owner, ports with empty name', () => {
    const [s] = reconcileSlices(SVC, [pod(1)], [], { triggerTime: Date.UTC(2025, 0, 1) }).creates;
    expect(s.metadata).toEqual({
      generateName: 'web-',
      namespace: 'ns',
      labels: { team: 'a', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'svc-uid', controller: true, blockOwnerDeletion: true }],
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T00:00:00Z' },
    });
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: '', protocol: 'TCP', port: 8080 }]);
  });

  it('a placeholder has null endpoints and ports', () => {
    const [s] = reconcileSlices(SVC, [], []).creates;
    expect(s.endpoints).toBeNull();
    expect(s.ports).toBeNull();
  });

  it('nothing changes: no writes', () => {
    const pods = Array.from({ length: 150 }, (_, i) => pod(i));
    const slices = apply([], reconcileSlices(SVC, pods, []));
    expect(reconcileSlices(SVC, pods, slices)).toEqual({ creates: [], updates: [], deletes: [] });
  });

  it('one pod turning unready updates only its slice', () => {
    const pods = Array.from({ length: 150 }, (_, i) => pod(i));
    const slices = apply([], reconcileSlices(SVC, pods, []));
    pods[120] = pod(120, { ready: false });
    const plan = reconcileSlices(SVC, pods, slices);
    expect(plan.creates).toEqual([]);
    expect(plan.deletes).toEqual([]);
    expect(plan.updates.length).toBe(1);
    const ep = plan.updates[0].endpoints!.find((e) => e.targetRef?.name === 'p0120')!;
    expect(ep.conditions).toEqual({ ready: false, serving: false, terminating: false });
  });

  it('removing every pod turns the last slice into the placeholder (same name)', () => {
    const slices = apply([], reconcileSlices(SVC, [pod(1)], []));
    const plan = reconcileSlices(SVC, [], slices);
    expect(plan.creates).toEqual([]);
    expect(plan.deletes).toEqual([]);
    expect(plan.updates.map((s) => [s.metadata.name, s.endpoints, s.ports])).toEqual([['web-0', null, null]]);
  });

  it('the placeholder stays when there is still nothing', () => {
    const slices = apply([], reconcileSlices(SVC, [], []));
    expect(reconcileSlices(SVC, [], slices)).toEqual({ creates: [], updates: [], deletes: [] });
  });

  it('a targetPort change keeps the slice name (create + delete become an update)', () => {
    const slices = apply([], reconcileSlices(SVC, [pod(1)], []));
    const changed: ServiceView = { ...SVC, spec: { ...SVC.spec, ports: [{ port: 80, targetPort: 9090, protocol: 'TCP' }] } };
    const plan = reconcileSlices(changed, [pod(1)], slices);
    expect(plan.creates).toEqual([]);
    expect(plan.deletes).toEqual([]);
    expect(plan.updates.map((s) => [s.metadata.name, s.ports])).toEqual([['web-0', [{ name: '', protocol: 'TCP', port: 9090 }]]]);
  });

  it('pods whose named port does not resolve go to a slice without ports', () => {
    const plan = reconcileSlices(SVC, [pod(1), pod(2, { named: false })], []);
    expect(plan.creates.map((s) => [s.ports, s.endpoints!.length])).toEqual([
      [[{ name: '', protocol: 'TCP', port: 8080 }], 1],
      [null, 1],
    ]);
  });

  it('slices owned by another Service uid are deleted', () => {
    const slices = apply([], reconcileSlices(SVC, [pod(1)], []));
    const other: ServiceView = { ...SVC, metadata: { ...SVC.metadata, uid: 'new-uid' } };
    const plan = reconcileSlices(other, [pod(1)], slices);
    expect(plan.deletes.map((s) => s.metadata.name)).toEqual(['web-0']);
    expect(plan.creates.length).toBe(1);
  });

  it('leftover endpoints go into an unchanged slice with room before a new one is made', () => {
    const pods = Array.from({ length: 150 }, (_, i) => pod(i));
    const slices = apply([], reconcileSlices(SVC, pods, []));
    const plan = reconcileSlices(SVC, [...pods, pod(500), pod(501)], slices);
    expect(plan.creates).toEqual([]);
    expect(plan.updates.length).toBe(1);
    expect(plan.updates[0].endpoints!.length).toBe(52);
  });
});

describe('podToEndpoint conditions', () => {
  const rows: { name: string; p: EndpointPodView; publish?: boolean; want: { ready: boolean; serving: boolean; terminating: boolean } }[] = [
    { name: 'ready', p: pod(1), want: { ready: true, serving: true, terminating: false } },
    { name: 'not ready', p: pod(1, { ready: false }), want: { ready: false, serving: false, terminating: false } },
    { name: 'terminating but serving', p: pod(1, { deleting: true }), want: { ready: false, serving: true, terminating: true } },
    { name: 'terminating, not serving', p: pod(1, { deleting: true, ready: false }), want: { ready: false, serving: false, terminating: true } },
    { name: 'publishNotReadyAddresses', p: pod(1, { ready: false }), publish: true, want: { ready: true, serving: false, terminating: false } },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const s: ServiceView = { ...SVC, spec: { ...SVC.spec, publishNotReadyAddresses: r.publish } };
      expect(podToEndpoint(r.p, s).conditions).toEqual(r.want);
    });
  }
  it('endpoint shape: addresses, targetRef, nodeName', () => {
    expect(podToEndpoint(pod(3), SVC)).toEqual({
      addresses: ['10.0.0.3'],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'ns', name: 'p0003', uid: 'uid-3' },
      nodeName: 'node-1',
    });
  });
});

describe('labels and ports', () => {
  it('reserved Service labels are not copied; headless adds its label', () => {
    const s: ServiceView = {
      ...SVC,
      metadata: { ...SVC.metadata, labels: { a: '1', 'kubernetes.io/service-name': 'x', 'endpointslice.kubernetes.io/managed-by': 'y' } },
      spec: { ...SVC.spec, clusterIP: 'None' },
    };
    expect(sliceLabels(s)).toEqual({
      a: '1',
      'service.kubernetes.io/headless': '',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
  });
  it('headless without ports has no ports; several ports keep the Service order', () => {
    expect(endpointPorts({ ...SVC, spec: { ...SVC.spec, clusterIP: 'None', ports: [] } }, pod(1))).toEqual([]);
    const multi: ServiceView = { ...SVC, spec: { ...SVC.spec, ports: [{ name: 'b', port: 443, targetPort: 8443, protocol: 'TCP' }, { name: 'a', port: 80, targetPort: 'http', protocol: 'TCP' }] } };
    expect(endpointPorts(multi, pod(1))).toEqual([
      { name: 'b', protocol: 'TCP', port: 8443 },
      { name: 'a', protocol: 'TCP', port: 8080 },
    ]);
  });
});
