// The framework's fused node-local filter and score loops (node-local.ts, NodeTable) against the
// plugins called one by one, on seeded random clusters: tainted, cordoned, full and extended-
// resource nodes, pods with and without requests, tolerations and images.
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/engine/api/types';
import { Random } from '../../../src/engine/clock';
import { FILTER_PLUGINS, SCORE_PLUGINS, numFeasibleNodesToFind, runFilters, runPreFilters, schedulePod } from '../../../src/engine/scheduler/framework';
import { onlyNodeLocalFilters } from '../../../src/engine/scheduler/node-local';
import { podInfoOf } from '../../../src/engine/scheduler/pod-info';
import type { SchedulerCache } from '../../../src/engine/scheduler/cache';
import type { CycleState } from '../../../src/engine/scheduler/types';
import { cacheWith, emptyListers, nodeObj, podObj } from './fixtures';

const GPU = 'example.com/gpu';

function pick<T>(r: Random, xs: readonly T[]): T {
  return xs[r.intn(xs.length)];
}

function randomNode(r: Random, i: number): KObject {
  const taints = [
    [],
    [],
    [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }],
    [{ key: 'slow', effect: 'PreferNoSchedule' }],
    [{ key: 'slow', effect: 'PreferNoSchedule' }, { key: 'old', value: 'x', effect: 'PreferNoSchedule' }],
  ];
  const n = nodeObj(`n${i}`, {
    cpu: pick(r, ['1', '2', '4', '64']),
    memory: pick(r, ['1Gi', '4Gi', '8Gi']),
    pods: pick(r, ['2', '5', '110']),
    unschedulable: r.intn(8) === 0,
    taints: pick(r, taints),
    images: r.intn(3) === 0 ? [{ names: ['docker.io/library/nginx:1.27', 'nginx:1.27'], sizeBytes: 500 * 1024 * 1024 }] : undefined,
  });
  if (r.intn(4) === 0) (n.status as { allocatable: Record<string, string> }).allocatable[GPU] = '2';
  return n;
}

function randomPod(r: Random, i: number): KObject {
  const requests: Record<string, string> = {};
  if (r.intn(3) > 0) requests.cpu = pick(r, ['100m', '500m', '1']);
  if (r.intn(3) > 0) requests.memory = pick(r, ['128Mi', '1Gi']);
  if (r.intn(6) === 0) requests[GPU] = '1';
  const tolerations = pick(r, [[], [{ key: 'dedicated', operator: 'Exists' }], [{ key: 'slow', operator: 'Exists', effect: 'PreferNoSchedule' }], [{ operator: 'Exists' }]]);
  const image = pick(r, ['nginx:1.27', 'redis']);
  return podObj(`p${i}`, { containers: [{ name: 'c', image, resources: { requests } }], tolerations });
}

/** The attempt as the plugins compute it one call at a time. */
function reference(state: CycleState, start: number) {
  const pre = runPreFilters(state);
  if (!('active' in pre)) throw new Error('unexpected PreFilter rejection');
  const nodes = state.cache.nodes();
  const want = numFeasibleNodesToFind(nodes.length);
  const feasible = [];
  const failed: [string, string, string][] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[(start + i) % nodes.length];
    const f = runFilters(state, pre.active, node);
    if (f) failed.push([node.name, f[0], f[1].reasons.join(', ')]);
    else {
      feasible.push(node);
      if (feasible.length >= want) break;
    }
  }
  const scores: [string, number[]][] = [];
  if (feasible.length > 1) {
    for (const p of SCORE_PLUGINS) {
      if (p.preScore && !p.preScore(state, feasible)) continue;
      const s = new Float64Array(feasible.length);
      for (let i = 0; i < feasible.length; i++) s[i] = p.score(state, feasible[i]);
      p.normalize?.(state, feasible, s);
      scores.push([p.name, [...s]]);
    }
  }
  return { active: pre.active, feasible: feasible.map((n) => n.name), failed, scores };
}

function run(seed: number, numNodes: number, numPods: number): void {
  const r = new Random(seed);
  const cache: SchedulerCache = cacheWith(Array.from({ length: numNodes }, (_, i) => randomNode(r, i)));
  const random = new Random(seed + 1);
  let start = 0;
  let fusedRuns = 0;
  for (let i = 0; i < numPods; i++) {
    const pod = randomPod(r, i);
    const want = reference({ pod: podInfoOf(pod), cache, listers: emptyListers(), data: new Map() }, start);
    const res = schedulePod({ pod: podInfoOf(pod), cache, listers: emptyListers(), data: new Map() }, random, start);
    if (onlyNodeLocalFilters(want.active)) fusedRuns++;
    expect(res.feasible.map((n) => n.name)).toEqual(want.feasible);
    expect(res.failedNodes.map((n, j) => [n.name, res.failedPlugins[j], res.failedStatuses[j].reasons.join(', ')])).toEqual(want.failed);
    expect(res.scores.map((s) => [s.plugin.name, [...s.scores.subarray(s.offset, s.offset + res.feasible.length)]])).toEqual(want.scores);
    if (res.totals) {
      const totals = want.feasible.map((_, k) => want.scores.reduce((sum, [name, s]) => sum + s[k] * SCORE_PLUGINS.find((p) => p.name === name)!.weight, 0));
      expect([...res.totals]).toEqual(totals);
    }
    start = (start + res.processed) % numNodes;
    if (res.node) cache.upsertPod(podInfoOf({ ...pod, metadata: { ...pod.metadata, uid: `u${i}` }, spec: { ...(pod.spec as object), nodeName: res.node.name } }));
  }
  expect(fusedRuns).toBe(numPods);
}

describe('node-local fused loops', () => {
  it('the common pod keeps only the three node-local filters', () => {
    const cache = cacheWith([nodeObj('a')]);
    const pre = runPreFilters({ pod: podInfoOf(podObj('p')), cache, listers: emptyListers(), data: new Map() });
    expect('active' in pre && pre.active.map((p) => p.name)).toEqual(['NodeUnschedulable', 'TaintToleration', 'NodeResourcesFit']);
    expect(FILTER_PLUGINS.length).toBe(9);
  });

  for (const [seed, nodes] of [
    [1, 12],
    [2, 40],
    [3, 150],
  ] as const) {
    it(`match the plugins one by one (seed ${seed}, ${nodes} nodes)`, () => run(seed, nodes, 120));
  }
});
