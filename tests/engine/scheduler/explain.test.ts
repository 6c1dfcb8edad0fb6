// The explanation store keeps a compact copy of each attempt (scanned range instead of the
// feasible list, scores as bytes, totals recomputed): what it gives back must be what the
// framework computed.
import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/engine/clock';
import { ExplanationStore } from '../../../src/engine/scheduler/explain';
import { schedulePod, type ScheduleResult } from '../../../src/engine/scheduler/framework';
import { podInfoOf } from '../../../src/engine/scheduler/pod-info';
import { nodeAffinity } from '../../../src/engine/scheduler/plugins/node-affinity';
import { interPodAffinity } from '../../../src/engine/scheduler/plugins/inter-pod-affinity';
import { cacheWith, emptyListers, nodeObj, podObj, req } from './fixtures';

/** The explanation the framework's own result describes, built directly from it. */
function direct(res: ScheduleResult) {
  const m = res.feasible.length;
  return {
    filters: res.failedNodes.map((n, i) => ({ node: n.name, plugin: res.failedPlugins[i], reason: res.failedStatuses[i].reasons.join(', ') })),
    feasible: res.feasible.map((n) => n.name),
    scores: res.feasible.flatMap((n, i) => res.scores.map((s) => ({ node: n.name, plugin: s.plugin.name, score: s.scores[s.offset + i], weight: s.plugin.weight }))),
    totals: res.totals ? res.feasible.map((n, i) => ({ node: n.name, score: res.totals![i] })) : [],
    m,
  };
}

describe('ExplanationStore', () => {
  it('gives back the filters, feasible nodes, scores and totals of each attempt', () => {
    // 150 nodes (100 scanned per attempt), a few full ones, one tainted, one cordoned.
    const nodes = Array.from({ length: 150 }, (_, i) =>
      nodeObj(`n${i}`, { cpu: i % 7 === 0 ? '1' : '4', unschedulable: i === 3, taints: i === 5 ? [{ key: 'k', effect: 'NoSchedule' }] : undefined }),
    );
    const cache = cacheWith(nodes);
    const store = new ExplanationStore();
    const random = new Random(7);
    let start = 0;
    let scanned = 0;
    for (let i = 0; i < 60; i++) {
      const pod = podObj(`p${i}`, { containers: [{ name: 'c', image: 'nginx', ...req(i % 3 === 0 ? '1500m' : '200m', '256Mi') }] });
      const res = schedulePod({ pod: podInfoOf(pod), cache, listers: emptyListers(), data: new Map() }, random, start);
      store.record(`default/p${i}`, res, res.node?.name, res.node ? undefined : 'no fit');
      const want = direct(res);
      const got = store.explain(`default/p${i}`)!;
      expect(got.feasible).toEqual(want.feasible);
      expect(got.filters).toEqual(want.filters);
      expect(got.scores).toEqual(want.scores);
      expect(got.totals).toEqual(want.totals);
      expect(got.node).toBe(res.node?.name);
      scanned += res.failedNodes.length;
      start = (start + res.processed) % nodes.length;
      if (res.node) cache.upsertPod(podInfoOf({ ...pod, metadata: { ...pod.metadata, uid: `u${i}` }, spec: { ...(pod.spec as object), nodeName: res.node.name } }));
    }
    expect(scanned).toBeGreaterThan(0);
  });

  it('a nominated node tried first is kept as the only feasible node', () => {
    const cache = cacheWith([nodeObj('a'), nodeObj('b'), nodeObj('c')]);
    const pod = podObj('p');
    (pod as { status?: unknown }).status = { nominatedNodeName: 'c' };
    const res = schedulePod({ pod: podInfoOf(pod), cache, listers: emptyListers(), data: new Map() }, new Random(1), 0);
    const store = new ExplanationStore();
    store.record('default/p', res, 'c', undefined);
    expect(store.explain('default/p')).toEqual({ node: 'c', filters: [], feasible: ['c'], scores: [], totals: [] });
  });

  it('keeps scores that do not fit a byte as they are', () => {
    const cache = cacheWith([nodeObj('a'), nodeObj('b')]);
    const [a, b] = cache.nodes();
    const scores = Float64Array.from([1.5, -2, 300, 7]);
    const res: ScheduleResult = {
      node: a,
      numAllNodes: 2,
      failedNodes: [],
      failedPlugins: [],
      failedStatuses: [],
      feasible: [a, b],
      order: [a, b],
      start: 0,
      processed: 2,
      scores: [
        { plugin: nodeAffinity, scores, offset: 0 },
        { plugin: interPodAffinity, scores, offset: 2 },
      ],
      totals: Float64Array.from([1.5 * 2 + 300 * 2, -2 * 2 + 7 * 2]),
      active: [],
    };
    const store = new ExplanationStore();
    store.record('default/p', res, 'a', undefined);
    const want = direct(res);
    const got = store.explain('default/p')!;
    expect(got.scores).toEqual(want.scores);
    expect(got.totals).toEqual(want.totals);
  });
});
