// Full cluster: quota and limit range as a user meets them through kubectl.
import { describe, expect, it } from 'vitest';
import { quotaSession } from './quota-session';

const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute-quota
spec:
  hard:
    pods: "3"
    requests.cpu: 1500m
    limits.cpu: "2"
    count/deployments.apps: "1"
    configmaps: "2"
`;
const LIMITS = `apiVersion: v1
kind: LimitRange
metadata:
  name: lr
spec:
  limits:
  - type: Container
    max: {cpu: "1"}
    default: {cpu: 200m}
    defaultRequest: {cpu: 100m}
`;
const podWith = (name: string, req: string, lim: string) =>
  `run ${name} --image=nginx -n q --overrides={"spec":{"containers":[{"name":"${name}","image":"nginx","resources":{"requests":{"cpu":"${req}"},"limits":{"cpu":"${lim}"}}}]}}`;

describe('ResourceQuota and LimitRange in a cluster', () => {
  it('counts, refuses over quota, defaults and enforces limits, replenishes', async () => {
    const s = await quotaSession();
    await s.kubectl('create namespace q');
    expect(await s.kubectl('apply -n q -f -', QUOTA)).toBe('resourcequota/compute-quota created\n');
    s.advance(1000);
    // The namespace's kube-root-ca.crt ConfigMap is counted from the start.
    expect(await s.kubectl('describe quota -n q')).toContain('configmaps              1     2\n');
    expect(await s.kubectl('run plain --image=nginx -n q')).toBe(
      'Error from server (Forbidden): pods "plain" is forbidden: failed quota: compute-quota: must specify limits.cpu for: plain; requests.cpu for: plain\n',
    );
    expect(await s.kubectl(podWith('one', '1', '1'))).toBe('pod/one created\n');
    // Charged at admission: the next create sees it at once, before the controller recounts.
    expect(await s.kubectl(podWith('two', '600m', '1'))).toBe(
      'Error from server (Forbidden): pods "two" is forbidden: exceeded quota: compute-quota, requested: requests.cpu=600m, used: requests.cpu=1, limited: requests.cpu=1500m\n',
    );
    expect(await s.kubectl('create deployment d --image=nginx -n q')).toBe('deployment.apps/d created\n');
    expect(await s.kubectl('create deployment e --image=nginx -n q')).toBe(
      'error: failed to create deployment: deployments.apps "e" is forbidden: exceeded quota: compute-quota, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1\n',
    );
    s.advance(2000);
    // The ReplicaSet's pods lack requests: FailedCreate events from the refused creates.
    expect(await s.kubectl('get events -n q --field-selector reason=FailedCreate -o jsonpath={.items[0].message}')).toMatch(
      /^Error creating: pods "d-[a-z0-9]+-[a-z0-9]{5}" is forbidden: failed quota: compute-quota: must specify limits.cpu for: nginx; requests.cpu for: nginx$/,
    );

    expect(await s.kubectl('apply -n q -f -', LIMITS)).toBe('limitrange/lr created\n');
    expect(await s.kubectl(podWith('big', '500m', '2'))).toBe('Error from server (Forbidden): pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2\n');
    s.advance(20_000);
    // With defaults from the LimitRange the Deployment's pod is admitted.
    const annotation = await s.kubectl('get pods -n q -l app=d -o jsonpath={.items[0].metadata.annotations.kubernetes\\.io/limit-ranger}');
    expect(annotation).toBe('LimitRanger plugin set: cpu request for container nginx; cpu limit for container nginx');
    const used = () => s.kubectl('get quota compute-quota -n q -o jsonpath={.status.used}');
    expect(JSON.parse(await used())).toEqual({ configmaps: '1', 'count/deployments.apps': '1', 'limits.cpu': '1200m', pods: '2', 'requests.cpu': '1100m' });

    // Replenishment: deleting a pod gives its share back.
    await s.kubectl('delete pod one -n q --wait=false');
    s.advance(60_000);
    expect(JSON.parse(await used())).toEqual({ configmaps: '1', 'count/deployments.apps': '1', 'limits.cpu': '200m', pods: '1', 'requests.cpu': '100m' });
  }, 60_000);

  it('a dry run is checked but not charged', async () => {
    const s = await quotaSession();
    await s.kubectl('create namespace q');
    await s.kubectl('create quota few -n q --hard=configmaps=2');
    s.advance(1000);
    expect(await s.kubectl('create configmap a -n q --dry-run=server')).toBe('configmap/a created (server dry run)\n');
    expect(await s.kubectl('get quota few -n q -o jsonpath={.status.used.configmaps}')).toBe('1');
    expect(await s.kubectl('create configmap a -n q')).toBe('configmap/a created\n');
    expect(await s.kubectl('create configmap b -n q')).toBe(
      'error: failed to create configmap: configmaps "b" is forbidden: exceeded quota: few, requested: configmaps=1, used: configmaps=2, limited: configmaps=2\n',
    );
  }, 60_000);
});
