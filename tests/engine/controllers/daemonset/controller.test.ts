// The DaemonSet controller on a cluster with a fake kubelet: one pod per eligible node (taints,
// nodeSelector, nodes added later), the pod shape (tolerations, node pin, labels), status,
// ControllerRevisions, RollingUpdate one node at a time, OnDelete.

import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster';
import { clone, type KObject } from '../../../../src/engine/api/types';
import type { ComponentFactory } from '../../../../src/engine/controllers/deps';
import { daemonSetControllerFactory, targetNodeName } from '../../../../src/engine/controllers/daemonset';
import { nodeObject } from '../../../../src/engine/bootstrap';
import { rfc3339 } from '../../../../src/engine/util/time';

/** Marks every pod Running + Ready one second after it appears (unbound pods too: no scheduler here). */
const fakeKubelet: ComponentFactory = (deps) => ({
  start() {
    const podT = deps.type('', 'Pod');
    const tick = () => {
      for (const p of deps.client.list(podT).items) {
        if ((p.status as { phase?: string }).phase === 'Running') continue;
        const next = clone(p);
        next.status = { ...(next.status as object), phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(deps.clock.now()) }] };
        deps.client.updateStatus(podT, next);
      }
      deps.clock.schedule(1000, tick);
    };
    deps.clock.schedule(1000, tick);
  },
});

function ds(name: string, extra: Record<string, unknown> = {}, strategy?: unknown): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/kube-proxy:v1.32.4' }], ...extra } },
      ...(strategy ? { updateStrategy: strategy } : {}),
    },
  };
}

function setup() {
  const c = createCluster({ seed: 5, components: [fakeKubelet, daemonSetControllerFactory] });
  const dsT = c.type('apps', 'DaemonSet');
  const podT = c.type('', 'Pod');
  const nodeT = c.type('', 'Node');
  const pods = (app: string) => c.client.list(podT, 'kube-system', { labelSelector: `app=${app}` }).items;
  const live = (app: string) => pods(app).filter((p) => !p.metadata.deletionTimestamp);
  const targets = (app: string) => live(app).map(targetNodeName).sort();
  const status = (name: string) => c.client.get(dsT, 'kube-system', name)!.status as Record<string, number>;
  const patchNode = (name: string, f: (n: KObject) => void) => {
    const n = clone(c.client.get(nodeT, undefined, name)!);
    f(n);
    c.client.update(nodeT, n);
  };
  return { c, dsT, podT, nodeT, pods, live, targets, status, patchNode };
}

const WORKERS = ['kubeplay-worker', 'kubeplay-worker2', 'kubeplay-worker3'];

