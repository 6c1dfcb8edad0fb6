import { describe, expect, it } from 'vitest';
import { resourceReplicas, type PodMetricSample, type PodSample } from '../../../../src/engine/controllers/hpa/replicas';
import { applyRules, normalize, stabilize } from '../../../../src/engine/controllers/hpa/normalize';

const NOW = 1_000_000_000;
const LONG_AGO = NOW - 3_600_000;

function pods(requests: number[], opts: { phases?: string[]; ready?: string[] } = {}): PodSample[] {
  return requests.map((r, i) => ({
    name: `p${i}`,
    phase: opts.phases?.[i] ?? 'Running',
    deleting: false,
    // Started within the cpu initialization period, Ready transition well before the sample.
    startTime: NOW - 60_000,
    ready: { status: opts.ready?.[i] ?? 'True', lastTransitionTime: NOW - 50_000 },
    requestMilli: r,
  }));
}

function metrics(levels: (number | undefined)[]): Map<string, PodMetricSample> {
  const m = new Map<string, PodMetricSample>();
  levels.forEach((v, i) => v !== undefined && m.set(`p${i}`, { valueMilli: v, timestamp: NOW - 1000, windowMs: 15_000 }));
  return m;
}

// Facts from replica_calculator_test.go (requests and usage in millicores).
const rows: { name: string; current: number; target: number; requests: number[]; levels: (number | undefined)[]; phases?: string[]; ready?: string[]; want: number; util: number }[] = [
  { name: 'scale up', current: 3, target: 30, requests: [1000, 1000, 1000], levels: [300, 500, 700], want: 5, util: 50 },
  { name: 'scale down', current: 5, target: 50, requests: [1000, 1000, 1000, 1000, 1000], levels: [100, 300, 500, 250, 250], want: 3, util: 28 },
  { name: 'tolerance', current: 3, target: 100, requests: [900, 1000, 1100], levels: [1010, 1030, 1020], want: 3, util: 102 },
  { name: 'scale up with an unready pod scales less', current: 3, target: 30, requests: [1000, 1000, 1000], levels: [300, 500, 700], ready: ['False', 'True', 'True'], want: 4, util: 60 },
  { name: 'scale up ignores failed pods', current: 2, target: 30, requests: [1000, 1000, 1000, 1000], levels: [500, 700, 100, 100], phases: ['Running', 'Running', 'Failed', 'Failed'], want: 4, util: 60 },
  { name: 'pending pods are unready (scale up)', current: 3, target: 30, requests: [1000, 1000, 1000], levels: [undefined, 500, 700], phases: ['Pending', 'Running', 'Running'], want: 4, util: 60 },
  { name: 'scale down: missing pods count as 100% used', current: 4, target: 50, requests: [1000, 1000, 1000, 1000], levels: [100, 100, 100, undefined], want: 3, util: 10 },
  { name: 'scale up: missing pods count as unused', current: 4, target: 50, requests: [1000, 1000, 1000, 1000], levels: [1000, 1000, 1000, undefined], want: 6, util: 100 },
  { name: 'missing pod flips direction: no change', current: 2, target: 90, requests: [1000, 1000], levels: [950, undefined], want: 2, util: 95 },
  { name: 'exactly at target', current: 2, target: 50, requests: [200, 200], levels: [100, 100], want: 2, util: 50 },
  { name: 'idle proposes zero (minReplicas clamps later)', current: 4, target: 50, requests: [200, 200, 200, 200], levels: [1, 1, 1, 1], want: 0, util: 0 },
];

describe('resourceReplicas', () => {
  for (const r of rows) {
    it(r.name, () => {
      const got = resourceReplicas(r.current, r.target, 'cpu', pods(r.requests, r), metrics(r.levels), NOW);
      expect({ replicas: got.replicas, util: got.utilization }).toEqual({ replicas: r.want, util: r.util });
    });
  }

  const errors: { name: string; run: () => unknown; want: string }[] = [
    { name: 'no metrics', run: () => resourceReplicas(1, 50, 'cpu', pods([100]), new Map(), NOW), want: 'unable to get metrics for resource cpu: no metrics returned from resource metrics API' },
    { name: 'no pods', run: () => resourceReplicas(1, 50, 'cpu', [], metrics([10]), NOW), want: 'no pods returned by selector while calculating replica count' },
    {
      name: 'missing request',
      run: () => resourceReplicas(1, 50, 'cpu', [{ ...pods([100])[0], requestMilli: undefined, missingRequestContainer: 'php' }], metrics([10]), NOW),
      want: 'missing request for cpu in container php of Pod p0',
    },
    { name: 'all unready', run: () => resourceReplicas(1, 50, 'cpu', pods([100], { ready: ['False'] }), metrics([10]), NOW), want: 'did not receive metrics for targeted pods (pods might be unready)' },
  ];
  for (const e of errors) it(`error: ${e.name}`, () => expect(e.run).toThrow(e.want));

  it('a pod started long ago that never became ready is unready', () => {
    const p = pods([1000, 1000]);
    p[0] = { ...p[0], startTime: LONG_AGO, ready: { status: 'False', lastTransitionTime: LONG_AGO + 10_000 } };
    expect(resourceReplicas(2, 50, 'cpu', p, metrics([900, 500]), NOW).utilization).toBe(50);
  });
});

describe('normalize', () => {
  const rules: { current: number; desired: number; min: number; max: number; want: number; reason: string }[] = [
    { current: 1, desired: 3, min: 1, max: 10, want: 3, reason: 'DesiredWithinRange' },
    { current: 1, desired: 8, min: 1, max: 10, want: 4, reason: 'ScaleUpLimit' },
    { current: 3, desired: 8, min: 1, max: 10, want: 6, reason: 'ScaleUpLimit' },
    { current: 3, desired: 12, min: 1, max: 5, want: 5, reason: 'TooManyReplicas' },
    { current: 3, desired: 0, min: 2, max: 5, want: 2, reason: 'TooFewReplicas' },
    { current: 6, desired: 20, min: 1, max: 10, want: 10, reason: 'TooManyReplicas' },
  ];
  for (const r of rules) {
    it(`rules ${r.current} -> ${r.desired} in [${r.min},${r.max}]`, () => {
      const got = applyRules(r.current, r.desired, r.min, r.max);
      expect([got.replicas, got.reason]).toEqual([r.want, r.reason]);
    });
  }

  it('stabilizes scale-down over 300 s', () => {
    const h = [{ replicas: 5, at: NOW - 60_000 }, { replicas: 3, at: NOW - 10_000 }];
    expect(stabilize(h, 2, NOW)).toBe(5);
    expect(h).toHaveLength(3);
    // Older than the window: ignored and replaced.
    const h2 = [{ replicas: 9, at: NOW - 301_000 }];
    expect(stabilize(h2, 2, NOW)).toBe(2);
    expect(h2).toEqual([{ replicas: 2, at: NOW }]);
  });

  it('reports ScaleDownStabilized and ScalingLimited', () => {
    const n = normalize([{ replicas: 4, at: NOW - 30_000 }], 4, 1, 1, 10, NOW);
    expect(n.replicas).toBe(4);
    expect(n.conditions.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual(['AbleToScale=True/ScaleDownStabilized', 'ScalingLimited=False/DesiredWithinRange']);
    const up = normalize([], 1, 9, 1, 10, NOW);
    expect(up.replicas).toBe(4);
    expect(up.conditions[1]).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
  });
});
