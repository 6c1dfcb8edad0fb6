import { afterEach, describe, expect, it } from 'vitest';
import { PlaygroundHost, type LockManagerLike } from '../../src/worker/host';
import { memoryKV, Persistence } from '../../src/worker/persistence/index';
import { decodeScenario } from '../../src/worker/share';
import type { KV } from '../../src/worker/persistence/index';
import { FakeTime } from './fake-env';

const START = Date.UTC(2026, 0, 1);
let hosts: PlaygroundHost[] = [];
afterEach(() => {
  for (const h of hosts) h.dispose();
  hosts = [];
});

function make(kv: KV, locks?: LockManagerLike) {
  const time = new FakeTime();
  const schedule = (fn: () => void, ms: number) => time.schedule(fn, ms);
  const storage = new Persistence({ kv, schedule, clock: () => time.wallNow() });
  const host = new PlaygroundHost({ wallNow: () => time.wallNow(), schedule, storage, locks, lessons: [] });
  hosts.push(host);
  return { host, time };
}

async function run(host: PlaygroundHost, line: string): Promise<string> {
  let out = '';
  await host.shellInput('t', line, (s) => (out += s));
  return out;
}

describe('PlaygroundHost boot', () => {
  it('restores the saved cluster after a reload (journal replayed, then a restart)', async () => {
    const kv = memoryKV();
    const a = make(kv);
    expect(await a.host.boot({ now: START }, () => {})).toEqual({ ok: true, source: 'fresh' });
    await run(a.host, 'kubectl create deployment web --image=nginx --replicas=2');
    await a.host.writeFile('notes.txt', 'hi\n');
    await a.time.advance(10_000);
    const names = await run(a.host, 'kubectl get pods -o name');
    await a.host.flush();
    a.host.dispose();

    const b = make(kv);
    expect(await b.host.boot({ now: START + 999_999 }, () => {})).toEqual({ ok: true, source: 'saved' });
    expect(await run(b.host, 'kubectl get pods -o name')).toBe(names);
    expect(await b.host.readFile('notes.txt')).toBe('hi\n');
    expect(await b.host.history()).toEqual(['kubectl create deployment web --image=nginx --replicas=2', 'kubectl get pods -o name', 'kubectl get pods -o name']);
    const link = await b.host.shareLink();
    if (!link.ok) throw new Error(link.message);
    const decoded = await decodeScenario(link.payload);
    if (!decoded.ok) throw new Error(decoded.message);
    const ops = decoded.scenario.journal.map((e) => e.op);
    expect(ops).toContain('request');
    expect(ops.at(-2)).toBe('restart');
  });

  it('reloads from the saved snapshot (no replay), and a share link made after it replays to the same state', async () => {
    const kv = memoryKV();
    const a = make(kv);
    await a.host.boot({ now: START }, () => {});
    await run(a.host, 'kubectl create deployment web --image=nginx --replicas=2');
    await a.time.advance(8_000);
    await a.host.flush();
    a.host.dispose();
    const saved = new Map(await kv.entries());
    expect(saved.has('snapshot')).toBe(true);
    expect([...saved.keys()].filter((k) => k.startsWith('o:')).length).toBeGreaterThan(20);

    const b = make(kv);
    expect(await b.host.boot({ now: START + 999_999 }, () => {})).toEqual({ ok: true, source: 'saved' });
    const ids = 'kubectl get pods --no-headers -o custom-columns=NAME:.metadata.name,ID:.status.containerStatuses[0].containerID,START:.status.containerStatuses[0].state.running.startedAt,READY:.status.containerStatuses[0].ready';
    await run(b.host, 'kubectl scale deployment web --replicas=3');
    await b.time.advance(6_000);
    const state = await run(b.host, ids);
    expect(state.split('\n').filter(Boolean)).toHaveLength(3);
    const link = await b.host.shareLink();
    if (!link.ok) throw new Error(link.message);

    const c = make(memoryKV());
    expect(await c.host.boot({ now: START + 5_000_000, link: link.payload }, () => {})).toEqual({ ok: true, source: 'link' });
    expect(await run(c.host, ids)).toBe(state);
  });

  it('opens a share link on a fresh store and reaches the same pods', async () => {
    const a = make(memoryKV());
    await a.host.boot({ now: START }, () => {});
    await run(a.host, 'kubectl create deployment web --image=nginx --replicas=3');
    await a.time.advance(5000);
    const names = await run(a.host, 'kubectl get pods -o name');
    const link = await a.host.shareLink();
    if (!link.ok) throw new Error(link.message);
    const b = make(memoryKV());
    expect(await b.host.boot({ now: START + 5_000_000, link: link.payload }, () => {})).toEqual({ ok: true, source: 'link' });
    expect(await run(b.host, 'kubectl get pods -o name')).toBe(names);
  });

  it('a bad link leaves the saved cluster and says why', async () => {
    const kv = memoryKV();
    const a = make(kv);
    await a.host.boot({ now: START }, () => {});
    await run(a.host, 'kubectl create namespace keep-me');
    await a.host.flush();
    const b = make(kv);
    const r = await b.host.boot({ now: START, link: '!!!not-a-link' }, () => {});
    expect(r.ok && r.source).toBe('saved');
    expect(r.ok && r.warning).toMatch(/^This share link could not be read: /);
    expect(await run(b.host, 'kubectl get ns keep-me -o name')).toBe('namespace/keep-me\n');
  });

  it('reports an unreadable saved state, then starts fresh when asked', async () => {
    const kv = memoryKV([['meta', { format: 1, seed: 'x' }]]);
    const a = make(kv);
    const r = await a.host.boot({ now: START }, () => {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toBe('saved-state');
    expect(await a.host.boot({ now: START, fresh: true }, () => {})).toEqual({ ok: true, source: 'fresh' });
  });

  it('refuses to run when another tab holds the cluster lock', async () => {
    const locks: LockManagerLike = { request: async (_n, _o, cb) => cb(null) };
    const a = make(memoryKV(), locks);
    const booting = a.host.boot({ now: START }, () => {});
    for (let i = 0; i < 30; i++) await a.time.advance(200);
    const r = await booting;
    expect(r).toMatchObject({ ok: false, problem: 'locked' });
    expect(!r.ok && r.message).toMatch(/^kubeplay is open in another tab: /);
  });

  it('waits for a reload\'s previous worker to release the lock', async () => {
    let held = 3;
    const locks: LockManagerLike = { request: async (_n, _o, cb) => cb(held-- > 0 ? null : {}) };
    const a = make(memoryKV(), locks);
    const booting = a.host.boot({ now: START }, () => {});
    for (let i = 0; i < 10; i++) await a.time.advance(200);
    expect(await booting).toMatchObject({ ok: true, source: 'fresh' });
  });
});
