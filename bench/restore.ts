// Reload benchmark: a cluster of ~10,000 objects (2 Deployments x 600 replicas on 100 nodes: each
// pod brings ~5 Events, plus ReplicaSets, leases, system pods) restored from its snapshot after a JSON round trip, against
// rebuilding the same cluster by replaying its journal (what a reload did before snapshots).

import { createCluster, type Cluster } from '../src/engine/cluster';
import { snapshotCluster, type ClusterSnapshot } from '../src/engine/snapshot';
import type { KObject } from '../src/engine/api/types';
import { replayJournal } from '../src/worker/journal';
import type { JournalEntry } from '../src/worker/scenario';
import type { BenchResult } from './types';

const NODES = 100;
/** Per Deployment: 1,200 pods give ~9,400 objects (restoreScenario(4000) gives ~50,000). */
const REPLICAS = 600;
const SEED = 1;
const START = Date.UTC(2025, 0, 1);
const STEP_MS = 1000;
const LIMIT_MS = 30 * 60 * 1000;

function deploymentRequest(name: string, replicas: number): JournalEntry {
  const body: KObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  };
  return { t: START, op: 'request', req: { method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', body, contentType: 'application/json' } };
}

const fresh = (): Cluster => createCluster({ seed: SEED, nodes: NODES, startTime: START });

function runningPods(c: Cluster): number {
  let n = 0;
  for (const p of c.store.list('/pods', 'default').items) if ((p.status as { phase?: string } | undefined)?.phase === 'Running') n++;
  return n;
}

/** The simulated instant at which every replica runs, found once on a live cluster. */
function settledAt(journal: JournalEntry[], replicas: number): number {
  const c = replayJournal(fresh(), journal, START);
  while (runningPods(c) < replicas && c.clock.now() - START < LIMIT_MS) c.advance(STEP_MS);
  return c.clock.now();
}

export function restoreScenario(replicas = REPLICAS): { objects: number; replayMs: number; snapshotMs: number; bytes: number; restoreMs: number; running: number } {
  const journal = [deploymentRequest('alpha', replicas), deploymentRequest('beta', replicas)];
  const until = settledAt(journal, 2 * replicas);

  // Journal replay: a fresh cluster, the requests at their instants, the clock run to `until`.
  let t0 = performance.now();
  const replayed = replayJournal(fresh(), journal, until);
  const replayMs = performance.now() - t0;

  t0 = performance.now();
  const text = JSON.stringify(snapshotCluster(replayed));
  const snapshotMs = performance.now() - t0;

  // Restore: parse, load, start everything, adopt every pod, and run what is due now.
  t0 = performance.now();
  const snap = JSON.parse(text) as ClusterSnapshot;
  const restored = createCluster({ restore: snap });
  restored.settle();
  const restoreMs = performance.now() - t0;
  return { objects: snap.objects.length, replayMs, snapshotMs, bytes: text.length, restoreMs, running: runningPods(restored) };
}

export function runRestoreBenchmarks(): BenchResult[] {
  const r = restoreScenario();
  return [
    { name: 'engine.restore_ms_10k_objects', value: Math.round(r.restoreMs), unit: 'ms' },
    { name: 'engine.restore_replay_ms_10k_objects', value: Math.round(r.replayMs), unit: 'ms' },
    { name: 'engine.restore_snapshot_ms_10k_objects', value: Math.round(r.snapshotMs), unit: 'ms' },
    { name: 'engine.restore_snapshot_mb_10k_objects', value: Math.round(r.bytes / 1e5) / 10, unit: 'MB' },
    { name: 'engine.restore_objects', value: r.objects, unit: 'objects' },
  ];
}
