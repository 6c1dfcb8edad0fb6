// `npm run bench`: runs every benchmark and prints one JSON object per line:
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

const suites: (() => BenchResult[] | Promise<BenchResult[]>)[] = [runStoreBenchmarks, runKubectlBenchmarks, runSchedulerBenchmarks, runHttpBenchmarks, runNetworkBenchmarks, runEndpointsBenchmarks, runEngineBenchmarks, runRestoreBenchmarks, runUiBenchmarks];

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const suite of suites) {
    for (const r of await suite()) {
      if (only && !r.name.startsWith(only)) continue;
      process.stdout.write(JSON.stringify(r) + '\n');
    }
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
