// The real kubectl (v1.32 on PATH) against a tiny capture server: each generator command's request body
// (protobuf for the typed clients) must decode to exactly the JSON the same command prints with
// `--dry-run=client -o json`, key order included. Skipped, saying so, when kubectl is not installed.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/server/body';
import { startServer, type RunningServer } from '../../../src/server/server';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!hasKubectl) console.warn('tests/server/protobuf/kubectl-bodies.test.ts: skipped, the real `kubectl` is not on PATH');

const PROTO = 'application/vnd.kubernetes.protobuf';

/** kubectl arguments, and whether upstream sends that body as protobuf (`run` uses JSON). */
const ROWS: { args: string[]; proto: boolean }[] = [
  { args: ['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=80'], proto: true },
  { args: ['create', 'deployment', 'multi', '--image=nginx', '--image=busybox:1.36', '--replicas=0'], proto: true },
  { args: ['create', 'deployment', 'sleeper', '--image=busybox', '--', 'sleep', '3600'], proto: true },
  { args: ['create', 'ns', 'x'], proto: true },
  { args: ['create', 'configmap', 'c', '--from-literal=a=b', '--from-literal=Z=y'], proto: true },
  { args: ['create', 'configmap', 'files', '--from-file=bin.dat', '--from-file=text.txt'], proto: true },
  { args: ['create', 'secret', 'generic', 's', '--from-literal=p=q'], proto: true },
  { args: ['create', 'secret', 'generic', 'typed', '--type=kubernetes.io/basic-auth', '--from-literal=username=u', '--from-literal=password=p'], proto: true },
  { args: ['create', 'secret', 'docker-registry', 'd', '--docker-username=u', '--docker-password=p', '--docker-server=r.example.com'], proto: true },
  { args: ['create', 'service', 'nodeport', 'n', '--tcp=80:8080'], proto: true },
  { args: ['create', 'service', 'clusterip', 'c', '--tcp=80:http', '--tcp=443'], proto: true },
  { args: ['create', 'service', 'clusterip', 'headless', '--clusterip=None'], proto: true },
  { args: ['create', 'service', 'loadbalancer', 'lb', '--tcp=5678:8080'], proto: true },
  { args: ['create', 'service', 'externalname', 'ext', '--external-name=example.com'], proto: true },
  { args: ['create', 'job', 'j', '--image=busybox', '--', 'echo', 'hi'], proto: true },
  { args: ['create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/1 * * * *', '--restart=Never', '--', 'date'], proto: true },
  { args: ['create', 'ingress', 'ig', '--rule=foo.com/bar=svc1:8080,tls=my-cert'], proto: true },
  { args: ['create', 'ingress', 'ig2', '--class=nginx', '--rule=/path*=svc:http', '--annotation=a=b', '--default-backend=defsvc:80'], proto: true },
  { args: ['create', 'serviceaccount', 'sa'], proto: true },
  { args: ['create', 'quota', 'q', '--hard=cpu=1,memory=1G,pods=2', '--scopes=BestEffort'], proto: true },
  { args: ['create', 'pdb', 'p', '--selector=app=x', '--min-available=50%'], proto: true },
  { args: ['create', 'priorityclass', 'pc', '--value=1000', '--description=high', '--preemption-policy=Never'], proto: true },
  { args: ['create', 'role', 'r', '--verb=get,list', '--resource=pods'], proto: true },
  { args: ['create', 'rolebinding', 'rb', '--role=r', '--user=u', '--serviceaccount=default:sa'], proto: true },
  { args: ['run', 'p', '--image=nginx', '--labels=a=b', '--env=X=1', '--port=80'], proto: false },
];

describe.skipIf(!hasKubectl)('kubectl request bodies decode to the --dry-run=client JSON', () => {
  let dir: string;
  let server: Server;
  let backend: RunningServer;
  let last: { contentType: string; body: Buffer } | undefined;
  const kubectl = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile('kubectl', ['--cache-dir', join(dir, 'cache'), ...args], { env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir }, cwd: dir }, (err, stdout, stderr) =>
        resolve({ code: err ? 1 : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubeplay-pb-'));
    writeFileSync(join(dir, 'bin.dat'), Uint8Array.from([0xff, 0xfe, 0x00, 0x01]));
    writeFileSync(join(dir, 'text.txt'), 'hello\n');
    // Records each POST body and answers 404, which is all kubectl needs to have sent it; other
    // requests (discovery, which `run` and `create role` need) go to a real kubeplay server.
    backend = await startServer({ port: 0, speed: 0 });
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method !== 'POST') {
          void fetch(backend.url + (req.url ?? '/'), { headers: { accept: req.headers.accept ?? '*/*' } }).then(async (r) => {
            res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'application/json' });
            res.end(Buffer.from(await r.arrayBuffer()));
          });
          return;
        }
        last = { contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks) };
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'captured', reason: 'NotFound', code: 404 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    writeFileSync(
      join(dir, 'kubeconfig'),
      `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]\ncontexts: [{name: c, context: {cluster: c, namespace: default}}]\ncurrent-context: c\nusers: [{name: u, user: {}}]\n`,
    );
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await backend?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const row of ROWS) {
    it(`kubectl ${row.args.join(' ')}`, async () => {
      last = undefined;
      const sentRun = await kubectl(row.args);
      expect(last, `kubectl sent no POST: ${sentRun.stderr}`).toBeDefined();
      const sent = last!;
      expect(sent.contentType).toBe(row.proto ? PROTO : 'application/json');
      const decoded = decodeBody(sent.body, sent.contentType);
      expect(decoded.ok).toBe(true);
      // The flags go before `--`, which starts the container command.
      const cut = row.args.includes('--') ? row.args.indexOf('--') : row.args.length;
      const dry = await kubectl([...row.args.slice(0, cut), '--dry-run=client', '-o', 'json', ...row.args.slice(cut)]);
      expect(dry.stderr).toBe('');
      const want = JSON.parse(dry.stdout) as unknown;
      if (decoded.ok) {
        expect(decoded.body).toEqual(want);
        // Same bytes as Go prints them: key order matters for `kubectl get -o json`.
        expect(JSON.stringify(decoded.body)).toBe(JSON.stringify(want));
      }
    });
  }
});
