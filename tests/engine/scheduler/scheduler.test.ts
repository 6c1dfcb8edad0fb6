// The scheduler component in a cluster: binding, events, conditions, retries on cluster events,
// control-plane taint, spreading, preemption, volumes, explanations and determinism.
import { describe, expect, it } from 'vitest';
import { nodeObject } from '../../../src/engine/bootstrap';
import type { KObject } from '../../../src/engine/api/types';
import { createPod, events, getPod, nodeOf, pod, podScheduledCondition, schedCluster, type SchedCluster } from './helpers';

const CP = 'kubeplay-control-plane';
const WORKERS = ['kubeplay-worker', 'kubeplay-worker2', 'kubeplay-worker3'];

function addNode(sc: SchedCluster, name: string, index: number, cpu = '4'): void {
  sc.c.client.create(sc.c.type('', 'Node'), nodeObject(name, index, { cpu, memory: '8Gi', pods: '110' }, false, '2025-01-01T00:00:00Z'));
  sc.c.settle();
}

describe('scheduler', () => {
  it('binds pods, records Scheduled and sets PodScheduled=True', () => {
    const sc = schedCluster();
    createPod(sc, pod('web'));
    const node = nodeOf(sc, 'web');
    expect(WORKERS).toContain(node);
    expect(events(sc, 'web', 'Scheduled').map((e) => [e.type, e.message, e.source.component])).toEqual([['Normal', `Successfully assigned default/web to ${node}`, 'default-scheduler']]);
    expect(podScheduledCondition(sc, 'web')).toEqual({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' });
  });

  it('never places ordinary pods on the tainted control-plane node', () => {
    const sc = schedCluster();
    for (let i = 0; i < 12; i++) createPod(sc, pod(`p${i}`));
    for (let i = 0; i < 12; i++) expect(nodeOf(sc, `p${i}`)).not.toBe(CP);
  });

  it('a pod tolerating the control-plane taint may land there', () => {
    const sc = schedCluster({ nodes: 0 });
    createPod(sc, pod('tolerant', { spec: { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] } }));
    expect(nodeOf(sc, 'tolerant')).toBe(CP);
  });

  it('spreads a ReplicaSet evenly across the workers', () => {
    const sc = schedCluster();
    const rs = sc.c.client.create(sc.c.type('apps', 'ReplicaSet'), {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-abc', namespace: 'default' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true }];
    for (let i = 0; i < 9; i++) {
      const p = pod(`web-${i}`, { labels: { app: 'web' } });
      p.metadata.ownerReferences = owner;
      createPod(sc, p);
    }
    const per = WORKERS.map((w) => Array.from({ length: 9 }, (_, i) => nodeOf(sc, `web-${i}`)).filter((n) => n === w).length);
    expect(per).toEqual([3, 3, 3]);
  });

  it('reports FailedScheduling with mixed reasons and PodScheduled=False', () => {
    const sc = schedCluster();
    createPod(sc, pod('big', { cpu: '3' }));
    const msg =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(events(sc, 'big', 'FailedScheduling').map((e) => [e.type, e.message])).toEqual([['Warning', msg]]);
    expect(podScheduledCondition(sc, 'big')).toEqual({ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'Unschedulable', message: msg });
    expect(nodeOf(sc, 'big')).toBeUndefined();
  });

  it('retries an unschedulable pod when a node is added', () => {
    const sc = schedCluster();
    createPod(sc, pod('big', { cpu: '3' }));
    sc.c.advance(60_000);
    expect(nodeOf(sc, 'big')).toBeUndefined();
    addNode(sc, 'kubeplay-worker4', 4, '4');
    sc.c.advance(10_000);
    expect(nodeOf(sc, 'big')).toBe('kubeplay-worker4');
  });

  it('retries a pod whose nodeSelector matched nothing once a node gets the label', () => {
    const sc = schedCluster();
    createPod(sc, pod('ssd', { spec: { nodeSelector: { disk: 'ssd' } } }));
    expect(events(sc, 'ssd', 'FailedScheduling')[0].message).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
    sc.c.client.patch(sc.c.type('', 'Node'), undefined, 'kubeplay-worker2', { metadata: { labels: { disk: 'ssd' } } });
    sc.c.advance(10_000);
    expect(nodeOf(sc, 'ssd')).toBe('kubeplay-worker2');
  });

  it('aggregates repeated FailedScheduling events', () => {
    const sc = schedCluster();
    createPod(sc, pod('big', { cpu: '3' }));
    // Deleting another pod is a cluster event that moves it back for another try.
    createPod(sc, pod('small'));
    sc.c.client.delete(sc.c.type('', 'Pod'), 'default', 'small', { gracePeriodSeconds: 0 });
    sc.c.advance(5_000);
    const ev = events(sc, 'big', 'FailedScheduling');
    expect(ev).toHaveLength(1);
    expect(ev[0].count).toBeGreaterThanOrEqual(2);
  });

  it('reports pods waiting for an unbound immediate PVC', () => {
    const sc = schedCluster();
    sc.c.client.create(sc.c.type('', 'PersistentVolumeClaim'), {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    createPod(sc, pod('db', { spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } }));
    expect(events(sc, 'db', 'FailedScheduling')[0].message).toBe(
      '0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    createPod(sc, pod('lost', { spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'nope' } }] } }));
    expect(events(sc, 'lost', 'FailedScheduling')[0].message).toBe(
      '0/4 nodes are available: persistentvolumeclaim "nope" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });

  it('preempts lower-priority pods and nominates the node', () => {
    const sc = schedCluster({ nodes: 1 });
    createPod(sc, pod('low1', { cpu: '900m', spec: { priority: 0 } }));
    createPod(sc, pod('low2', { cpu: '900m', spec: { priority: 0 } }));
    expect(nodeOf(sc, 'low1')).toBe('kubeplay-worker');
    createPod(sc, pod('high', { cpu: '1', spec: { priority: 1000 } }));
    const high = getPod(sc, 'high');
    expect((high.status as { nominatedNodeName?: string }).nominatedNodeName).toBe('kubeplay-worker');
    expect(events(sc, 'high', 'FailedScheduling')[0].message).toBe('0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.');
    // Exactly one victim is enough: the later-created one of equal priority is less important.
    const preempted = ['low1', 'low2'].filter((n) => events(sc, n, 'Preempted').length > 0);
    expect(preempted).toHaveLength(1);
    const victim = getPod(sc, preempted[0]) as KObject | undefined;
    // Without a kubelet the victim stays Terminating; finish its deletion as the kubelet would.
    if (victim) sc.c.client.delete(sc.c.type('', 'Pod'), 'default', preempted[0], { gracePeriodSeconds: 0 });
    sc.c.advance(15_000);
    expect(nodeOf(sc, 'high')).toBe('kubeplay-worker');
  });

  it('does not preempt with preemptionPolicy Never', () => {
    const sc = schedCluster({ nodes: 1 });
    createPod(sc, pod('low', { cpu: '1500m' }));
    createPod(sc, pod('high', { cpu: '1', spec: { priority: 1000, preemptionPolicy: 'Never' } }));
    expect(events(sc, 'high', 'FailedScheduling')[0].message).toBe(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });

  it('schedules higher-priority pods first', () => {
    const sc = schedCluster({ nodes: 1 });
    const t = sc.c.type('', 'Pod');
    // Created in one burst; only one fits.
    sc.c.client.create(t, pod('first', { cpu: '1500m' }));
    sc.c.client.create(t, pod('urgent', { cpu: '1500m', spec: { priority: 10 } }));
    sc.c.settle();
    expect(nodeOf(sc, 'urgent')).toBe('kubeplay-worker');
    expect(nodeOf(sc, 'first')).toBeUndefined();
  });

  it('explains placement: filter verdicts and scores', () => {
    const sc = schedCluster();
    createPod(sc, pod('web'));
    const e = sc.s.explainPlacement('default/web')!;
    expect(e.node).toBe(nodeOf(sc, 'web'));
    expect(e.filters).toEqual([{ node: CP, plugin: 'TaintToleration', reason: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' }]);
    expect(e.feasible.sort()).toEqual(WORKERS);
    expect(new Set(e.scores.map((s) => s.plugin))).toEqual(new Set(['TaintToleration', 'NodeResourcesFit', 'NodeResourcesBalancedAllocation', 'ImageLocality']));
    expect(e.totals).toHaveLength(3);
    createPod(sc, pod('big', { cpu: '3' }));
    const b = sc.s.explainPlacement('default/big')!;
    expect(b.node).toBeUndefined();
    expect(b.message).toMatch(/^0\/4 nodes are available/);
    expect(b.filters.filter((f) => f.plugin === 'NodeResourcesFit').map((f) => f.reason)).toEqual(['Insufficient cpu', 'Insufficient cpu', 'Insufficient cpu']);
  });

  it('is deterministic: same seed, same placements', () => {
    const run = (seed: number) => {
      const sc = schedCluster({ seed, nodes: 5 });
      for (let i = 0; i < 20; i++) createPod(sc, pod(`p${i}`));
      return Array.from({ length: 20 }, (_, i) => nodeOf(sc, `p${i}`));
    };
    expect(run(3)).toEqual(run(3));
  });
});
