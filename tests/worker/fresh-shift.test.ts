// shiftSnapshot: a cluster created at T1 and shifted to T2 is byte for byte the cluster created
// at T2, fresh or after activity that leaves times in kubelet back-offs, taints and conditions.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/engine/cluster';
import { snapshotCluster, type ClusterSnapshot } from '../../src/engine/snapshot';
import { Session } from '../../src/headless/session';
import { shiftSnapshot } from '../../src/worker/fresh/shift';
import { freshSnapshot } from '../../src/worker/fresh/cluster';
import { DEFAULT_NODES, FRESH_SEED, freshStartTime } from '../../src/worker/fresh/constants';

const T1 = Date.UTC(2025, 0, 1, 0, 0, 0);
const LATER = [
  Date.UTC(2026, 10, 23, 16, 47, 48),
  Date.UTC(2028, 1, 29, 23, 59, 31), // a leap day, crossing midnight during the warm-up
  Date.UTC(2024, 11, 31, 23, 58, 0), // earlier than T1, across a year end
  Date.UTC(2031, 6, 4, 3, 2, 1),
];

const snap = (c: Cluster): ClusterSnapshot => JSON.parse(JSON.stringify(snapshotCluster(c)));

async function active(startTime: number): Promise<ClusterSnapshot> {
  const c = createCluster({ seed: 4242, nodes: 3, startTime });
  const s = new Session(c);
  const run = async (...argv: string[]) => void (await s.run(argv, () => {}).done);
  await run('create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3');
  await run('run', 'bad', '--image=nginx:no-such-tag');
  await run('create', 'job', 'once', '--image=busybox:1.36');
  c.advance(90_000);
  c.nodes.fail('kubeplay-worker2');
  c.advance(70_000);
  await run('scale', 'deployment', 'web', '--replicas=1');
  c.advance(15_500);
  c.settle();
  return snap(c);
}

describe('shiftSnapshot', () => {
  it('moves a fresh cluster to another start time, byte for byte', () => {
    const base = JSON.stringify(snap(createCluster({ seed: 99, nodes: 3, startTime: T1 })));
    for (const t2 of LATER) {
      const shifted = shiftSnapshot(JSON.parse(base), t2 - T1);
      expect(JSON.stringify(shifted), new Date(t2).toISOString()).toBe(JSON.stringify(snap(createCluster({ seed: 99, nodes: 3, startTime: t2 }))));
    }
  });

  it('moves every time a busier cluster holds (back-offs, taints, jobs, a failed node)', async () => {
    const a = await active(T1);
    expect(a.kubelets.some((k) => k.pullBackoff.length > 0)).toBe(true);
    expect(a.objects.some((o) => (o.object.spec as { taints?: { timeAdded?: string }[] } | undefined)?.taints?.some((t) => t.timeAdded))).toBe(true);
    const base = JSON.stringify(a);
    for (const t2 of LATER.slice(0, 2)) expect(JSON.stringify(shiftSnapshot(JSON.parse(base), t2 - T1))).toBe(JSON.stringify(await active(t2)));
  });

  it('the build-time snapshot moved to now is the fresh cluster the full engine builds then', () => {
    const now = Date.UTC(2027, 4, 6, 7, 8, 9) + 987;
    const built = createCluster({ seed: FRESH_SEED, nodes: DEFAULT_NODES, startTime: freshStartTime(now) });
    expect(JSON.stringify(freshSnapshot(now))).toBe(JSON.stringify(snap(built)));
  });

  it('refuses a shift that is not whole seconds, and a cluster whose names hold times', async () => {
    const c = createCluster({ seed: 1, nodes: 1, startTime: T1 });
    expect(() => shiftSnapshot(snap(c), 1500)).toThrow(/whole seconds/);
    const s = new Session(c);
    await s.run(['create', 'deployment', 'web', '--image=nginx:1.27'], () => {}).done;
    await s.run(['rollout', 'restart', 'deployment/web'], () => {}).done;
    expect(() => shiftSnapshot(snap(c), 60_000)).toThrow(/Deployment web carries a time/);
  });
});
