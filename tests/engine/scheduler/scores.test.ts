// Score plugins and normalisation: rows worked from upstream's formulas (helper/normalize_score,
// least_allocated, balanced_allocation, imagelocality, podtopologyspread, interpodaffinity).
import { describe, expect, it } from 'vitest';
import { defaultNormalizeScore } from '../../../src/engine/scheduler/plugins/normalize';
import { balancedAllocation, nodeResourcesFit } from '../../../src/engine/scheduler/plugins/resources';
import { imageLocality, imagePriority } from '../../../src/engine/scheduler/plugins/image-locality';
import { taintToleration } from '../../../src/engine/scheduler/plugins/basic';
import { nodeAffinity } from '../../../src/engine/scheduler/plugins/node-affinity';
import { podTopologySpread } from '../../../src/engine/scheduler/plugins/topology-spread';
import { interPodAffinity } from '../../../src/engine/scheduler/plugins/inter-pod-affinity';
import { numFeasibleNodesToFind, selectHost } from '../../../src/engine/scheduler/framework';
import type { ScorePlugin } from '../../../src/engine/scheduler/types';
import type { KObject } from '../../../src/engine/api/types';
import { Random } from '../../../src/engine/clock';
import { cacheWith, emptyListers, nodeObj, podObj, req, stateFor } from './fixtures';

describe('DefaultNormalizeScore', () => {
  const rows: { input: number[]; reverse: boolean; want: number[] }[] = [
    { input: [10, 20, 30], reverse: false, want: [33, 66, 100] },
    { input: [10, 20, 30], reverse: true, want: [67, 34, 0] },
    { input: [1000, 10, 20, 30], reverse: false, want: [100, 1, 2, 3] },
    { input: [1000, 10, 20, 30], reverse: true, want: [0, 99, 98, 97] },
    { input: [1, 1, 1, 1], reverse: false, want: [100, 100, 100, 100] },
    { input: [1, 1, 1, 1], reverse: true, want: [0, 0, 0, 0] },
    { input: [0, 0, 0, 0], reverse: false, want: [0, 0, 0, 0] },
    { input: [0, 0, 0, 0], reverse: true, want: [100, 100, 100, 100] },
  ];
  for (const r of rows) {
    it(`${r.input} reverse=${r.reverse}`, () => {
      const a = Float64Array.from(r.input);
      defaultNormalizeScore(a, r.reverse);
      expect([...a]).toEqual(r.want);
    });
  }
});

/** Scores (normalised when the plugin normalises) of `pod` on each node, in node order. */
function scores(p: ScorePlugin, pod: KObject, nodes: KObject[], existing: KObject[] = [], listers = emptyListers()): number[] | 'skip' {
  const cache = cacheWith(nodes, existing);
  const state = stateFor(pod, cache, listers);
  const infos = nodes.map((n) => cache.node(n.metadata.name!)!);
  if (p.preScore && !p.preScore(state, infos)) return 'skip';
  const a = Float64Array.from(infos.map((n) => p.score(state, n)));
  p.normalize?.(state, infos, a);
  return [...a];
}

describe('NodeResourcesFit LeastAllocated', () => {
  const on = (name: string, node: string, cpu: string, mem: string) => podObj(name, { nodeName: node, containers: [{ name: 'c', image: 'x', ...req(cpu, mem) }] });
  const rows: { name: string; pod: KObject; nodes: KObject[]; existing?: KObject[]; want: number[] }[] = [
    {
      // Upstream "nothing scheduled, nothing requested": empty pods count as 100m / 200Mi.
      name: 'nothing requested counts the non-zero defaults',
      pod: podObj('p'),
      nodes: [nodeObj('a', { cpu: '4', memory: '10000Mi' }), nodeObj('b', { cpu: '4', memory: '10000Mi' })],
      // cpu (4000-100)*100/4000 = 97, memory (10000-200)Mi*100/10000Mi = 98 -> (97+98)/2 = 97.
      want: [97, 97],
    },
    {
      // cpu (4000-3000)*100/4000 = 25, memory (10000-5000)*100/10000 = 50 -> 37; node b: cpu 50, memory 50 -> 50.
      name: 'differently sized nodes',
      pod: podObj('p', { containers: [{ name: 'c', image: 'x', ...req('3', '5000') }] }),
      nodes: [nodeObj('a', { cpu: '4', memory: '10000' }), nodeObj('b', { cpu: '6', memory: '10000' })],
      want: [37, 50],
    },
    {
      name: 'requested beyond capacity scores zero for that resource',
      pod: podObj('p', { containers: [{ name: 'c', image: 'x', ...req('3', '0') }] }),
      nodes: [nodeObj('a', { cpu: '4', memory: '10000' })],
      existing: [on('e', 'a', '2', '0')],
      want: [Math.trunc((0 + 100) / 2)],
    },
  ];
  for (const r of rows) it(r.name, () => expect(scores(nodeResourcesFit, r.pod, r.nodes, r.existing)).toEqual(r.want));
});

