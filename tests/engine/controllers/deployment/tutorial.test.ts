// Integration: the issue-3 tutorial flow (sample-deployment) through both controllers.

import { describe, expect, it } from 'vitest';
import { deployment, deploymentCluster, eventMessages, getDeploy, pods, readyColumns, replicaSets } from './cluster';

describe('sample-deployment tutorial flow', () => {
  it('applies, scales to 3 keeping the first pod, then rolls to httpd with 1 replica', () => {
    const c = deploymentCluster({ readyMs: 3000 });
    const dType = c.type('apps', 'Deployment');
    c.client.create(dType, deployment('sample-deployment', { labels: { app: 'sample-app' } }));
    c.settle();
    const rss = replicaSets(c);
    expect(rss).toHaveLength(1);
    const rsName = rss[0].metadata.name!;
    expect(rsName).toMatch(/^sample-deployment-[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    const hash = rsName.slice('sample-deployment-'.length);
    expect(rss[0].metadata.labels).toEqual({ app: 'sample-app', 'pod-template-hash': hash });
    expect(rss[0].metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '1',
      'deployment.kubernetes.io/max-replicas': '2',
      'deployment.kubernetes.io/revision': '1',
    });
    expect((rss[0].spec as { selector: unknown }).selector).toEqual({ matchLabels: { app: 'sample-app', 'pod-template-hash': hash } });
    expect(rss[0].metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'sample-deployment', controller: true, blockOwnerDeletion: true });
    expect(eventMessages(c, 'ScalingReplicaSet')).toEqual([`Scaled up replica set ${rsName} from 0 to 1`]);
    c.advance(30_000);
    expect(readyColumns(c, 'sample-deployment')).toBe('1/1 1 1');
    const d = getDeploy(c, 'sample-deployment');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    const st = d.status as Record<string, unknown>;
    expect(st).toMatchObject({ observedGeneration: d.metadata.generation, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 });
    expect((st.conditions as Array<{ type: string; reason: string; message: string; status: string }>).map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`],
    ]);

    const first = pods(c)[0].metadata.name;
    c.client.patch(dType, 'default', 'sample-deployment', { spec: { replicas: 3 } });
    c.advance(30_000);
    expect(readyColumns(c, 'sample-deployment')).toBe('3/3 3 3');
    expect(pods(c).map((p) => p.metadata.name)).toContain(first);
    expect(replicaSets(c)).toHaveLength(1);
    expect(eventMessages(c, 'ScalingReplicaSet')).toContain(`Scaled up replica set ${rsName} from 1 to 3`);

    c.client.patch(dType, 'default', 'sample-deployment', {
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'c', image: 'httpd' }] } } },
    });
    c.settle();
    expect(replicaSets(c)).toHaveLength(2);
    c.advance(60_000);
    const live = pods(c);
    expect(live).toHaveLength(1);
    expect((live[0].spec as { containers: Array<{ image: string }> }).containers[0].image).toBe('httpd');
    expect(readyColumns(c, 'sample-deployment')).toBe('1/1 1 1');
    const newRS = replicaSets(c).find((r) => r.metadata.name !== rsName)!;
    expect(newRS.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(getDeploy(c, 'sample-deployment').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect((replicaSets(c).find((r) => r.metadata.name === rsName)!.spec as { replicas: number }).replicas).toBe(0);
  });
});
