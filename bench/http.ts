// HTTP front benchmarks: real kubectl listing 10,000 pods, GET throughput with 50 concurrent
// clients, and watch event throughput for one watcher seeing 10,000 pod updates.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeconfigYaml } from '../src/server/kubeconfig';
import { startServer, type RunningServer } from '../src/server/server';
import type { BenchResult } from './types';

const PODS = 10_000;
const GETS = 20_000;
const CLIENTS = 50;

function pod(name: string): unknown {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'bench' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } };
}

/** Creates pods straight through the engine (no HTTP), so only the read path is measured. */
function createPods(srv: RunningServer, n: number): void {
  for (let i = 0; i < n; i++) {
    const res = srv.cluster.server.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod(`pod-${i}`) });
    if (res.status !== 201) throw new Error(`create failed: ${JSON.stringify(res.body)}`);
  }
}

function kubectl(dir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('kubectl', ['--cache-dir', join(dir, 'cache'), ...args], { env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir }, maxBuffer: 64 << 20 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
  });
}

async function listPodsWithKubectl(srv: RunningServer): Promise<BenchResult[]> {
  if (spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status !== 0) {
    process.stderr.write('bench: http.list_pods_10k_ms skipped: the real `kubectl` is not on PATH\n');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-bench-'));
  try {
    writeFileSync(join(dir, 'kubeconfig'), kubeconfigYaml(srv.url));
    await kubectl(dir, ['get', 'namespaces']); // fills the discovery cache, as a user's earlier commands would
    const t0 = performance.now();
    const out = await kubectl(dir, ['get', 'pods', '-A', '-o', 'name']);
    const ms = performance.now() - t0;
    if (out.split('\n').length < PODS) throw new Error('kubectl did not print every pod');
    return [{ name: 'http.list_pods_10k_ms', value: Math.round(ms * 10) / 10, unit: 'ms' }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function get(agent: Agent, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`GET ${url}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

async function getThroughput(srv: RunningServer): Promise<BenchResult[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const url = `${srv.url}/api/v1/namespaces/default/pods/pod-0`;
  let next = 0;
  const client = async (): Promise<void> => {
    while (next < GETS) {
      next++;
      await get(agent, url);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const secs = (performance.now() - t0) / 1000;
  agent.destroy();
  return [{ name: 'http.requests_per_second', value: Math.round(GETS / secs), unit: 'req/s' }];
}

async function watchThroughput(srv: RunningServer): Promise<BenchResult[]> {
  const list = srv.cluster.server.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods', query: { limit: '1' } });
  const rv = (list.body as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
  let received = 0;
  let t0 = 0;
  const done = new Promise<number>((resolve, reject) => {
    const req = request(`${srv.url}/api/v1/namespaces/default/pods?watch=true&resourceVersion=${rv}`, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        buf += d;
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          buf = buf.slice(i + 1);
          if (++received === PODS) {
            resolve(performance.now() - t0);
            req.destroy();
          }
        }
      });
    });
    req.on('error', (e) => (received < PODS ? reject(e) : undefined));
    req.end();
  });
  await new Promise((r) => setTimeout(r, 50));
  t0 = performance.now();
  for (let i = 0; i < PODS; i++) {
    srv.cluster.server.handle({
      method: 'PATCH',
      path: `/api/v1/namespaces/default/pods/pod-${i}`,
      contentType: 'application/merge-patch+json',
      body: { metadata: { labels: { round: '2' } } },
    });
    // Yield now and then so the socket drains while updates are produced, as in a live cluster.
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
  }
  const ms = await done;
  return [{ name: 'http.watch_events_per_second', value: Math.round(PODS / (ms / 1000)), unit: 'events/s' }];
}

/** Runs the HTTP front benchmarks on a paused served cluster (no background work in the figures). */
export async function runHttpBenchmarks(): Promise<BenchResult[]> {
  const srv = await startServer({ port: 0, speed: 0, maxWatchBufferBytes: 256 << 20 });
  try {
    createPods(srv, PODS);
    return [...(await listPodsWithKubectl(srv)), ...(await getThroughput(srv)), ...(await watchThroughput(srv))];
  } finally {
    await srv.close();
  }
}

// Standalone: `npx tsx bench/http.ts`.
if (process.argv[1] && /bench[/\\]http\.ts$/.test(process.argv[1])) {
  runHttpBenchmarks().then((rs) => rs.forEach((r) => process.stdout.write(JSON.stringify(r) + '\n')));
}
