import { describe, expect, it } from 'vitest';
import { outputs } from '../../helpers/session';

describe('service addresses', () => {
  it('allocates cluster IPs and node ports, and refuses a taken node port as upstream', async () => {
    const [, , list, taken, range] = await outputs(`
kubectl create service nodeport web --tcp=80:80 --node-port=30080
kubectl create service clusterip api --tcp=8080:8080
kubectl get svc
kubectl create service nodeport web2 --tcp=80:80 --node-port=30080
kubectl create service nodeport web3 --tcp=80:80 --node-port=80
`);
    expect(list).toMatch(/^api +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +8080\/TCP +0s$/m);
    expect(list).toMatch(/^web +NodePort +10\.\d+\.\d+\.\d+ +<none> +80:30080\/TCP +0s$/m);
    expect(taken).toBe('error: failed to create NodePort service: Service "web2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n');
    expect(range).toBe(
      'error: failed to create NodePort service: Service "web3" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });

  it('keeps the cluster IP and node port when the port changes (patchAllocatedValues)', async () => {
    const [, before, , after] = await outputs(`
kubectl create service loadbalancer lb --tcp=80:80
kubectl get svc lb -o jsonpath='{.spec.clusterIP} {.spec.ports[0].nodePort}'
kubectl patch svc lb --type=json -p '[{"op":"replace","path":"/spec/ports/0/port","value":8080}]'
kubectl get svc lb -o jsonpath='{.spec.clusterIP} {.spec.ports[0].nodePort}'
`);
    expect(before.trim()).toMatch(/^10\.\d+\.\d+\.\d+ 3\d{4}$/);
    expect(after.trim()).toBe(before.trim());
  });
});
