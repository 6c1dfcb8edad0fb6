// Saved-format migrations: a format-0 store (one `cluster` record) is upgraded in place to format 1
// on load, exactly once; a broken old record is reported and left as it was.

import { describe, expect, it } from 'vitest';
import { set } from 'idb-keyval';
import { Persistence } from '../../../src/worker/persistence';
import { FORMAT } from '../../../src/worker/persistence/format';
import { idbKV, memoryKV } from '../../../src/worker/persistence/kv';
import { migrateAndRead, MIGRATIONS, storedFormat } from '../../../src/worker/persistence/migrations';
import { freshStore, manualScheduler, T0 } from './helpers';

const v0 = {
  version: 0,
  seed: 17,
  startTime: T0,
  workers: 2,
  clock: T0 + 90_000,
  lesson: 'first-deployment',
  files: [
    { path: 'web.yaml', text: 'kind: Deployment\n' },
    { path: 'dir/svc.yaml', text: 'kind: Service\n' },
  ],
  journal: [
    { at: T0 + 1_000, op: 'command', tab: 't1', line: 'kubectl create deployment web --image=nginx' },
    { at: T0 + 1_000, op: 'request', req: { method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', body: { kind: 'Deployment' } } },
    { at: T0 + 50_000, op: 'node', action: 'fail', name: 'kubeplay-worker' },
  ],
  history: ['kubectl create deployment web --image=nginx'],
  layout: { split: 0.5 },
};

const upgraded = {
  v: 1,
  seed: 17,
  startTime: T0,
  nodes: 2,
  lesson: 'first-deployment',
  now: T0 + 90_000,
  files: { 'web.yaml': 'kind: Deployment\n', 'dir/svc.yaml': 'kind: Service\n' },
  journal: [
    { t: T0 + 1_000, op: 'command', tab: 't1', line: 'kubectl create deployment web --image=nginx' },
    { t: T0 + 1_000, op: 'request', req: { method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', body: { kind: 'Deployment' } } },
    { t: T0 + 50_000, op: 'node', action: 'fail', name: 'kubeplay-worker' },
  ],
};

describe('migrations', () => {
  it('has a step for every format below the current one', () => {
    for (let f = 0; f < FORMAT; f++) expect(MIGRATIONS[f]).toBeTypeOf('function');
  });

  it('tells the formats apart', async () => {
    expect(await storedFormat(memoryKV())).toBeUndefined();
    expect(await storedFormat(memoryKV([['cluster', v0]]))).toBe(0);
    expect(await storedFormat(memoryKV([['meta', { format: 1 }]]))).toBe(1);
    expect(await storedFormat(memoryKV([['meta', { format: 'x' }]]))).toBe('unknown');
  });

  it('upgrades a format-0 store on load, in place, once (through formats 1 and 2 to 3)', async () => {
    const store = freshStore();
    await set('cluster', v0, store);
    const p = new Persistence({ kv: idbKV(store), schedule: manualScheduler().schedule });
    expect(await p.load()).toEqual({ ok: true, scenario: upgraded, history: v0.history, layout: v0.layout });

    const keys = (await idbKV(store).entries()).map(([k]) => k).sort();
    expect(keys).toEqual(['files', 'history', 'journal:0000', 'layout', 'meta']);
    expect(await idbKV(store).get('meta')).toEqual({ format: 3, seed: 17, startTime: T0, nodes: 2, now: T0 + 90_000, lesson: 'first-deployment', journalLength: 3 });
    // The second load reads format 3 directly and finds the same thing (no snapshot: journal replay).
    expect(await new Persistence({ kv: idbKV(store) }).load()).toEqual({ ok: true, scenario: upgraded, history: v0.history, layout: v0.layout });
  });

  it('reports a broken format-0 record and leaves it untouched', async () => {
    const kv = memoryKV([['cluster', { ...v0, journal: [{ at: 'later', op: 'restart' }] }]]);
    const r = await migrateAndRead(kv);
    expect(r).toEqual({ ok: false, message: 'upgrading from format 0: journal[0].t: expected a finite number' });
    expect(await kv.entries()).toEqual([['cluster', { ...v0, journal: [{ at: 'later', op: 'restart' }] }]]);
    const files = await migrateAndRead(memoryKV([['cluster', { ...v0, files: { 'a.yaml': 'x' } }]]));
    expect(files.ok || files.message).toBe('upgrading from format 0: cluster.files: expected a list of {path, text}');
  });

  it('upgrades format-0 data inside an imported file too', async () => {
    const store = freshStore();
    const r = await new Persistence({ kv: idbKV(store) }).importAll(JSON.stringify({ kubeplay: 'kubeplay-saved-state', data: { cluster: v0 } }));
    expect(r).toEqual({ ok: true, scenario: upgraded });
    expect(await idbKV(store).get('cluster')).toBeUndefined();
  });
});
