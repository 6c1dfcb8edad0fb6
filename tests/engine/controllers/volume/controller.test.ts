import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster';
import type { KObject } from '../../../../src/engine/api/types';
import { volumeControllerFactory, PROVISION_DELAY_MS } from '../../../../src/engine/controllers/volume';
import { standardStorageClass } from '../../../../src/engine/system/storage';

type Obj = Record<string, any>;

function setup(mode = 'WaitForFirstConsumer') {
  const c = createCluster({ seed: 3, nodes: 2, components: [volumeControllerFactory] });
  const sc = standardStorageClass();
  (sc as Obj).volumeBindingMode = mode;
  c.client.create(c.type('storage.k8s.io', 'StorageClass'), sc);
  const pvcT = c.type('', 'PersistentVolumeClaim');
  const pvT = c.type('', 'PersistentVolume');
  const claim = (name: string, cls = 'standard') =>
    c.client.create(pvcT, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: cls } } as KObject);
  const pod = (name: string, claimName: string, node?: string) =>
    c.client.create(c.type('', 'Pod'), {
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
      spec: { ...(node ? { nodeName: node } : {}), containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName } }] },
    } as KObject);
  const events = (name: string) =>
    c.client.list(c.type('', 'Event'), 'default').items.filter((e: Obj) => e.involvedObject.name === name).map((e: Obj) => [e.reason, e.source.component.split('_')[0], e.message, e.count]);
  const get = (name: string) => c.client.get(pvcT, 'default', name) as Obj;
  const getPV = (name: string) => c.client.get(pvT, undefined, name) as Obj | undefined;
  return { c, claim, pod, events, get, getPV, pvT, pvcT };
}

describe('VolumeController', () => {
  it('WaitForFirstConsumer: waits, then provisions on the consumer node and binds both ways', () => {
    const { c, claim, pod, events, get, getPV } = setup();
    const pvc = claim('data');
    c.settle();
    expect(get('data').status.phase).toBe('Pending');
    c.advance(20_000);
    expect(events('data')).toEqual([['WaitForFirstConsumer', 'persistentvolume-controller', 'waiting for first consumer to be created before binding', 2]]);
    pod('p', 'data', 'kubeplay-worker2');
    c.settle();
    expect(get('data').metadata.annotations['volume.kubernetes.io/selected-node']).toBe('kubeplay-worker2');
    expect(get('data').status.phase).toBe('Pending');
    c.advance(PROVISION_DELAY_MS);
    const name = `pvc-${pvc.metadata.uid}`;
    const got = get('data');
    expect(got.spec.volumeName).toBe(name);
    expect(got.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } });
    expect(got.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    const pv = getPV(name)!;
    expect(pv.status.phase).toBe('Bound');
    expect(pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values).toEqual(['kubeplay-worker2']);
    expect(pv.spec.claimRef.uid).toBe(pvc.metadata.uid);
    expect(events('data').map((e) => e.slice(0, 3))).toEqual([
      ['WaitForFirstConsumer', 'persistentvolume-controller', 'waiting for first consumer to be created before binding'],
      ['ExternalProvisioning', 'persistentvolume-controller', "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered."],
      ['Provisioning', 'rancher.io/local-path', 'External provisioner is provisioning volume for claim "default/data"'],
      ['ProvisioningSucceeded', 'rancher.io/local-path', `Successfully provisioned volume ${name}`],
    ]);
    // Deleting the claim releases the volume, and the Delete policy removes it.
    c.client.delete(c.type('', 'PersistentVolumeClaim'), 'default', 'data');
    c.settle();
    expect(getPV(name)?.status.phase).toBe('Released');
    c.advance(2_000);
    expect(getPV(name)).toBeUndefined();
  });

  it('a pod not yet on a node does not trigger provisioning', () => {
    const { c, claim, pod, get } = setup();
    claim('data');
    pod('p', 'data');
    c.advance(10_000);
    expect(get('data').spec.volumeName).toBeUndefined();
  });

  it('Immediate: provisions at once on the first schedulable worker', () => {
    const { c, claim, get, getPV } = setup('Immediate');
    const pvc = claim('fast');
    c.advance(PROVISION_DELAY_MS);
    expect(get('fast').status.phase).toBe('Bound');
    expect(getPV(`pvc-${pvc.metadata.uid}`)!.metadata.annotations['local.path.provisioner/selected-node']).toBe('kubeplay-worker');
  });

  it('binds a static volume of the claim\'s class, with Retain keeping it Released', () => {
    const { c, claim, get, getPV, pvT } = setup();
    c.client.create(pvT, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'task-pv-volume' }, spec: { storageClassName: 'manual', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } } } as KObject);
    c.settle();
    expect(getPV('task-pv-volume')!.status.phase).toBe('Available');
    claim('task-pv-claim', 'manual');
    c.settle();
    const got = get('task-pv-claim');
    expect(got.spec.volumeName).toBe('task-pv-volume');
    expect(got.status.capacity).toEqual({ storage: '10Gi' });
    expect(getPV('task-pv-volume')!.status.phase).toBe('Bound');
    c.client.delete(c.type('', 'PersistentVolumeClaim'), 'default', 'task-pv-claim');
    c.advance(5_000);
    expect(getPV('task-pv-volume')!.status.phase).toBe('Released');
  });
});
