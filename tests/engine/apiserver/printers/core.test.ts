// printNamespace / printSecret / printConfigMap / printServiceAccount / printResourceQuota rows
// (facts from printers.go and printers_test.go TestPrintResourceQuota).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import {
  configMapPrinter,
  namespacePrinter,
  quotaColumns,
  resourceQuotaPrinter,
  secretPrinter,
  serviceAccountPrinter,
} from '../../../../src/engine/apiserver/printers/core';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const o = (kind: string, name: string, rest: Record<string, unknown> = {}, age?: number): KObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, ...(age !== undefined ? { creationTimestamp: new Date(NOW - age).toISOString() } : {}) },
  ...rest,
});

describe('simple core kinds', () => {
  const rows: { name: string; got: () => unknown[]; want: unknown[] }[] = [
    { name: 'namespace Active', got: () => namespacePrinter.cells(o('Namespace', 'default', { status: { phase: 'Active' } }, 3 * 86400_000), NOW), want: ['default', 'Active', '3d'] },
    { name: 'namespace Terminating', got: () => namespacePrinter.cells(o('Namespace', 'dev', { status: { phase: 'Terminating' } }), NOW), want: ['dev', 'Terminating', '<unknown>'] },
    { name: 'namespace without status', got: () => namespacePrinter.cells(o('Namespace', 'x'), NOW), want: ['x', '', '<unknown>'] },
    { name: 'opaque secret', got: () => secretPrinter.cells(o('Secret', 's', { type: 'Opaque', data: { a: 'YQ==', b: 'Yg==' } }, 10_000), NOW), want: ['s', 'Opaque', 2, '10s'] },
    { name: 'tls secret', got: () => secretPrinter.cells(o('Secret', 'tls', { type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } }), NOW), want: ['tls', 'kubernetes.io/tls', 2, '<unknown>'] },
    { name: 'empty secret', got: () => secretPrinter.cells(o('Secret', 'e', { type: 'Opaque' }), NOW), want: ['e', 'Opaque', 0, '<unknown>'] },
    { name: 'configmap counts data and binaryData', got: () => configMapPrinter.cells(o('ConfigMap', 'cm', { data: { a: '1' }, binaryData: { b: 'AA==' } }), NOW), want: ['cm', 2, '<unknown>'] },
    { name: 'kube-root-ca.crt', got: () => configMapPrinter.cells(o('ConfigMap', 'kube-root-ca.crt', { data: { 'ca.crt': 'x' } }, 600_000), NOW), want: ['kube-root-ca.crt', 1, '10m'] },
    { name: 'empty configmap', got: () => configMapPrinter.cells(o('ConfigMap', 'e'), NOW), want: ['e', 0, '<unknown>'] },
    { name: 'default service account', got: () => serviceAccountPrinter.cells(o('ServiceAccount', 'default', {}, 60_000), NOW), want: ['default', 0, '60s'] },
    { name: 'service account with secrets', got: () => serviceAccountPrinter.cells(o('ServiceAccount', 'sa', { secrets: [{ name: 'a' }, { name: 'b' }] }), NOW), want: ['sa', 2, '<unknown>'] },
  ];
  it.each(rows)('$name', ({ got, want }) => expect(got()).toEqual(want));

  it('serviceaccounts show NAME SECRETS AGE', () => {
    expect(serviceAccountPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Secrets', 'Age']);
  });
});

describe('resource quota', () => {
  const rows: { name: string; input: Record<string, unknown>; want: [string, string] }[] = [
    {
      name: 'TestPrintResourceQuota row',
      input: {
        used: { cpu: '1', 'limits.cpu': '2', 'limits.memory': '1Gi', pods: '1', services: '1', secrets: '0', configmaps: '0', 'requests.cpu': '1' },
        hard: { cpu: '100', 'limits.cpu': '200', 'limits.memory': '2Gi', pods: '10', services: '10', secrets: '10', configmaps: '10', 'requests.cpu': '10' },
      },
      want: [
        'configmaps: 0/10, cpu: 1/100, pods: 1/10, requests.cpu: 1/10, secrets: 0/10, services: 1/10',
        'limits.cpu: 2/200, limits.memory: 1Gi/2Gi',
      ],
    },
    { name: 'missing used is 0', input: { hard: { pods: '5' } }, want: ['pods: 0/5', ''] },
    { name: 'no status', input: {}, want: ['', ''] },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(quotaColumns(input)).toEqual(want));

  it('row', () => {
    expect(resourceQuotaPrinter.cells(o('ResourceQuota', 'q', { status: { hard: { pods: '2' }, used: { pods: '1' } } }), NOW)).toEqual(['q', 'pods: 1/2', '', '<unknown>']);
  });
});
