// UI benchmarks in headless Chromium against the production build (dist/, built when stale):
// time to interactive, initial JS, kubectl round trip, map frame rate, restore. `tsx bench/ui.ts` runs only these.
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './types';
import { chromiumPresent, ensureBuild, startEnv, stopEnv } from './ui/setup';
import { runTti } from './ui/tti';
import { runRoundtripAndRestore } from './ui/roundtrip';
import { runMapFps } from './ui/fps';
import { log } from './ui/report';

export async function runUiBenchmarks(): Promise<BenchResult[]> {
  if (!chromiumPresent()) {
    log('skipped: Chromium not found (set CHROMIUM_PATH or apt-get install -y chromium); no ui.* rows');
    return [];
  }
  ensureBuild();
  const env = await startEnv();
  const rows: BenchResult[] = [];
  try {
    for (const suite of [runTti, runMapFps, runRoundtripAndRestore]) {
      const got = await suite(env);
      for (const r of got) log(`${r.name.padEnd(32)} ${String(r.value).padStart(10)} ${r.unit}`);
      rows.push(...got);
    }
  } finally {
    await stopEnv(env);
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runUiBenchmarks().then(
    (rows) => rows.forEach((r) => process.stdout.write(JSON.stringify(r) + '\n')),
    (e: unknown) => {
      process.stderr.write(`ui bench: ${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
