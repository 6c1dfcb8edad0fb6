// The kube-system objects pass the apiserver's validation and have kubeadm's shape; kube-proxy runs
// on every node through the DaemonSet controller; the root CA and default ServiceAccount
// controllers fill every namespace and repair deletions.

import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster';
import type { KObject } from '../../../src/engine/api/types';
import { daemonSetControllerFactory } from '../../../src/engine/controllers/daemonset';
import { CA_BUNDLE, COREFILE, rootCACertPublisherFactory, serviceAccountsControllerFactory, systemObjects } from '../../../src/engine/system';

function boot() {
  const c = createCluster({ seed: 9, components: [rootCACertPublisherFactory, serviceAccountsControllerFactory, daemonSetControllerFactory] });
  const nodes = c.client.list(c.type('', 'Node')).items;
  for (const o of systemObjects(nodes)) {
    const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
    c.client.create(c.type(group, o.kind), o);
  }
  c.advance(1000);
  const get = (group: string, kind: string, ns: string | undefined, name: string) => c.client.get(c.type(group, kind), ns, name);
  return { c, nodes, get };
}

describe('systemObjects', () => {
  it('creates the mirror pods on the control-plane node, owned by it', () => {
    const { c, nodes, get } = boot();
    const cp = nodes.find((n) => n.metadata.name === 'kubeplay-control-plane')!;
    const rows: { name: string; image: string; cpu: string }[] = [
      { name: 'etcd-kubeplay-control-plane', image: 'registry.k8s.io/etcd:3.5.16-0', cpu: '100m' },
      { name: 'kube-apiserver-kubeplay-control-plane', image: 'registry.k8s.io/kube-apiserver:v1.32.4', cpu: '250m' },
      { name: 'kube-controller-manager-kubeplay-control-plane', image: 'registry.k8s.io/kube-controller-manager:v1.32.4', cpu: '200m' },
      { name: 'kube-scheduler-kubeplay-control-plane', image: 'registry.k8s.io/kube-scheduler:v1.32.4', cpu: '100m' },
    ];
    for (const row of rows) {
      const p = get('', 'Pod', 'kube-system', row.name)!;
      expect(p, row.name).toBeDefined();
      const spec = p.spec as { nodeName: string; hostNetwork: boolean; priority: number; priorityClassName: string; containers: { image: string; resources: { requests: { cpu: string } } }[] };
      expect(spec.nodeName).toBe('kubeplay-control-plane');
      expect(spec.hostNetwork).toBe(true);
      expect(spec.priority).toBe(2000001000);
      expect(spec.priorityClassName).toBe('system-node-critical');
      expect(spec.containers[0].image).toBe(row.image);
      expect(spec.containers[0].resources.requests.cpu).toBe(row.cpu);
      const a = p.metadata.annotations!;
      expect(a['kubernetes.io/config.source']).toBe('file');
      expect(a['kubernetes.io/config.mirror']).toBe(a['kubernetes.io/config.hash']);
      expect(a['kubernetes.io/config.hash']).toMatch(/^[0-9a-f]{32}$/);
      expect(a['kubernetes.io/config.seen']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', controller: true, kind: 'Node', name: 'kubeplay-control-plane', uid: cp.metadata.uid }]);
      expect(p.metadata.labels).toEqual({ component: row.name.replace('-kubeplay-control-plane', ''), tier: 'control-plane' });
    }
    expect(get('', 'Pod', 'kube-system', 'etcd-kubeplay-control-plane')!.metadata.annotations!['kubeadm.kubernetes.io/etcd.advertise-client-urls']).toBe('https://172.18.0.2:2379');
    expect(c.client.list(c.type('', 'Pod'), 'kube-system').items.filter((p) => p.metadata.name!.endsWith('-kubeplay-worker')).length).toBe(0);
  });

  it('runs kube-proxy on every node, control plane included', () => {
    const { c } = boot();
    const pods = c.client.list(c.type('', 'Pod'), 'kube-system', { labelSelector: 'k8s-app=kube-proxy' }).items;
    expect(pods.length).toBe(4);
    expect(pods.every((p) => /^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(p.metadata.name!))).toBe(true);
    const ds = c.client.get(c.type('apps', 'DaemonSet'), 'kube-system', 'kube-proxy')!;
    expect((ds.status as { desiredNumberScheduled: number }).desiredNumberScheduled).toBe(4);
    const tmpl = (ds.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec;
    expect(tmpl.containers[0].image).toBe('registry.k8s.io/kube-proxy:v1.32.4');
  });

  it('has coredns, its Corefile and the kube-dns Service as kubeadm leaves them', () => {
    const { get } = boot();
    const dep = get('apps', 'Deployment', 'kube-system', 'coredns')!;
    const spec = dep.spec as { replicas: number; template: { spec: { priorityClassName: string; containers: { image: string }[]; tolerations: unknown[] } } };
    expect(spec.replicas).toBe(2);
    expect(spec.template.spec.containers[0].image).toBe('registry.k8s.io/coredns/coredns:v1.11.3');
    expect(spec.template.spec.priorityClassName).toBe('system-cluster-critical');
    expect(spec.template.spec.tolerations).toEqual([{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }]);
    expect((get('', 'ConfigMap', 'kube-system', 'coredns')!.data as { Corefile: string }).Corefile).toBe(COREFILE);
    const svc = get('', 'Service', 'kube-system', 'kube-dns')!;
    expect(svc.metadata.labels).toEqual({ 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' });
    const sspec = svc.spec as { clusterIP: string; ports: { name: string; port: number; protocol: string }[] };
    expect(sspec.clusterIP).toBe('10.96.0.10');
    expect(sspec.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
    for (const name of ['extension-apiserver-authentication', 'kube-proxy', 'kubelet-config', 'kubeadm-config']) expect(get('', 'ConfigMap', 'kube-system', name), name).toBeDefined();
    for (const name of ['coredns', 'kube-proxy']) expect(get('', 'ServiceAccount', 'kube-system', name), name).toBeDefined();
  });
});

describe('root-ca-cert-publisher and serviceaccounts-controller', () => {
  it('fill every namespace, new ones too, and repair deletions and edits', () => {
    const { c, get } = boot();
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      const cm = get('', 'ConfigMap', ns, 'kube-root-ca.crt')!;
      expect((cm.data as Record<string, string>)['ca.crt']).toBe(CA_BUNDLE);
      expect(cm.metadata.annotations!['kubernetes.io/description']).toMatch(/^Contains a CA bundle/);
      expect(get('', 'ServiceAccount', ns, 'default'), ns).toBeDefined();
    }
    c.client.create(c.type('', 'Namespace'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } } as KObject);
    c.settle();
    expect(get('', 'ConfigMap', 'team', 'kube-root-ca.crt')).toBeDefined();
    expect(get('', 'ServiceAccount', 'team', 'default')).toBeDefined();

    c.client.delete(c.type('', 'ConfigMap'), 'team', 'kube-root-ca.crt');
    c.client.delete(c.type('', 'ServiceAccount'), 'team', 'default');
    c.settle();
    expect(get('', 'ConfigMap', 'team', 'kube-root-ca.crt')).toBeDefined();
    expect(get('', 'ServiceAccount', 'team', 'default')).toBeDefined();

    c.client.patch(c.type('', 'ConfigMap'), 'team', 'kube-root-ca.crt', { data: { 'ca.crt': 'tampered', extra: 'x' } });
    c.settle();
    expect(get('', 'ConfigMap', 'team', 'kube-root-ca.crt')!.data).toEqual({ 'ca.crt': CA_BUNDLE });
  });
});
