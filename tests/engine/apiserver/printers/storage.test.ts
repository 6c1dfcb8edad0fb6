// printPersistentVolume / printPersistentVolumeClaim / printStorageClass rows (facts from
// printers_test.go TestPrintPersistentVolume, TestPrintPersistentVolumeClaim, TestPrintStorageClass).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import {
  accessModes,
  persistentVolumeClaimPrinter,
  persistentVolumePrinter,
  storageClassPrinter,
} from '../../../../src/engine/apiserver/printers/storage';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const o = (kind: string, name: string, rest: Record<string, unknown>, meta: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, ...meta },
  ...rest,
});

describe('accessModes', () => {
  const rows: { input: unknown; want: string }[] = [
    { input: [], want: '' },
    { input: ['ReadWriteOnce'], want: 'RWO' },
    { input: ['ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOnce', 'ReadWriteOnce'], want: 'RWO,ROX,RWX' },
    { input: ['ReadWriteOncePod'], want: 'RWOP' },
  ];
  it.each(rows)('$want', ({ input, want }) => expect(accessModes(input)).toBe(want));
});

describe('persistentVolumePrinter', () => {
  const claimRef = { namespace: 'default', name: 'test' };
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'bound volume',
      input: o('PersistentVolume', 'test1', { spec: { claimRef, accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' }, persistentVolumeReclaimPolicy: 'Retain' }, status: { phase: 'Bound' } }),
      want: ['test1', '4Gi', 'ROX', 'Retain', 'Bound', 'default/test', '', '<unset>', '', '<unknown>', '<unset>'],
    },
    {
      name: 'failed volume with reason and class',
      input: o('PersistentVolume', 'test2', { spec: { claimRef, accessModes: ['ReadOnlyMany'], capacity: { storage: '5Gi' }, storageClassName: 'fast', volumeMode: 'Filesystem', volumeAttributesClassName: 'gold' }, status: { phase: 'Failed', reason: 'Recycler failed' } }),
      want: ['test2', '5Gi', 'ROX', '', 'Failed', 'default/test', 'fast', 'gold', 'Recycler failed', '<unknown>', 'Filesystem'],
    },
    {
      name: 'terminating, unclaimed, beta class annotation wins',
      input: o('PersistentVolume', 'test3', { spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, storageClassName: 'fast' }, status: { phase: 'Available' } }, { deletionTimestamp: '2026-01-09T00:00:00Z', annotations: { 'volume.beta.kubernetes.io/storage-class': 'old' } }),
      want: ['test3', '1Gi', 'RWO', '', 'Terminating', '', 'old', '<unset>', '', '<unknown>', '<unset>'],
    },
    {
      name: 'no capacity',
      input: o('PersistentVolume', 'test4', { spec: {} }),
      want: ['test4', '0', '', '', '', '', '', '<unset>', '', '<unknown>', '<unset>'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(persistentVolumePrinter.cells(input, NOW)).toEqual(want));
});

describe('persistentVolumeClaimPrinter', () => {
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'bound claim',
      input: o('PersistentVolumeClaim', 'test1', { spec: { volumeName: 'my-volume', storageClassName: 'standard' }, status: { phase: 'Bound', accessModes: ['ReadOnlyMany'], capacity: { storage: '4Gi' } } }),
      want: ['test1', 'Bound', 'my-volume', '4Gi', 'ROX', 'standard', '<unset>', '<unknown>', '<unset>'],
    },
    {
      name: 'pending claim shows no capacity or modes',
      input: o('PersistentVolumeClaim', 'test2', { spec: { resources: { requests: { storage: '1Gi' } }, accessModes: ['ReadWriteOnce'], volumeMode: 'Block' }, status: { phase: 'Pending', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } } }),
      want: ['test2', 'Pending', '', '', '', '', '<unset>', '<unknown>', 'Block'],
    },
    {
      name: 'terminating claim',
      input: o('PersistentVolumeClaim', 'test3', { spec: { volumeName: 'v', volumeAttributesClassName: 'vac' }, status: { phase: 'Bound', accessModes: ['ReadWriteMany', 'ReadWriteOnce'], capacity: { storage: '10Gi' } } }, { deletionTimestamp: '2026-01-09T00:00:00Z' }),
      want: ['test3', 'Terminating', 'v', '10Gi', 'RWO,RWX', '', 'vac', '<unknown>', '<unset>'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(persistentVolumeClaimPrinter.cells(input, NOW)).toEqual(want));
});

describe('storageClassPrinter', () => {
  const sc = (name: string, rest: Record<string, unknown>, annotations?: Record<string, string>): KObject => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, ...(annotations ? { annotations } : {}) },
    ...rest,
  });
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'defaults',
      input: sc('sc1', { provisioner: 'kubernetes.io/glusterfs' }),
      want: ['sc1', 'kubernetes.io/glusterfs', 'Delete', 'Immediate', false, '<unknown>'],
    },
    {
      name: 'explicit fields',
      input: sc('sc2', { provisioner: 'kubernetes.io/nfs', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true }),
      want: ['sc2', 'kubernetes.io/nfs', 'Retain', 'WaitForFirstConsumer', true, '<unknown>'],
    },
    {
      name: 'default class',
      input: sc('standard', { provisioner: 'rancher.io/local-path' }, { 'storageclass.kubernetes.io/is-default-class': 'true' }),
      want: ['standard (default)', 'rancher.io/local-path', 'Delete', 'Immediate', false, '<unknown>'],
    },
    {
      name: 'beta default annotation',
      input: sc('old', { provisioner: 'p' }, { 'storageclass.beta.kubernetes.io/is-default-class': 'true' }),
      want: ['old (default)', 'p', 'Delete', 'Immediate', false, '<unknown>'],
    },
    {
      name: 'annotation not "true"',
      input: sc('no', { provisioner: 'p' }, { 'storageclass.kubernetes.io/is-default-class': 'false' }),
      want: ['no', 'p', 'Delete', 'Immediate', false, '<unknown>'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(storageClassPrinter.cells(input, NOW)).toEqual(want));
});