describe('NodeResourcesBalancedAllocation', () => {
  const rows: { name: string; pod: KObject; nodes: KObject[]; want: number[] }[] = [
    // cpu 3000/4000 = 0.75, memory 5000/10000 = 0.5 -> 100 * (1 - 0.125) = 87.
    { name: 'fractions 0.75 and 0.5', pod: podObj('p', { containers: [{ name: 'c', image: 'x', ...req('3', '5000') }] }), nodes: [nodeObj('a', { cpu: '4', memory: '10000' })], want: [87] },
    { name: 'perfectly balanced', pod: podObj('p', { containers: [{ name: 'c', image: 'x', ...req('2', '5000') }] }), nodes: [nodeObj('a', { cpu: '4', memory: '10000' })], want: [100] },
    { name: 'no requests: zero fractions are balanced', pod: podObj('p'), nodes: [nodeObj('a')], want: [100] },
    // fractions capped at 1: cpu 6000/4000 -> 1, memory 0 -> std 0.5 -> 50.
    { name: 'fractions are capped at 1', pod: podObj('p', { containers: [{ name: 'c', image: 'x', ...req('6', '0') }] }), nodes: [nodeObj('a', { cpu: '4', memory: '10000' })], want: [50] },
  ];
  for (const r of rows) it(r.name, () => expect(scores(balancedAllocation, r.pod, r.nodes)).toEqual(r.want));
});

describe('ImageLocality', () => {
  const MB = 1024 * 1024;
  it('calculatePriority clamps and scales', () => {
    expect(imagePriority(0, 1)).toBe(0);
    expect(imagePriority(23 * MB, 1)).toBe(0);
    expect(imagePriority(1000 * MB, 1)).toBe(100);
    expect(imagePriority(5000 * MB, 1)).toBe(100);
    expect(imagePriority(250 * MB, 1)).toBe(Math.trunc((100 * (250 * MB - 23 * MB)) / (977 * MB)));
    expect(imagePriority(1000 * MB, 2)).toBe(Math.trunc((100 * (977 * MB)) / (1977 * MB)));
  });
  it('scales image size by the share of nodes that have it', () => {
    const img = (names: string[], size: number) => ({ names, sizeBytes: size });
    const nodes = [
      nodeObj('a', { images: [img(['gcr.io/40:latest'], 40 * MB), img(['gcr.io/300:latest'], 300 * MB)] }),
      nodeObj('b', { images: [img(['gcr.io/300:latest'], 300 * MB)] }),
      nodeObj('c'),
    ];
    const pod = podObj('p', { containers: [{ name: 'a', image: 'gcr.io/40' }, { name: 'b', image: 'gcr.io/300' }] });
    // a: 40MB*1/3 + 300MB*2/3; b: 300MB*2/3; c: nothing.
    const sumA = Math.trunc(40 * MB * (1 / 3)) + Math.trunc(300 * MB * (2 / 3));
    const sumB = Math.trunc(300 * MB * (2 / 3));
    expect(scores(imageLocality, pod, nodes)).toEqual([imagePriority(sumA, 2), imagePriority(sumB, 2), 0]);
  });
});

