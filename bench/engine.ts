// Whole-engine benchmark: a 10,000-replica Deployment on a cluster of 1,000 worker nodes, timed
// from the apply until every pod is Running (simulated time advanced as fast as it will go).

import { createCluster } from '../src/engine/cluster';
import type { KObject } from '../src/engine/api/types';
import type { BenchResult } from './types';

const REPLICAS = 10_000;
const NODES = 1000;
/** Simulated time per step while waiting: fine enough not to overshoot much, coarse enough to be cheap. */
const STEP_MS = 1000;
/** Give up after this much simulated time (a broken engine must not hang the bench). */
const LIMIT_MS = 30 * 60 * 1000;

function deployment(): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'big', namespace: 'default' },
    spec: {
      replicas: REPLICAS,
      selector: { matchLabels: { app: 'big' } },
      template: {
        metadata: { labels: { app: 'big' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
      },
    },
  } as KObject;
}

/** Heap + RSS sampler: the peak of either, in MB, over the run (sampled each step). */
class PeakMemory {
  peak = 0;
  sample(): void {
    const m = process.memoryUsage();
    this.peak = Math.max(this.peak, m.rss / (1024 * 1024));
  }
}

/** Runs the deploy scenario once; returns wall ms, peak RSS MB and simulated ms it took. */
export async function deployScenario(replicas = REPLICAS, nodes = NODES): Promise<{ ms: number; peakMb: number; simMs: number }> {
  // Default worker shape (2 CPU / 4Gi / 110 pods), as `createCluster({ nodes: 1000 })` gives.
  const c = createCluster({ seed: 1, nodes });
  const depType = c.type('apps', 'Deployment');
  const podType = c.type('', 'Pod');
  const dep = deployment();
  (dep.spec as { replicas: number }).replicas = replicas;
  const mem = new PeakMemory();
  mem.sample();
  const t0 = performance.now();
  const sim0 = c.clock.now();
  // Count Running pods from a watch (a list of 10,000 pods per step would dominate the figure).
  const running = new Set<string>();
  const watch = c.client.watch(podType, 'default', {
    onEvent: (e) => {
      const uid = (e.object as KObject).metadata.uid ?? '';
      if (e.type !== 'DELETED' && ((e.object as KObject).status as { phase?: string } | undefined)?.phase === 'Running') running.add(uid);
      else running.delete(uid);
    },
  }, undefined, { labelSelector: 'app=big' });
  c.client.create(depType, dep);
  c.settle();
  while (running.size < replicas) {
    mem.sample();
    if (c.clock.now() - sim0 > LIMIT_MS) throw new Error(`only ${running.size}/${replicas} pods Running after ${LIMIT_MS / 60000} simulated minutes`);
    c.advance(STEP_MS);
  }
  watch.stop();
  const ms = performance.now() - t0;
  mem.sample();
  return { ms: Math.round(ms), peakMb: Math.round(mem.peak), simMs: c.clock.now() - sim0 };
}

/** `engine.deploy_10k_replicas_1k_nodes` (wall ms) and its peak memory (MB). */
export async function runEngineBenchmarks(): Promise<BenchResult[]> {
  const r = await deployScenario();
  return [
    { name: 'engine.deploy_10k_replicas_1k_nodes', value: r.ms, unit: 'ms' },
    { name: 'engine.deploy_10k_replicas_1k_nodes_peak_mb', value: r.peakMb, unit: 'MB' },
  ];
}

// Run directly: `npx tsx bench/engine.ts [replicas] [nodes]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const replicas = Number(process.argv[2] ?? REPLICAS);
  const nodes = Number(process.argv[3] ?? NODES);
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await deployScenario(replicas, nodes);
  const cpu = process.cpuUsage(cpu0);
  // CPU time (setup included) is steadier than wall time on a busy machine.
  console.log(JSON.stringify({ ...r, totalMsIncludingSetup: Math.round(performance.now() - t), cpuMsIncludingSetup: Math.round((cpu.user + cpu.system) / 1000) }));
}
