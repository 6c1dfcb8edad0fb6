// Scheduler throughput: N worker nodes, 10,000 pending pods of one ReplicaSet-like group created
// first, then the wall time for the scheduler to filter, score and bind them all.

import { createCluster } from '../src/engine/cluster';
import type { KObject } from '../src/engine/api/types';
import { Scheduler, schedulerFactory } from '../src/engine/scheduler';

const PODS = 10_000;

function podObject(i: number): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
  };
}

/** Pods bound per second of wall time with `nodes` workers (each 64 CPU / 256Gi / 110 pods). */
async function podsPerSecond(nodes: number): Promise<number> {
  let sched: Scheduler | undefined;
  const c = createCluster({ seed: 1, nodes, worker: { cpu: '64', memory: '256Gi', pods: '110' }, components: [schedulerFactory({ onCreate: (s) => (sched = s) })] });
  const podType = c.type('', 'Pod');
  for (let i = 0; i < PODS; i++) c.client.create(podType, podObject(i));
  const t0 = performance.now();
  c.settle();
  const ms = performance.now() - t0;
  const counts = sched!.queueCounts();
  const pending = counts.active + counts.backoff + counts.unschedulable + counts.inflight;
  if (pending > 0) throw new Error(`${pending} pods left unscheduled`);
  return Math.round((PODS / ms) * 1000);
}

export async function runSchedulerBenchmarks(): Promise<{ name: string; value: number; unit: string }[]> {
  return [
    { name: 'scheduler.pods_per_second_100_nodes', value: await podsPerSecond(100), unit: 'pods/s' },
    { name: 'scheduler.pods_per_second_1k_nodes', value: await podsPerSecond(1000), unit: 'pods/s' },
  ];
}

