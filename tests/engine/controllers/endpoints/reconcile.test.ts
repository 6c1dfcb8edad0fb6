// The Endpoints controller's pure parts: FindPort, RepackSubsets (facts from upstream's
// pkg/api/v1/endpoints util_test.go), computeSubsets (readiness, named ports, headless),
// endpointsToWrite (labels, annotations, no-op) and the trigger-time tracker.

import { describe, expect, it } from 'vitest';
import { findPort, shouldPodBeInEndpoints, type EndpointPodView, type ServiceView } from '../../../../src/engine/controllers/endpoints/pods';
import { computeSubsets, endpointsToWrite, repackSubsets, type EndpointSubset } from '../../../../src/engine/controllers/endpoints/reconcile';
import { TriggerTimeTracker } from '../../../../src/engine/controllers/endpoints/trigger-time';

function pod(name: string, ip: string, opts: { ready?: boolean; ports?: Array<{ name?: string; containerPort: number; protocol?: string }>; phase?: string; deleting?: boolean; readyAt?: string } = {}): EndpointPodView {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'ns', uid: `uid-${name}`, labels: { app: 'web' }, ...(opts.deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
    spec: { nodeName: 'node-1', containers: [{ name: 'c', ports: opts.ports ?? [] }] },
    status: {
      phase: opts.phase ?? 'Running',
      podIP: ip,
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', lastTransitionTime: opts.readyAt ?? '2025-01-01T00:00:10Z' }],
    },
  };
}

function svc(ports: ServiceView['spec'] extends infer S ? (S extends { ports?: infer P } ? P : never) : never, extra: Record<string, unknown> = {}, labels?: Record<string, string>): ServiceView {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'ns', uid: 'svc-uid', creationTimestamp: '2025-01-01T00:00:00Z', ...(labels ? { labels } : {}) },
    spec: { selector: { app: 'web' }, clusterIP: '10.96.0.5', ports, ...extra },
  };
}

const a = (ip: string, uid?: string) => ({ ip, ...(uid ? { targetRef: { kind: 'Pod', name: uid, uid } } : {}) });

describe('findPort', () => {
  const p = pod('p', '10.0.0.1', { ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] });
  const rows: { targetPort: number | string | undefined; port?: number; protocol?: string; want: number | undefined }[] = [
    { targetPort: 9376, want: 9376 },
    { targetPort: 'http', want: 8080 },
    { targetPort: 'dns', protocol: 'UDP', want: 53 },
    { targetPort: 'dns', protocol: 'TCP', want: undefined },
    { targetPort: 'missing', want: undefined },
    { targetPort: '8081', want: 8081 },
    { targetPort: undefined, port: 80, want: 80 },
  ];
  for (const r of rows) {
    it(`${String(r.targetPort)}/${r.protocol ?? 'TCP'} -> ${r.want}`, () => {
      expect(findPort(p, { port: r.port ?? 1, targetPort: r.targetPort, protocol: r.protocol ?? 'TCP' })).toBe(r.want);
    });
  }
  it('finds a named port on a sidecar (restartable init container)', () => {
    const q = pod('q', '10.0.0.2');
    q.spec!.initContainers = [{ name: 's', restartPolicy: 'Always', ports: [{ name: 'side', containerPort: 9000 }] }];
    expect(findPort(q, { port: 1, targetPort: 'side', protocol: 'TCP' })).toBe(9000);
    q.spec!.initContainers[0].restartPolicy = undefined;
    expect(findPort(q, { port: 1, targetPort: 'side', protocol: 'TCP' })).toBeUndefined();
  });
});

describe('shouldPodBeInEndpoints', () => {
  const rows: { name: string; p: EndpointPodView; includeTerminating: boolean; want: boolean }[] = [
    { name: 'running with IP', p: pod('a', '1.1.1.1'), includeTerminating: false, want: true },
    { name: 'no IP yet', p: pod('a', ''), includeTerminating: false, want: false },
    { name: 'succeeded', p: pod('a', '1.1.1.1', { phase: 'Succeeded' }), includeTerminating: true, want: false },
    { name: 'failed', p: pod('a', '1.1.1.1', { phase: 'Failed' }), includeTerminating: true, want: false },
    { name: 'terminating excluded', p: pod('a', '1.1.1.1', { deleting: true }), includeTerminating: false, want: false },
    { name: 'terminating included', p: pod('a', '1.1.1.1', { deleting: true }), includeTerminating: true, want: true },
  ];
  for (const r of rows) it(r.name, () => expect(shouldPodBeInEndpoints(r.p, r.includeTerminating)).toBe(r.want));
});

