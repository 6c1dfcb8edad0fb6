// The details panel's texts and actions for one object: describe, YAML, events, logs (through an
// internal kubectl run, so they read exactly as in the terminal), for a pod "why here / why
// pending" from the scheduler's per-plugin record, node actions and the in-app browser's requests.

import { workerName } from '../engine/bootstrap';
import type { Cluster } from '../engine/cluster';
import type { Placement } from '../engine/scheduler';
import type { HttpResult, Inspect, NodeAction, ObjectRef } from './protocol';
import type { Unstamped } from './shell/world';

/** Runs kubectl with its output captured (stdout and stderr in order). */
export type CapturedKubectl = (argv: string[], stdin?: string) => Promise<{ code: number; out: string }>;

function target(ref: ObjectRef): string[] {
  const kind = ref.kind.toLowerCase();
  return ref.namespace ? [kind, ref.name, '-n', ref.namespace] : [kind, ref.name];
}

/** One of the panel's texts for `ref`. */
export async function inspect(cluster: Cluster, kubectl: CapturedKubectl, ref: ObjectRef, what: Inspect): Promise<string> {
  const ns = ref.namespace ? ['-n', ref.namespace] : [];
  switch (what) {
    case 'describe':
      return (await kubectl(['describe', ...target(ref)])).out;
    case 'yaml':
      return (await kubectl(['get', ...target(ref), '-o', 'yaml'])).out;
    case 'events':
      return (await kubectl(['events', '--for', `${ref.kind.toLowerCase()}/${ref.name}`, ...ns])).out;
    case 'logs':
      return logs(cluster, kubectl, ref);
    case 'placement':
      return placementText(cluster, ref);
  }
}

/** Every container's log, init containers first, each under a `==> container <==` header. */
async function logs(cluster: Cluster, kubectl: CapturedKubectl, ref: ObjectRef): Promise<string> {
  if (ref.kind !== 'Pod') return (await kubectl(['logs', `${ref.kind.toLowerCase()}/${ref.name}`, '--all-containers', '--prefix', ...(ref.namespace ? ['-n', ref.namespace] : [])])).out;
  const pod = cluster.client.get(cluster.type('', 'Pod'), ref.namespace, ref.name);
  if (!pod) return `Error from server (NotFound): pods "${ref.name}" not found\n`;
  const spec = pod.spec as { initContainers?: { name: string }[]; containers?: { name: string }[] };
  const names = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c) => c.name);
  const parts: string[] = [];
  for (const c of names) {
    const r = await kubectl(['logs', ref.name, '-c', c, ...(ref.namespace ? ['-n', ref.namespace] : [])]);
    parts.push(`==> ${c} <==\n${r.out === '' ? '(no output yet)\n' : r.out}`);
  }
  return parts.join('\n');
}

/** The scheduler's last attempt for a pod as readable text. */
export function placementText(cluster: Cluster, ref: ObjectRef): string {
  if (ref.kind !== 'Pod') return 'Placement is recorded for pods only.\n';
  const pod = cluster.client.get(cluster.type('', 'Pod'), ref.namespace, ref.name);
  if (!pod) return `pod ${ref.name} not found\n`;
  const nodeName = (pod.spec as { nodeName?: string }).nodeName;
  const p = cluster.scheduler?.explainPlacement(`${ref.namespace ?? 'default'}/${ref.name}`);
  if (!p) {
    if (nodeName) return `Pod ${ref.name} runs on ${nodeName}.\nThe scheduler's record of that decision is no longer kept (it keeps the latest 1000 attempts, and it restarted when the page was reloaded).\n`;
    return `Pod ${ref.name} has not been through the scheduler yet.\n`;
  }
  return formatPlacement(ref.name, nodeName, p);
}

