// Integration: the ReplicaSet controller in a cluster with fake scheduler + kubelet.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../../src/engine/cluster';
import type { KObject } from '../../../../src/engine/api/types';
import { replicaSetControllerFactory } from '../../../../src/engine/controllers/replicaset/controller';
import { fakeNodes } from './fake-node';
import { podsIn, replicaSet } from './helpers';

function setup(readyMs = 1000): Cluster {
  let c: Cluster | undefined = undefined;
  c = createCluster({ seed: 7, components: [replicaSetControllerFactory, fakeNodes(() => c!, { readyMs })] });
  return c;
}

function events(c: Cluster, reason: string): string[] {
  return c.store
    .list('/events', 'default')
    .items.filter((e) => e.reason === reason)
    .map((e) => e.message as string);
}

describe('ReplicaSet controller', () => {
  it('creates pods named <rs>-xxxxx owned by the ReplicaSet, and reports status', () => {
    const c = setup();
    const rsType = c.type('apps', 'ReplicaSet');
    c.client.create(rsType, replicaSet('web', 3));
    c.settle();
    const pods = podsIn(c);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: c.client.get(rsType, 'default', 'web')!.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
      expect(p.metadata.labels).toEqual({ app: 'web' });
    }
    expect(events(c, 'SuccessfulCreate').sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    c.advance(2000);
    const rs = c.client.get(rsType, 'default', 'web')!;
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('scales down, replaces deleted pods and never over-creates', () => {
    const c = setup();
    const rsType = c.type('apps', 'ReplicaSet');
    c.client.create(rsType, replicaSet('web', 5));
    c.advance(2000);
    expect(podsIn(c)).toHaveLength(5);
    c.client.patch(rsType, 'default', 'web', { spec: { replicas: 2 } });
    c.settle();
    const live = podsIn(c).filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(2);
    expect(events(c, 'SuccessfulDelete')).toHaveLength(3);
    c.advance(1000);
    expect(podsIn(c)).toHaveLength(2);
    // A deleted pod is replaced as soon as it starts terminating.
    const victim = podsIn(c)[0];
    c.client.delete(c.type('', 'Pod'), 'default', victim.metadata.name!);
    c.settle();
    expect(podsIn(c).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
    c.advance(5000);
    expect(podsIn(c)).toHaveLength(2);
  });

  it('adopts matching orphans and releases pods whose labels stop matching', () => {
    const c = setup();
    const podType = c.type('', 'Pod');
    const rsType = c.type('apps', 'ReplicaSet');
    const orphan: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    c.client.create(podType, orphan);
    c.client.create(rsType, replicaSet('web', 2));
    c.settle();
    const stray = c.client.get(podType, 'default', 'stray')!;
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', controller: true });
    expect(podsIn(c)).toHaveLength(2);
    c.client.patch(podType, 'default', 'stray', { metadata: { labels: { app: 'other' } } });
    c.settle();
    expect(c.client.get(podType, 'default', 'stray')!.metadata.ownerReferences).toBeUndefined();
    expect(podsIn(c).filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(2);
  });

  it('recounts fully labeled pods when the template labels change (the claim memo follows the spec)', () => {
    const c = setup();
    const rsType = c.type('apps', 'ReplicaSet');
    const rs = replicaSet('web', 2);
    (rs.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels = { app: 'web', v: '1' };
    c.client.create(rsType, rs);
    c.advance(2000);
    expect((c.client.get(rsType, 'default', 'web')!.status as Record<string, number>).fullyLabeledReplicas).toBe(2);
    c.client.patch(rsType, 'default', 'web', { spec: { template: { metadata: { labels: { app: 'web', v: '2' } } } } });
    c.advance(1000);
    const st = c.client.get(rsType, 'default', 'web')!.status as Record<string, number>;
    expect(st.replicas).toBe(2);
    expect(st.fullyLabeledReplicas).toBeUndefined();
    expect(st.readyReplicas).toBe(2);
  });

  it('counts availability only after minReadySeconds', () => {
    const c = setup(1000);
    const rsType = c.type('apps', 'ReplicaSet');
    c.client.create(rsType, replicaSet('web', 2, { minReadySeconds: 5 }));
    c.advance(2000);
    let st = c.client.get(rsType, 'default', 'web')!.status as Record<string, number>;
    expect(st.readyReplicas).toBe(2);
    expect(st.availableReplicas).toBeUndefined();
    c.advance(5000);
    st = c.client.get(rsType, 'default', 'web')!.status as Record<string, number>;
    expect(st.availableReplicas).toBe(2);
  });
});
