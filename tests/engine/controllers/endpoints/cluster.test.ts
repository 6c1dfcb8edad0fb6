// Endpoints, EndpointSlices and LoadBalancer Services on a full cluster (real scheduler and
// kubelets), with the three components started next to the control plane, plus readiness gating
// on a small cluster whose fake kubelet sets readiness on demand.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../../src/engine/cluster';
import { clone, type KObject } from '../../../../src/engine/api/types';
import type { ComponentFactory } from '../../../../src/engine/controllers/deps';
import { endpointsControllerFactory, kubernetesServiceEndpointsFactory } from '../../../../src/engine/controllers/endpoints';
import { endpointSliceControllerFactory } from '../../../../src/engine/controllers/endpointslice';
import { serviceLoadBalancerControllerFactory, LB_PROVISION_DELAY_MS } from '../../../../src/engine/controllers/service-lb';
import { defaultKubeconfig } from '../../../../src/kubectl/env';
import { runKubectl } from '../../../../src/kubectl/root';
import { inProcessTransport } from '../../../../src/kubectl/transport';
import { rfc3339 } from '../../../../src/engine/util/time';

const MINE = [endpointsControllerFactory, kubernetesServiceEndpointsFactory, endpointSliceControllerFactory, serviceLoadBalancerControllerFactory];

function fullCluster(): Cluster {
  const c = createCluster({ seed: 3 });
  for (const f of MINE) f(c.deps).start();
  c.settle();
  return c;
}

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

function deployment(replicas: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'sample-deployment', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'sample-app' } },
      template: { metadata: { labels: { app: 'sample-app' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'web', containerPort: 80 }] }] } },
    },
  };
}

function service(type: string, port: number, targetPort: number | string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'sample-service', namespace: 'default' },
    spec: { type, selector: { app: 'sample-app' }, ports: [{ protocol: 'TCP', port, targetPort }] },
  };
}

type Sub = { addresses?: { ip: string; nodeName?: string; targetRef?: { kind: string; name: string } }[]; notReadyAddresses?: unknown[]; ports?: { port: number }[] };

