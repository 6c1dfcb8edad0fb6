// Test harness for the workload commands: runs `kubectl ...` lines against an in-process cluster
// (like the headless Session) with an optional transport hook standing in for routes other helpers
// serve (pods/log, pods/exec, eviction).

import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { ComponentFactory } from '../../../src/engine/controllers/deps';
import type { ApiRequest, ApiResponse } from '../../../src/engine/apiserver/request';
import { defaultKubeconfig } from '../../../src/kubectl/env';
import { ROOT, runKubectl } from '../../../src/kubectl/root';
import type { CommandDef } from '../../../src/kubectl/cli/command';
import { rolloutCommand } from '../../../src/kubectl/commands/rollout-command';
import { setCommand } from '../../../src/kubectl/commands/set';
import { cordonCommand, taintCommand, uncordonCommand } from '../../../src/kubectl/commands/node-commands-command';
import { drainCommand } from '../../../src/kubectl/commands/node-commands-drain-command';
import { logsCommand } from '../../../src/kubectl/commands/logs-command';
import { execCommand } from '../../../src/kubectl/commands/exec-command';
import { inProcessTransport, type Transport } from '../../../src/kubectl/transport';

/** The commands this helper delivers, put in place of root.ts's notYet entries as the lead will. */
const MINE: CommandDef[] = [rolloutCommand, setCommand, cordonCommand, uncordonCommand, drainCommand, taintCommand, logsCommand, execCommand];

function install(): void {
  const subs = ROOT.subcommands!;
  for (const c of MINE) {
    const i = subs.findIndex((x) => x.name === c.name);
    if (i >= 0) subs[i] = { ...c, group: subs[i].group };
  }
}

export type Hook = (req: ApiRequest, cluster: Cluster) => ApiResponse | undefined;

/** Splits a command line like a shell: single and double quotes, no expansion. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  let any = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = '';
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      any = true;
    } else if (ch === ' ') {
      if (cur || any) out.push(cur);
      cur = '';
      any = false;
    } else cur += ch;
  }
  if (cur || any) out.push(cur);
  return out;
}

export interface Harness {
  cluster: Cluster;
  /** Runs `kubectl <line>`; stdout and stderr interleaved, and the exit code. */
  run(line: string, opts?: { interruptAfterMs?: number }): Promise<{ out: string; code: number }>;
}

export function harness(components: ComponentFactory[], hook?: Hook, opts: { nodes?: number } = {}): Harness {
  install();
  const cluster = createCluster({ seed: 7, nodes: opts.nodes ?? 2, components });
  const base = inProcessTransport(cluster.server, () => cluster.settle());
  const transport: Transport = {
    async request(req) {
      const r = hook?.(req, cluster);
      if (r) {
        cluster.settle();
        return r;
      }
      return base.request(req);
    },
    watch: (req, sink) => base.watch(req, sink),
  };
  const config = defaultKubeconfig();
  const cache = new Map<string, unknown>();
  return {
    cluster,
    async run(line, o = {}) {
      let out = '';
      const argv = splitArgs(line.replace(/^kubectl /, ''));
      const code = await runKubectl(argv, {
        transport,
        io: { out: (s) => (out += s), err: (s) => (out += s) },
        files: { read: () => undefined, exists: () => false, isDir: () => false, list: () => [] },
        config,
        cache,
        host: {
          now: () => cluster.clock.now(),
          wait: async (ms) => {
            const now = cluster.clock.now();
            const next = cluster.clock.nextEventTime();
            cluster.clock.runUntil(next !== undefined && next > now && next < now + ms ? next : now + ms);
          },
          untilInterrupted: async () => {
            cluster.clock.runUntil(cluster.clock.now() + (o.interruptAfterMs ?? 0));
          },
        },
      });
      cluster.settle();
      return { out, code };
    },
  };
}