describe('DaemonSet controller', () => {
  it('runs one pod per untainted node, pinned by node affinity, with the daemon tolerations', () => {
    const s = setup();
    s.c.client.create(s.dsT, ds('proxy'));
    s.c.advance(3000);
    expect(s.targets('proxy')).toEqual(WORKERS);
    const pod = s.live('proxy').find((p) => targetNodeName(p) === 'kubeplay-worker')!;
    expect(pod.metadata.name).toMatch(/^proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const spec = pod.spec as Record<string, unknown>;
    expect(spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['kubeplay-worker'] }] }] } } });
    expect(spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    const hash = pod.metadata.labels!['controller-revision-hash'];
    expect(pod.metadata.labels).toEqual({ app: 'proxy', 'controller-revision-hash': hash, 'pod-template-generation': '1' });
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', name: 'proxy', controller: true, blockOwnerDeletion: true });
    const revs = s.c.client.list(s.c.type('apps', 'ControllerRevision'), 'kube-system').items;
    expect(revs.map((r) => [r.metadata.name, r.revision])).toEqual([[`proxy-${hash}`, 1]]);
    expect(s.status('proxy')).toEqual({
      currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 3, observedGeneration: 1, updatedNumberScheduled: 3, numberAvailable: 3,
    });
    const events = s.c.client.list(s.c.type('', 'Event'), 'kube-system').items.filter((e) => e.reason === 'SuccessfulCreate');
    expect(events.map((e) => e.message).sort()).toEqual(s.live('proxy').map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect((events[0].source as { component: string }).component).toBe('daemonset-controller');
  });

  it('adds hostNetwork pods the network-unavailable toleration and runs on the control plane when tolerated', () => {
    const s = setup();
    s.c.client.create(s.dsT, ds('net', { hostNetwork: true, tolerations: [{ operator: 'Exists' }] }));
    s.c.advance(2000);
    expect(s.targets('net')).toEqual(['kubeplay-control-plane', ...WORKERS]);
    const tol = (s.live('net')[0].spec as { tolerations: { key?: string }[] }).tolerations;
    expect(tol.map((t) => t.key ?? '')).toEqual(['', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable', 'node.kubernetes.io/disk-pressure', 'node.kubernetes.io/memory-pressure', 'node.kubernetes.io/pid-pressure', 'node.kubernetes.io/unschedulable', 'node.kubernetes.io/network-unavailable']);
  });

  it('follows nodes: a node added later, nodeSelector labels, NoExecute taints', () => {
    const s = setup();
    s.c.client.create(s.dsT, ds('sel', { nodeSelector: { role: 'edge' } }));
    s.c.client.create(s.dsT, ds('all'));
    s.c.advance(2000);
    expect(s.targets('sel')).toEqual([]);
    expect(s.status('sel').desiredNumberScheduled).toBe(0);
    s.patchNode('kubeplay-worker2', (n) => (n.metadata.labels!.role = 'edge'));
    s.c.advance(2000);
    expect(s.targets('sel')).toEqual(['kubeplay-worker2']);

    s.c.client.create(s.nodeT, nodeObject('kubeplay-worker4', 4, { cpu: '2', memory: '4Gi', pods: '110' }, false, rfc3339(s.c.clock.now())));
    s.c.advance(2000);
    expect(s.targets('all')).toEqual([...WORKERS, 'kubeplay-worker4']);

    s.patchNode('kubeplay-worker2', (n) => delete n.metadata.labels!.role);
    s.patchNode('kubeplay-worker3', (n) => ((n.spec as Record<string, unknown>).taints = [{ key: 'evict', effect: 'NoExecute' }]));
    s.c.advance(2000);
    expect(s.targets('sel')).toEqual([]);
    expect(s.targets('all')).toEqual(['kubeplay-worker', 'kubeplay-worker2', 'kubeplay-worker4']);
    // A NoSchedule taint stops new pods but keeps a running one.
    s.patchNode('kubeplay-worker', (n) => ((n.spec as Record<string, unknown>).taints = [{ key: 'hold', effect: 'NoSchedule' }]));
    s.c.advance(2000);
    expect(s.targets('all')).toContain('kubeplay-worker');
    expect(s.status('all').desiredNumberScheduled).toBe(2);
    expect(s.status('all').numberMisscheduled).toBe(1);
  });

  it('replaces a deleted pod', () => {
    const s = setup();
    s.c.client.create(s.dsT, ds('re'));
    s.c.advance(2000);
    const victim = s.live('re')[0];
    s.c.client.delete(s.podT, 'kube-system', victim.metadata.name!);
    s.c.advance(2000);
    expect(s.targets('re')).toEqual(WORKERS);
    expect(s.live('re').some((p) => p.metadata.name === victim.metadata.name)).toBe(false);
  });

  it('rolls out a new template one node at a time (maxUnavailable 1)', () => {
    const s = setup();
    s.c.client.create(s.dsT, ds('roll'));
    s.c.advance(3000);
    const cur = clone(s.c.client.get(s.dsT, 'kube-system', 'roll')!);
    ((cur.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]).image = 'registry.k8s.io/kube-proxy:v1.32.5';
    s.c.client.update(s.dsT, cur);
    let maxUnavailable = 0;
    for (let i = 0; i < 100; i++) {
      s.c.advance(100);
      const ready = s.live('roll').filter((p) => (p.status as { phase?: string }).phase === 'Running').length;
      maxUnavailable = Math.max(maxUnavailable, 3 - ready);
    }
    expect(maxUnavailable).toBe(1);
    const images = s.live('roll').map((p) => (p.spec as { containers: { image: string }[] }).containers[0].image);
    expect(images).toEqual(Array(3).fill('registry.k8s.io/kube-proxy:v1.32.5'));
    expect(s.status('roll')).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
    const revs = s.c.client.list(s.c.type('apps', 'ControllerRevision'), 'kube-system').items;
    expect(revs.map((r) => r.revision).sort()).toEqual([1, 2]);
  });

  it('OnDelete leaves old pods until they are deleted', () => {
    const s = setup();
    s.c.client.create(s.dsT, ds('od', {}, { type: 'OnDelete' }));
    s.c.advance(2000);
    const before = s.live('od').map((p) => p.metadata.name).sort();
    const cur = clone(s.c.client.get(s.dsT, 'kube-system', 'od')!);
    ((cur.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]).image = 'busybox';
    s.c.client.update(s.dsT, cur);
    s.c.advance(5000);
    expect(s.live('od').map((p) => p.metadata.name).sort()).toEqual(before);
    expect(s.status('od').updatedNumberScheduled).toBe(0);
    s.c.client.delete(s.podT, 'kube-system', before[0]!);
    s.c.advance(2000);
    expect(s.status('od').updatedNumberScheduled).toBe(1);
  });
});
