import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { statefulSetControllerFactory } from '../../../../src/engine/controllers/statefulset';
import { eventsOf, fullCluster, get, list } from '../job/cluster';

function sts(replicas: number, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      ...extra,
    },
  } as KObject;
}

describe('StatefulSet controller in a full cluster', () => {
  it('creates the claim before its pod and waits for web-0 to be Ready before web-1', () => {
    const c = fullCluster(statefulSetControllerFactory);
    const claim = { metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    c.client.create(c.type('apps', 'StatefulSet'), sts(2, { volumeClaimTemplates: [claim] }));
    // Until web-0 is Running and Ready (its claim provisioned and bound first), web-1 is not created.
    c.advance(1_000);
    expect(list(c, '', 'Pod').map((p) => p.metadata.name)).toEqual(['web-0']);
    expect(list(c, '', 'PersistentVolumeClaim').map((p) => p.metadata.name)).toEqual(['www-web-0']);
    expect(list(c, '', 'PersistentVolumeClaim')[0].metadata.labels).toEqual({ app: 'nginx' });
    const vols = (get(c, '', 'Pod', 'web-0')!.spec as { volumes: unknown[] }).volumes;
    expect(vols[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(eventsOf(c, 'web')).toEqual([
      'SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'SuccessfulCreate create Pod web-0 in StatefulSet web successful',
    ]);
  });

  it('creates web-0 then web-1 in order', () => {
    const c = fullCluster(statefulSetControllerFactory);
    c.client.create(c.type('apps', 'StatefulSet'), sts(2));
    c.settle();
    expect(list(c, '', 'Pod').map((p) => p.metadata.name)).toEqual(['web-0']);
    c.advance(60_000);
    const pods = list(c, '', 'Pod');
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(['web-0', 'web-1']);
    const web0 = pods.find((p) => p.metadata.name === 'web-0')!;
    const web1 = pods.find((p) => p.metadata.name === 'web-1')!;
    expect(Date.parse(web1.metadata.creationTimestamp!)).toBeGreaterThan(Date.parse(web0.metadata.creationTimestamp!));
    expect(web1.metadata.labels).toMatchObject({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1' });
    expect((web1.spec as { hostname: string; subdomain: string }).hostname).toBe('web-1');
    expect((web1.spec as { subdomain: string }).subdomain).toBe('nginx');
    const st = get(c, 'apps', 'StatefulSet', 'web')!.status as Record<string, unknown>;
    expect(st).toMatchObject({ replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2 });
    expect(st.currentRevision).toBe(st.updateRevision);
    expect(eventsOf(c, 'web')).toEqual([
      'SuccessfulCreate create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate create Pod web-1 in StatefulSet web successful',
    ]);
    expect(list(c, 'apps', 'ControllerRevision')).toHaveLength(1);
  });

  it('scales down from the highest ordinal and rolls updates in reverse order', () => {
    const c = fullCluster(statefulSetControllerFactory);
    const t = c.type('apps', 'StatefulSet');
    c.client.create(t, sts(3));
    c.advance(120_000);
    const first = (get(c, 'apps', 'StatefulSet', 'web')!.status as { updateRevision: string }).updateRevision;
    c.client.patch(t, 'default', 'web', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
    c.advance(180_000);
    const st = get(c, 'apps', 'StatefulSet', 'web')!.status as Record<string, unknown>;
    expect(st.updateRevision).not.toBe(first);
    expect(st.currentRevision).toBe(st.updateRevision);
    expect(st).toMatchObject({ replicas: 3, readyReplicas: 3, updatedReplicas: 3 });
    const deletes = eventsOf(c, 'web').filter((e) => e.startsWith('SuccessfulDelete'));
    expect(deletes).toEqual([
      'SuccessfulDelete delete Pod web-2 in StatefulSet web successful',
      'SuccessfulDelete delete Pod web-1 in StatefulSet web successful',
      'SuccessfulDelete delete Pod web-0 in StatefulSet web successful',
    ]);
    expect(list(c, 'apps', 'ControllerRevision')).toHaveLength(2);
    c.client.patch(t, 'default', 'web', { spec: { replicas: 1 } });
    c.advance(120_000);
    expect(list(c, '', 'Pod').map((p) => p.metadata.name)).toEqual(['web-0']);
  });
});