describe('TaintToleration score', () => {
  const t = (key: string, value: string) => ({ key, value, effect: 'PreferNoSchedule' });
  it('fewer intolerable PreferNoSchedule taints score higher (reverse normalised)', () => {
    const nodes = [nodeObj('a', { taints: [t('foo', 'bar')] }), nodeObj('b', { taints: [t('foo', 'bar'), t('x', 'y')] }), nodeObj('c')];
    expect(scores(taintToleration, podObj('p'), nodes)).toEqual([50, 0, 100]);
  });
  it('tolerated PreferNoSchedule taints do not count', () => {
    const nodes = [nodeObj('a', { taints: [t('foo', 'bar')] }), nodeObj('b', { taints: [t('cpu-type', 'arm64')] })];
    const pod = podObj('p', { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }] });
    expect(scores(taintToleration, pod, nodes)).toEqual([100, 0]);
  });
  it('NoSchedule tolerations do not tolerate PreferNoSchedule taints', () => {
    const nodes = [nodeObj('a', { taints: [t('foo', 'bar')] }), nodeObj('b')];
    const pod = podObj('p', { tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(scores(taintToleration, pod, nodes)).toEqual([0, 100]);
  });
});

describe('NodeAffinity score', () => {
  const pref = (terms: { weight: number; key: string; value: string }[]) => ({
    affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms.map((t) => ({ weight: t.weight, preference: { matchExpressions: [{ key: t.key, operator: 'In', values: [t.value] }] } })) } },
  });
  it('skips pods without preferred terms', () => expect(scores(nodeAffinity, podObj('p'), [nodeObj('a')])).toBe('skip'));
  it('sums matching weights, scaled so the best is 100', () => {
    const pod = podObj('p', pref([{ weight: 2, key: 'foo', value: 'bar' }, { weight: 4, key: 'key', value: 'value' }, { weight: 5, key: 'az', value: 'az1' }]));
    const nodes = [nodeObj('a', { labels: { foo: 'bar' } }), nodeObj('b', { labels: { key: 'value' } }), nodeObj('c', { labels: { foo: 'bar', key: 'value', az: 'az1' } })];
    // raw 2, 4, 11 -> 100*2/11 = 18, 100*4/11 = 36, 100.
    expect(scores(nodeAffinity, pod, nodes)).toEqual([18, 36, 100]);
  });
});

describe('PodTopologySpread score', () => {
  const nodes = [nodeObj('a'), nodeObj('b'), nodeObj('c')];
  const on = (name: string, node: string) => podObj(name, { nodeName: node }, { labels: { app: 'web' } });
  const existing = [on('e1', 'a'), on('e2', 'a'), on('e3', 'b')];
  it('scores ScheduleAnyway constraints: fewer matching pods is better', () => {
    const pod = podObj('p', { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] }, { labels: { app: 'web' } });
    // weight ln(3+2) = 1.609; raw round(2*1.609) = 3, round(1.609) = 2, 0 -> 100*(3+0-s)/3.
    expect(scores(podTopologySpread, pod, nodes, existing)).toEqual([0, 33, 100]);
  });
  it('system defaults apply to pods selected by a Service', () => {
    const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { selector: { app: 'web' } } };
    const pod = podObj('p', {}, { labels: { app: 'web' } });
    // hostname maxSkew 3: raw round(2*1.609+2) = 5, round(1.609+2) = 4, 2 -> 100*(5+2-s)/5 = 40, 60, 100.
    expect(scores(podTopologySpread, pod, nodes, existing, emptyListers({ inNamespace: () => [svc] }))).toEqual([40, 60, 100]);
  });
  it('no system defaults for a pod nothing selects', () => expect(scores(podTopologySpread, podObj('p'), nodes, existing)).toBe('skip'));
  it('system defaults over zones: the label-column path scores as the per-node loop does, also after a node changes zone', () => {
    const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { selector: { app: 'web' } } };
    const listers = emptyListers({ inNamespace: () => [svc] });
    const zone = (z?: string) => ({ labels: { all: 'yes', ...(z ? { 'topology.kubernetes.io/zone': z } : {}) } });
    const zoned = [nodeObj('a', zone('z1')), nodeObj('b', zone('z1')), nodeObj('c', zone('z2')), nodeObj('d', zone())];
    const pods = [on('e1', 'a'), on('e2', 'a'), on('e3', 'c'), on('e4', 'd')];
    const cache = cacheWith(zoned, pods);
    const run = (pod: KObject) => {
      const state = stateFor(pod, cache, listers);
      const infos = zoned.map((n) => cache.node(n.metadata.name!)!);
      expect(podTopologySpread.preScore!(state, infos)).toBe(true);
      const a = Float64Array.from(infos.map((n) => podTopologySpread.score(state, n)));
      // The framework's batch call gives the raw scores node by node scoring gives.
      const all = new Float64Array(infos.length);
      podTopologySpread.scoreAll!(state, infos, all);
      expect([...all]).toEqual([...a]);
      podTopologySpread.normalize!(state, infos, a);
      return [...a];
    };
    const plain = podObj('p', {}, { labels: { app: 'web' } });
    // A node selector every node matches: the same counts, through the loop over every node.
    const selected = podObj('p', { nodeSelector: { all: 'yes' } }, { labels: { app: 'web' } });
    const before = run(plain);
    expect(before).toEqual(run(selected));
    // Zones z1 (2 pods), z2 (1), '' (d, 1): hostname raw 2,0,1,1 -> weight ln 6; zone weight ln 5
    // on a, b, c only (d has no zone label): a = round(2*1.792+2 + 2*1.609+4) = 13, b = round(2+3.219+4) = 9,
    // c = round(1.792+2 + 1.609+4) = 9, d = round(1.792+2) = 4 -> 100*(13+4-s)/13 = 30, 61, 61, 100.
    expect(before).toEqual([30, 61, 61, 100]);
    cache.upsertNode(nodeObj('c', zone('z1')));
    const after = run(plain);
    expect(after).toEqual(run(selected));
    expect(after).not.toEqual(before);
  });
});

