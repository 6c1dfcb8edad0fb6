// End to end: the real kubectl's protobuf creates against `startServer`, then reads them back.
// Skipped, saying so, when kubectl is not installed.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigYaml } from '../../../src/server/kubeconfig';
import { startServer, type RunningServer } from '../../../src/server/server';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!hasKubectl) console.warn('tests/server/protobuf/e2e.test.ts: skipped, the real `kubectl` is not on PATH');

describe.skipIf(!hasKubectl)('real kubectl creates through protobuf bodies', () => {
  let srv: RunningServer;
  let dir: string;
  const run = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile('kubectl', ['--cache-dir', join(dir, 'cache'), ...args], { env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir }, cwd: dir }, (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubeplay-pb-e2e-'));
    srv = await startServer({ port: 0, speed: 0 });
    writeFileSync(join(dir, 'kubeconfig'), kubeconfigYaml(srv.url));
  });
  afterAll(async () => {
    await srv?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('create deployment prints "created" and get -o yaml shows it', async () => {
    const r = await run('create', 'deployment', 'web', '--image=nginx');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web created\n');
    const y = await run('get', 'deploy', 'web', '-o', 'yaml');
    expect(y.stderr).toBe('');
    expect(y.stdout).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    expect(y.stdout).toContain('\n  name: web\n  namespace: default\n');
    expect(y.stdout).toContain('\n      - image: nginx\n');
    expect(y.stdout).toContain('\n  replicas: 1\n');
    expect(y.stdout).toMatch(/\n  creationTimestamp: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n/);
  });

  const rows: { args: string[]; want: string; get: string[]; jsonpath: string; value: string }[] = [
    { args: ['create', 'ns', 'x'], want: 'namespace/x created', get: ['ns', 'x'], jsonpath: '{.status.phase}', value: 'Active' },
    { args: ['create', 'configmap', 'c', '--from-literal=a=b'], want: 'configmap/c created', get: ['cm', 'c'], jsonpath: '{.data.a}', value: 'b' },
    { args: ['create', 'secret', 'generic', 's', '--from-literal=p=q'], want: 'secret/s created', get: ['secret', 's'], jsonpath: '{.data.p}', value: 'cQ==' },
    { args: ['create', 'service', 'nodeport', 'n', '--tcp=80:8080'], want: 'service/n created', get: ['svc', 'n'], jsonpath: '{.spec.ports[0].targetPort}', value: '8080' },
    { args: ['create', 'job', 'j', '--image=busybox', '--', 'echo', 'hi'], want: 'job.batch/j created', get: ['job', 'j'], jsonpath: '{.spec.template.spec.containers[0].command}', value: '["echo","hi"]' },
    { args: ['create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/5 * * * *'], want: 'cronjob.batch/cj created', get: ['cronjob', 'cj'], jsonpath: '{.spec.schedule}', value: '*/5 * * * *' },
    { args: ['create', 'ingress', 'ig', '--rule=foo.com/bar=svc1:8080'], want: 'ingress.networking.k8s.io/ig created', get: ['ingress', 'ig'], jsonpath: '{.spec.rules[0].http.paths[0].backend.service.port.number}', value: '8080' },
    { args: ['create', 'serviceaccount', 'sa'], want: 'serviceaccount/sa created', get: ['sa', 'sa'], jsonpath: '{.metadata.name}', value: 'sa' },
    { args: ['create', 'deployment', 'zero', '--image=nginx', '--replicas=0'], want: 'deployment.apps/zero created', get: ['deploy', 'zero'], jsonpath: '{.spec.replicas}', value: '0' },
  ];
  for (const r of rows) {
    it(`kubectl ${r.args.join(' ')}`, async () => {
      const c = await run(...r.args);
      expect(c.stderr).toBe('');
      expect(c.stdout).toBe(`${r.want}\n`);
      const g = await run('get', ...r.get, '-o', `jsonpath=${r.jsonpath}`);
      expect(g.stderr).toBe('');
      expect(g.stdout).toBe(r.value);
    });
  }

  it('a duplicate create answers AlreadyExists, as upstream', async () => {
    const r = await run('create', 'configmap', 'dup', '--from-literal=a=b');
    expect(r.stdout).toBe('configmap/dup created\n');
    const again = await run('create', 'configmap', 'dup', '--from-literal=a=b');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toBe('error: failed to create configmap: configmaps "dup" already exists\n');
  });
});
