// Store benchmarks: raw create throughput and watch fan-out.
import { Store } from '../src/engine/store/store';
import type { KObject } from '../src/engine/api/types';
import type { BenchResult } from './types';

function cm(i: number): KObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, namespace: `ns-${i % 10}`, labels: { app: `a${i % 7}` } }, data: { k: String(i) } };
}

export function runStoreBenchmarks(): BenchResult[] {
  const out: BenchResult[] = [];
  {
    const s = new Store();
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) s.create('/configmaps', cm(i));
    out.push({ name: 'store.create_100k_objects', value: round(performance.now() - t0), unit: 'ms' });
  }
  {
    const s = new Store();
    let received = 0;
    for (let w = 0; w < 50; w++) s.watch('/configmaps', { resourceVersion: 1 }, () => received++);
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) s.create('/configmaps', cm(i));
    const ms = performance.now() - t0;
    if (received !== 500_000) throw new Error(`watchers saw ${received} events, want 500000`);
    out.push({ name: 'store.watch_fanout_50_watchers_10k_events', value: round(ms), unit: 'ms' });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