describe('repackSubsets', () => {
  const rows: { name: string; given: EndpointSubset[]; want: EndpointSubset[] }[] = [
    { name: 'empty everything', given: [{}], want: [] },
    { name: 'empty addresses', given: [{ ports: [{ port: 111 }] }], want: [] },
    { name: 'empty ports', given: [{ addresses: [a('1.2.3.4')] }], want: [{ addresses: [a('1.2.3.4')] }] },
    { name: 'one set, one ip, one port', given: [{ addresses: [a('1.2.3.4')], ports: [{ port: 111 }] }], want: [{ addresses: [a('1.2.3.4')], ports: [{ port: 111 }] }] },
    {
      name: 'one set, two ips, one port',
      given: [{ addresses: [a('1.2.3.4'), a('5.6.7.8')], ports: [{ port: 111 }] }],
      want: [{ addresses: [a('1.2.3.4'), a('5.6.7.8')], ports: [{ port: 111 }] }],
    },
    {
      name: 'one set, dup ips, one port',
      given: [{ addresses: [a('1.2.3.4'), a('1.2.3.4')], ports: [{ port: 111 }] }],
      want: [{ addresses: [a('1.2.3.4')], ports: [{ port: 111 }] }],
    },
    {
      name: 'one set, dup ips with target-refs, one port',
      given: [{ addresses: [a('1.2.3.4', 'uid-1'), a('1.2.3.4', 'uid-2')], ports: [{ port: 111 }] }],
      want: [{ addresses: [a('1.2.3.4', 'uid-1'), a('1.2.3.4', 'uid-2')], ports: [{ port: 111 }] }],
    },
    {
      name: 'two sets, same ip, two ports',
      given: [
        { addresses: [a('1.2.3.4')], ports: [{ port: 111 }] },
        { addresses: [a('1.2.3.4')], ports: [{ port: 222 }] },
      ],
      want: [{ addresses: [a('1.2.3.4')], ports: [{ port: 111 }, { port: 222 }] }],
    },
    {
      name: 'two sets, different ips, same port',
      given: [
        { addresses: [a('5.6.7.8')], ports: [{ port: 111 }] },
        { addresses: [a('1.2.3.4')], ports: [{ port: 111 }] },
      ],
      want: [{ addresses: [a('1.2.3.4'), a('5.6.7.8')], ports: [{ port: 111 }] }],
    },
    {
      name: 'two sets, one ip on both ports, another on one',
      given: [
        { addresses: [a('1.2.3.4'), a('5.6.7.8')], ports: [{ port: 111 }] },
        { addresses: [a('1.2.3.4')], ports: [{ port: 222 }] },
      ],
      want: [
        { addresses: [a('1.2.3.4'), a('5.6.7.8')], ports: [{ port: 111 }] },
        { addresses: [a('1.2.3.4')], ports: [{ port: 222 }] },
      ],
    },
    {
      name: 'not-ready wins over ready for the same port',
      given: [
        { addresses: [a('1.2.3.4')], ports: [{ port: 111 }] },
        { notReadyAddresses: [a('1.2.3.4')], ports: [{ port: 111 }] },
      ],
      want: [{ notReadyAddresses: [a('1.2.3.4')], ports: [{ port: 111 }] }],
    },
    {
      name: 'ready and not-ready addresses share a subset',
      given: [
        { addresses: [a('1.2.3.4')], ports: [{ port: 111 }] },
        { notReadyAddresses: [a('5.6.7.8')], ports: [{ port: 111 }] },
      ],
      want: [{ addresses: [a('1.2.3.4')], notReadyAddresses: [a('5.6.7.8')], ports: [{ port: 111 }] }],
    },
    {
      name: 'addresses sort as strings (10.x before 9.x)',
      given: [{ addresses: [a('9.0.0.1'), a('10.0.0.1')], ports: [{ port: 80 }] }],
      want: [{ addresses: [a('10.0.0.1'), a('9.0.0.1')], ports: [{ port: 80 }] }],
    },
  ];
  for (const r of rows) it(r.name, () => expect(repackSubsets(r.given)).toEqual(r.want));
});

