// Node failure timeline with the node lifecycle, taint eviction and pod GC controllers against
// fake kubelets and a fake ReplicaSet: Unknown after the grace period, taints, NotReady pods,
// eviction after 300 s, replacements elsewhere, recovery, node removal.

import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster';
import type { KObject } from '../../../../src/engine/api/types';
import { nodeLifecycleControllerFactory, podGCControllerFactory, taintEvictionControllerFactory } from '../../../../src/engine/controllers/node-lifecycle';
import { parseTime } from '../../../../src/engine/util/time';
import { fakeKubelet, fakeReplicaSet } from './fakes';

const W1 = 'kubeplay-worker';

function setup(replicas = 3) {
  const failed = new Set<string>();
  const c = createCluster({
    seed: 3,
    components: [fakeKubelet(failed), fakeReplicaSet('web', replicas), nodeLifecycleControllerFactory, taintEvictionControllerFactory, podGCControllerFactory],
  });
  const node = (name = W1) => c.client.get(c.type('', 'Node'), undefined, name)!;
  const ready = (name = W1) => ((node(name).status as { conditions: Record<string, string>[] }).conditions.find((x) => x.type === 'Ready'))!;
  const taints = (name = W1) => ((node(name).spec as { taints?: Record<string, string>[] }).taints ?? []);
  const pods = () => c.client.list(c.type('', 'Pod'), 'default').items;
  const on = (n: string) => pods().filter((p) => (p.spec as { nodeName: string }).nodeName === n);
  const events = () => c.client.list(c.type('', 'Event'), 'default').items as (KObject & { reason: string; message: string; involvedObject: { kind: string; name: string }; source: { component: string } })[];
  return { c, failed, node, ready, taints, pods, on, events };
}

describe('node lifecycle: node failure', () => {
  it('goes Unknown after the grace period, taints, marks pods not ready, evicts at 300 s and replaces', () => {
    const s = setup(3);
    s.c.advance(20_000);
    expect(s.on(W1).length).toBe(1);
    expect(s.ready().status).toBe('True');
    expect(s.events().some((e) => e.reason === 'RegisteredNode' && e.message === `Node ${W1} event: Registered Node ${W1} in Controller`)).toBe(true);

    s.failed.add(W1);
    const failedAt = s.c.clock.now();
    s.c.advance(35_000);
    expect(s.ready().status).toBe('True');
    s.c.advance(20_000); // 55 s after the last renewal at most: past 40 s grace + one 5 s monitor period
    const r = s.ready();
    expect(r.status).toBe('Unknown');
    expect(r.reason).toBe('NodeStatusUnknown');
    expect(r.message).toBe('Kubelet stopped posting node status.');
    const conds = (s.node().status as { conditions: Record<string, string>[] }).conditions;
    expect(conds.map((x) => x.status)).toEqual(['Unknown', 'Unknown', 'Unknown', 'Unknown']);
    const unknownAt = parseTime(r.lastTransitionTime)!;
    expect(unknownAt - failedAt).toBeGreaterThan(40_000);
    expect(unknownAt - failedAt).toBeLessThanOrEqual(55_000);

    s.c.advance(6_000);
    const t = s.taints();
    expect(t.map((x) => `${x.key}:${x.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(t.every((x) => typeof x.timeAdded === 'string')).toBe(true);
    const nodeEvent = s.events().find((e) => e.reason === 'NodeNotReady' && e.involvedObject.kind === 'Node');
    expect(nodeEvent?.message).toBe(`Node ${W1} status is now: NodeNotReady`);
    expect(nodeEvent?.source.component).toBe('node-controller');

    const victim = s.on(W1)[0];
    const podReady = (victim.status as { conditions: Record<string, string>[] }).conditions.find((x) => x.type === 'Ready');
    expect(podReady?.status).toBe('False');
    expect(s.events().some((e) => e.reason === 'NodeNotReady' && e.involvedObject.name === victim.metadata.name && e.message === 'Node is not ready')).toBe(true);

    const taintedAt = parseTime(t.find((x) => x.effect === 'NoExecute')!.timeAdded)!;
    s.c.advance(taintedAt + 299_000 - s.c.clock.now());
    expect(s.on(W1)[0].metadata.deletionTimestamp).toBeUndefined();
    s.c.advance(2_000);
    const evicted = s.on(W1)[0];
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    const ev = s.events().find((e) => e.reason === 'TaintManagerEviction');
    expect(ev?.message).toBe(`Marking for deletion Pod default/${victim.metadata.name}`);
    expect(ev?.source.component).toBe('taint-eviction-controller');
    const dt = (evicted.status as { conditions: Record<string, string>[] }).conditions.find((x) => x.type === 'DisruptionTarget');
    expect(dt?.reason).toBe('DeletionByTaintManager');

    s.c.advance(5_000);
    const live = s.pods().filter((p) => !p.metadata.deletionTimestamp);
    expect(live.length).toBe(3);
    expect(live.every((p) => (p.spec as { nodeName: string }).nodeName !== W1)).toBe(true);
    // The dead kubelet cannot finish the deletion: the pod stays Terminating.
    s.c.advance(120_000);
    expect(s.on(W1).length).toBe(1);
  });

  it('recovers: Ready again, taints removed, the terminating pod finished by its kubelet', () => {
    const s = setup(2);
    s.c.advance(20_000);
    s.failed.add(W1);
    s.c.advance(400_000);
    expect(s.on(W1).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    s.failed.delete(W1);
    s.c.advance(20_000);
    expect(s.ready().status).toBe('True');
    expect(s.taints()).toEqual([]);
    expect(s.on(W1).filter((p) => p.metadata.deletionTimestamp)).toEqual([]);
  });

  it('a pod that does not tolerate the taint goes at once; one that tolerates it forever stays', () => {
    const s = setup(0);
    s.c.advance(10_000);
    const podT = s.c.type('', 'Pod');
    const mk = (name: string, tolerations: unknown[]) =>
      s.c.client.create(podT, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: W1, tolerations, containers: [{ name: 'c', image: 'nginx' }] } });
    mk('forever', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }]);
    mk('short', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }]);
    s.c.advance(10_000);
    s.failed.add(W1);
    s.c.advance(65_000); // Unknown + NoExecute taint
    const byName = (n: string) => s.c.client.get(podT, 'default', n)!;
    expect(s.taints().some((t) => t.effect === 'NoExecute')).toBe(true);
    s.c.advance(12_000);
    expect(byName('short').metadata.deletionTimestamp).toBeDefined();
    s.c.advance(1_000_000);
    expect(byName('forever').metadata.deletionTimestamp).toBeUndefined();
  });

  it('pod GC removes the pods of a deleted node after the quarantine', () => {
    const s = setup(2);
    s.c.advance(20_000);
    expect(s.on(W1).length).toBe(1);
    s.failed.add(W1);
    s.c.client.delete(s.c.type('', 'Node'), undefined, W1);
    s.c.advance(30_000);
    expect(s.on(W1).length).toBe(1);
    s.c.advance(60_000);
    expect(s.on(W1).length).toBe(0);
    expect(s.events().some((e) => e.reason === 'RemovingNode' && e.message === `Node ${W1} event: Removing Node ${W1} from Controller`)).toBe(true);
  });

  it('stops tainting when every node is down (full disruption) and untaints', () => {
    const s = setup(0);
    s.c.advance(10_000);
    for (const n of s.c.client.list(s.c.type('', 'Node')).items) s.failed.add(n.metadata.name!);
    s.c.advance(120_000);
    expect(s.ready().status).toBe('Unknown');
    expect(s.taints().map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
  });
});
