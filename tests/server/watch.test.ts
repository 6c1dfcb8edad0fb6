// Watch streams over HTTP: newline-delimited events, Table events, timeoutSeconds, 410 as an
// ERROR event, disconnects, a stalled reader cut off at its buffer bound, and many watchers at once.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server';

let srv: RunningServer;
beforeAll(async () => {
  srv = await startServer({ port: 0, speed: 0, maxWatchBufferBytes: 64 * 1024 });
});
afterAll(async () => {
  await srv.close();
});

/** Opens a watch and collects parsed events until `until` says stop or the stream ends. */
function watch(path: string, opts: { accept?: string; until?: (events: any[]) => boolean } = {}): Promise<{ status: number; events: any[]; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const events: any[] = [];
    const req = request(srv.url + path, { headers: opts.accept ? { accept: opts.accept } : {} }, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        buf += d;
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buf.slice(0, i)));
          buf = buf.slice(i + 1);
        }
        if (opts.until?.(events)) {
          req.destroy();
          resolve({ status: res.statusCode!, events, ended: false });
        }
      });
      res.on('end', () => resolve({ status: res.statusCode!, events, ended: true }));
    });
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    req.end();
  });
}

const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { w: 'yes' } }, data: { k: 'v' } });

async function post(path: string, body: unknown) {
  const r = await fetch(srv.url + path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return r.json() as Promise<any>;
}

describe('watch', () => {
  it('streams ADDED, MODIFIED and DELETED events as JSON lines', async () => {
    const list = await (await fetch(srv.url + '/api/v1/namespaces/default/configmaps')).json();
    const rv = list.metadata.resourceVersion;
    const w = watch(`/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv}`, { until: (e) => e.length >= 3 });
    await new Promise((r) => setTimeout(r, 30));
    await post('/api/v1/namespaces/default/configmaps', cm('w1'));
    await fetch(srv.url + '/api/v1/namespaces/default/configmaps/w1', { method: 'PATCH', body: '{"data":{"k":"v2"}}', headers: { 'content-type': 'application/merge-patch+json' } });
    await fetch(srv.url + '/api/v1/namespaces/default/configmaps/w1', { method: 'DELETE' });
    const got = await w;
    expect(got.status).toBe(200);
    expect(got.events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'w1'],
      ['MODIFIED', 'w1'],
      ['DELETED', 'w1'],
    ]);
    expect(got.events[1].object.data).toEqual({ k: 'v2' });
  });

  it('accepts watch=1 and replays existing objects without a resourceVersion', async () => {
    const got = await watch('/api/v1/nodes?watch=1', { until: (e) => e.length >= 4 });
    expect(got.events.every((e) => e.type === 'ADDED')).toBe(true);
    expect(got.events.map((e) => e.object.kind)).toEqual(['Node', 'Node', 'Node', 'Node']);
  });

  it('sends Table events when the watch asks for a Table', async () => {
    const got = await watch('/api/v1/nodes?watch=true', { accept: 'application/json;as=Table;g=meta.k8s.io;v=v1', until: (e) => e.length >= 1 });
    expect(got.events[0].object.kind).toBe('Table');
    expect(got.events[0].object.rows).toHaveLength(1);
  });

  it('ends the stream after timeoutSeconds', async () => {
    const got = await watch('/api/v1/namespaces?watch=true&timeoutSeconds=1');
    expect(got.ended).toBe(true);
    expect(got.events.length).toBeGreaterThan(0);
  });

  it('answers bad watch requests with their Status', async () => {
    const bad = await fetch(srv.url + '/api/v1/pods?watch=true&resourceVersion=abc');
    expect(bad.status).toBe(400);
    const missing = await fetch(srv.url + '/apis/nope/v1/things?watch=true');
    expect(missing.status).toBe(404);
  });

  it('stops the engine watch when the client disconnects', async () => {
    const before = srv.openWatches();
    await watch('/api/v1/nodes?watch=true', { until: (e) => e.length >= 1 });
    for (let waited = 0; srv.openWatches() !== before && waited < 10_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
    expect(srv.openWatches()).toBe(before);
  });

  it('drops a watcher that stops reading once its buffer passes the bound, and the engine keeps going', async () => {
    const before = srv.openWatches();
    const sock = connect(srv.port, '127.0.0.1');
    await new Promise<void>((r) => sock.once('connect', () => r()));
    sock.pause();
    sock.write('GET /api/v1/namespaces/default/configmaps?watch=true HTTP/1.1\r\nHost: x\r\n\r\n');
    for (let waited = 0; srv.openWatches() !== before + 1 && waited < 10_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
    expect(srv.openWatches()).toBe(before + 1);
    const big = 'x'.repeat(200 * 1024);
    for (let i = 0; i < 60 && srv.openWatches() > before; i++) {
      await post('/api/v1/namespaces/default/configmaps', { ...cm(`big${i}`), data: { k: big } });
    }
    expect(srv.openWatches()).toBe(before);
    const list = await (await fetch(srv.url + '/api/v1/namespaces/default/configmaps?labelSelector=w%3Dyes')).json();
    expect(list.items.length).toBeGreaterThan(0);
    sock.destroy();
  });

  it('keeps the cluster progressing under 100 watchers and a client hammering lists', async () => {
    const socks: ReturnType<typeof connect>[] = [];
    for (let i = 0; i < 100; i++) {
      const s = connect(srv.port, '127.0.0.1');
      s.on('data', () => undefined);
      s.write('GET /api/v1/pods?watch=true HTTP/1.1\r\nHost: x\r\n\r\n');
      socks.push(s);
    }
    // Connections come up at the machine's pace (slow under a loaded test run): wait for them.
    for (let waited = 0; srv.openWatches() < 100 && waited < 15_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(srv.openWatches()).toBeGreaterThanOrEqual(100);
    await fetch(srv.url + '/kubeplay/v1/speed?value=100', { method: 'POST' });
    const t0 = (await (await fetch(srv.url + '/kubeplay/v1/clock')).json()).nowMs;
    const hammer = Array.from({ length: 200 }, () => fetch(srv.url + '/api/v1/pods').then((r) => r.json()));
    for (let i = 0; i < 20; i++) await post('/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}` }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    await Promise.all(hammer);
    await new Promise((r) => setTimeout(r, 100));
    const t1 = (await (await fetch(srv.url + '/kubeplay/v1/clock')).json()).nowMs;
    await fetch(srv.url + '/kubeplay/v1/speed?value=0', { method: 'POST' });
    expect(t1).toBeGreaterThan(t0);
    for (const s of socks) s.destroy();
    for (let waited = 0; srv.openWatches() > 0 && waited < 15_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(srv.openWatches()).toBe(0);
  });
});
