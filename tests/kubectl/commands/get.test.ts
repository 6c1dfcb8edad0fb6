import { describe, expect, it } from 'vitest';
import { outputs } from '../../helpers/session';

describe('kubectl get', () => {
  it('prints upstream headers, several kinds as separate tables, and kind prefixes', async () => {
    const [, , deploy, multi, all] = await outputs(`
kubectl create deployment web --image=nginx
kubectl create service clusterip web --tcp=80:80
kubectl get deploy
kubectl get deploy,svc
kubectl get all
`);
    // The deployment controller has already made the ReplicaSet (UP-TO-DATE 1); no pod is ready yet.
    expect(deploy).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    0/1     1            0           0s\n');
    expect(multi.split('\n\n')).toHaveLength(2);
    expect(multi).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\ndeployment\.apps\/web +0\/1/);
    expect(multi).toMatch(/\nNAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nservice\/kubernetes +ClusterIP +10\.96\.0\.1 /);
    // get all lists services before deployments (the `all` category's discovery order).
    expect(all.indexOf('service/web')).toBeLessThan(all.indexOf('deployment.apps/web'));
  });

  it('prefixes names whenever several kinds were asked for, even if one alone has results', async () => {
    // Upstream counts the server's answers (one Table per kind), not the rows.
    const [all] = await outputs(`kubectl get all`);
    expect(all).toMatch(/^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nservice\/kubernetes +ClusterIP/);
  });

  it('supports -o name/yaml/json/jsonpath/custom-columns, --show-labels, -L, -A, --no-headers, --sort-by', async () => {
    const out = await outputs(`
kubectl create deployment b --image=nginx
kubectl create deployment a --image=redis --replicas=3
kubectl label deploy a tier=back
kubectl get deploy -o name
kubectl get deploy -o jsonpath='{range .items[*]}{.metadata.name}={.spec.replicas}{"\\n"}{end}'
kubectl get deploy -o custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[0].image --no-headers
kubectl get deploy --show-labels
kubectl get deploy -L tier
kubectl get deploy -A
kubectl get deploy --sort-by=.spec.replicas -o name
kubectl get deploy a -o json
kubectl get deploy -o yaml
`);
    expect(out[3]).toBe('deployment.apps/a\ndeployment.apps/b\n');
    expect(out[4]).toBe('a=3\nb=1\n');
    expect(out[5]).toBe('a     redis\nb     nginx\n');
    expect(out[6]).toMatch(/LABELS\na .*app=a,tier=back\nb .*app=b\n$/);
    expect(out[7]).toMatch(/AGE +TIER\na .* back\nb .*\n$/);
    expect(out[8]).toMatch(/^NAMESPACE +NAME +READY/);
    expect(out[9]).toBe('deployment.apps/b\ndeployment.apps/a\n');
    expect(JSON.parse(out[10])).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' } });
    expect(out[10]).toMatch(/^\{\n {4}"apiVersion": "apps\/v1",\n {4}"kind": "Deployment",/);
    expect(out[11]).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: apps\/v1\n  kind: Deployment\n/);
    expect(out[11]).toMatch(/\nkind: List\nmetadata:\n  resourceVersion: ""\n$/);
  });

  it('gets named objects, TYPE/NAME forms, and collects errors after the output', async () => {
    const [, named, slash, mixed] = await outputs(`
kubectl create deployment web --image=nginx
kubectl get deploy web nope
kubectl get deploy/web svc/kubernetes
kubectl get deploy web deploy/web
`);
    expect(named).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    0/1     1            0           0s\nError from server (NotFound): deployments.apps "nope" not found\n');
    expect(slash).toMatch(/^NAME +READY.*\ndeployment\.apps\/web .*\n\nNAME +TYPE.*\nservice\/kubernetes /);
    expect(mixed).toContain('there is no need to specify a resource type as a separate argument when passing arguments in resource/name form');
  });

  it('lists cluster-scoped kinds without a namespace message', async () => {
    const [nodes, pv] = await outputs(`
kubectl get nodes -l '!node-role.kubernetes.io/control-plane' -o name
kubectl get pv
`);
    expect(nodes).toBe('node/kubeplay-worker\nnode/kubeplay-worker2\nnode/kubeplay-worker3\n');
    expect(pv).toBe('No resources found\n');
  });
});
