// The map's layout: nodes with their pods, control plane apart, pending pods, namespace filter,
// ownership trees and the pods Services select, including a 1,000-pod cluster.
import { describe, expect, it } from 'vitest';
import { groupCluster } from '../../../src/ui/map/grouping';
import { ALL, DEFAULT_FILTER } from '../../../src/ui/map/namespaces';
import type { ObjectView } from '../../../src/worker/protocol';
import { event, ingress, node, ownedBy, pod, service, workload } from './fixtures';

const names = (ps: { name: string }[]): string[] => ps.map((p) => p.name);

describe('groupCluster', () => {
  const cp = node('control-plane', { controlPlane: true, roles: ['control-plane'] });
  const w2 = node('worker2');
  const w1 = node('worker1');
  const objects: ObjectView[] = [
    w2, cp, w1,
    pod('etcd-control-plane', { namespace: 'kube-system', node: 'control-plane' }),
    pod('web-b', { node: 'worker1' }),
    pod('web-a', { node: 'worker1' }),
    pod('api', { namespace: 'shop', node: 'worker2' }),
    pod('big', { phase: 'Pending', status: 'Pending', isReady: false }),
    pod('ghost', { node: 'worker9' }),
    event('e1'),
  ];

  it('puts the control plane apart, sorts workers and their pods, hides kube-system by default', () => {
    const l = groupCluster(objects, DEFAULT_FILTER);
    expect(l.controlPlane.map((g) => [g.name, names(g.pods)])).toEqual([['control-plane', []]]);
    expect(l.workers.map((g) => [g.name, names(g.pods)])).toEqual([
      ['worker1', ['web-a', 'web-b']],
      ['worker2', ['api']],
      ['worker9', ['ghost']],
    ]);
    expect(l.workers[2].node).toBeUndefined();
    expect(names(l.pending)).toEqual(['big']);
    expect(l.podCount).toBe(5);
    expect(l.namespaces).toEqual(['default', 'kube-system', 'shop']);
  });

  it('shows kube-system on request and one namespace when chosen', () => {
    const all = groupCluster(objects, { namespace: ALL, showSystem: true });
    expect(names(all.controlPlane[0].pods)).toEqual(['etcd-control-plane']);
    const shop = groupCluster(objects, { namespace: 'shop', showSystem: false });
    expect(shop.workers.map((g) => [g.name, names(g.pods)])).toEqual([
      ['worker1', []],
      ['worker2', ['api']],
    ]);
    expect(shop.pending).toEqual([]);
  });

  it('builds Deployment -> ReplicaSet -> Pod trees, newest ReplicaSet first, and counts Service pods', () => {
    const dep = workload('Deployment', 'web', { desired: 2 });
    const rsOld = workload('ReplicaSet', 'web-old', { owner: ownedBy(dep), created: 1, desired: 0 });
    const rsNew = workload('ReplicaSet', 'web-new', { owner: ownedBy(dep), created: 2 });
    const cron = workload('CronJob', 'tick');
    const job = workload('Job', 'tick-1', { owner: ownedBy(cron) });
    const p1 = pod('web-new-1', { owner: ownedBy(rsNew), labels: { app: 'web' }, node: 'worker1' });
    const p2 = pod('web-old-1', { owner: ownedBy(rsOld), labels: { app: 'web' }, node: 'worker1', status: 'Terminating', deleting: true });
    const p3 = pod('tick-1-x', { owner: ownedBy(job), node: 'worker1', phase: 'Succeeded', status: 'Completed' });
    const bare = pod('debug', { labels: { app: 'web' }, node: 'worker1' });
    const other = pod('other', { namespace: 'shop', labels: { app: 'web' }, node: 'worker1' });
    const svc = service('web', { selector: { app: 'web' } });
    const headless = service('kubernetes');
    const ing = ingress('web', { rules: [{ host: 'web.local', path: '/', service: 'web', port: '80' }, { path: '/x', service: 'missing', port: '80' }] });
    const l = groupCluster([w1, dep, rsOld, rsNew, cron, job, p1, p2, p3, bare, other, svc, headless, ing], DEFAULT_FILTER);

    const shape = (t: (typeof l.workloads)[number]): unknown => ({ [t.view.name]: [names(t.pods), t.children.map(shape)] });
    expect(l.workloads.map(shape)).toEqual([
      { tick: [[], [{ 'tick-1': [['tick-1-x'], []] }]] },
      { web: [[], [{ 'web-new': [['web-new-1'], []] }, { 'web-old': [['web-old-1'], []] }]] },
    ]);
    expect(names(l.standalone)).toEqual(['debug', 'other']);
    // The Service selects the three labelled pods of its namespace, not the one in `shop`.
    expect(l.services.map((s) => [s.view.name, s.pods])).toEqual([['kubernetes', 0], ['web', 3]]);
    expect(l.ingresses.map((i) => [i.view.name, i.services])).toEqual([['web', ['web']]]);
  });

  it('groups 1,000 pods on 50 nodes correctly', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => node(`worker-${String(i).padStart(2, '0')}`));
    const dep = workload('Deployment', 'load', { desired: 1000 });
    const rs = workload('ReplicaSet', 'load-abc', { owner: ownedBy(dep) });
    const pods = Array.from({ length: 1000 }, (_, i) =>
      pod(`load-abc-${String(i).padStart(4, '0')}`, {
        owner: ownedBy(rs),
        labels: { app: 'load' },
        // Every 100th pod is unscheduled; the rest go round-robin.
        ...(i % 100 === 99 ? { phase: 'Pending', status: 'Pending', isReady: false } : { node: `worker-${String(i % 50).padStart(2, '0')}` }),
      }),
    );
    const svc = service('load', { selector: { app: 'load' } });
    // Shuffle deterministically: the map must not depend on feed order.
    const input: ObjectView[] = [...pods, ...nodes, dep, rs, svc].map((o, i) => [((i * 7919) % 1051), o] as const).sort((a, b) => a[0] - b[0]).map(([, o]) => o);
    const l = groupCluster(input, DEFAULT_FILTER);

    expect(l.podCount).toBe(1000);
    expect(l.pending).toHaveLength(10);
    expect(l.workers).toHaveLength(50);
    let placed = 0;
    for (const g of l.workers) {
      for (const p of g.pods) expect(p.node).toBe(g.name);
      const sorted = [...names(g.pods)].sort();
      expect(names(g.pods)).toEqual(sorted);
      placed += g.pods.length;
    }
    expect(placed).toBe(990);
    // Pods 99, 199, ... (all bound for worker-49 round-robin) are pending: worker-49 keeps 10 of 20.
    expect(l.workers.find((g) => g.name === 'worker-49')!.pods).toHaveLength(10);
    expect(l.workers.find((g) => g.name === 'worker-00')!.pods).toHaveLength(20);
    expect(l.workloads[0].children[0].pods).toHaveLength(1000);
    expect(l.services[0].pods).toBe(1000);
    expect(l.standalone).toEqual([]);
  });

  it('keeps the previous batch\'s group objects for boxes whose pods did not change', () => {
    const nodes = [node('w1'), node('w2')];
    const a = pod('a', { node: 'w1' });
    const b = pod('b', { node: 'w2' });
    const c = pod('c');
    const first = groupCluster([...nodes, a, b, c], DEFAULT_FILTER);
    // One pod on w2 changed (a new view object): only w2's group is new.
    const b2 = { ...b, status: 'Terminating' };
    const second = groupCluster([...nodes, a, b2, c], DEFAULT_FILTER, first);
    expect(second.workers[0]).toBe(first.workers[0]);
    expect(second.workers[1]).not.toBe(first.workers[1]);
    expect(second.workers[1].pods).toEqual([b2]);
    expect(second.pending).toBe(first.pending);
    // A pod moving out of Pending changes both lists.
    const c2 = { ...c, node: 'w1' };
    const third = groupCluster([...nodes, a, b2, c2], DEFAULT_FILTER, second);
    expect(third.workers[0]).not.toBe(second.workers[0]);
    expect(names(third.workers[0].pods)).toEqual(['a', 'c']);
    expect(third.pending).toEqual([]);
    // A node's own view changing (cordoned) gives its box a new group.
    const w1c = { ...nodes[0], unschedulable: true };
    const fourth = groupCluster([w1c, nodes[1], a, b2, c2], DEFAULT_FILTER, third);
    expect(fourth.workers[0]).not.toBe(third.workers[0]);
    expect(fourth.workers[1]).toBe(third.workers[1]);
  });
});
