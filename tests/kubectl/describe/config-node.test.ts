import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/engine/api/types';
import { describeObject } from '../../../src/kubectl/describe';
import { fake } from './fake-client';
import { lines } from './helpers';

const now = Date.parse('2025-01-01T01:00:00Z');
const meta = (name: string, ns = 'default') => ({ name, namespace: ns, uid: `uid-${name}` });

describe('describe secret and configmap', () => {
  it('secret: sizes of decoded values (describe_test.go TestDescribeSecret shape)', async () => {
    const s: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta('bar', 'foo'), type: 'Opaque', data: { username: 'YWRtaW4=', password: 'czNjcjN0IQ==' } };
    expect(await describeObject(s, fake(), { now, showEvents: true })).toBe(
      lines('Name:         bar', 'Namespace:    foo', 'Labels:       <none>', 'Annotations:  <none>', '', 'Type:  Opaque', '', 'Data', '====', 'password:  7 bytes', 'username:  5 bytes'),
    );
  });

  it('service-account token secrets show the token', async () => {
    const s: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta('t'), type: 'kubernetes.io/service-account-token', data: { token: 'YWJj', 'ca.crt': 'eA==' } };
    const out = await describeObject(s, fake(), { now, showEvents: false });
    expect(out).toContain('\nData\n====\nca.crt:  1 bytes\ntoken:   abc\n');
  });

  it('configmap: data, binary data and events', async () => {
    const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('mycm', 'foo'), data: { key1: 'value1', key2: 'line1\nline2' }, binaryData: { bin: 'AAEC' } };
    expect(await describeObject(cm, fake(), { now, showEvents: true })).toBe(
      lines(
        'Name:         mycm',
        'Namespace:    foo',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'key1:',
        '----',
        'value1',
        '',
        'key2:',
        '----',
        'line1',
        'line2',
        '',
        '',
        'BinaryData',
        '====',
        'bin: 3 bytes',
        '',
        'Events:  <none>',
      ),
    );
  });
});

