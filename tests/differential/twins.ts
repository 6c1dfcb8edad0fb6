// Deterministic twins for the differential test: one cluster served over HTTP for the real
// kubectl, one in-process for our kubectl, same seed/nodes/start instant, both paused.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { loadAllOpenApi } from '../../src/engine/api/openapi';
import { createCluster } from '../../src/engine/cluster';
import { Session, type DiskFiles } from '../../src/headless/session';
import { startServer, type RunningServer } from '../../src/server/server';

/** True when the real kubectl is on PATH (the suite is skipped, saying so, otherwise). */
export const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

/** True when openssl is on PATH: it makes the kubeconfig's client certificate. */
export const hasOpenssl = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;

/** What one kubectl invocation printed, and its exit code. */
export interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

export interface TwinOptions {
  seed?: number;
  nodes?: number;
  startTime?: number;
}

/** A fixed start instant, so ages and timestamps are the same in both clusters. */
export const START_TIME = Date.UTC(2025, 0, 15, 9, 30, 0);

let certs: { cert: string; key: string } | undefined;
/**
 * A throwaway client certificate: our session's kubeconfig has a certificate user (as kind's
 * has), and client-go refuses to start with certificate data that does not parse.
 */
function clientCert(): { cert: string; key: string } {
  if (certs) return certs;
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-cert-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=kubeplay-admin', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'),
  ], { stdio: 'ignore' });
  certs = { cert: readFileSync(join(dir, 'c.pem'), 'utf8'), key: readFileSync(join(dir, 'k.pem'), 'utf8') };
  rmSync(dir, { recursive: true, force: true });
  return certs;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

/**
 * The real kubectl's kubeconfig mirrors our Session's (`defaultKubeconfig()`: context and
 * cluster `kubeplay`, user `kubeplay-admin` with a client certificate, no namespace), so that
 * `config view` / `get-contexts` describe the same configuration.
 */
function kubeconfigFor(session: Session): string {
  const c = session.config;
  const { cert, key } = clientCert();
  const lines = ['apiVersion: v1', 'kind: Config', 'clusters:', '- cluster:'];
  lines.push(`    certificate-authority-data: ${b64(cert)}`, `    server: ${c.clusterServer}`, '  name: kubeplay', 'contexts:');
  for (const x of c.contexts) {
    lines.push('- context:', `    cluster: ${x.cluster}`);
    if (x.namespace) lines.push(`    namespace: ${x.namespace}`);
    lines.push(`    user: ${x.user}`, `  name: ${x.name}`);
  }
  lines.push(`current-context: ${c.currentContext}`, 'preferences: {}', 'users:', '- name: kubeplay-admin', '  user:');
  lines.push(`    client-certificate-data: ${b64(cert)}`, `    client-key-data: ${b64(key)}`, '');
  return lines.join('\n');
}

/** Our session reads files from the same working directory the real kubectl runs in. */
function diskAt(dir: string): DiskFiles {
  const abs = (p: string) => (isAbsolute(p) ? p : join(dir, p));
  return {
    read: (p) => {
      try {
        return statSync(abs(p)).isFile() ? readFileSync(abs(p), 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    isDir: (p) => existsSync(abs(p)) && statSync(abs(p)).isDirectory(),
    list: (p) => readdirSync(abs(p)).sort(),
  };
}

/** The two clusters of one differential row and the means to drive both. */
export class Twins {
  private constructor(
    readonly dir: string,
    readonly server: RunningServer,
    readonly session: Session,
  ) {}

  static async start(opts: TwinOptions = {}): Promise<Twins> {
    const startTime = opts.startTime ?? START_TIME;
    await loadAllOpenApi();
    const dir = mkdtempSync(join(tmpdir(), 'kubeplay-diff-'));
    const server = await startServer({ port: 0, speed: 0, startTime, seed: opts.seed, nodes: opts.nodes });
    const session = new Session(createCluster({ seed: opts.seed, nodes: opts.nodes, startTime }), diskAt(dir));
    // Both kubectls point at "the" cluster: our in-process one shows the served URL, so that
    // cluster-info and config view need no normalising of the address.
    session.config.clusterServer = server.url;
    writeFileSync(join(dir, 'kubeconfig'), kubeconfigFor(session));
    return new Twins(dir, server, session);
  }

  /** Writes a file into the shared working directory. */
  writeFile(path: string, text: string): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), text);
  }

  /** Moves both clocks ahead by `ms`, running what falls due. */
  async advance(ms: number): Promise<void> {
    this.session.cluster.advance(ms);
    const res = await fetch(`${this.server.url}/kubeplay/v1/advance?by=${ms}ms`, { method: 'POST' });
    if (!res.ok) throw new Error(`advance: HTTP ${res.status}`);
  }

  /** Runs the real kubectl on the served cluster (HOME and the discovery cache in the row's dir). */
  real(argv: string[], stdin?: string): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const child = spawn('kubectl', argv, {
        cwd: this.dir,
        env: { PATH: process.env.PATH, HOME: this.dir, KUBECONFIG: join(this.dir, 'kubeconfig')},
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
      child.stdin.end(stdin ?? '');
    });
  }

  /** Runs our kubectl on the in-process twin. */
  async ours(argv: string[], stdin?: string): Promise<Outcome> {
    let stdout = '';
    let stderr = '';
    const { done } = this.session.run(argv, (s) => (stdout += s), stdin, (s) => (stderr += s));
    const code = await done;
    return { stdout, stderr, code };
  }

  async close(): Promise<void> {
    await this.server.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