describe('InterPodAffinity score', () => {
  const nodes = [nodeObj('a', { labels: { zone: 'z1' } }), nodeObj('b', { labels: { zone: 'z1' } }), nodeObj('c', { labels: { zone: 'z2' } })];
  const existing = [podObj('db', { nodeName: 'a' }, { labels: { app: 'db' } })];
  const term = (weight: number) => ({ weight, podAffinityTerm: { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'zone' } });
  it('preferred affinity favours the domain holding matching pods', () => {
    const pod = podObj('p', { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term(5)] } } });
    expect(scores(interPodAffinity, pod, nodes, existing)).toEqual([100, 100, 0]);
  });
  it('preferred anti-affinity avoids it', () => {
    const pod = podObj('p', { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term(5)] } } });
    expect(scores(interPodAffinity, pod, nodes, existing)).toEqual([0, 0, 100]);
  });
  it('skips when no affinity is involved', () => expect(scores(interPodAffinity, podObj('p'), nodes, existing)).toBe('skip'));
});

describe('numFeasibleNodesToFind', () => {
  const rows = [
    { input: 10, want: 10 },
    { input: 99, want: 99 },
    { input: 100, want: 100 },
    { input: 150, want: 100 },
    { input: 1000, want: 420 },
    { input: 5000, want: 500 },
    { input: 6000, want: 300 },
  ];
  for (const r of rows) it(`${r.input} nodes -> ${r.want}`, () => expect(numFeasibleNodesToFind(r.input)).toBe(r.want));
});

describe('selectHost', () => {
  it('picks the unique best', () => expect(selectHost(Float64Array.from([1, 5, 3]), new Random(1))).toBe(1));
  it('spreads ties roughly evenly and deterministically per seed', () => {
    const r = new Random(42);
    const hits = [0, 0, 0, 0];
    for (let i = 0; i < 3000; i++) hits[selectHost(Float64Array.from([7, 1, 7, 7]), r)]++;
    expect(hits[1]).toBe(0);
    for (const i of [0, 2, 3]) expect(hits[i]).toBeGreaterThan(850);
    const a = new Random(5);
    const b = new Random(5);
    const seq = (x: Random) => Array.from({ length: 20 }, () => selectHost(Float64Array.from([2, 2, 2]), x));
    expect(seq(a)).toEqual(seq(b));
  });
});
