// What a learner sees in the tutorials' flows, end to end on a default cluster (all components):
// the typo'd image, the crash loop, drain, traffic through Services, port-forward and Ingress.
import { describe, expect, it } from 'vitest';
import { outputs } from '../helpers/session';

describe('tutorial flows on a default cluster', () => {
  it('a typo in the image sits in ImagePullBackOff with the registry message, and fixing it recovers', async () => {
    const out = await outputs(`
kubectl create deployment typo --image=ngnix
sleep 40s
kubectl get pods -l app=typo --no-headers -o custom-columns=S:.status.containerStatuses[0].state.waiting.reason
kubectl get events --field-selector reason=Failed -o custom-columns=MSG:.message --no-headers
kubectl set image deploy/typo ngnix=nginx
sleep 40s
kubectl get pods -l app=typo --no-headers
`);
    expect(out[2]).toMatch(/^(ImagePullBackOff|ErrImagePull)\n$/);
    expect(out[3]).toContain(
      'Failed to pull image "ngnix": failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization',
    );
    expect(out[6]).toMatch(/^typo-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running +0 +\d+s\n$/);
  });

  it('busybox exiting 1 crash-loops with growing back-off and logs --previous shows its output', async () => {
    const out = await outputs(`
kubectl run crash --image=busybox -- sh -c "echo hi; exit 1"
sleep 2m
kubectl get pod crash --no-headers
kubectl logs crash --previous
`);
    expect(out[2]).toMatch(/^crash +0\/1 +CrashLoopBackOff +[3-5] \(\d+s ago\) +2m\n$/);
    expect(out[3]).toBe('hi\n');
  });

  it('drain cordons, evicts and reports as upstream', async () => {
    const out = await outputs(`
kubectl create deployment web --image=nginx --replicas=3
sleep 30s
kubectl drain kubeplay-worker --ignore-daemonsets
kubectl get node kubeplay-worker --no-headers
`);
    expect(out[2]).toMatch(/^node\/kubeplay-worker cordoned\nWarning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-[a-z0-9]{5}\n/);
    expect(out[2]).toMatch(/node\/kubeplay-worker drained\n$/);
    expect(out[3]).toMatch(/^kubeplay-worker +Ready,SchedulingDisabled +<none>/);
  });

  it('a LoadBalancer Service gets an address that serves nginx, then httpd after a rollout', async () => {
    const out = await outputs(`
kubectl create deployment sample --image=nginx:1.7.9 --replicas=3
kubectl expose deployment sample --type=LoadBalancer --port=80
sleep 1m
kubectl get svc sample -o jsonpath='{.status.loadBalancer.ingress[0].ip}'
`);
    const ip = out[3].trim();
    expect(ip).toMatch(/^203\.0\.113\.\d+$/);
    const after = await outputs(`
kubectl create deployment sample --image=nginx:1.7.9 --replicas=3
kubectl expose deployment sample --type=LoadBalancer --port=80
sleep 1m
curl -s http://${ip}/
kubectl set image deploy/sample nginx=httpd
sleep 2m
curl -s http://${ip}/
`);
    expect(after[3]).toContain('<title>Welcome to nginx!</title>');
    expect(after[6]).toBe('<html><body><h1>It works!</h1></body></html>\n');
  });

  it("a Service that selects nothing refuses connections; port-forward reaches a pod", async () => {
    const out = await outputs(`
kubectl create service clusterip empty --tcp=80:80
kubectl run client --image=busybox --rm -i --restart=Never -- wget -qO- http://empty
kubectl create deployment web --image=nginx
sleep 30s
kubectl port-forward deploy/web 8080:80
curl -s http://localhost:8080/
`);
    expect(out[1]).toMatch(/wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused/);
    expect(out[4]).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expect(out[5]).toMatch(/^Handling connection for 8080\n<!DOCTYPE html>/);
  });

  it('an Ingress routes by path to two Services', async () => {
    const out = await outputs(`
kubectl create deployment web --image=nginx
kubectl expose deployment web --port=80
kubectl create deployment api --image=hashicorp/http-echo -- /http-echo -text=hello-api
kubectl expose deployment api --port=5678
kubectl create ingress demo --rule="/=web:80" --rule="/api*=api:5678"
sleep 2m
kubectl get ingress demo -o jsonpath='{.status.loadBalancer.ingress[0].ip}:{.spec.rules[0].http.paths[0].backend.service.name}'
kubectl get svc -n ingress-nginx ingress-nginx-controller -o jsonpath='{.spec.ports[0].nodePort}'
`);
    const [address] = out[6].trim().split(':');
    const nodePort = out[7].trim();
    const traffic = await outputs(`
kubectl create deployment web --image=nginx
kubectl expose deployment web --port=80
kubectl create deployment api --image=hashicorp/http-echo -- /http-echo -text=hello-api
kubectl expose deployment api --port=5678
kubectl create ingress demo --rule="/=web:80" --rule="/api*=api:5678"
sleep 2m
curl -s http://${address}:${nodePort}/api
curl -s http://${address}:${nodePort}/
curl -s -i http://${address}:${nodePort}/missing
`);
    expect(traffic[6]).toBe('hello-api\n');
    expect(traffic[7]).toContain('<title>Welcome to nginx!</title>');
    expect(traffic[8]).toMatch(/^HTTP\/1\.1 404 Not Found/);
    expect(traffic[8]).toContain('<center><h1>404 Not Found</h1></center>');
  });
});
