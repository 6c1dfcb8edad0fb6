// BootFacade: a first visit is answered from the build-time snapshot by the read-only first
// phase; the full engine takes over the same cluster with what was typed meanwhile; everything
// else (other commands, saved clusters) is the full engine's from the start.
import { afterEach, describe, expect, it } from 'vitest';
import { BootFacade } from '../../src/worker/boot-facade';
import { plainGet } from '../../src/worker/first/get-line';
import { PlaygroundHost } from '../../src/worker/host';
import { FRESH_SEED } from '../../src/worker/fresh/constants';
import { memoryKV, Persistence, type KV } from '../../src/worker/persistence/index';
import type { FeedBatch } from '../../src/worker/protocol';
import { FakeTime } from './fake-env';
import { AnswerBook } from '../../src/ui/terminal/answer-book';

const NOW = Date.UTC(2026, 10, 23, 17, 5, 12) + 345;
let disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers) d();
  disposers = [];
});

function env(kv: KV) {
  const time = new FakeTime();
  const schedule = (fn: () => void, ms: number) => time.schedule(fn, ms);
  return { time, env: { wallNow: () => time.wallNow(), schedule, storage: new Persistence({ kv, schedule, clock: () => time.wallNow() }), lessons: [] } };
}

function facade(kv: KV = memoryKV()) {
  const e = env(kv);
  const api = new BootFacade(e.env);
  disposers.push(() => api.dispose());
  return { api, time: e.time, kv };
}

async function run(api: { shellInput: BootFacade['shellInput'] }, line: string): Promise<{ out: string; code: number }> {
  let out = '';
  const r = await api.shellInput('t', line, (s) => (out += s));
  return { out, code: r.kind === 'done' ? r.code : -1 };
}

