// Persistence on (fake) IndexedDB: what a reload finds, debounced batched writes, journal chunks
// written incrementally, quota errors that lose nothing, and flush on pagehide.

import { describe, expect, it } from 'vitest';
import { Persistence } from '../../../src/worker/persistence';
import { idbKV } from '../../../src/worker/persistence/kv';
import type { StorageStatus } from '../../../src/worker/protocol';
import { entries, freshStore, manualScheduler, quotaError, scenario, spyStore, T0 } from './helpers';

const later = (store: ReturnType<typeof freshStore>) => new Persistence({ kv: idbKV(store), schedule: manualScheduler().schedule });

describe('Persistence: load and startNew', () => {
  it('finds nothing in an empty store', async () => {
    const p = new Persistence({ kv: idbKV(freshStore()) });
    expect(await p.load()).toEqual({ ok: true, history: [], layout: {} });
  });

  it('uses the kubeplay database by default and restores a started scenario after a reload', async () => {
    const s = scenario();
    await new Persistence().startNew(s);
    const r = await new Persistence().load();
    expect(r).toEqual({ ok: true, scenario: s, history: [], layout: {} });
    await new Persistence().clear();
  });

  it('startNew replaces everything, history, layout and a longer journal included', async () => {
    const store = freshStore();
    const p = new Persistence({ kv: idbKV(store) });
    await p.startNew(scenario(entries(700)));
    p.setHistory(['kubectl get pods']);
    p.setLayout({ split: 0.4 });
    p.setLesson({ step: 2 });
    await p.flush();
    const fresh = { ...scenario(entries(2)), seed: 5, lesson: undefined };
    delete fresh.lesson;
    await p.startNew(fresh);
    expect(await later(store).load()).toEqual({ ok: true, scenario: fresh, history: [], layout: {} });
    const keys = (await idbKV(store).entries()).map(([k]) => k).sort();
    expect(keys).toEqual(['files', 'history', 'journal:0000', 'layout', 'meta']);
  });
});

describe('Persistence: debounced, batched, incremental writes', () => {
  it('writes nothing until the debounce fires, then everything in one transaction', async () => {
    const { spy, store } = spyStore();
    const timers = manualScheduler();
    const statuses: StorageStatus[] = [];
    const p = new Persistence({ kv: spy, schedule: timers.schedule, clock: () => 1234 });
    p.onStatus((s) => statuses.push(s));
    await p.startNew(scenario());
    spy.writes = [];
    statuses.length = 0;

    p.append({ t: T0 + 70_000, op: 'command', tab: 't1', line: 'kubectl get deploy' });
    p.setFiles({ 'web.yaml': 'kind: Deployment\n', 'svc.yaml': 'kind: Service\n' });
    p.setNow(T0 + 75_000);
    p.setHistory(['kubectl get deploy']);
    p.setLayout({ terminal: { tabs: 2 } });
    p.setLesson({ done: [0] });
    expect(timers.pending()).toBe(1);
    expect(timers.delays.at(-1)).toBe(500);
    expect(spy.writes).toEqual([]);

    timers.fire();
    await p.flush(); // waits for the debounced write; nothing is left to write
    expect(spy.writes).toEqual([['files', 'history', 'layout', 'lessonProgress', 'meta', 'journal:0000']]);
    expect(statuses).toEqual([{ state: 'saving' }, { state: 'saved', at: 1234 }]);

    const r = await later(store).load();
    expect(r.ok && r.scenario?.journal.at(-1)).toEqual({ t: T0 + 70_000, op: 'command', tab: 't1', line: 'kubectl get deploy' });
    expect(r.ok && r.scenario?.now).toBe(T0 + 75_000);
    expect(r.ok && r.scenario?.files['svc.yaml']).toBe('kind: Service\n');
    expect(r).toMatchObject({ ok: true, history: ['kubectl get deploy'], layout: { terminal: { tabs: 2 } }, lessonProgress: { done: [0] } });
  });

  it('rewrites only the journal chunk that changed, never the whole journal', async () => {
    const { spy, store } = spyStore();
    const p = new Persistence({ kv: spy, schedule: manualScheduler().schedule });
    await p.startNew(scenario(entries(600)));
    expect(spy.writes[0]).toEqual(expect.arrayContaining(['journal:0000', 'journal:0001', 'journal:0002']));
    spy.writes = [];

    p.append(entries(1, 600)[0]);
    await p.flush();
    expect(spy.writes).toEqual([['meta', 'journal:0002']]);

    for (const e of entries(200, 601)) p.append(e);
    await p.flush();
    expect(spy.writes[1]).toEqual(['meta', 'journal:0002', 'journal:0003']);

    p.setHistory(['x']);
    await p.flush();
    expect(spy.writes[2]).toEqual(['history']);
    await p.flush();
    expect(spy.writes).toHaveLength(3);

    const r = await later(store).load();
    expect(r.ok && r.scenario?.journal).toEqual(entries(801));
  });

  it('flush writes at once (pagehide) and cancels the pending timer', async () => {
    const { spy, store } = spyStore();
    const timers = manualScheduler();
    const p = new Persistence({ kv: spy, schedule: timers.schedule });
    await p.startNew(scenario());
    p.setNow(T0 + 99_000);
    expect(timers.pending()).toBe(1);
    await p.flush();
    expect(timers.pending()).toBe(0);
    const r = await later(store).load();
    expect(r.ok && r.scenario?.now).toBe(T0 + 99_000);
  });

  it('keeps changes made while a write is in flight for the next one', async () => {
    const { spy, store } = spyStore();
    const p = new Persistence({ kv: spy, schedule: manualScheduler().schedule });
    await p.startNew(scenario());
    p.setHistory(['a']);
    const first = p.flush();
    p.setHistory(['a', 'b']);
    p.append(entries(1, 3)[0]);
    await first;
    await p.flush();
    const r = await later(store).load();
    expect(r.ok && r.history).toEqual(['a', 'b']);
    expect(r.ok && r.scenario?.journal).toEqual(entries(4));
  });

  it('copies what it is given: later mutations by the caller do not leak into the save', async () => {
    const store = freshStore();
    const p = new Persistence({ kv: idbKV(store), schedule: manualScheduler().schedule });
    await p.startNew(scenario());
    const history = ['one'];
    const layout = { panes: [1, 2] };
    p.setHistory(history);
    p.setLayout(layout);
    history.push('two');
    layout.panes.push(3);
    await p.flush();
    expect(await later(store).load()).toMatchObject({ history: ['one'], layout: { panes: [1, 2] } });
  });
});

