// The journal: kubectl's writes recorded through the transport (reads and watches not), and a
// replay on a fresh cluster with the same seed reaching byte-identical objects, however the time
// between entries is split.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllOpenApi } from '../../src/engine/api/openapi';
import type { ApiRequest, ApiResponse, WatchSink } from '../../src/engine/apiserver/request';
import { createCluster, type Cluster } from '../../src/engine/cluster';
import { defaultKubeconfig } from '../../src/kubectl/env';
import { runKubectl } from '../../src/kubectl/root';
import { inProcessTransport, type Transport } from '../../src/kubectl/transport';
import { recordingTransport, replayJournal } from '../../src/worker/journal';
import type { JournalEntry } from '../../src/worker/scenario';

const START = Date.UTC(2026, 2, 14, 9, 30, 0);
const SEED = 42;

beforeAll(async () => {
  await loadAllOpenApi();
});

/** A kubectl host like Session.run's, whose transport journals every write with its instant. */
class RecordingShell {
  readonly journal: JournalEntry[] = [];
  private readonly cache = new Map<string, unknown>();
  private readonly config = defaultKubeconfig();

  constructor(readonly cluster: Cluster) {}

  async kubectl(line: string): Promise<string> {
    const cluster = this.cluster;
    this.journal.push({ t: cluster.clock.now(), op: 'command', tab: 't1', line: `kubectl ${line}` });
    let out = '';
    const transport = recordingTransport(inProcessTransport(cluster.server, () => cluster.settle()), (req) =>
      this.journal.push({ t: cluster.clock.now(), op: 'request', req }),
    );
    const code = await runKubectl(line.split(' '), {
      transport,
      io: { out: (s) => (out += s), err: (s) => (out += s) },
      files: { read: () => undefined, exists: () => false, isDir: () => false, list: () => [] },
      config: this.config,
      cache: this.cache,
      host: {
        now: () => cluster.clock.now(),
        wait: async (ms) => {
          const now = cluster.clock.now();
          const next = cluster.clock.nextEventTime();
          cluster.clock.runUntil(next !== undefined && next > now && next < now + ms ? next : now + ms);
        },
        untilInterrupted: () => Promise.resolve(),
      },
    });
    cluster.settle();
    expect(code, out).toBe(0);
    return out;
  }

  advance(ms: number): void {
    this.cluster.advance(ms);
  }

  failNode(name: string): void {
    this.journal.push({ t: this.cluster.clock.now(), op: 'node', action: 'fail', name });
    this.cluster.nodes.fail(name);
    this.cluster.settle();
  }
}

/** Every stored object, fully serialised, in a fixed order: what "the same state" means. */
function dump(cluster: Cluster): string {
  const lines: string[] = [];
  for (const resource of [...cluster.store.resources()].sort()) {
    const items = cluster.store.list(resource).items;
    const keyed = items.map((o) => [`${o.metadata.namespace ?? ''}/${o.metadata.name}`, JSON.stringify(o)] as const);
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [key, json] of keyed) lines.push(`${resource} ${key} ${json}`);
  }
  return lines.join('\n');
}

async function getAllYaml(cluster: Cluster): Promise<string> {
  let out = '';
  await runKubectl(['get', 'all', '-A', '-o', 'yaml'], {
    transport: inProcessTransport(cluster.server, () => cluster.settle()),
    io: { out: (s) => (out += s), err: (s) => (out += s) },
    files: { read: () => undefined, exists: () => false, isDir: () => false, list: () => [] },
    config: defaultKubeconfig(),
    cache: new Map(),
    host: { now: () => cluster.clock.now(), wait: async () => {}, untilInterrupted: () => Promise.resolve() },
  });
  return out;
}

/** The session of the brief: create, scale, expose, set image, delete a pod, fail a node. */
async function recordSession(): Promise<{ shell: RecordingShell; end: number }> {
  const shell = new RecordingShell(createCluster({ seed: SEED, startTime: START, nodes: 3 }));
  await shell.kubectl('create deployment web --image=nginx:1.27');
  shell.advance(20_000);
  await shell.kubectl('scale deployment web --replicas=3');
  shell.advance(15_000);
  await shell.kubectl('expose deployment web --port=80 --type=LoadBalancer');
  shell.advance(3_000);
  await shell.kubectl('get pods');
  await shell.kubectl('set image deployment/web nginx=httpd:2.4');
  shell.advance(60_000);
  const pods = await shell.kubectl('get pods -l app=web -o name');
  const victim = pods.trim().split('\n')[0];
  expect(victim).toMatch(/^pod\/web-/);
  await shell.kubectl(`delete ${victim}`);
  shell.advance(10_000);
  shell.failNode('kubeplay-worker2');
  shell.advance(120_000);
  return { shell, end: shell.cluster.clock.now() };
}

