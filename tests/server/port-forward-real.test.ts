// The real kubectl (v1.32 on PATH) port-forwarding to an nginx pod through kubeplay: the WebSocket
// tunnel carrying SPDY/3.1 (src/server/spdy.ts) and the stream pairs (src/server/port-forward.ts).
// Skipped, saying so, when kubectl is not installed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigYaml } from '../../src/server/kubeconfig';
import { startServer, type RunningServer } from '../../src/server/server';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!hasKubectl) console.warn('tests/server/port-forward-real.test.ts: skipped, the real `kubectl` is not on PATH');

const LOCAL_PORT = 18080;
/** Resolves once kubectl prints its "Forwarding from" line (or rejects with what it printed). */
function started(child: ChildProcess, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`Forwarding from [::1]:${port} -> 80\n`)) resolve(out);
    });
    child.stderr?.on('data', (d: Buffer) => void (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`kubectl exited ${code}: ${out}${err}`)));
  });
}

describe.skipIf(!hasKubectl)('real kubectl port-forward against kubeplay', () => {
  let srv: RunningServer;
  let dir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubeplay-pf-'));
    srv = await startServer({ port: 0, speed: 0 });
    // kubectl talks to kubeplay's own server: its upgrade listener hands portforward to the SPDY server.
    writeFileSync(join(dir, 'kubeconfig'), kubeconfigYaml(srv.url));
    const ans = srv.cluster.server.handle({
      method: 'POST',
      path: '/api/v1/namespaces/default/pods',
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    });
    expect(ans.status).toBe(201);
    srv.cluster.settle();
    srv.cluster.advance(30_000);
  });
  afterAll(async () => {
    for (const child of children.filter((c) => c.exitCode === null)) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await srv?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const rows = [
    { name: 'WebSocket tunnel (SPDY/3.1+portforward.k8s.io)', websockets: 'true', port: LOCAL_PORT },
    { name: 'raw SPDY/3.1 upgrade (KUBECTL_PORT_FORWARD_WEBSOCKETS=false)', websockets: 'false', port: LOCAL_PORT + 1 },
  ];
  for (const row of rows) {
    it(`forwards a local port to nginx in the pod over the ${row.name}`, async () => {
      let stderr = '';
      const child = spawn('kubectl', ['--cache-dir', join(dir, 'cache'), 'port-forward', 'pod/web', `${row.port}:80`], {
        env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir, KUBECTL_PORT_FORWARD_WEBSOCKETS: row.websockets },
        cwd: dir,
      });
      children.push(child);
      child.stderr?.on('data', (d: Buffer) => void (stderr += d.toString()));
      const out = await started(child, row.port);
      expect(out).toBe(`Forwarding from 127.0.0.1:${row.port} -> 80\nForwarding from [::1]:${row.port} -> 80\n`);
      for (const path of ['/', '/index.html']) {
        const res = await fetch(`http://127.0.0.1:${row.port}${path}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/html');
        expect(await res.text()).toContain('<title>Welcome to nginx!</title>');
      }
      const missing = await fetch(`http://127.0.0.1:${row.port}/nope`);
      expect(missing.status).toBe(404);
      await missing.text();
      // kubectl reports a failed forward on stderr ("an error occurred forwarding ...").
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stderr).toBe('');
    }, 30_000);
  }
});
