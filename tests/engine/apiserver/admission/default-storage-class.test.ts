import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { defaultClaimClass, pickDefaultClass } from '../../../../src/engine/apiserver/admission/default-storage-class';
import { standardStorageClass } from '../../../../src/engine/system/storage';

const sc = (name: string, created: string, annotations: Record<string, string> = {}) =>
  ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name, creationTimestamp: created, annotations }, provisioner: 'x' }) as KObject;
const GA = 'storageclass.kubernetes.io/is-default-class';
const BETA = 'storageclass.beta.kubernetes.io/is-default-class';

describe('pickDefaultClass', () => {
  const rows: { name: string; input: KObject[]; want: string | undefined }[] = [
    { name: 'none', input: [], want: undefined },
    { name: 'no default', input: [sc('a', '2025-01-01T00:00:00Z')], want: undefined },
    { name: 'GA annotation', input: [sc('a', '2025-01-01T00:00:00Z'), sc('b', '2025-01-01T00:00:00Z', { [GA]: 'true' })], want: 'b' },
    { name: 'beta annotation', input: [sc('a', '2025-01-01T00:00:00Z', { [BETA]: 'true' })], want: 'a' },
    { name: 'value must be exactly true', input: [sc('a', '2025-01-01T00:00:00Z', { [GA]: 'True' }), sc('b', '2025-01-01T00:00:00Z', { [GA]: 'yes' })], want: undefined },
    { name: 'several: newest wins', input: [sc('old', '2025-01-01T00:00:00Z', { [GA]: 'true' }), sc('new', '2025-01-02T00:00:00Z', { [GA]: 'true' })], want: 'new' },
    { name: 'several same age: smallest name', input: [sc('zeta', '2025-01-01T00:00:00Z', { [GA]: 'true' }), sc('alpha', '2025-01-01T00:00:00Z', { [GA]: 'true' })], want: 'alpha' },
  ];
  for (const r of rows) it(r.name, () => expect(pickDefaultClass(r.input)?.metadata.name).toBe(r.want));
});

describe('defaultClaimClass', () => {
  const classes = [{ ...standardStorageClass(), metadata: { ...standardStorageClass().metadata, creationTimestamp: '2025-01-01T00:00:00Z' } } as KObject];
  const claim = (spec: Record<string, unknown>, annotations?: Record<string, string>) =>
    ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', annotations }, spec }) as KObject;
  const rows: { name: string; input: KObject; want: unknown }[] = [
    { name: 'unset gets the default', input: claim({}), want: 'standard' },
    { name: 'null gets the default', input: claim({ storageClassName: null }), want: 'standard' },
    { name: 'explicit empty stays empty', input: claim({ storageClassName: '' }), want: '' },
    { name: 'explicit class kept', input: claim({ storageClassName: 'manual' }), want: 'manual' },
    { name: 'beta class annotation opts out', input: claim({}, { 'volume.beta.kubernetes.io/storage-class': 'fast' }), want: undefined },
  ];
  for (const r of rows)
    it(r.name, () => {
      defaultClaimClass(r.input, classes);
      expect((r.input.spec as Record<string, unknown>).storageClassName).toBe(r.want);
    });
  it('no default class leaves it unset', () => {
    const c = claim({});
    defaultClaimClass(c, []);
    expect((c.spec as Record<string, unknown>).storageClassName).toBeUndefined();
  });
});

describe('standardStorageClass', () => {
  it('is kind\'s default class', () => {
    const s = standardStorageClass() as Record<string, any>;
    expect([s.metadata.name, s.metadata.annotations[GA], s.provisioner, s.reclaimPolicy, s.volumeBindingMode]).toEqual(['standard', 'true', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer']);
  });
});
