// `npm run serve -- [--port 6443] [--address 127.0.0.1] [--seed N] [--nodes N] [--speed 1]
// [--kubeconfig PATH]`: serves a fresh default cluster over HTTP for real kubectl and clients.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { kubeconfigYaml } from './kubeconfig';
import { startServer, type ServerOptions } from './server';

/** Parsed command line. */
export interface ServeArgs extends ServerOptions {
  kubeconfig: string;
}

const USAGE = 'usage: serve [--port 6443] [--address 127.0.0.1] [--seed N] [--nodes N] [--speed 1] [--kubeconfig PATH]';

/** Parses argv (without node and script); `{ error }` on a bad flag or value. */
export function parseServeArgs(argv: string[]): { ok: true; args: ServeArgs } | { ok: false; error: string } {
  const args: ServeArgs = { port: 6443, address: '127.0.0.1', speed: 1, kubeconfig: './.kubeplay/kubeconfig' };
  const numeric: Record<string, 'port' | 'seed' | 'nodes' | 'speed'> = { '--port': 'port', '--seed': 'seed', '--nodes': 'nodes', '--speed': 'speed' };
  for (let i = 0; i < argv.length; i++) {
    let name = argv[i];
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (name.startsWith('--') && eq > 0) [name, value] = [name.slice(0, eq), name.slice(eq + 1)];
    if (name === '--help' || name === '-h') return { ok: false, error: USAGE };
    if (!(name in numeric) && name !== '--address' && name !== '--kubeconfig') return { ok: false, error: `unknown flag: ${name}\n${USAGE}` };
    if (value === undefined) value = argv[++i];
    if (value === undefined) return { ok: false, error: `flag needs an argument: ${name}` };
    if (name === '--address') args.address = value;
    else if (name === '--kubeconfig') args.kubeconfig = value;
    else {
      const n = Number(value);
      const key = numeric[name];
      const integer = key !== 'speed';
      if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)) || (key === 'port' && n > 65535)) {
        return { ok: false, error: `invalid argument "${value}" for "${name}" flag` };
      }
      args[key] = n;
    }
  }
  return { ok: true, args };
}

async function main(): Promise<void> {
  const parsed = parseServeArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(parsed.error + '\n');
    process.exit(2);
  }
  const { kubeconfig, ...opts } = parsed.args;
  const running = await startServer(opts);
  const path = resolve(kubeconfig);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, kubeconfigYaml(running.url), { mode: 0o600 });
  process.stdout.write(`kubeplay serving ${running.url} (seed ${opts.seed ?? 1}, ${opts.nodes ?? 3} workers, speed ${opts.speed})\n`);
  process.stdout.write(`export KUBECONFIG=${path}\n`);
  if (opts.address !== '127.0.0.1' && opts.address !== 'localhost' && opts.address !== '::1') {
    process.stderr.write(`warning: listening on ${opts.address} with no authentication\n`);
  }
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run only as the entry point, so tests can import parseServeArgs.
if (process.argv[1] && /[/\\]server[/\\]main\.ts$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
