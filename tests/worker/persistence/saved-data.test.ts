// Damaged saved data (load reports it, never throws, and writes nothing over it), and export /
// import of the whole saved state as a file.

import { describe, expect, it } from 'vitest';
import { set, setMany } from 'idb-keyval';
import { Persistence } from '../../../src/worker/persistence';
import { idbKV } from '../../../src/worker/persistence/kv';
import { entries, freshStore, manualScheduler, scenario, T0 } from './helpers';

const persistence = (store: ReturnType<typeof freshStore>) => new Persistence({ kv: idbKV(store), schedule: manualScheduler().schedule });

const goodMeta = { format: 1, seed: 99, startTime: T0, nodes: 3, now: T0 + 60_000, journalLength: 3 };

describe('Persistence: damaged saved data', () => {
  const cases: [string, [string, unknown][], RegExp][] = [
    ['meta is not an object', [['meta', 'garbage']], /meta\.format: expected a format version/],
    ['meta has no format', [['meta', { ...goodMeta, format: 'one' }]], /meta\.format: expected a format version/],
    ['a newer format', [['meta', { ...goodMeta, format: 9 }]], /saved by a newer kubeplay \(format 9; this one reads format 3 and older\)/],
    ['a missing chunk', [['meta', { ...goodMeta, journalLength: 300 }], ['journal:0000', entries(256)]], /journal:0001: missing or not a list/],
    ['a short chunk', [['meta', goodMeta], ['journal:0000', entries(2)]], /journal:0000: 2 entries where 3 were saved/],
    ['a bad entry', [['meta', goodMeta], ['journal:0000', [...entries(2), { t: 'soon', op: 'restart' }]]], /journal\[2\]\.t: expected a finite number/],
    ['a bad journal count', [['meta', { ...goodMeta, journalLength: -1 }]], /meta\.journalLength/],
    ['bad files', [['meta', { ...goodMeta, journalLength: 0 }], ['files', ['a']]], /files: expected an object/],
    ['bad history', [['history', 'kubectl get pods']], /history: expected a list of strings/],
    ['bad layout', [['layout', [1, 2]]], /layout: expected an object/],
    ['a bad seed', [['meta', { ...goodMeta, seed: -4, journalLength: 0 }]], /seed: expected an integer/],
  ];
  for (const [name, records, message] of cases) {
    it(`reports ${name} without throwing`, async () => {
      const store = freshStore();
      await setMany(records, store);
      const r = await persistence(store).load();
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toMatch(/^The saved cluster cannot be restored: /);
        expect(r.message).toMatch(message);
      }
    });
  }

  it('writes nothing over damaged data until the user starts fresh, and can export it first', async () => {
    const store = freshStore();
    await setMany([['meta', { ...goodMeta, journalLength: 5 }], ['journal:0000', entries(3)], ['history', ['kubectl get nodes']]], store);
    const p = persistence(store);
    expect((await p.load()).ok).toBe(false);
    p.append(entries(1, 3)[0]);
    p.setHistory(['overwritten?']);
    p.setLayout({ a: 1 });
    await p.flush();
    expect(await idbKV(store).get('history')).toEqual(['kubectl get nodes']);

    const exported = JSON.parse(await p.exportAll());
    expect(exported.kubeplay).toBe('kubeplay-saved-state');
    expect(exported.data.meta.journalLength).toBe(5);
    expect(exported.data.history).toEqual(['kubectl get nodes']);
    expect(exported.data['journal:0000']).toEqual(entries(3));

    await p.startNew(scenario());
    expect(await persistence(store).load()).toEqual({ ok: true, scenario: scenario(), history: [], layout: {} });
  });

  it('exports values JSON cannot hold as a note instead of failing', async () => {
    const store = freshStore();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    await setMany([['meta', cyclic], ['big', 10n]], store);
    const p = persistence(store);
    expect((await p.load()).ok).toBe(false);
    const exported = JSON.parse(await p.exportAll());
    expect(exported.data.meta).toEqual({ unreadable: expect.any(String) });
    expect(exported.data.big).toBe('10');
  });
});

describe('Persistence: export and import', () => {
  it('round-trips everything through a file, pending changes included', async () => {
    const a = persistence(freshStore());
    await a.startNew(scenario(entries(300)));
    a.setHistory(['kubectl get pods', 'kubectl get svc']);
    a.setLayout({ theme: 'dark' });
    a.setLesson({ current: 2 });
    a.append(entries(1, 300)[0]);
    const file = await a.exportAll();

    const storeB = freshStore();
    const b = persistence(storeB);
    const r = await b.importAll(file);
    expect(r).toEqual({ ok: true, scenario: scenario(entries(301)) });
    expect(await persistence(storeB).load()).toEqual({
      ok: true,
      scenario: scenario(entries(301)),
      history: ['kubectl get pods', 'kubectl get svc'],
      layout: { theme: 'dark' },
      lessonProgress: { current: 2 },
    });
  });

  it('imports a bare scenario file', async () => {
    const store = freshStore();
    const r = await persistence(store).importAll(JSON.stringify(scenario()));
    expect(r).toEqual({ ok: true, scenario: scenario() });
    expect(await persistence(store).load()).toEqual({ ok: true, scenario: scenario(), history: [], layout: {} });
  });

  it('refuses bad files and leaves the saved state alone', async () => {
    const store = freshStore();
    const p = persistence(store);
    await p.startNew(scenario());
    const bad: [string, RegExp][] = [
      ['not json', /not a kubeplay export \(it is not JSON\)/],
      ['{"hello":1}', /not a kubeplay export/],
      [JSON.stringify({ kubeplay: 'kubeplay-saved-state', data: { meta: { format: 1 } } }), /cannot be imported: meta\.journalLength/],
      [JSON.stringify({ kubeplay: 'kubeplay-saved-state', data: { history: [] } }), /cannot be imported: it holds no cluster/],
      [JSON.stringify({ ...scenario(), v: 3 }), /cannot be imported: unsupported scenario format version 3/],
    ];
    for (const [text, message] of bad) {
      const r = await p.importAll(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
    expect(await persistence(store).load()).toEqual({ ok: true, scenario: scenario(), history: [], layout: {} });
  });

  it('exports a replacement that is not yet written instead of the old data', async () => {
    const store = freshStore();
    const p = persistence(store);
    await p.startNew(scenario(entries(5)));
    await set('meta', 'corrupt', store); // the next write fails below; the export must not show this
    const failing = new Persistence({
      kv: { ...idbKV(store), replaceAll: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) },
      schedule: manualScheduler().schedule,
    });
    await failing.startNew(scenario(entries(1)));
    const exported = JSON.parse(await failing.exportAll());
    expect(exported.data.meta.journalLength).toBe(1);
    expect(exported.data['journal:0000']).toEqual(entries(1));
  });
});
