// GET pods/log over HTTP: text/plain answers, the query options, JSON Status errors, and
// `follow=true` streaming until the container instance stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPodLog } from '../../src/server/pod-logs';
import { startServer, type RunningServer } from '../../src/server/server';

let srv: RunningServer;
const base = '/api/v1/namespaces/default/pods';

function createPod(name: string, containers: unknown[]): void {
  const ans = srv.cluster.server.handle({ method: 'POST', path: base, body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { restartPolicy: 'Never', containers } } });
  expect(ans.status).toBe(201);
  srv.cluster.settle();
}
const bb = (name: string, script: string) => ({ name, image: 'busybox:1.36', command: ['sh', '-c', script] });

beforeAll(async () => {
  srv = await startServer({ port: 0, speed: 0, startTime: Date.UTC(2025, 0, 15, 9, 30, 0) });
  createPod('counter', [bb('c', 'echo one; echo two; echo three; sleep 3600')]);
  createPod('pair', [bb('a', 'echo from-a; sleep 3600'), bb('b', 'echo from-b; sleep 3600')]);
  srv.cluster.advance(30_000);
});
afterAll(async () => {
  await srv.close();
});

describe('isPodLog', () => {
  const rows: { method: string; path: string; want: boolean }[] = [
    { method: 'GET', path: `${base}/x/log`, want: true },
    { method: 'POST', path: `${base}/x/log`, want: false },
    { method: 'GET', path: `${base}/x`, want: false },
    { method: 'GET', path: `${base}/x/exec`, want: false },
    { method: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/x/log', want: false },
  ];
  for (const r of rows) it(`${r.method} ${r.path} -> ${r.want}`, () => expect(isPodLog(r.method, r.path)).toBe(r.want));
});

describe('plain logs', () => {
  const rows: { query: string; pod?: string; code: number; want: string | Record<string, unknown> }[] = [
    { query: '', code: 200, want: 'one\ntwo\nthree\n' },
    { query: 'tailLines=2', code: 200, want: 'two\nthree\n' },
    { query: 'tailLines=0', code: 200, want: '' },
    { query: 'limitBytes=5', code: 200, want: 'one\nt' },
    { query: 'container=b', pod: 'pair', code: 200, want: 'from-b\n' },
    { query: '', pod: 'pair', code: 400, want: { reason: 'BadRequest', message: 'a container name must be specified for pod pair, choose one of: [a b]' } },
    { query: 'container=zz', code: 400, want: { reason: 'BadRequest', message: 'container zz is not valid for pod counter' } },
    { query: '', pod: 'nope', code: 404, want: { reason: 'NotFound', message: 'pods "nope" not found' } },
    { query: 'tailLines=x', code: 400, want: { reason: 'BadRequest' } },
  ];
  for (const r of rows) {
    it(`${r.pod ?? 'counter'}?${r.query} -> ${r.code}`, async () => {
      const res = await fetch(`${srv.url}${base}/${r.pod ?? 'counter'}/log?${r.query}`);
      expect(res.status).toBe(r.code);
      if (typeof r.want === 'string') {
        expect(res.headers.get('content-type')).toBe('text/plain');
        expect(await res.text()).toBe(r.want);
      } else {
        expect(res.headers.get('content-type')).toBe('application/json');
        expect(await res.json()).toMatchObject({ kind: 'Status', code: r.code, ...r.want });
      }
    });
  }
});

describe('follow', () => {
  it('streams the log, then new lines, and ends when the container exits', async () => {
    createPod('ticker', [bb('t', 'echo a; sleep 2; echo b; sleep 2; echo c')]);
    srv.cluster.advance(5_000);
    const res = await fetch(`${srv.url}${base}/ticker/log?follow=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const body = res.text();
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 6; i++) srv.cluster.advance(1_000);
    expect(await body).toBe('a\nb\nc\n');
  });
  it('ends at once for a container that already exited', async () => {
    createPod('done', [bb('d', 'echo bye')]);
    srv.cluster.advance(10_000);
    const res = await fetch(`${srv.url}${base}/done/log?follow=true`);
    expect(await res.text()).toBe('bye\n');
  });
  it('stays open while the container runs, and stops when the client goes', async () => {
    const ac = new AbortController();
    const res = await fetch(`${srv.url}${base}/counter/log?follow=true&tailLines=1`, { signal: ac.signal });
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('three\n');
    const next = Promise.race([reader.read().then(() => 'data'), new Promise((r) => setTimeout(() => r('open'), 200))]);
    expect(await next).toBe('open');
    ac.abort();
  });
  it('answers errors as a JSON Status before streaming', async () => {
    const res = await fetch(`${srv.url}${base}/nope/log?follow=true`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'pods "nope" not found' });
  });
});
