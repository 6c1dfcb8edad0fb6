import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { claimStep, matchVolume, provisionedVolume, volumePhase, boundClaim, boundClaimStatus, claimedVolume, podClaims, msgExternalProvisioning } from '../../../../src/engine/controllers/volume/reconcile';

const pvc = (over: Record<string, unknown> = {}, status?: Record<string, unknown>): KObject =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'www-web-0', namespace: 'default', uid: 'u1', resourceVersion: '7', ...(over.metadata as object) },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem', ...(over.spec as object) },
    status: status ?? { phase: 'Pending' },
  }) as KObject;
const sc = (mode: string, provisioner = 'rancher.io/local-path'): KObject =>
  ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard' }, provisioner, reclaimPolicy: 'Delete', volumeBindingMode: mode }) as KObject;
const pv = (name: string, spec: Record<string, unknown>, phase = 'Available'): KObject =>
  ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, storageClassName: 'standard', volumeMode: 'Filesystem', ...spec }, status: { phase } }) as KObject;

describe('claimStep', () => {
  const rows: { name: string; claim: KObject; cls?: KObject; match?: KObject; consumer?: string; any?: string; want: unknown }[] = [
    { name: 'WFFC without consumer waits', claim: pvc(), cls: sc('WaitForFirstConsumer'), any: 'w1', want: { kind: 'wait' } },
    { name: 'WFFC with consumer provisions on its node', claim: pvc(), cls: sc('WaitForFirstConsumer'), consumer: 'w2', any: 'w1', want: { kind: 'provision', node: 'w2', provisioner: 'rancher.io/local-path' } },
    { name: 'Immediate provisions on any node', claim: pvc(), cls: sc('Immediate'), any: 'w1', want: { kind: 'provision', node: 'w1', provisioner: 'rancher.io/local-path' } },
    { name: 'Immediate honours a selected node', claim: pvc({ metadata: { annotations: { 'volume.kubernetes.io/selected-node': 'w3' } } }), cls: sc('Immediate'), any: 'w1', want: { kind: 'provision', node: 'w3', provisioner: 'rancher.io/local-path' } },
    { name: 'Immediate with no node stays pending', claim: pvc(), cls: sc('Immediate'), want: { kind: 'pending' } },
    { name: 'a matching volume is bound before provisioning', claim: pvc(), cls: sc('Immediate'), match: pv('pv1', {}), any: 'w1', want: { kind: 'bind', volume: 'pv1' } },
    { name: 'WFFC matching volume still waits for a consumer', claim: pvc(), cls: sc('WaitForFirstConsumer'), match: pv('pv1', {}), want: { kind: 'wait' } },
    { name: 'no class and no volume: pending', claim: pvc({ spec: { storageClassName: '' } }), any: 'w1', want: { kind: 'pending' } },
    { name: 'pre-bound by volumeName: bind', claim: pvc({ spec: { volumeName: 'pv9' } }), cls: sc('Immediate'), want: { kind: 'bind', volume: 'pv9' } },
    { name: 'already Bound: done', claim: pvc({ spec: { volumeName: 'pv9' } }, { phase: 'Bound' }), cls: sc('Immediate'), want: { kind: 'done' } },
    { name: 'being deleted: done', claim: pvc({ metadata: { deletionTimestamp: '2025-01-01T00:00:00Z' } }), cls: sc('Immediate'), any: 'w1', want: { kind: 'done' } },
  ];
  for (const r of rows) it(r.name, () => expect(claimStep(r.claim, r.cls, r.match, r.consumer, r.any)).toEqual(r.want));
});