describe('on a full cluster', () => {
  it('a Deployment + Service: one address per ready pod, named port resolved, slice and kubectl output', async () => {
    const c = fullCluster();
    c.client.create(c.type('apps', 'Deployment'), deployment(3));
    c.client.create(c.type('', 'Service'), service('ClusterIP', 8080, 'web'));
    c.advance(30_000);
    const ep = c.client.get(c.type('', 'Endpoints'), 'default', 'sample-service')!;
    const subsets = (ep as { subsets?: Sub[] }).subsets!;
    expect(subsets.length).toBe(1);
    expect(subsets[0].addresses!.length).toBe(3);
    expect(subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const pods = c.client.list(c.type('', 'Pod'), 'default').items;
    const podIPs = pods.map((p) => (p.status as { podIP: string }).podIP).sort();
    expect(subsets[0].addresses!.map((a) => a.ip).sort()).toEqual(podIPs);
    for (const a of subsets[0].addresses!) expect(a.targetRef!.kind).toBe('Pod');
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const slices = c.client.list(c.type('discovery.k8s.io', 'EndpointSlice'), 'default', { labelSelector: 'kubernetes.io/service-name=sample-service' }).items;
    expect(slices.length).toBe(1);
    expect(slices[0].metadata.name).toMatch(/^sample-service-[a-z0-9]{5}$/);
    expect(slices[0].metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslice-controller.k8s.io');

    const getEp = await kubectl(c, 'get endpoints sample-service');
    expect(getEp).toMatch(/^NAME\s+ENDPOINTS\s+AGE\nsample-service\s+\d+\.\d+\.\d+\.\d+:80,\d+\.\d+\.\d+\.\d+:80,\d+\.\d+\.\d+\.\d+:80\s+\d+s\n$/);
    const kube = await kubectl(c, 'get endpoints kubernetes');
    expect(kube).toMatch(/kubernetes\s+172\.18\.0\.2:6443\s/);
    const getSlices = await kubectl(c, 'get endpointslices');
    expect(getSlices).toMatch(/kubernetes\s+IPv4\s+6443\s+172\.18\.0\.2\s/);
    expect(getSlices).toMatch(/sample-service-[a-z0-9]{5}\s+IPv4\s+80\s+\d+\.\d+\.\d+\.\d+,\d+\.\d+\.\d+\.\d+,\d+\.\d+\.\d+\.\d+\s/);
    const describe = await kubectl(c, 'describe svc sample-service');
    expect(describe).toMatch(/Endpoints:\s+\d+\.\d+\.\d+\.\d+:80,\d+\.\d+\.\d+\.\d+:80,\d+\.\d+\.\d+\.\d+:80\n/);

    // Scale down: the Endpoints follow.
    const dep = clone(c.client.get(c.type('apps', 'Deployment'), 'default', 'sample-deployment')!);
    (dep.spec as { replicas: number }).replicas = 1;
    c.client.update(c.type('apps', 'Deployment'), dep);
    c.advance(60_000);
    const after = (c.client.get(c.type('', 'Endpoints'), 'default', 'sample-service') as { subsets?: Sub[] }).subsets!;
    expect(after[0].addresses!.length).toBe(1);
  });

  it('a LoadBalancer Service: <pending>, then an EXTERNAL-IP; events; a port change keeps the address', async () => {
    const c = fullCluster();
    c.client.create(c.type('apps', 'Deployment'), deployment(1));
    c.advance(10_000);
    c.client.create(c.type('', 'Service'), service('LoadBalancer', 80, 80));
    c.settle();
    expect(await kubectl(c, 'get svc sample-service')).toMatch(/sample-service\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+<pending>\s+80:3\d{4}\/TCP\s+0s\n/);
    c.advance(LB_PROVISION_DELAY_MS);
    const svc = c.client.get(c.type('', 'Service'), 'default', 'sample-service')!;
    const ip = (svc.status as { loadBalancer: { ingress: { ip: string }[] } }).loadBalancer.ingress[0].ip;
    expect(ip).toMatch(/^203\.0\.113\.\d+$/);
    expect(svc.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    expect(await kubectl(c, 'get svc sample-service')).toContain(` ${ip} `);
    const events = c.client.list(c.type('', 'Event'), 'default').items.filter((e) => (e as unknown as { involvedObject: { kind: string } }).involvedObject.kind === 'Service');
    expect(events.map((e) => [(e as unknown as { reason: string }).reason, (e as unknown as { message: string }).message, (e as unknown as { source: { component: string } }).source.component])).toEqual([
      ['EnsuringLoadBalancer', 'Ensuring load balancer', 'service-controller'],
      ['EnsuredLoadBalancer', 'Ensured load balancer', 'service-controller'],
    ]);
    expect(await kubectl(c, 'describe svc sample-service')).toMatch(new RegExp(`LoadBalancer Ingress:\\s+${ip.replace(/\./g, '\\.')} \\(VIP\\)\\n`));

    const changed = clone(svc);
    (changed.spec as { ports: { port: number }[] }).ports[0].port = 8080;
    c.client.update(c.type('', 'Service'), changed);
    c.advance(10_000);
    const again = c.client.get(c.type('', 'Service'), 'default', 'sample-service')!;
    expect((again.status as { loadBalancer: { ingress: { ip: string }[] } }).loadBalancer.ingress[0].ip).toBe(ip);
    expect(await kubectl(c, 'get svc sample-service')).toMatch(new RegExp(`${ip.replace(/\./g, '\\.')}\\s+8080:3\\d{4}/TCP`));

    // Type change away from LoadBalancer: torn down, finalizer gone, EXTERNAL-IP <none>.
    const toNodePort = clone(again);
    (toNodePort.spec as { type: string }).type = 'NodePort';
    delete (toNodePort.spec as { allocateLoadBalancerNodePorts?: boolean }).allocateLoadBalancerNodePorts;
    c.client.update(c.type('', 'Service'), toNodePort);
    c.advance(1000);
    const np = c.client.get(c.type('', 'Service'), 'default', 'sample-service')!;
    expect(np.metadata.finalizers).toBeUndefined();
    expect(np.status).toEqual({ loadBalancer: {} });
    const reasons = c.client.list(c.type('', 'Event'), 'default').items.map((e) => (e as unknown as { reason: string }).reason);
    expect(reasons).toContain('DeletingLoadBalancer');
    expect(reasons).toContain('DeletedLoadBalancer');
    expect(reasons).toContain('Type');
  });

  it('deleting a LoadBalancer Service releases it through the finalizer; its Endpoints and slices go', () => {
    const c = fullCluster();
    c.client.create(c.type('', 'Service'), service('LoadBalancer', 80, 80));
    c.advance(LB_PROVISION_DELAY_MS + 1000);
    c.client.delete(c.type('', 'Service'), 'default', 'sample-service');
    c.advance(2000);
    expect(c.client.get(c.type('', 'Service'), 'default', 'sample-service')).toBeUndefined();
    expect(c.client.get(c.type('', 'Endpoints'), 'default', 'sample-service')).toBeUndefined();
    expect(c.client.list(c.type('discovery.k8s.io', 'EndpointSlice'), 'default', { labelSelector: 'kubernetes.io/service-name=sample-service' }).items).toEqual([]);
  });
});

describe('readiness gating (fake kubelet)', () => {
  /** Runs bound or not, every pod gets an IP; readiness follows the pod's `ready` label. */
  const fakeKubelet: ComponentFactory = (deps) => ({
    start() {
      const podT = deps.type('', 'Pod');
      let n = 1;
      const tick = () => {
        for (const p of deps.client.list(podT).items) {
          const want = p.metadata.labels?.ready === 'yes' ? 'True' : 'False';
          const st = p.status as { podIP?: string; conditions?: { type: string; status: string }[] };
          if (st.podIP && st.conditions?.find((x) => x.type === 'Ready')?.status === want) continue;
          const next = clone(p);
          next.spec = { ...(next.spec as object), nodeName: 'kubeplay-worker' };
          next.status = { phase: 'Running', podIP: st.podIP ?? `10.244.1.${n++}`, conditions: [{ type: 'Ready', status: want, lastTransitionTime: rfc3339(deps.clock.now()) }] };
          deps.client.updateStatus(podT, next);
        }
        deps.clock.schedule(1000, tick);
      };
      deps.clock.schedule(1000, tick);
    },
  });

  function pod(name: string, ready: boolean): KObject {
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { app: 'web', ready: ready ? 'yes' : 'no' } },
      spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
    };
  }

  it('unready pods are notReadyAddresses and ready=false in the slice; turning ready moves them', () => {
    const c = createCluster({ seed: 2, components: [fakeKubelet, ...MINE] });
    const podT = c.type('', 'Pod');
    c.client.create(podT, pod('a', true));
    c.client.create(podT, pod('b', false));
    c.client.create(c.type('', 'Service'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } });
    c.advance(2000);
    const ep = () => (c.client.get(c.type('', 'Endpoints'), 'default', 'web') as { subsets?: Sub[] }).subsets!;
    expect(ep()[0].addresses!.map((a) => a.targetRef!.name)).toEqual(['a']);
    expect(ep()[0].notReadyAddresses!.length).toBe(1);
    expect(ep()[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const slice = () => c.client.list(c.type('discovery.k8s.io', 'EndpointSlice'), 'default', { labelSelector: 'kubernetes.io/service-name=web' }).items[0] as unknown as { endpoints: { targetRef: { name: string }; conditions: { ready: boolean } }[] };
    expect(slice().endpoints.map((e) => [e.targetRef.name, e.conditions.ready]).sort()).toEqual([
      ['a', true],
      ['b', false],
    ]);
    const b = clone(c.client.get(podT, 'default', 'b')!);
    b.metadata.labels = { ...b.metadata.labels, ready: 'yes' };
    c.client.update(podT, b);
    c.advance(2000);
    expect(ep()[0].addresses!.map((a) => a.targetRef!.name)).toEqual(['a', 'b']);
    expect(ep()[0].notReadyAddresses).toBeUndefined();
  });

  it('a Service that selects nothing: no subsets, one placeholder slice; selector-less: no Endpoints', () => {
    const c = createCluster({ seed: 2, components: [fakeKubelet, ...MINE] });
    c.client.create(c.type('', 'Service'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'none', namespace: 'default' }, spec: { selector: { app: 'nothing' }, ports: [{ port: 80 }] } });
    c.client.create(c.type('', 'Service'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'manual', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    c.advance(1000);
    const ep = c.client.get(c.type('', 'Endpoints'), 'default', 'none')!;
    expect('subsets' in ep).toBe(false);
    const slices = c.client.list(c.type('discovery.k8s.io', 'EndpointSlice'), 'default', { labelSelector: 'kubernetes.io/service-name=none' }).items;
    expect(slices.length).toBe(1);
    expect((slices[0] as { endpoints?: unknown }).endpoints ?? null).toBeNull();
    expect(c.client.get(c.type('', 'Endpoints'), 'default', 'manual')).toBeUndefined();
    expect(c.client.list(c.type('discovery.k8s.io', 'EndpointSlice'), 'default', { labelSelector: 'kubernetes.io/service-name=manual' }).items).toEqual([]);
  });
});