describe('computeSubsets', () => {
  const addr = (name: string, ip: string) => ({ ip, nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'ns', name, uid: `uid-${name}` } });
  it('ready pods in addresses, unready in notReadyAddresses, named port resolved', () => {
    const pods = [pod('a', '10.0.0.1', { ports: [{ name: 'http', containerPort: 8080 }] }), pod('b', '10.0.0.2', { ready: false, ports: [{ name: 'http', containerPort: 8080 }] })];
    expect(computeSubsets(svc([{ port: 80, targetPort: 'http', protocol: 'TCP' }]), pods)).toEqual([
      { addresses: [addr('a', '10.0.0.1')], notReadyAddresses: [addr('b', '10.0.0.2')], ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
  });
  it('a pod without the named port is left out; port names are kept', () => {
    const pods = [pod('a', '10.0.0.1', { ports: [{ name: 'http', containerPort: 8080 }] }), pod('b', '10.0.0.2')];
    expect(computeSubsets(svc([{ name: 'web', port: 80, targetPort: 'http', protocol: 'TCP' }]), pods)).toEqual([
      { addresses: [addr('a', '10.0.0.1')], ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] },
    ]);
  });
  it('publishNotReadyAddresses lists unready and terminating pods as ready', () => {
    const pods = [pod('a', '10.0.0.1', { ready: false }), pod('b', '10.0.0.2', { deleting: true })];
    const s = computeSubsets(svc([{ port: 80, targetPort: 80, protocol: 'TCP' }], { publishNotReadyAddresses: true }), pods);
    expect(s).toEqual([{ addresses: [addr('a', '10.0.0.1'), addr('b', '10.0.0.2')], ports: [{ port: 80, protocol: 'TCP' }] }]);
  });
  it('terminating, terminal and IP-less pods are left out', () => {
    const pods = [pod('a', '10.0.0.1', { deleting: true }), pod('b', '10.0.0.2', { phase: 'Succeeded' }), pod('c', '')];
    expect(computeSubsets(svc([{ port: 80, targetPort: 80, protocol: 'TCP' }]), pods)).toEqual([]);
  });
  it('headless without ports lists addresses without ports; a ClusterIP Service without ports lists none', () => {
    const pods = [pod('a', '10.0.0.1')];
    expect(computeSubsets(svc([], { clusterIP: 'None' }), pods)).toEqual([{ addresses: [addr('a', '10.0.0.1')] }]);
    expect(computeSubsets(svc([]), pods)).toEqual([]);
  });
  it('hostname is set when the pod subdomain names the Service', () => {
    const p = pod('a', '10.0.0.1');
    p.spec!.hostname = 'h';
    p.spec!.subdomain = 'web';
    expect(computeSubsets(svc([{ port: 80, targetPort: 80, protocol: 'TCP' }]), [p])[0].addresses![0].hostname).toBe('h');
  });
});

describe('endpointsToWrite', () => {
  const s = svc([{ port: 80, targetPort: 80, protocol: 'TCP' }], {}, { app: 'web' });
  const subsets = computeSubsets(s, [pod('a', '10.0.0.1')]);
  it('creates with the Service labels and the trigger time', () => {
    const w = endpointsToWrite(s, undefined, subsets, Date.UTC(2025, 0, 1, 0, 0, 5));
    expect(w.op).toBe('create');
    if (w.op === 'none') return;
    expect(w.object.metadata).toEqual({ name: 'web', namespace: 'ns', labels: { app: 'web' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T00:00:05Z' } });
    expect(w.object.subsets).toEqual(subsets);
  });
  it('is a no-op when subsets and labels agree', () => {
    const cur = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'ns', labels: { app: 'web' }, resourceVersion: '5' }, subsets };
    expect(endpointsToWrite(s, cur, subsets, 1).op).toBe('none');
  });
  it('updates labels, drops the trigger annotation when there is no new trigger', () => {
    const cur = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'ns', labels: { old: 'x' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': 'x' }, resourceVersion: '5' }, subsets };
    const w = endpointsToWrite(s, cur, subsets, undefined);
    expect(w.op).toBe('update');
    if (w.op === 'none') return;
    expect(w.object.metadata.labels).toEqual({ app: 'web' });
    expect(w.object.metadata.annotations).toBeUndefined();
    expect(w.object.metadata.resourceVersion).toBe('5');
  });
  it('headless Services get the headless label; no subsets omits the field', () => {
    const h = svc([], { clusterIP: 'None' });
    const w = endpointsToWrite(h, undefined, [], undefined);
    if (w.op === 'none') throw new Error('expected a write');
    expect(w.object.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    expect('subsets' in w.object).toBe(false);
  });
  it('over 1000 addresses are truncated with the over-capacity annotation', () => {
    const pods = Array.from({ length: 1001 }, (_, i) => pod(`p${i}`, `10.1.${i >> 8}.${i & 255}`));
    const big = computeSubsets(s, pods);
    const w = endpointsToWrite(s, undefined, big, undefined);
    if (w.op === 'none') throw new Error('expected a write');
    expect(w.object.subsets![0].addresses!.length).toBe(1000);
    expect(w.object.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/over-capacity': 'truncated' });
  });
});

describe('TriggerTimeTracker', () => {
  const s = svc([]);
  const t = (sec: number) => Date.UTC(2025, 0, 1, 0, 0, sec);
  const rows: { name: string; steps: { pods: EndpointPodView[]; want: number | undefined }[] }[] = [
    { name: 'a new Service uses its creation time', steps: [{ pods: [pod('a', '1.1.1.1', { readyAt: '2025-01-01T00:00:30Z' })], want: t(0) }] },
    {
      name: 'unchanged pods give no trigger time',
      steps: [
        { pods: [pod('a', '1.1.1.1')], want: t(0) },
        { pods: [pod('a', '1.1.1.1')], want: undefined },
      ],
    },
    {
      name: 'the earliest changed transition wins',
      steps: [
        { pods: [pod('a', '1.1.1.1'), pod('b', '1.1.1.2')], want: t(0) },
        { pods: [pod('a', '1.1.1.1', { readyAt: '2025-01-01T00:00:40Z' }), pod('b', '1.1.1.2', { readyAt: '2025-01-01T00:00:30Z' })], want: t(30) },
      ],
    },
    {
      name: 'a new pod counts as changed',
      steps: [
        { pods: [], want: t(0) },
        { pods: [pod('c', '1.1.1.3', { readyAt: '2025-01-01T00:00:20Z' })], want: t(20) },
      ],
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const tr = new TriggerTimeTracker();
      for (const st of r.steps) expect(tr.compute('ns/web', s, st.pods)).toBe(st.want);
    });
  }
});
