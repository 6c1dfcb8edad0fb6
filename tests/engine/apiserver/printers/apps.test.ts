// printDeployment / printReplicaSet / printStatefulSet / printDaemonSet / printControllerRevision rows,
// ported as facts from printers_test.go (TestPrintDeployment, TestPrintReplicaSet, TestPrintDaemonSet...).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from '../../../../src/engine/apiserver/printers/apps';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const created = (ms: number) => ({ creationTimestamp: new Date(NOW - ms).toISOString() });
const tmpl = {
  spec: {
    containers: [
      { name: 'fake-container1', image: 'fake-image1' },
      { name: 'fake-container2', image: 'fake-image2' },
    ],
  },
};
const k = (kind: string, metadata: Record<string, unknown>, rest: Record<string, unknown>): KObject => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'test1', ...metadata },
  ...rest,
});

describe('deploymentPrinter', () => {
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'TestPrintDeployment row',
      input: k('Deployment', created(10 * 365 * 86400_000), {
        spec: { replicas: 5, template: tmpl, selector: { matchLabels: { foo: 'bar' } } },
        status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
      }),
      want: ['test1', '0/5', 2, 1, '10y', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar'],
    },
    {
      name: 'ready replicas and a young age',
      input: k('Deployment', created(90_000), {
        spec: { replicas: 3, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } }, selector: { matchLabels: { app: 'web' } } },
        status: { readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 },
      }),
      want: ['test1', '3/3', 3, 3, '90s', 'nginx', 'nginx:1.27', 'app=web'],
    },
    {
      name: 'expressions are sorted by key; empty selector prints empty',
      input: k('Deployment', {}, {
        spec: {
          replicas: 0,
          selector: { matchLabels: { z: '1' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x'] }, { key: 'm', operator: 'DoesNotExist' }] },
        },
      }),
      want: ['test1', '0/0', 0, 0, '<unknown>', '', '', 'a in (x,y),!m,z=1'],
    },
    {
      name: 'empty selector is an empty string, missing replicas reads 1',
      input: k('Deployment', {}, { spec: { selector: {} } }),
      want: ['test1', '0/1', 0, 0, '<unknown>', '', '', ''],
    },
    {
      name: 'invalid selector',
      input: k('Deployment', {}, { spec: { replicas: 1, selector: { matchExpressions: [{ key: 'a', operator: 'In' }] } } }),
      want: ['test1', '0/1', 0, 0, '<unknown>', '', '', '<invalid>'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(deploymentPrinter.cells(input, NOW)).toEqual(want));
  it('has the upstream headers', () => {
    expect(deploymentPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Ready:0', 'Up-to-date:0', 'Available:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1',
    ]);
  });
});

describe('replicaSetPrinter', () => {
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'TestPrintReplicaSet row',
      input: k('ReplicaSet', created(10 * 365 * 86400_000), {
        spec: { replicas: 5, template: tmpl, selector: { matchLabels: { foo: 'bar' } } },
        status: { replicas: 5, readyReplicas: 2 },
      }),
      want: ['test1', 5, 5, 2, '10y', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar'],
    },
    {
      name: 'selector with pod-template-hash, sorted',
      input: k('ReplicaSet', created(5 * 60_000), {
        spec: { replicas: 2, selector: { matchLabels: { 'pod-template-hash': '5d8f7c9b4', app: 'web' } } },
        status: { replicas: 2, readyReplicas: 2 },
      }),
      want: ['test1', 2, 2, 2, '5m', '', '', 'app=web,pod-template-hash=5d8f7c9b4'],
    },
    {
      name: 'empty selector is <none>',
      input: k('ReplicaSet', {}, { spec: { replicas: 0, selector: {} } }),
      want: ['test1', 0, 0, 0, '<unknown>', '', '', '<none>'],
    },
    {
      name: 'invalid selector is <error>',
      input: k('ReplicaSet', {}, { spec: { replicas: 0, selector: { matchExpressions: [{ key: 'a', operator: 'Bogus' }] } } }),
      want: ['test1', 0, 0, 0, '<unknown>', '', '', '<error>'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(replicaSetPrinter.cells(input, NOW)).toEqual(want));
});

describe('statefulSetPrinter', () => {
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'TestPrintStatefulSet row',
      input: k('StatefulSet', created(10 * 365 * 86400_000), { spec: { replicas: 5, template: tmpl }, status: { replicas: 5, readyReplicas: 2 } }),
      want: ['test1', '2/5', '10y', 'fake-container1,fake-container2', 'fake-image1,fake-image2'],
    },
    {
      name: 'not ready',
      input: k('StatefulSet', {}, { spec: { replicas: 3 } }),
      want: ['test1', '0/3', '<unknown>', '', ''],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(statefulSetPrinter.cells(input, NOW)).toEqual(want));
});

describe('daemonSetPrinter', () => {
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'TestPrintDaemonSet row',
      input: k('DaemonSet', created(10 * 365 * 86400_000), {
        spec: { template: tmpl, selector: { matchLabels: { foo: 'bar' } } },
        status: { currentNumberScheduled: 2, desiredNumberScheduled: 3, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 0 },
      }),
      want: ['test1', 3, 2, 1, 2, 0, '<none>', '10y', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar'],
    },
    {
      name: 'node selector sorted',
      input: k('DaemonSet', {}, {
        spec: { template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux', disk: 'ssd' }, containers: [] } } },
      }),
      want: ['test1', 0, 0, 0, 0, 0, 'disk=ssd,kubernetes.io/os=linux', '<unknown>', '', '', '<none>'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(daemonSetPrinter.cells(input, NOW)).toEqual(want));
});

describe('controllerRevisionPrinter', () => {
  const owner = (o: Record<string, unknown>) => ({ ownerReferences: [o] });
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'DaemonSet controller',
      input: k('ControllerRevision', { ...created(10 * 365 * 86400_000), ...owner({ controller: true, apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo' }) }, { revision: 1 }),
      want: ['test1', 'daemonset.apps/foo', 1, '10y'],
    },
    {
      name: 'non-controller owner',
      input: k('ControllerRevision', owner({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'foo' }), { revision: 2 }),
      want: ['test1', '<none>', 2, '<unknown>'],
    },
    {
      name: 'no owner',
      input: k('ControllerRevision', {}, { revision: 3 }),
      want: ['test1', '<none>', 3, '<unknown>'],
    },
    {
      name: 'core group controller',
      input: k('ControllerRevision', owner({ controller: true, apiVersion: 'v1', kind: 'Pod', name: 'p' }), { revision: 4 }),
      want: ['test1', 'pod/p', 4, '<unknown>'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(controllerRevisionPrinter.cells(input, NOW)).toEqual(want));
});
