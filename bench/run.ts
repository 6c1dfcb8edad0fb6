// `npm run bench`: runs every benchmark (or those named by prefix) and prints one JSON object per line:
// {"name": "...", "value": N, "unit": "..."}. Figures are wall-clock on this machine.
import { runStoreBenchmarks } from './store';
import { runKubectlBenchmarks } from './kubectl';
import { runSchedulerBenchmarks } from './scheduler';
import { runHttpBenchmarks } from './http';
import { runNetworkBenchmarks } from './network';
import { runEndpointsBenchmarks } from './endpoints';
import { runEngineBenchmarks } from './engine';
import { runRestoreBenchmarks } from './restore';
import { runUiBenchmarks } from './ui';
import type { BenchResult } from './types';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Each suite and the prefix of the figures it reports (`engine` runs engine.ts and restore.ts). */
const suites: [prefix: string, run: () => BenchResult[] | Promise<BenchResult[]>][] = [
  ['store.', runStoreBenchmarks],
  ['kubectl.', runKubectlBenchmarks],
  ['scheduler.', runSchedulerBenchmarks],
  ['http.', runHttpBenchmarks],
  ['network.', runNetworkBenchmarks],
  ['endpoints.', runEndpointsBenchmarks],
  ['engine.', runEngineBenchmarks],
  ['engine.restore', runRestoreBenchmarks],
  ['ui.', runUiBenchmarks],
];

/**
 * `tsx bench/run.ts [PREFIX...]`: only the suites whose figures match a prefix run, and only
 * matching figures are printed. Each suite runs in a Node process of its own (`--suite N`): run
 * after others in one process, a suite measured the heap and the JIT state they left behind
 * (engine.deploy_10k_replicas_1k_nodes read ~4.1 s after the other suites, ~3.6 s alone).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--suite');
  const only = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  const wanted = (name: string): boolean => only.length === 0 || only.some((o) => name.startsWith(o) || o.startsWith(name));
  if (at >= 0) {
    const [, suite] = suites[Number(args[at + 1])];
    for (const r of await suite()) if (wanted(r.name)) process.stdout.write(JSON.stringify(r) + '\n');
    return;
  }
  for (let i = 0; i < suites.length; i++) {
    if (!wanted(suites[i][0])) continue;
    // The same loader (tsx) and flags as this process; figures on stdout, the suite's log on stderr.
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...only, '--suite', String(i)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    process.stdout.write(child.stdout ?? '');
    if (child.status !== 0) throw new Error(`suite ${suites[i][0]} failed (exit ${child.status ?? child.signal})`);
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