export function formatPlacement(pod: string, nodeName: string | undefined, p: Placement): string {
  const lines: string[] = [];
  if (p.node) lines.push(`Pod ${pod} was placed on ${p.node}${nodeName && nodeName !== p.node ? ` (now bound to ${nodeName})` : ''}.`);
  else if (nodeName) lines.push(`Pod ${pod} runs on ${nodeName}.`);
  else lines.push(`Pod ${pod} is Pending: no node can take it.`);
  if (p.message) lines.push(`Scheduler: ${p.message}`);
  if (p.filters.length) {
    lines.push('', 'Nodes filtered out (the first plugin that rejected each):');
    for (const f of p.filters) lines.push(`  ${f.node}: ${f.plugin}: ${f.reason}`);
  }
  if (p.feasible.length) {
    lines.push('', `Nodes that passed every filter: ${p.feasible.join(', ')}`);
  }
  if (p.scores.length) {
    lines.push('', 'Scores (0-100 per plugin, times its weight):');
    const byNode = new Map<string, string[]>();
    for (const s of p.scores) {
      const l = byNode.get(s.node) ?? [];
      l.push(`${s.plugin} ${s.score} x${s.weight}`);
      byNode.set(s.node, l);
    }
    const totals = new Map(p.totals.map((t) => [t.node, t.score]));
    for (const [node, parts] of byNode) lines.push(`  ${node}: ${parts.join(', ')}${totals.has(node) ? ` = ${totals.get(node)}` : ''}`);
  } else if (p.feasible.length === 1) {
    lines.push('Only one node fit, so scoring was skipped.');
  }
  return lines.join('\n') + '\n';
}

/**
 * A node action from the map: `add` takes the next free kind-style name (`kubeplay-worker4`);
 * fail/recover/remove are machine-level (journalled as `node` entries); cordon, uncordon and drain
 * go through kubectl, whose requests the journal records, and answer with its output.
 */
export async function nodeAction(cluster: Cluster, kubectl: CapturedKubectl, record: (e: Unstamped) => void, action: NodeAction, name?: string): Promise<string> {
  const nodeType = cluster.type('', 'Node');
  if (action === 'add') {
    const taken = new Set(cluster.client.list(nodeType).items.map((n) => n.metadata.name));
    let i = 0;
    while (taken.has(workerName(i))) i++;
    const n = workerName(i);
    cluster.nodes.add(n);
    record({ op: 'node', action: 'add', name: n });
    return `node/${n} added\n`;
  }
  if (!name) return `error: node ${action} needs a node name\n`;
  if (action === 'cordon' || action === 'uncordon') return (await kubectl([action, name])).out;
  if (action === 'drain') return (await kubectl(['drain', name, '--ignore-daemonsets', '--delete-emptydir-data', '--force'])).out;
  if (!cluster.client.get(nodeType, undefined, name)) return `Error from server (NotFound): nodes "${name}" not found\n`;
  cluster.nodes[action](name);
  record({ op: 'node', action, name });
  return `node/${name} ${action === 'fail' ? 'failed' : action === 'recover' ? 'recovered' : 'removed'}\n`;
}

/** A GET from outside the cluster (the in-app browser), with curl's wording for connection failures. */
export function httpRequest(cluster: Cluster, url: string, host?: string): HttpResult {
  const network = cluster.network;
  if (!network) return { status: 0, headers: {}, body: '', error: 'The simulated network is not running.' };
  const r = network.request(url, { method: 'GET', headers: host ? { Host: host } : {} });
  if (r.ok) return { status: r.status, headers: r.headers, body: r.body };
  const where = `${r.host}${r.port ? ':' + r.port : ''}`;
  const error = {
    unresolved: `Could not resolve host: ${r.host}`,
    refused: `Failed to connect to ${where}: Connection refused`,
    timeout: `Failed to connect to ${where}: Connection timed out`,
    unreachable: `Failed to connect to ${where}: No route to host`,
  }[r.error];
  return { status: 0, headers: {}, body: '', error };
}
