import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/engine/api/types';
import { describeObject } from '../../../src/kubectl/describe';
import { equalIgnoreHash } from '../../../src/kubectl/describe/controller-pods';
import { fake } from './fake-client';
import { lines } from './helpers';

const now = Date.parse('2025-01-01T00:05:00Z');
const podSpec = { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] };

function deployment(): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'd-uid',
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels: { app: 'web' },
      annotations: { 'deployment.kubernetes.io/revision': '2', 'kubectl.kubernetes.io/last-applied-configuration': '{"x":1}\n' },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      template: { metadata: { labels: { app: 'web' } }, spec: podSpec },
    },
    status: {
      replicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
      ],
    },
  };
}

function rs(name: string, hash: string, created: string, image: string, replicas: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: created,
      labels: { app: 'web', 'pod-template-hash': hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true }],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: { metadata: { labels: { app: 'web', 'pod-template-hash': hash } }, spec: { containers: [{ ...podSpec.containers[0], image }] } },
    },
    status: { replicas },
  };
}

function event(name: string, reason: string, message: string, first: string, last: string, count: number, involved: Record<string, string>): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: involved,
    type: 'Normal',
    reason,
    message,
    source: { component: 'deployment-controller' },
    firstTimestamp: first,
    lastTimestamp: last,
    count,
  };
}

describe('describe deployment', () => {
  it('prints the steady state after a rollout (old ReplicaSet at 0 still listed)', async () => {
    const involved = { kind: 'Deployment', name: 'web', namespace: 'default', uid: 'd-uid' };
    const c = fake(
      ['apps', 'replicasets', rs('web-7d4b9c8f5', '7d4b9c8f5', '2025-01-01T00:00:00Z', 'nginx:1.26', 0)],
      ['apps', 'replicasets', rs('web-5d8f7c9b4', '5d8f7c9b4', '2025-01-01T00:02:00Z', 'nginx:1.27', 3)],
      ['', 'events', event('e2', 'ScalingReplicaSet', 'Scaled down replica set web-7d4b9c8f5 to 0 from 3', '2025-01-01T00:03:00Z', '2025-01-01T00:03:00Z', 1, involved)],
      ['', 'events', event('e1', 'ScalingReplicaSet', 'Scaled up replica set web-7d4b9c8f5 to 3', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 1, involved)],
      ['', 'events', event('e3', 'ScalingReplicaSet', 'Scaled up replica set web-5d8f7c9b4 to 3 from 1', '2025-01-01T00:02:00Z', '2025-01-01T00:02:30Z', 3, involved)],
      ['', 'events', event('other', 'X', 'not mine', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 1, { ...involved, uid: 'someone-else' })],
    );
    expect(await describeObject(deployment(), c, { now, showEvents: true })).toBe(
      lines(
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 2',
        'Selector:               app=web',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  web-7d4b9c8f5 (0/0 replicas created)',
        'NewReplicaSet:   web-5d8f7c9b4 (3/3 replicas created)',
        'Events:',
        '  Type    Reason             Age                 From                   Message',
        '  ----    ------             ----                ----                   -------',
        '  Normal  ScalingReplicaSet  5m                  deployment-controller  Scaled up replica set web-7d4b9c8f5 to 3',
        '  Normal  ScalingReplicaSet  2m30s (x3 over 3m)  deployment-controller  Scaled up replica set web-5d8f7c9b4 to 3 from 1',
        '  Normal  ScalingReplicaSet  2m                  deployment-controller  Scaled down replica set web-7d4b9c8f5 to 0 from 3',
      ),
    );
  });

  it('upstream TestDescribeDeployment: two mounted volumes, no strategy, no events', async () => {
    const labels = { 'k8s-app': 'bar' };
    const tmpl = {
      metadata: { name: 'bar', namespace: 'foo', labels },
      spec: {
        containers: [{ image: 'mytest-image:latest', volumeMounts: [{ name: 'vol-foo', mountPath: '/tmp/vol-foo' }, { name: 'vol-bar', mountPath: '/tmp/vol-bar' }] }],
        volumes: [{ name: 'vol-foo', emptyDir: {} }, { name: 'vol-bar', emptyDir: {} }],
      },
    };
    const d: KObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'bar', namespace: 'foo', labels, uid: '00000000-0000-0000-0000-000000000001', creationTimestamp: '2021-01-01T00:00:00Z' },
      spec: { replicas: 1, selector: { matchLabels: labels }, template: tmpl },
    };
    const r: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'bar-001', namespace: 'foo', labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'bar', controller: true, uid: '00000000-0000-0000-0000-000000000001' }] },
      spec: { replicas: 1, selector: { matchLabels: labels }, template: tmpl },
      status: { replicas: 1, readyReplicas: 1, availableReplicas: 1 },
    };
    const out = await describeObject(d, fake(['apps', 'replicasets', r]), { now, showEvents: false });
    for (const want of [
      'Name:               bar\nNamespace:          foo',
      'CreationTimestamp:  Fri, 01 Jan 2021 00:00:00 +0000',
      'Labels:             k8s-app=bar',
      'Selector:           k8s-app=bar',
      'Replicas:           1 desired | 0 updated | 0 total | 0 available | 0 unavailable',
      'Image:        mytest-image:latest',
      'Mounts:\n      /tmp/vol-bar from vol-bar (rw)\n      /tmp/vol-foo from vol-foo (rw)',
      'OldReplicaSets:    <none>',
      'NewReplicaSet:     bar-001 (1/1 replicas created)',
      'Volumes:\n   vol-foo:\n    Type:       EmptyDir (a temporary directory that shares a pod\'s lifetime)\n    Medium:     \n    SizeLimit:  <unset>',
    ]) {
      expect(out).toContain(want);
    }
    expect(out).not.toContain('Events:');
  });

  it('equalIgnoreHash ignores the hash label and absent-vs-empty fields', () => {
    const rows: Array<{ a: unknown; b: unknown; want: boolean }> = [
      { a: { metadata: { labels: { a: '1', 'pod-template-hash': 'x' } } }, b: { metadata: { labels: { a: '1' } } }, want: true },
      { a: { metadata: { labels: { 'pod-template-hash': 'x' } }, spec: { volumes: [] } }, b: { metadata: {} }, want: true },
      { a: { spec: { containers: [{ image: 'a' }] } }, b: { spec: { containers: [{ image: 'b' }] } }, want: false },
    ];
    for (const r of rows) expect(equalIgnoreHash(r.a, r.b)).toBe(r.want);
  });
});