describe('matchVolume', () => {
  const rows: { name: string; claim: KObject; vols: KObject[]; want: string | undefined }[] = [
    { name: 'exact', claim: pvc(), vols: [pv('a', {})], want: 'a' },
    { name: 'smallest that fits', claim: pvc(), vols: [pv('big', { capacity: { storage: '10Gi' } }), pv('mid', { capacity: { storage: '2Gi' } }), pv('small', { capacity: { storage: '500Mi' } })], want: 'mid' },
    { name: 'class must match', claim: pvc(), vols: [pv('a', { storageClassName: 'manual' })], want: undefined },
    { name: 'empty class matches empty', claim: pvc({ spec: { storageClassName: '' } }), vols: [pv('a', { storageClassName: undefined })], want: 'a' },
    { name: 'access modes must be covered', claim: pvc({ spec: { accessModes: ['ReadWriteMany'] } }), vols: [pv('a', {})], want: undefined },
    { name: 'volume modes must agree', claim: pvc({ spec: { volumeMode: 'Block' } }), vols: [pv('a', {})], want: undefined },
    { name: 'Bound volumes are skipped', claim: pvc(), vols: [pv('a', {}, 'Bound')], want: undefined },
    { name: 'claimed by another claim is skipped', claim: pvc(), vols: [pv('a', { claimRef: { name: 'other', namespace: 'default' } }, 'Available')], want: undefined },
    { name: 'pre-bound to this claim wins over a smaller one', claim: pvc(), vols: [pv('small', {}), pv('mine', { capacity: { storage: '5Gi' }, claimRef: { name: 'www-web-0', namespace: 'default', uid: 'u1' } }, 'Pending')], want: 'mine' },
    { name: 'claimRef with another uid is skipped', claim: pvc(), vols: [pv('a', { claimRef: { name: 'www-web-0', namespace: 'default', uid: 'old' } }, 'Released')], want: undefined },
    { name: 'too small', claim: pvc({ spec: { resources: { requests: { storage: '2Gi' } } } }), vols: [pv('a', {})], want: undefined },
    { name: 'decimal vs binary units', claim: pvc({ spec: { resources: { requests: { storage: '1G' } } } }), vols: [pv('a', { capacity: { storage: '953Mi' } }), pv('b', { capacity: { storage: '1Gi' } })], want: 'b' },
  ];
  for (const r of rows) it(r.name, () => expect(matchVolume(r.claim, r.vols)?.metadata.name).toBe(r.want));
});

describe('volumePhase', () => {
  const claim = pvc({ spec: { volumeName: 'pv1' } });
  const rows: { name: string; vol: KObject; claim?: KObject; want: string }[] = [
    { name: 'no claimRef: Available', vol: pv('pv1', {}), want: 'Available' },
    { name: 'bound both ways: Bound', vol: pv('pv1', { claimRef: { name: 'www-web-0', namespace: 'default', uid: 'u1' } }), claim, want: 'Bound' },
    { name: 'claim gone: Released', vol: pv('pv1', { claimRef: { name: 'www-web-0', namespace: 'default', uid: 'u1' } }), want: 'Released' },
    { name: 'claim recreated with a new uid: Released', vol: pv('pv1', { claimRef: { name: 'www-web-0', namespace: 'default', uid: 'old' } }), claim, want: 'Released' },
    { name: 'pre-bound to a missing claim (no uid): Available', vol: pv('pv1', { claimRef: { name: 'x', namespace: 'default' } }), want: 'Available' },
    { name: 'claim not yet pointing back: Available', vol: pv('pv1', { claimRef: { name: 'www-web-0', namespace: 'default', uid: 'u1' } }), claim: pvc(), want: 'Available' },
  ];
  for (const r of rows) it(r.name, () => expect(volumePhase(r.vol, r.claim)).toBe(r.want));
});

describe('objects', () => {
  it('provisionedVolume is local-path shaped', () => {
    const v = provisionedVolume(pvc(), sc('WaitForFirstConsumer'), 'kind-worker');
    expect(v.metadata).toEqual({ name: 'pvc-u1', annotations: { 'local.path.provisioner/selected-node': 'kind-worker', 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' } });
    expect(v.spec).toEqual({
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'www-web-0', namespace: 'default', resourceVersion: '7', uid: 'u1' },
      hostPath: { path: '/var/local-path-provisioner/pvc-u1_default_www-web-0', type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-worker'] }] }] } },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
    });
  });
  it('binding writes both sides', () => {
    const v = pv('pv1', { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] });
    const c = boundClaim(pvc(), v);
    expect((c.spec as Record<string, unknown>).volumeName).toBe('pv1');
    expect(c.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(boundClaimStatus(c, v).status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], capacity: { storage: '5Gi' } });
    const claimed = claimedVolume(v, pvc());
    expect((claimed.spec as Record<string, unknown>).claimRef).toEqual({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'www-web-0', namespace: 'default', resourceVersion: '7', uid: 'u1' });
    expect(claimed.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(claimedVolume(claimed, pvc())).toBe(claimed);
  });
  it('podClaims and messages', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', persistentVolumeClaim: { claimName: 'data' } }] } } as KObject;
    expect(podClaims(pod)).toEqual(['data']);
    expect(msgExternalProvisioning('rancher.io/local-path')).toBe(
      "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    );
  });
});
