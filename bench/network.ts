// Simulated network throughput: HTTP requests from a pod through a ClusterIP Service with 100
// ready endpoints (DNS with the search path, kube-proxy pick, delivery to hello-app's container).

import { createCluster } from '../src/engine/cluster';
import type { KObject } from '../src/engine/api/types';
import { NodeAgents } from '../src/engine/kubelet/agents';
import { kubeletFactory } from '../src/engine/kubelet/kubelet';
import { createImageCatalog } from '../src/engine/kubelet/images';
import { networkFactory, type Network } from '../src/engine/network';

const ENDPOINTS = 100;
const REQUESTS = 20_000;

async function requestsPerSecond(): Promise<number> {
  const agents = new NodeAgents();
  const catalog = createImageCatalog();
  let network!: Network;
  const nodes = ['kubeplay-worker', 'kubeplay-worker2'];
  const c = createCluster({
    seed: 1,
    nodes: 2,
    worker: { cpu: '64', memory: '256Gi', pods: '110' },
    components: [...nodes.map((n) => kubeletFactory(n, catalog, { agents })), networkFactory({ agents, onCreate: (n) => (network = n) })],
  });
  const podType = c.type('', 'Pod');
  for (let i = 0; i < ENDPOINTS; i++) {
    c.client.create(podType, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `hello-${i}`, namespace: 'default', labels: { app: 'hello' } }, spec: { nodeName: nodes[i % 2], containers: [{ name: 'hello', image: 'gcr.io/google-samples/hello-app:1.0' }] } } as KObject);
  }
  c.advance(60_000);
  c.client.create(c.type('', 'Service'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'hello', namespace: 'default' }, spec: { selector: { app: 'hello' }, ports: [{ port: 80, targetPort: 8080 }] } } as KObject);
  const endpoints = c.client.list(podType, 'default').items.map((p) => ({
    addresses: [(p.status as { podIP: string }).podIP],
    conditions: { ready: true, serving: true, terminating: false },
    nodeName: (p.spec as { nodeName: string }).nodeName,
    targetRef: { kind: 'Pod', namespace: 'default', name: p.metadata.name, uid: p.metadata.uid },
  }));
  c.client.create(c.type('discovery.k8s.io', 'EndpointSlice'), { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'hello-x1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'hello' } }, addressType: 'IPv4', endpoints, ports: [{ name: '', port: 8080, protocol: 'TCP' }] } as unknown as KObject);
  c.settle();
  const from = { namespace: 'default', ip: '10.244.1.250' };
  const t0 = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const r = network.request('http://hello', { fromPod: from });
    if (!r.ok) throw new Error(`request ${i} failed: ${r.error}`);
  }
  return Math.round((REQUESTS / (performance.now() - t0)) * 1000);
}

export async function runNetworkBenchmarks(): Promise<{ name: string; value: number; unit: string }[]> {
  return [{ name: 'network.requests_per_second', value: await requestsPerSecond(), unit: 'req/s' }];
}
