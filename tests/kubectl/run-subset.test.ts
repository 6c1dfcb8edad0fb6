// runCommandLine over a command tree with `get` alone, on the read-only apiserver over a restored
// store, prints what the whole kubectl prints on the running cluster: the reads a first visit
// can answer before the rest of kubectl and the engine have loaded.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/cluster';
import { snapshotCluster } from '../../src/engine/snapshot';
import { Clock } from '../../src/engine/clock';
import { Registry } from '../../src/engine/api/registry';
import { Store } from '../../src/engine/store/store';
import { NotServedHere, ReadApiServer } from '../../src/engine/apiserver/read-server';
import { Session } from '../../src/headless/session';
import type { CommandDef } from '../../src/kubectl/cli/command';
import { getCommand } from '../../src/kubectl/commands/get';
import { defaultKubeconfig } from '../../src/kubectl/env';
import { runCommandLine } from '../../src/kubectl/run';
import { inProcessTransport } from '../../src/kubectl/transport';

const GET_ONLY: CommandDef = { name: 'kubectl', use: 'kubectl', short: 'kubectl controls the Kubernetes cluster manager', subcommands: [getCommand] };

const LINES = [
  'get nodes',
  'get pods -A',
  'get pods -n kube-system -o wide',
  'get deploy,rs,svc -A',
  'get deployment coredns -n kube-system -o yaml',
  'get nodes -o jsonpath={.items[*].metadata.name}',
  'get pods --show-labels -l k8s-app=kube-dns -n kube-system',
  'get nope',
  'get pod missing',
];

describe('kubectl get alone, on the read-only apiserver', () => {
  it('prints what the whole kubectl prints on the running cluster', async () => {
    const c = createCluster({ seed: 5, nodes: 2 });
    const snap = JSON.parse(JSON.stringify(snapshotCluster(c)));
    const store = new Store();
    store.load(snap.objects, snap.rv);
    const read = new ReadApiServer({ clock: new Clock(snap.now), store, registry: new Registry(), printerFor: c.server.ctx.printerFor });
    const session = new Session(c);
    for (const line of LINES) {
      let full = '';
      const fullCode = await session.run(line.split(' '), (s) => (full += s)).done;
      let mine = '';
      const code = await runCommandLine(GET_ONLY, line.split(' '), {
        transport: inProcessTransport(read),
        io: { out: (s) => (mine += s), err: (s) => (mine += s) },
        files: { read: () => undefined, exists: () => false, isDir: () => false, list: () => [] },
        config: defaultKubeconfig(),
        cache: new Map(),
        host: { now: () => snap.now, wait: async () => {}, untilInterrupted: async () => {} },
      });
      expect(full, line).not.toBe('');
      expect(mine, line).toBe(full);
      expect(code, line).toBe(fullCode);
    }
  });

  it('leaves what the read-only server refuses to the caller', async () => {
    const c = createCluster({ seed: 5, nodes: 1 });
    const store = new Store();
    store.load(c.store.objects(), c.store.currentRV());
    const read = new ReadApiServer({ clock: c.clock, store, registry: new Registry(), printerFor: c.server.ctx.printerFor });
    await expect(inProcessTransport(read).request({ method: 'GET', path: '/apis/autoscaling/v1/horizontalpodautoscalers' })).rejects.toThrow(NotServedHere);
  });
});
