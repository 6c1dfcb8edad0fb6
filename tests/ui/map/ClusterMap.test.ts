// What the cluster map shows for a cluster: nodes (control plane apart), pod chips with status and
// restarts, the Pending box, node actions by state, workloads/Services, and escaped names.
import { describe, expect, it } from 'vitest';
import ClusterMap from '../../../src/ui/map/ClusterMap.svelte';
import { node, ownedBy, pod, service, workload } from './fixtures';
import { attrs, playgroundWith, renderWith } from './render';

describe('ClusterMap', () => {
  const cp = node('kind-control-plane', { controlPlane: true, roles: ['control-plane'], taints: ['node-role.kubernetes.io/control-plane:NoSchedule'] });
  const w1 = node('kind-worker');
  const w2 = node('kind-worker2', { ready: 'False', status: 'NotReady,SchedulingDisabled', unschedulable: true });
  const dep = workload('Deployment', 'web', { desired: 3, ready: 2 });
  const rs = workload('ReplicaSet', 'web-7c5', { owner: ownedBy(dep), desired: 3, ready: 2 });
  const objects = [
    cp, w1, w2, dep, rs,
    pod('etcd-kind-control-plane', { namespace: 'kube-system', node: cp.name }),
    pod('web-7c5-a', { owner: ownedBy(rs), labels: { app: 'web' }, node: w1.name }),
    pod('web-7c5-b', { owner: ownedBy(rs), labels: { app: 'web' }, node: w1.name, status: 'CrashLoopBackOff', isReady: false, ready: '0/1', restarts: 4 }),
    pod('web-7c5-c', { owner: ownedBy(rs), labels: { app: 'web' }, phase: 'Pending', status: 'Pending', isReady: false, ready: '0/1' }),
    pod('<img src=x onerror=alert(1)>', { node: w1.name }),
    service('web', { type: 'LoadBalancer', selector: { app: 'web' }, externalAddress: '172.18.255.200', ports: '80:31000/TCP' }),
  ];
  const html = renderWith(ClusterMap, playgroundWith(objects));

  it('has the test id and every node, the control plane first', () => {
    expect(html).toContain('data-testid="cluster-map"');
    expect(attrs(html, 'data-node')).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(html).toContain('node-role.kubernetes.io/control-plane:NoSchedule');
    expect(html).toContain('NotReady,SchedulingDisabled');
  });

  it('draws visible pods as chips with their status; kube-system hidden by default', () => {
    expect(attrs(html, 'data-pod')).toEqual(['default/&lt;img src=x onerror=alert(1)>', 'default/web-7c5-a', 'default/web-7c5-b', 'default/web-7c5-c']);
    expect(attrs(html, 'data-status')).toEqual(['Running', 'Running', 'CrashLoopBackOff', 'Pending']);
    expect(html).toContain('title="default/web-7c5-b · CrashLoopBackOff · ready 0/1 · 4 restarts · on kind-worker"');
    expect(html).toMatch(/class="chip bad[^"]*"[^>]*data-pod="default\/web-7c5-b"/);
    expect(html).toMatch(/<span class="restarts[^"]*">4<\/span>/);
  });

  it('escapes names: no markup from the cluster reaches the page', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });

  it('puts unscheduled pods in the Pending box', () => {
    const pending = html.slice(html.indexOf('data-testid="pending-pods"'));
    expect(attrs(pending, 'data-pod')).toEqual(['default/web-7c5-c']);
  });

  it('offers the node actions that fit each node\'s state, and adding a node', () => {
    const actionsOf = (name: string): string[] => {
      const start = html.indexOf(`data-node="${name}"`);
      const end = html.indexOf('</section>', start);
      return attrs(html.slice(start, end), 'data-node-action');
    };
    expect(actionsOf('kind-worker')).toEqual(['fail', 'cordon', 'drain', 'remove']);
    expect(actionsOf('kind-worker2')).toEqual(['recover', 'uncordon', 'drain', 'remove']);
    expect(attrs(html, 'data-node-action')[0]).toBe('add');
  });

  it('lists the ownership chain and the Service with the pods it selects', () => {
    expect(attrs(html, 'data-workload')).toEqual(['Deployment/default/web', 'ReplicaSet/default/web-7c5']);
    expect(attrs(html, 'data-service')).toEqual(['default/web']);
    expect(html).toContain('→ 3 pods');
  });

  it('draws compact chips (no names) past 300 pods', () => {
    const many = Array.from({ length: 301 }, (_, i) => pod(`p${i}`, { node: w1.name }));
    const big = renderWith(ClusterMap, playgroundWith([w1, ...many]));
    expect(attrs(big, 'data-pod')).toHaveLength(301);
    expect(big).toMatch(/class="chips[^"]*\bcompact\b/);
    expect(big).not.toContain('<span class="name');
  });

  it('draws crowded boxes still (no per-chip animation) and small ones animated', () => {
    const many = Array.from({ length: 41 }, (_, i) => pod(`p${i}`, { node: w1.name }));
    const crowded = renderWith(ClusterMap, playgroundWith([w1, ...many]));
    expect(crowded).toMatch(/class="chips[^"]*\bstill\b/);
    expect(html).not.toMatch(/class="chips[^"]*\bstill\b/);
  });
});
