// The journal's two ends: a transport wrapper that records every state-changing request kubectl
// sends, and the replay that rebuilds a cluster from those records at their simulated instants.

import type { ApiRequest } from '../engine/apiserver/request';
import { createCluster, type Cluster } from '../engine/cluster';
import { loadYamlReader } from '../engine/codec/yaml-reader';
import { snapshotCluster } from '../engine/snapshot';
import type { Transport } from '../kubectl/transport';
import type { JournalEntry } from './scenario';

/**
 * A copy of a request that shares nothing with the original and survives JSON and structured
 * clone unchanged (undefined query values dropped), so the journal never sees later mutations.
 */
export function copyRequest(req: ApiRequest): ApiRequest {
  const copy: ApiRequest = { method: req.method, path: req.path };
  if (req.query) {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.query)) if (v !== undefined) query[k] = v;
    copy.query = query;
  }
  if (req.body !== undefined) copy.body = typeof req.body === 'string' ? req.body : JSON.parse(JSON.stringify(req.body));
  if (req.contentType !== undefined) copy.contentType = req.contentType;
  if (req.accept !== undefined) copy.accept = req.accept;
  return copy;
}

/**
 * Passes every request and watch through to `inner`, and hands `record` a copy of each request
 * that can change state (any method but GET) just before it is sent. Watches are reads: not recorded.
 */
export function recordingTransport(inner: Transport, record: (req: ApiRequest) => void): Transport {
  return {
    request(req) {
      if (req.method !== 'GET') record(copyRequest(req));
      return inner.request(req);
    },
    watch(req, sink) {
      return inner.watch(req, sink);
    },
  };
}

/**
 * Applies `entries` in order to `cluster` (fresh, same seed, startTime and nodes as the recording),
 * running the clock up to each entry's instant first, then up to `until`. Synchronous and
 * deterministic: the same entries give the same objects however the time between them is split.
 * Returns the cluster at the end: a `restart` entry replaces it with its own restored snapshot.
 */
export function replayJournal(cluster: Cluster, entries: JournalEntry[], until: number): Cluster {
  let c = cluster;
  for (const entry of entries) {
    // Entries at the current instant still let due work run first, as the live clock driver did.
    c.clock.runUntil(Math.max(entry.t, c.clock.now()));
    c = applyEntry(c, entry);
  }
  c.clock.runUntil(Math.max(until, c.clock.now()));
  return c;
}

/**
 * Loads what replaying `entries` needs beyond the worker's start-up chunk: the apiserver's YAML
 * reader when a request carries a text body (server-side apply YAML, e.g. from a hand-made link).
 */
export async function prepareReplay(entries: JournalEntry[]): Promise<void> {
  if (entries.some((e) => e.op === 'request' && typeof e.req.body === 'string')) await loadYamlReader();
}

/**
 * A page reload: the cluster is saved as a snapshot and restored from it (control plane relists,
 * kubelets adopt their pods), so replaying a `restart` entry does exactly what the reload did.
 */
export function restartCluster(cluster: Cluster): Cluster {
  cluster.settle();
  return createCluster({ restore: snapshotCluster(cluster) });
}

function applyEntry(cluster: Cluster, entry: JournalEntry): Cluster {
  switch (entry.op) {
    case 'request':
      // A copy: the apiserver may default fields in place, and the journal must stay as recorded.
      cluster.server.handle(copyRequest(entry.req));
      cluster.settle();
      return cluster;
    case 'node':
      applyNode(cluster, entry.action, entry.name, entry.shape);
      return cluster;
    case 'restart':
      return restartCluster(cluster);
    case 'command':
    case 'speed':
      // Display and timing only: their effects are the request entries around them.
      return cluster;
  }
}

function applyNode(cluster: Cluster, action: 'add' | 'fail' | 'recover' | 'remove', name: string, shape?: { cpu?: string; memory?: string }): void {
  switch (action) {
    case 'add':
      cluster.nodes.add(name, shape ? { cpu: shape.cpu, memory: shape.memory } : undefined);
      return;
    case 'fail':
      cluster.nodes.fail(name);
      cluster.settle();
      return;
    case 'recover':
      cluster.nodes.recover(name);
      return;
    case 'remove':
      cluster.nodes.remove(name);
      return;
  }
}