describe('describe replicaset, statefulset, daemonset', () => {
  const pod = (name: string, phase: string, owner: string): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web', 'pod-template-hash': '5d8f7c9b4' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: owner, controller: true }] },
    status: { phase },
  });

  it('replicaset: controlled by, pods status counting only its own pods', async () => {
    const r = rs('web-5d8f7c9b4', '5d8f7c9b4', '2025-01-01T00:00:00Z', 'nginx:1.27', 3);
    const c = fake(
      ['', 'pods', pod('a', 'Running', 'uid-web-5d8f7c9b4')],
      ['', 'pods', pod('b', 'Pending', 'uid-web-5d8f7c9b4')],
      ['', 'pods', pod('c', 'Running', 'other')],
    );
    const out = await describeObject(r, c, { now, showEvents: true });
    expect(out).toBe(
      lines(
        'Name:           web-5d8f7c9b4',
        'Namespace:      default',
        'Selector:       app=web,pod-template-hash=5d8f7c9b4',
        'Labels:         app=web',
        '                pod-template-hash=5d8f7c9b4',
        'Annotations:    <none>',
        'Controlled By:  Deployment/web',
        'Replicas:       3 current / 3 desired',
        'Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=web',
        '           pod-template-hash=5d8f7c9b4',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:            <none>',
      ),
    );
  });

  it('statefulset: replicas line, update strategy partition, volume claims', async () => {
    const sts: KObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default', uid: 's1', creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'db' } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        template: { metadata: { labels: { app: 'db' } }, spec: podSpec },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
      status: { replicas: 2 },
    };
    const out = await describeObject(sts, fake(), { now, showEvents: false });
    expect(out).toContain('Replicas:           2 desired | 2 total\nUpdate Strategy:    RollingUpdate\n  Partition:        0\n');
    expect(out).toContain('Volume Claims:\n  Name:          data\n  StorageClass:  \n  Labels:        <none>\n  Annotations:   <none>\n  Capacity:      1Gi\n  Access Modes:  [ReadWriteOnce]\n');
  });

  it('daemonset: no Namespace line, scheduling counts', async () => {
    const ds: KObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'kube-system', uid: 'ds1' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: podSpec } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 },
    };
    const out = await describeObject(ds, fake(), { now, showEvents: false });
    expect(out.split('\n').slice(0, 10)).toEqual([
      'Name:           agent',
      'Selector:       app=agent',
      'Node-Selector:  <none>',
      'Labels:         <none>',
      'Annotations:    <none>',
      'Desired Number of Nodes Scheduled: 3',
      'Current Number of Nodes Scheduled: 3',
      'Number of Nodes Scheduled with Up-to-date Pods: 3',
      'Number of Nodes Scheduled with Available Pods: 2',
      'Number of Nodes Misscheduled: 0',
    ]);
  });
});
