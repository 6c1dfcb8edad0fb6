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
 * `tsx bench/run.ts [PREFIX...]`: only the suites whose figures match a prefix run (a suite run
 * after others would measure a heap they left behind), and only matching figures are printed.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const wanted = (name: string): boolean => only.length === 0 || only.some((o) => name.startsWith(o) || o.startsWith(name));
  for (const [prefix, suite] of suites) {
    if (!wanted(prefix)) continue;
    for (const r of await suite()) {
      if (!wanted(r.name)) continue;
      process.stdout.write(JSON.stringify(r) + '\n');
    }
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
