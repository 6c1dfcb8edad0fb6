// The real kubectl (v1.32 on PATH) against the served cluster: discovery, get, apply
// (created/configured/unchanged), errors, explain and delete, with the outputs asserted.
// Skipped, saying so, when kubectl is not installed.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigYaml } from '../../src/server/kubeconfig';
import { startServer, type RunningServer } from '../../src/server/server';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!hasKubectl) console.warn('tests/server/kubectl.test.ts: skipped, the real `kubectl` is not on PATH');

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: REPLICAS
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
`;

describe.skipIf(!hasKubectl)('real kubectl against kubeplay', () => {
  let srv: RunningServer;
  let dir: string;
  const run = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(
        'kubectl',
        ['--cache-dir', join(dir, 'cache'), ...args],
        { env: { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir }, cwd: dir },
        (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  /** Writes web.yaml in the working directory and returns its relative name, as a user types it. */
  const manifest = (replicas: number): string => {
    writeFileSync(join(dir, 'web.yaml'), DEPLOYMENT.replace('REPLICAS', String(replicas)));
    return 'web.yaml';
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubeplay-kubectl-'));
    srv = await startServer({ port: 0, speed: 0 });
    writeFileSync(join(dir, 'kubeconfig'), kubeconfigYaml(srv.url));
  });
  afterAll(async () => {
    await srv?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('kubectl version reports the server', async () => {
    const r = await run('version');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Client Version: v1\.32\.\d+/);
    expect(r.stdout).toContain('\nServer Version: v1.32.4\n');
  });

  it('kubectl get nodes prints the default nodes', async () => {
    const r = await run('get', 'nodes');
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'kubeplay-control-plane Ready control-plane',
      'kubeplay-worker Ready <none>',
      'kubeplay-worker2 Ready <none>',
      'kubeplay-worker3 Ready <none>',
    ]);
  });

  it('kubectl api-resources lists every registered type from aggregated discovery', async () => {
    const r = await run('api-resources');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(lines).toContainEqual(expect.stringMatching(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/));
    expect(lines).toContainEqual(expect.stringMatching(/^pods\s+po\s+v1\s+true\s+Pod$/));
    expect(lines).toContainEqual(expect.stringMatching(/^nodes\s+no\s+v1\s+false\s+Node$/));
    // api-resources lists each resource once, at its group's preferred version.
    const resources = new Set(srv.cluster.registry.types.map((t) => `${t.group}/${t.plural}`));
    expect(lines.length - 1).toBe(resources.size);
  });

  it('apply prints created, unchanged, configured; get -o yaml shows the object', async () => {
    expect((await run('apply', '-f', manifest(2))).stdout).toBe('deployment.apps/web created\n');
    expect((await run('apply', '-f', manifest(2))).stdout).toBe('deployment.apps/web unchanged\n');
    expect((await run('apply', '-f', manifest(3))).stdout).toBe('deployment.apps/web configured\n');
    const y = await run('get', 'deploy', '-o', 'yaml');
    expect(y.stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: apps\/v1\n  kind: Deployment\n/);
    expect(y.stdout).toContain('\n    replicas: 3\n');
    expect(y.stdout).toContain('kubectl.kubernetes.io/last-applied-configuration: |');
    expect(y.stdout).toMatch(/\nkind: List\nmetadata:\n  resourceVersion: ""\n$/);
  });

  it('get -o jsonpath, scale, label and patch go through', async () => {
    expect((await run('scale', 'deploy', 'web', '--replicas=5')).stdout).toBe('deployment.apps/web scaled\n');
    expect((await run('label', 'deploy', 'web', 'tier=front')).stdout).toBe('deployment.apps/web labeled\n');
    expect((await run('patch', 'deploy', 'web', '-p', '{"spec":{"replicas":4}}')).stdout).toBe('deployment.apps/web patched\n');
    const r = await run('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.metadata.labels.tier}');
    expect(r.stdout).toBe('4 front');
  });

  it('explain reads the served OpenAPI v3', async () => {
    const r = await run('explain', 'deployment.spec.replicas');
    expect(r.stdout).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n' +
        '    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n\n',
    );
  });

  it('delete, then the NotFound and unknown-type errors', async () => {
    expect((await run('delete', 'deploy', 'web')).stdout).toBe('deployment.apps "web" deleted\n');
    const nf = await run('get', 'deploy', 'web');
    expect(nf.code).toBe(1);
    expect(nf.stderr).toBe('Error from server (NotFound): deployments.apps "web" not found\n');
    const unknown = await run('get', 'foo');
    expect(unknown.stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    const none = await run('get', 'deploy');
    expect(none.stderr).toBe('No resources found in default namespace.\n');
  });

  it('create -f and the AlreadyExists error', async () => {
    expect((await run('create', '-f', manifest(1))).stdout).toBe('deployment.apps/web created\n');
    const again = await run('create', '-f', manifest(1));
    expect(again.stderr).toBe('Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web" already exists\n');
  });

  it('get -w streams until the request timeout', async () => {
    const r = await run('get', 'deploy', '-w', '--request-timeout=1s');
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    // The deployment controller has made the ReplicaSet (UP-TO-DATE 1); the clock is paused.
    expect(r.stdout.split("\n")[1]).toMatch(/^web\s+0\/1\s+1\s+0\s+\d+s$/);
  });
});
