// snapshotCluster + createCluster({ restore }): a busy cluster survives a JSON round trip and
// carries on as the original does; restoring is itself deterministic.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import { snapshotCluster, type ClusterSnapshot } from '../../../src/engine/snapshot';
import type { KObject } from '../../../src/engine/api/types';
import { busyCluster, pods, ready, restarts } from './fixture';

type Json = Record<string, unknown>;

const roundTrip = (s: ClusterSnapshot): ClusterSnapshot => JSON.parse(JSON.stringify(s)) as ClusterSnapshot;
const restore = (s: ClusterSnapshot): Cluster => createCluster({ restore: roundTrip(s) });

function deploymentStatus(c: Cluster, name: string): Json {
  return (c.client.get(c.type('apps', 'Deployment'), 'default', name)!.status ?? {}) as Json;
}

function webPods(c: Cluster): KObject[] {
  return pods(c).filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp);
}

const crash = (c: Cluster) => pods(c).find((p) => p.metadata.name === 'crash')!;

describe('cluster snapshot', () => {
  const original = busyCluster();
  const snap = snapshotCluster(original);

  it('holds every stored object with its resourceVersion, and the store counter', () => {
    expect(snap.objects.length).toBe(original.store.objects().length);
    expect(snap.rv).toBe(original.store.currentRV());
    const r = restore(snap);
    // Nothing written at restore that the status did not already say... except heartbeats and
    // what components legitimately do on start; the objects that existed are all there.
    for (const { resource, object } of snap.objects) {
      const now = r.store.get(resource, object.metadata.namespace ?? '', object.metadata.name ?? '');
      expect(now?.metadata.uid, `${resource} ${object.metadata.name}`).toBe(object.metadata.uid);
    }
    expect(Number(r.store.currentRV())).toBeGreaterThanOrEqual(snap.rv);
  });

  it('keeps running containers running: their start times, container IDs and readiness do not change', () => {
    const r = restore(snap);
    for (const before of pods(original)) {
      const st = (before.status ?? {}) as Json;
      const after = pods(r).find((p) => p.metadata.uid === before.metadata.uid);
      if (!after) continue;
      const a = (after.status ?? {}) as Json;
      const running = ((st.containerStatuses ?? []) as Json[]).filter((s) => (s.state as Json).running);
      for (const s of running) {
        const t = ((a.containerStatuses ?? []) as Json[]).find((x) => x.name === s.name)!;
        expect(t.containerID).toBe(s.containerID);
        expect(t.state).toEqual(s.state);
        expect(t.restartCount).toBe(s.restartCount);
      }
      if (!before.metadata.deletionTimestamp) expect(ready(after)).toBe(ready(before));
    }
  });

  it('converges to the same observable outcome as the original', () => {
    const r = restore(snap);
    // Long enough for the failed node's pods to be evicted (40 s grace + 300 s toleration) and replaced.
    original.advance(10 * 60_000);
    r.advance(10 * 60_000);
    for (const c of [original, r]) {
      const d = deploymentStatus(c, 'web');
      expect(d.updatedReplicas).toBe(4);
      expect(d.readyReplicas).toBe(4);
      expect(d.availableReplicas).toBe(4);
      const web = webPods(c);
      expect(web).toHaveLength(4);
      expect(web.every((p) => ((p.spec as Json).containers as Json[])[0].image === 'nginx:1.27' && ready(p))).toBe(true);
    }
    // The crash loop continued: more restarts than at the snapshot, as many as the original made.
    const before = restarts(snap.objects.map((o) => o.object).find((o) => o.kind === 'Pod' && o.metadata.name === 'crash')!);
    expect(restarts(crash(r))).toBeGreaterThan(before);
    expect(Math.abs(restarts(crash(r)) - restarts(crash(original)))).toBeLessThanOrEqual(1);
    // The Job completed on both.
    for (const c of [original, r]) {
      const job = c.client.get(c.type('batch', 'Job'), 'default', 'batch')!;
      expect((job.status as Json).succeeded).toBe(3);
    }
  });

  it('fires the CronJob at its next schedule after a restore', () => {
    const r = restore(snap);
    const jobs = (c: Cluster) => c.store.list('batch/jobs', 'default').items.filter((j) => j.metadata.name?.startsWith('tick-')).map((j) => j.metadata.name);
    const at = jobs(r).length;
    // */2: the next schedule is at most 2 minutes away.
    r.advance(2 * 60_000 + 1000);
    expect(jobs(r).length).toBe(at + 1);
    original.advance(0);
  });

  it('keeps a failed node failed and lets it recover', () => {
    const r = restore(snap);
    r.advance(60_000);
    const node = r.client.get(r.type('', 'Node'), undefined, 'kubeplay-worker3')!;
    const cond = ((node.status as Json).conditions as Json[]).find((x) => x.type === 'Ready')!;
    expect(cond.status).toBe('Unknown');
    r.nodes.recover('kubeplay-worker3');
    r.advance(30_000);
    const again = r.client.get(r.type('', 'Node'), undefined, 'kubeplay-worker3')!;
    expect(((again.status as Json).conditions as Json[]).find((x) => x.type === 'Ready')!.status).toBe('True');
  });

  it('is deterministic: the same snapshot restored twice and run the same time gives the same bytes', () => {
    const a = restore(snap);
    const b = restore(snap);
    for (const c of [a, b]) {
      c.advance(90_000);
      c.nodes.recover('kubeplay-worker3');
      c.advance(120_000);
    }
    expect(JSON.stringify(snapshotCluster(a))).toBe(JSON.stringify(snapshotCluster(b)));
  });

  it('restores a restored cluster the same way (snapshot of a restore is stable)', () => {
    const r = restore(snap);
    const again = snapshotCluster(r);
    expect(again.now).toBe(snap.now);
    expect(again.random).toEqual(snap.random);
  });
});
