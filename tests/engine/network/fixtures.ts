// Test fixtures: a cluster with two kubelets (real image catalog), the network component, and
// hand-made EndpointSlices (the EndpointSlice controller is built elsewhere). Pods are created
// already bound to a node, as if scheduled.

import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { KObject } from '../../../src/engine/api/types';
import { NodeAgents } from '../../../src/engine/kubelet/agents';
import { kubeletFactory } from '../../../src/engine/kubelet/kubelet';
import { createImageCatalog } from '../../../src/engine/kubelet/images';
import { networkFactory, type Network } from '../../../src/engine/network';

export const NODES = ['kubeplay-worker', 'kubeplay-worker2'];

export interface NetFixture {
  cluster: Cluster;
  network: Network;
  /** Creates a pod bound to `node` (default the first worker). */
  pod(name: string, image: string, opts?: { node?: string; labels?: Record<string, string>; ns?: string; spec?: Record<string, unknown> }): KObject;
  /** Creates a Service; returns it as stored (ClusterIP and node ports allocated). */
  service(name: string, spec: Record<string, unknown>, ns?: string): KObject;
  /** Writes the Service's EndpointSlice from pods (ready ones marked ready unless overridden). */
  slice(svc: string, pods: { name: string; ready?: boolean; hostname?: string }[], ports: { name?: string; port: number }[], ns?: string): void;
  get(kind: string, name: string, ns?: string): KObject;
}

export function netFixture(seed = 11): NetFixture {
  const agents = new NodeAgents();
  const catalog = createImageCatalog();
  let network!: Network;
  const cluster = createCluster({
    seed,
    nodes: 2,
    components: [...NODES.map((n) => kubeletFactory(n, catalog, { agents })), networkFactory({ agents, onCreate: (n) => (network = n) })],
  });
  const t = (kind: string) => (kind === 'EndpointSlice' ? cluster.type('discovery.k8s.io', kind) : cluster.type('', kind));
  const get = (kind: string, name: string, ns = 'default') => cluster.client.get(t(kind), ns, name)!;
  return {
    cluster,
    network,
    get,
    pod(name, image, opts = {}) {
      const obj = cluster.client.create(t('Pod'), {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: opts.ns ?? 'default', labels: opts.labels ?? {} },
        spec: { nodeName: opts.node ?? NODES[0], containers: [{ name: 'main', image }], ...(opts.spec ?? {}) },
      } as KObject);
      cluster.settle();
      return obj;
    },
    service(name, spec, ns = 'default') {
      const obj = cluster.client.create(t('Service'), { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec } as KObject);
      cluster.settle();
      return obj;
    },
    slice(svc, pods, ports, ns = 'default') {
      const endpoints = pods.map((p) => {
        const pod = get('Pod', p.name, ns);
        const status = (pod.status ?? {}) as { podIP?: string; conditions?: { type: string; status: string }[] };
        const ready = p.ready ?? status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
        return {
          addresses: [status.podIP ?? ''],
          conditions: { ready, serving: ready, terminating: false },
          nodeName: (pod.spec as { nodeName: string }).nodeName,
          targetRef: { kind: 'Pod', namespace: ns, name: p.name, uid: pod.metadata.uid },
          ...(p.hostname ? { hostname: p.hostname } : {}),
        };
      });
      const body = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: `${svc}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': svc } },
        addressType: 'IPv4',
        endpoints,
        ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: 'TCP' })),
      } as unknown as KObject;
      const existing = cluster.client.get(t('EndpointSlice'), ns, `${svc}-abcde`);
      if (existing) cluster.client.update(t('EndpointSlice'), { ...body, metadata: { ...body.metadata, resourceVersion: existing.metadata.resourceVersion } });
      else cluster.client.create(t('EndpointSlice'), body);
      cluster.settle();
    },
  };
}
