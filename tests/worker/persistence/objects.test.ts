// Format 2's object records: a save writes only the objects that changed since the last one
// (deleting records of deleted objects), and a reload restores a cluster with the same objects.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { KObject } from '../../../src/engine/api/types';
import { idbKV } from '../../../src/worker/persistence/kv';
import { Persistence } from '../../../src/worker/persistence/persistence';
import { EVENTS_KEY, objectKey, parseObjectKey, SNAPSHOT_KEY } from '../../../src/worker/persistence/objects';
import { migrateAndRead } from '../../../src/worker/persistence/migrations';
import { changedSince, clusterSource, observeCluster } from '../../../src/worker/persist-cluster';
import type { Scenario } from '../../../src/worker/scenario';
import { manualScheduler, quotaError, spyStore, T0 } from './helpers';

const cmKey = (name: string) => objectKey('/configmaps', 'default', name);

function configMap(name: string, data: Record<string, string>): KObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data };
}

function scenarioOf(c: Cluster): Scenario {
  return { v: 1, seed: 5, startTime: T0, nodes: 1, files: {}, journal: [], now: c.clock.now() };
}

async function started() {
  const { spy, store } = spyStore();
  const sched = manualScheduler();
  const p = new Persistence({ kv: spy, schedule: sched.schedule, clock: () => 0 });
  const statuses: string[] = [];
  p.onStatus((s) => statuses.push(s.state === 'error' ? `error: ${s.message}` : s.state));
  const c = createCluster({ seed: 5, startTime: T0, nodes: 1 });
  const stop = observeCluster(c, p);
  await p.startNew(scenarioOf(c));
  p.attach(clusterSource(c), 'all');
  await p.flush();
  return { spy, store, p, c, stop, statuses };
}

const objectWrites = (w: string[]) => w.filter((k) => parseObjectKey(k.replace(/^-/, '')) !== undefined).sort();