describe('recordingTransport', () => {
  it('records a copy of each write before it is sent, and no reads or watches', async () => {
    const seen: string[] = [];
    const inner: Transport = {
      request: async (req: ApiRequest): Promise<ApiResponse> => {
        seen.push(`sent ${req.method}`);
        return { status: 200, body: {} };
      },
      watch: async (_req: ApiRequest, _sink: WatchSink) => ({ stop() {} }),
    };
    const records: ApiRequest[] = [];
    const t = recordingTransport(inner, (r) => {
      seen.push(`recorded ${r.method}`);
      records.push(r);
    });
    const body = { metadata: { name: 'a' }, spec: { replicas: 1 } };
    await t.request({ method: 'GET', path: '/api/v1/pods' });
    await t.request({ method: 'POST', path: '/api/v1/namespaces/default/pods', body, query: { fieldManager: 'kubectl', dryRun: undefined } });
    await t.request({ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web', body: 'spec: {}', contentType: 'application/apply-patch+yaml' });
    await t.watch({ method: 'GET', path: '/api/v1/pods', query: { watch: 'true' } }, { onEvent() {} });
    expect(seen).toEqual(['sent GET', 'recorded POST', 'sent POST', 'recorded PATCH', 'sent PATCH']);
    body.spec.replicas = 5;
    expect(records[0]).toEqual({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: { metadata: { name: 'a' }, spec: { replicas: 1 } }, query: { fieldManager: 'kubectl' } });
    expect(records[1]).toEqual({ method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web', body: 'spec: {}', contentType: 'application/apply-patch+yaml' });
  });
});

describe('replayJournal', () => {
  let recorded: { shell: RecordingShell; end: number };
  let original: string;
  let originalYaml: string;

  beforeAll(async () => {
    recorded = await recordSession();
    original = dump(recorded.shell.cluster);
    originalYaml = await getAllYaml(recorded.shell.cluster);
  }, 60_000);

  it('journals only the writes: reads such as get pods leave no request entry', () => {
    const requests = recorded.shell.journal.filter((e) => e.op === 'request');
    expect(requests.every((e) => e.op === 'request' && e.req.method !== 'GET')).toBe(true);
    expect(requests.map((e) => (e.op === 'request' ? `${e.req.method} ${e.req.path}` : ''))).toEqual([
      'POST /apis/apps/v1/namespaces/default/deployments',
      'PATCH /apis/apps/v1/namespaces/default/deployments/web/scale',
      'POST /api/v1/namespaces/default/services',
      'PATCH /apis/apps/v1/namespaces/default/deployments/web',
      expect.stringMatching(/^DELETE \/api\/v1\/namespaces\/default\/pods\/web-/),
    ]);
  });

  it('rebuilds byte-identical objects on a fresh cluster with the same seed', async () => {
    expect(original).toContain('httpd:2.4');
    const replica = createCluster({ seed: SEED, startTime: START, nodes: 3 });
    replayJournal(replica, JSON.parse(JSON.stringify(recorded.shell.journal)), recorded.end);
    expect(replica.clock.now()).toBe(recorded.end);
    expect(dump(replica)).toBe(original);
    expect(await getAllYaml(replica)).toBe(originalYaml);
  }, 60_000);

  it('reaches the same objects when the time between entries is cut into many small steps', () => {
    const replica = createCluster({ seed: SEED, startTime: START, nodes: 3 });
    const journal = recorded.shell.journal;
    // Replay entry by entry, each preceded by a walk of 250 ms steps up to its instant.
    for (const entry of journal) {
      let now = replica.clock.now();
      while (now + 250 < entry.t) replayJournal(replica, [], (now += 250));
      replayJournal(replica, [entry], entry.t);
    }
    let now = replica.clock.now();
    while (now + 250 < recorded.end) replayJournal(replica, [], (now += 250));
    replayJournal(replica, [], recorded.end);
    expect(dump(replica)).toBe(original);
  }, 60_000);

  it('differs with another seed (the comparison is not vacuous)', () => {
    const other = createCluster({ seed: SEED + 1, startTime: START, nodes: 3 });
    replayJournal(other, recorded.shell.journal, recorded.end);
    expect(dump(other)).not.toBe(original);
  }, 60_000);

  it('does not change the journal it replays', () => {
    const before = JSON.stringify(recorded.shell.journal);
    replayJournal(createCluster({ seed: SEED, startTime: START, nodes: 3 }), recorded.shell.journal, recorded.end);
    expect(JSON.stringify(recorded.shell.journal)).toBe(before);
  }, 60_000);

  it('applies node actions and restarts, and ignores commands and speed changes', () => {
    let c = createCluster({ seed: 3, startTime: START, nodes: 1 });
    const entries: JournalEntry[] = [
      { t: START + 1_000, op: 'speed', speed: 0 },
      { t: START + 2_000, op: 'node', action: 'add', name: 'big', shape: { cpu: '8', memory: '16Gi' } },
      { t: START + 3_000, op: 'command', tab: 't1', line: 'kubectl delete node big' },
      { t: START + 4_000, op: 'restart' },
      { t: START + 5_000, op: 'node', action: 'fail', name: 'kubeplay-worker' },
    ];
    c = replayJournal(c, entries, START + 120_000);
    const nodes = c.store.list('/nodes').items;
    const big = nodes.find((n) => n.metadata.name === 'big') as { status: { capacity: Record<string, string> } } | undefined;
    expect(big?.status.capacity.cpu).toBe('8');
    expect(big?.status.capacity.memory).toBe('16Gi');
    const failed = nodes.find((n) => n.metadata.name === 'kubeplay-worker') as unknown as { status: { conditions: { type: string; status: string }[] } };
    expect(failed.status.conditions.find((x) => x.type === 'Ready')?.status).toBe('Unknown');
    expect(c.clock.now()).toBe(START + 120_000);
    c = replayJournal(c, [{ t: START + 130_000, op: 'node', action: 'remove', name: 'big' }], START + 130_000);
    expect(c.store.list('/nodes').items.some((n) => n.metadata.name === 'big')).toBe(false);
  }, 60_000);
});
