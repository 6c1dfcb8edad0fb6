// End to end on a full cluster (scheduler, kubelets, StatefulSet controller) with this part wired
// the way cluster.ts will: the StorageClass, the admission plugin and the controller.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster';
import type { KObject } from '../../../../src/engine/api/types';
import { volumeControllerFactory } from '../../../../src/engine/controllers/volume';
import { defaultStorageClass } from '../../../../src/engine/apiserver/admission/default-storage-class';
import { standardStorageClass } from '../../../../src/engine/system/storage';
import { defaultKubeconfig } from '../../../../src/kubectl/env';
import { runKubectl } from '../../../../src/kubectl/root';
import { inProcessTransport } from '../../../../src/kubectl/transport';
import type { Cluster } from '../../../../src/engine/cluster';

async function kubectl(c: Cluster, line: string): Promise<string> {
  let out = '';
  await runKubectl(line.split(' '), {
    transport: inProcessTransport(c.server, () => c.settle()),
    io: { out: (s) => (out += s), err: (s) => (out += s) },
    files: { read: () => undefined, exists: () => false, isDir: () => false, list: () => [] },
    config: defaultKubeconfig(),
    cache: new Map(),
    host: { now: () => c.clock.now(), wait: async (ms) => c.advance(ms), untilInterrupted: async () => {} },
  });
  return out;
}

type Obj = Record<string, any>;

describe('StatefulSet with volumeClaimTemplates', () => {
  it('runs web-0 then web-1, each with a provisioned, bound volume on its node', async () => {
    // The default cluster has the standard StorageClass, DefaultStorageClass admission and the provisioner.
    const c = createCluster({ seed: 5 });
    c.settle();
    c.client.create(c.type('apps', 'StatefulSet'), {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        serviceName: 'nginx',
        replicas: 2,
        selector: { matchLabels: { app: 'nginx' } },
        template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] } },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    } as unknown as KObject);
    c.advance(60_000);
    const pods = c.client.list(c.type('', 'Pod'), 'default').items as Obj[];
    expect(pods.map((p) => [p.metadata.name, p.status.phase]).sort()).toEqual([['web-0', 'Running'], ['web-1', 'Running']]);
    const t0 = (n: string) => pods.find((p) => p.metadata.name === n)!.status.startTime;
    expect(t0('web-0') < t0('web-1')).toBe(true);
    const claims = c.client.list(c.type('', 'PersistentVolumeClaim'), 'default').items as Obj[];
    expect(claims.map((x) => [x.metadata.name, x.spec.storageClassName, x.status.phase]).sort()).toEqual([
      ['www-web-0', 'standard', 'Bound'],
      ['www-web-1', 'standard', 'Bound'],
    ]);
    for (const claim of claims) {
      const pv = c.client.get(c.type('', 'PersistentVolume'), undefined, claim.spec.volumeName) as Obj;
      const pod = pods.find((p) => p.metadata.name === claim.metadata.name.replace('www-', ''))!;
      expect(pv.status.phase).toBe('Bound');
      expect(pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values).toEqual([pod.spec.nodeName]);
    }
    const get = await kubectl(c, 'get pvc,pv');
    expect(get.split('\n')[0]).toMatch(/^NAME +STATUS +VOLUME +CAPACITY +ACCESS MODES +STORAGECLASS +VOLUMEATTRIBUTESCLASS +AGE$/);
    expect(get).toMatch(/persistentvolumeclaim\/www-web-0 +Bound +pvc-[0-9a-f-]+ +1Gi +RWO +standard +<unset> +\d+s/);
  });
});