describe('Persistence: object records', () => {
  it('writes every object once, then only the ones that changed', async () => {
    const { spy, c, p } = await started();
    const all = objectWrites(spy.writes.at(-1)!);
    expect(all).toHaveLength(c.store.objects().length);
    expect(spy.writes.at(-1)).toContain(SNAPSHOT_KEY);

    c.client.create(c.type('', 'ConfigMap'), configMap('one', { a: '1' }));
    await p.flush();
    expect(objectWrites(spy.writes.at(-1)!)).toEqual([cmKey('one')]);
    expect(spy.writes.at(-1)).toEqual(expect.arrayContaining([SNAPSHOT_KEY, 'meta']));

    c.client.delete(c.type('', 'ConfigMap'), 'default', 'one');
    await p.flush();
    expect(objectWrites(spy.writes.at(-1)!)).toEqual([`-${cmKey('one')}`]);

    // Nothing changed: nothing written.
    const n = spy.writes.length;
    await p.flush();
    expect(spy.writes.length).toBe(n);
  });

  it('restores a cluster with the same objects after a reload', async () => {
    const { store, c, p } = await started();
    c.client.create(c.type('', 'ConfigMap'), configMap('kept', { k: 'v' }));
    c.advance(30_000);
    p.setNow(c.clock.now());
    await p.flush();
    const before = JSON.stringify(c.store.objects());

    const again = new Persistence({ kv: idbKV(store), schedule: manualScheduler().schedule });
    const loaded = await again.load();
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.snapshot).toBeDefined();
    expect(loaded.snapshot!.now).toBe(c.clock.now());
    expect(JSON.stringify(loaded.snapshot!.objects)).toBe(before);
    const r = createCluster({ restore: loaded.snapshot });
    expect(r.store.get('/configmaps', 'default', 'kept')?.data).toEqual({ k: 'v' });
    expect(r.store.list('/pods', 'kube-system').items.map((x) => x.metadata.uid)).toEqual(c.store.list('/pods', 'kube-system').items.map((x) => x.metadata.uid));
    // What restoring wrote (heartbeats, adopted statuses) is what the next save writes.
    const changed = changedSince(loaded.snapshot!, r);
    expect(changed.length).toBeLessThan(r.store.objects().length);
  });

  it('rewrites the event recorder record only when the recorder changed', async () => {
    const { spy, store, c, p } = await started();
    expect(spy.writes.at(-1)).toContain(EVENTS_KEY);
    c.client.create(c.type('', 'ConfigMap'), configMap('quiet', { a: '1' }));
    await p.flush();
    expect(spy.writes.at(-1)).toContain(SNAPSHOT_KEY);
    expect(spy.writes.at(-1)).not.toContain(EVENTS_KEY);

    c.deps.events.record({ component: 'test' }, configMap('quiet', {}), 'Normal', 'Poked', 'poked once');
    await p.flush();
    expect(spy.writes.at(-1)).toContain(EVENTS_KEY);
    // The same event again is aggregated (count 2): the recorder changed, so it is written again.
    c.deps.events.record({ component: 'test' }, configMap('quiet', {}), 'Normal', 'Poked', 'poked once');
    await p.flush();
    expect(spy.writes.at(-1)).toContain(EVENTS_KEY);

    const loaded = await new Persistence({ kv: idbKV(store) }).load();
    if (!loaded.ok || !loaded.snapshot) throw new Error('no snapshot');
    expect(loaded.snapshot.events).toEqual(c.deps.events.state());
  });

  it('upgrades a format-2 save (events inside the snapshot record) to format 3 and restores it', async () => {
    const { store, c } = await started();
    c.deps.events.record({ component: 'test' }, configMap('old', {}), 'Warning', 'Old', 'from format 2');
    const p = new Persistence({ kv: idbKV(store), schedule: manualScheduler().schedule });
    await p.load();
    p.attach(clusterSource(c), []);
    await p.flush();
    // Rewrite the store as format 2 laid it out.
    const kv = idbKV(store);
    const [meta, snap, events] = await kv.getMany(['meta', SNAPSHOT_KEY, EVENTS_KEY]);
    await kv.write([['meta', { ...(meta as object), format: 2 }], [SNAPSHOT_KEY, { ...(snap as object), events }]], [EVENTS_KEY]);

    const r = await migrateAndRead(kv);
    if (!r.ok || !r.value.snapshot) throw new Error('no snapshot after the upgrade');
    expect(r.value.snapshot.events).toEqual(c.deps.events.state());
    expect(((await kv.get('meta')) as { format: number }).format).toBe(3);
    expect(await kv.get(SNAPSHOT_KEY)).not.toHaveProperty('events');
    expect(await kv.get(EVENTS_KEY)).toEqual(c.deps.events.state());
  });

  it('falls back to the journal when the snapshot was not written with the meta', async () => {
    const { store } = await started();
    const kv = idbKV(store);
    const ok = await new Persistence({ kv }).load();
    expect(ok.ok && ok.snapshot !== undefined).toBe(true);
    // A meta record from another save than the snapshot's (an older build, a torn state).
    const meta = (await kv.get('meta')) as Record<string, unknown>;
    await kv.write([['meta', { ...meta, now: Number(meta.now) + 1000 }]]);
    const loaded = await new Persistence({ kv }).load();
    expect(loaded.ok).toBe(true);
    expect(loaded.ok && loaded.snapshot).toBeUndefined();
  });

  it('reports a quota error and writes the same changes on the next flush', async () => {
    const { spy, c, p, statuses } = await started();
    c.client.create(c.type('', 'ConfigMap'), configMap('big', { x: 'y' }));
    spy.failWith = quotaError;
    await p.flush();
    expect(statuses.at(-1)).toMatch(/^error: Storage is full/);
    spy.failWith = undefined;
    c.client.create(c.type('', 'ConfigMap'), configMap('later', { x: 'z' }));
    await p.flush();
    expect(statuses.at(-1)).toBe('saved');
    expect(objectWrites(spy.writes.at(-1)!)).toEqual([cmKey('big'), cmKey('later')]);
  });
});