async function saved(kv: KV) {
  const r = await new Persistence({ kv, schedule: () => () => {}, clock: () => 0 }).load();
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('BootFacade', () => {
  it('answers a first get from the snapshot, writes nothing, then hands the same cluster to the full engine', async () => {
    const { api, time, kv } = facade();
    const batches: FeedBatch[] = [];
    expect(await api.boot({ now: NOW }, (b) => batches.push(b))).toEqual({ ok: true, source: 'fresh' });
    await time.advance(20);
    expect(batches[0].reset).toBe(true);
    expect(batches[0].upserts?.filter((v) => v.kind === 'Node').length).toBe(4);

    const first = await run(api, 'kubectl get nodes');
    const wide = await run(api, 'kubectl get pods -A -o wide');
    expect(first.code).toBe(0);
    // What the full engine prints for a fresh cluster started at the same instant.
    const host = new PlaygroundHost(env(memoryKV()).env);
    disposers.push(() => host.dispose());
    await host.boot({ now: NOW }, () => {});
    expect(first.out).toBe((await run(host, 'kubectl get nodes')).out);
    expect(wide.out).toBe((await run(host, 'kubectl get pods -A -o wide')).out);
    expect(first.out).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION\nkubeplay-control-plane +Ready +control-plane +5m +v1\.32\.4\n/);
    expect(await api.history()).toEqual(['kubectl get nodes', 'kubectl get pods -A -o wide']);
    expect((await saved(kv)).scenario).toBeUndefined();
    expect(await new Persistence({ kv, schedule: () => () => {}, clock: () => 0 }).hasSaved()).toBe(false);

    // Idle time: the full engine loads, takes over the feed (a reset) and the lines typed so far.
    const before = batches.length;
    await api.prefetch();
    await time.advance(20);
    expect(batches.slice(before).some((b) => b.reset)).toBe(true);
    expect(await api.history()).toEqual(['kubectl get nodes', 'kubectl get pods -A -o wide']);
    expect((await run(api, 'kubectl get nodes')).out).toBe(first.out);
    await api.flush();
    const s = await saved(kv);
    expect(s.scenario).toMatchObject({ seed: FRESH_SEED, startTime: Math.floor(NOW / 1000) * 1000, nodes: 3 });
    // Restored from the snapshot: a restart at the start instant, which a replay repeats.
    expect(s.scenario!.journal.slice(0, 3)).toMatchObject([
      { op: 'restart', t: Math.floor(NOW / 1000) * 1000 },
      { op: 'command', tab: 't', line: 'kubectl get nodes' },
      { op: 'command', tab: 't', line: 'kubectl get pods -A -o wide' },
    ]);
    expect(s.history).toEqual(['kubectl get nodes', 'kubectl get pods -A -o wide', 'kubectl get nodes']);
  });

  it('shows the first lesson from the first phase', async () => {
    const e = env(memoryKV());
    const api = new BootFacade({ ...e.env, lessons: undefined });
    disposers.push(() => api.dispose());
    const batches: FeedBatch[] = [];
    await api.boot({ now: NOW }, (b) => batches.push(b));
    await e.time.advance(20);
    const lesson = batches.find((b) => b.lesson)?.lesson;
    expect(lesson).toMatchObject({ current: 0 });
    expect(lesson!.steps.length).toBeGreaterThan(1);
  });

  it('keeps the answers of the gets the first phase ran, once the full engine runs', async () => {
    const { api, time } = facade();
    const book = new AnswerBook();
    api.keepAnswers((u) => book.apply(u));
    await api.boot({ now: NOW }, () => {});
    await time.advance(20);
    await run(api, 'kubectl get nodes');
    expect(book.size).toBe(0);
    await api.prefetch();
    await time.advance(0);
    const kept = book.get('kubectl get nodes');
    expect(kept?.text).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION\nkubeplay-control-plane +Ready/);
    expect(kept).toEqual(await run(api, 'kubectl get nodes').then((r) => ({ text: r.out, code: r.code })));
    // Printed from it by the page: recorded as run.
    api.shellAnswered('t', 'kubectl get nodes');
    expect(await api.history()).toEqual(['kubectl get nodes', 'kubectl get nodes', 'kubectl get nodes']);
  });

  it('makes links that replay to the same cluster', async () => {
    const { api, time } = facade();
    await api.boot({ now: NOW }, () => {});
    await run(api, 'kubectl get nodes');
    await run(api, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await time.advance(30_000);
    const pods = (await run(api, 'kubectl get pods -A -o wide')).out;
    expect(pods).toMatch(/web-\w+-\w+ +1\/1 +Running/);
    const link = await api.shareLink();
    if (!link.ok) throw new Error(link.message);
    const b = facade();
    expect(await b.api.boot({ now: NOW + 999_000, link: link.payload }, () => {})).toEqual({ ok: true, source: 'link' });
    expect((await run(b.api, 'kubectl get pods -A -o wide')).out).toBe(pods);
  });

  it('runs any other command, and a get the read-only server refuses, on the full engine', async () => {
    const { api } = facade();
    await api.boot({ now: NOW }, () => {});
    expect(await run(api, 'kubectl get horizontalpodautoscalers.v1.autoscaling')).toEqual({ out: 'No resources found in default namespace.\n', code: 0 });
    expect((await run(api, 'kubectl create deployment web --image=nginx:1.27')).out).toBe('deployment.apps/web created\n');
    expect((await run(api, 'kubectl get deploy -o name')).out).toBe('deployment.apps/web\n');
    expect(await api.history()).toEqual(['kubectl get horizontalpodautoscalers.v1.autoscaling', 'kubectl create deployment web --image=nginx:1.27', 'kubectl get deploy -o name']);
  });

  it('leaves watches, help, pipes and files to the full engine', async () => {
    for (const line of ['kubectl get nodes', 'kubectl get pods -A -o wide', '  kubectl get deploy,svc -n kube-system --show-labels', 'kubectl get po -l k8s-app=kube-dns -o name']) {
      expect(plainGet(line), line).toBeDefined();
    }
    for (const line of [
      'kubectl get pods -w', 'kubectl get pods --watch-only', 'kubectl get -h', 'kubectl get nodes --help', 'kubectl get -f web.yaml',
      'kubectl get nodes | wc -l', 'kubectl get nodes > out.txt', "kubectl get pods -o 'jsonpath={.items}'", 'kubectl get --raw /api',
      'kubectl get nodes --kubeconfig=other', 'kubectl describe nodes', 'get nodes', 'kubectl get nodes --bogus', '',
    ]) {
      expect(plainGet(line), line).toBeUndefined();
    }
    const { api } = facade();
    await api.boot({ now: NOW }, () => {});
    expect((await run(api, 'kubectl get nodes -o name | wc -l')).out.trim()).toBe('4');
  });

  it('boots a saved cluster on the full engine', async () => {
    const kv = memoryKV();
    const a = facade(kv);
    await a.api.boot({ now: NOW }, () => {});
    await run(a.api, 'kubectl create deployment web --image=nginx:1.27');
    await a.api.flush();
    a.api.dispose();
    expect(await new Persistence({ kv, schedule: () => () => {}, clock: () => 0 }).hasSaved()).toBe(true);
    const b = facade(kv);
    expect(await b.api.boot({ now: NOW + 60_000 }, () => {})).toEqual({ ok: true, source: 'saved' });
    expect((await run(b.api, 'kubectl get deploy -o name')).out).toBe('deployment.apps/web\n');
  });
});