describe('describe node', () => {
  const node: KObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'node-1',
      uid: 'n-uid',
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels: { 'kubernetes.io/hostname': 'node-1', 'node-role.kubernetes.io/control-plane': '' },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'], taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
    status: {
      capacity: { cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '10Gi' },
      allocatable: { cpu: '2', memory: '4Gi', pods: '110', 'ephemeral-storage': '10Gi' },
      conditions: [
        { type: 'Ready', status: 'True', lastHeartbeatTime: '2025-01-01T00:59:00Z', lastTransitionTime: '2025-01-01T00:00:10Z', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: 'node-1' }],
      nodeInfo: { machineID: 'm', systemUUID: 's', bootID: 'b', kernelVersion: '6.1.0', osImage: 'Debian GNU/Linux 12 (bookworm)', operatingSystem: 'linux', architecture: 'amd64', containerRuntimeVersion: 'containerd://1.7.18', kubeletVersion: 'v1.32.4', kubeProxyVersion: 'v1.32.4' },
    },
  };
  const pod = (name: string, cpu: string, mem: string, phase = 'Running'): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { nodeName: 'node-1', containers: [{ name: 'c', resources: { requests: { cpu, memory: mem }, limits: { memory: mem } } }] },
    status: { phase },
  });
  const lease: KObject = {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'node-1', namespace: 'kube-node-lease' },
    spec: { holderIdentity: 'node-1', renewTime: '2025-01-01T00:59:58.000000Z' },
  };

  it('prints roles, taints, lease, resources and the pods table', async () => {
    const c = fake(['', 'pods', pod('etcd-node-1', '100m', '100Mi')], ['', 'pods', pod('kube-apiserver-node-1', '250m', '0')], ['', 'pods', pod('done', '1', '1Gi', 'Succeeded')], ['coordination.k8s.io', 'leases', lease]);
    expect(await describeObject(node, c, { now, showEvents: true })).toBe(
      lines(
        'Name:               node-1',
        'Roles:              control-plane',
        'Labels:             kubernetes.io/hostname=node-1',
        '                    node-role.kubernetes.io/control-plane=',
        'Annotations:        node.alpha.kubernetes.io/ttl: 0',
        'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000',
        'Taints:             node-role.kubernetes.io/control-plane:NoSchedule',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  node-1',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Wed, 01 Jan 2025 00:59:58 +0000',
        'Conditions:',
        '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------  -----------------                 ------------------                ------         -------',
        '  Ready   True    Wed, 01 Jan 2025 00:59:00 +0000   Wed, 01 Jan 2025 00:00:10 +0000   KubeletReady   kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.2',
        '  Hostname:    node-1',
        'Capacity:',
        '  cpu:                2',
        '  ephemeral-storage:  10Gi',
        '  memory:             4Gi',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                2',
        '  ephemeral-storage:  10Gi',
        '  memory:             4Gi',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 m',
        '  System UUID:                s',
        '  Boot ID:                    b',
        '  Kernel Version:             6.1.0',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://1.7.18',
        '  Kubelet Version:            v1.32.4',
        '  Kube-Proxy Version:         v1.32.4',
        'PodCIDR:                      10.244.0.0/24',
        'PodCIDRs:                     10.244.0.0/24',
        'Non-terminated Pods:          (2 in total)',
        '  Namespace                   Name                     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----                     ------------  ----------  ---------------  -------------  ---',
        '  kube-system                 etcd-node-1              100m (5%)     0 (0%)      100Mi (2%)       100Mi (2%)     60m',
        '  kube-system                 kube-apiserver-node-1    250m (12%)    0 (0%)      0 (0%)           0 (0%)         60m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                350m (17%)  0 (0%)',
        '  memory             100Mi (2%)  100Mi (2%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        'Events:              <none>',
      ),
    );
    const evCalls = c.calls.filter((x) => x.plural === 'events').map((x) => x.fieldSelector);
    expect(evCalls).toEqual([
      'involvedObject.name=node-1,involvedObject.namespace=,involvedObject.kind=Node,involvedObject.uid=n-uid',
      'involvedObject.name=node-1,involvedObject.namespace=,involvedObject.kind=Node,involvedObject.uid=node-1',
    ]);
  });

  it('reports a missing lease and no roles', async () => {
    const n = { ...node, metadata: { ...node.metadata, labels: {} } } as KObject;
    const out = await describeObject(n, fake(), { now, showEvents: false });
    expect(out).toContain('Roles:              <none>\n');
    expect(out).toContain('Lease:              Failed to get lease: leases.coordination.k8s.io "node-1" not found\n');
  });
});

describe('describe namespace', () => {
  it('prints quotas and limit ranges of the namespace', async () => {
    const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, status: { phase: 'Active' } };
    const q: KObject = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta('q', 'dev'), status: { hard: { pods: '10', 'requests.cpu': '2' }, used: { pods: '1', 'requests.cpu': '500m' } } };
    const lr: KObject = { apiVersion: 'v1', kind: 'LimitRange', metadata: meta('lr', 'dev'), spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' } }] } };
    expect(await describeObject(ns, fake(['', 'resourcequotas', q], ['', 'limitranges', lr]), { now, showEvents: true })).toBe(
      lines(
        'Name:         dev',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'Resource Quotas',
        '  Name:         q',
        '  Resource      Used  Hard',
        '  --------      ---   ---',
        '  pods          1     10',
        '  requests.cpu  500m  2',
        '',
        'Resource Limits',
        ' Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
        ' ----       --------  ---  ---  ---------------  -------------  -----------------------',
        ' Container  cpu       -    -    100m             500m           -',
      ),
    );
  });

  it('prints "No resource quota." and "No LimitRange resource." when there are none', async () => {
    const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' }, status: { phase: 'Active' } };
    expect(await describeObject(ns, fake(), { now, showEvents: true })).toBe(
      lines('Name:         default', 'Labels:       <none>', 'Annotations:  <none>', 'Status:       Active', '', 'No resource quota.', '', 'No LimitRange resource.'),
    );
  });
});