describe('Persistence: storage full', () => {
  it('reports a quota error, keeps what was saved, and saves everything on the next flush', async () => {
    const { spy, store } = spyStore();
    const statuses: StorageStatus[] = [];
    const p = new Persistence({ kv: spy, schedule: manualScheduler().schedule, clock: () => 7 });
    p.onStatus((s) => statuses.push(s));
    await p.startNew(scenario(entries(255)));

    spy.failWith = quotaError;
    p.append(entries(1, 255)[0]);
    p.append(entries(1, 256)[0]);
    p.setFiles({ 'new.yaml': 'a: 1\n' });
    await p.flush();
    const error = statuses.at(-1);
    expect(error?.state).toBe('error');
    expect(error?.state === 'error' && error.message).toMatch(/^Storage is full: /);

    // Nothing already saved is lost: a reload now finds the state of before the failed write.
    const before = await later(store).load();
    expect(before.ok && before.scenario).toEqual(scenario(entries(255)));

    // More work while storage is full stays pending too.
    p.append(entries(1, 257)[0]);
    await p.flush();
    expect(statuses.at(-1)?.state).toBe('error');

    spy.failWith = undefined;
    await p.flush();
    expect(statuses.at(-1)).toEqual({ state: 'saved', at: 7 });
    const after = await later(store).load();
    expect(after.ok && after.scenario?.journal).toEqual(entries(258));
    expect(after.ok && after.scenario?.files).toEqual({ 'new.yaml': 'a: 1\n' });
  });

  it('keeps a startNew that hit the quota and replaces the old state once there is room', async () => {
    const { spy, store } = spyStore();
    const p = new Persistence({ kv: spy, schedule: manualScheduler().schedule });
    await p.startNew(scenario(entries(300)));
    p.setHistory(['old']);
    await p.flush();
    spy.failWith = quotaError;
    const fresh = { ...scenario(entries(1)), seed: 3 };
    await p.startNew(fresh);
    const still = await later(store).load();
    expect(still.ok && still.scenario?.journal.length).toBe(300);
    spy.failWith = undefined;
    await p.flush();
    expect(await later(store).load()).toEqual({ ok: true, scenario: fresh, history: [], layout: {} });
  });

  it('says "Saving failed" for other errors and also retries', async () => {
    const { spy, store } = spyStore();
    const statuses: StorageStatus[] = [];
    const p = new Persistence({ kv: spy, schedule: manualScheduler().schedule });
    p.onStatus((s) => statuses.push(s));
    await p.startNew(scenario());
    spy.failWith = () => new Error('the database connection is closing');
    p.setHistory(['h']);
    await p.flush();
    expect(statuses.at(-1)).toEqual({ state: 'error', message: expect.stringMatching(/^Saving failed: the database connection is closing\./) });
    spy.failWith = undefined;
    await p.flush();
    expect((await later(store).load()) as object).toMatchObject({ history: ['h'] });
  });
});

describe('Persistence: clear', () => {
  it('deletes everything and forgets pending changes', async () => {
    const store = freshStore();
    const timers = manualScheduler();
    const p = new Persistence({ kv: idbKV(store), schedule: timers.schedule });
    await p.startNew(scenario());
    p.setHistory(['x']);
    await p.clear();
    timers.fire();
    await p.flush();
    expect(await later(store).load()).toEqual({ ok: true, history: [], layout: {} });
    expect(await idbKV(store).entries()).toEqual([]);
  });

  it('starts from what load found: appends after a reload extend the saved journal', async () => {
    const store = freshStore();
    await new Persistence({ kv: idbKV(store) }).startNew(scenario(entries(10)));
    const p = later(store);
    const r = await p.load();
    expect(r.ok).toBe(true);
    p.append({ t: T0 + 20_000, op: 'restart' });
    await p.flush();
    const again = await later(store).load();
    expect(again.ok && again.scenario?.journal).toEqual([...entries(10), { t: T0 + 20_000, op: 'restart' }]);
  });
});
