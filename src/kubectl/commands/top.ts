// `kubectl top pod|node` (kubectl pkg/cmd/top): reads metrics.k8s.io PodMetrics / NodeMetrics and
// prints CPU in millicores and memory in Mi, as metricsutil's printers do.

import type { KObject } from '../../engine/api/types';
import { Quantity } from '../../engine/api/quantity';
import type { Invocation } from '../cli/command';
import { flagBool, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import { CmdError, StatusError } from '../errors';
import { tableWriter } from '../printers/tabwriter';

interface Usage {
  cpu?: string;
  memory?: string;
}

const milli = (q: string | undefined) => (q ? Quantity.parse(q).milliValue() : 0);
const bytes = (q: string | undefined) => (q ? Quantity.parse(q).value() : 0);
const cpuText = (m: number) => `${m}m`;
const memText = (b: number) => `${Math.floor(b / (1024 * 1024))}Mi`;

async function metrics(ctx: Ctx, plural: 'pods' | 'nodes', ns: string | undefined, name: string | undefined, selector: string | undefined): Promise<KObject[]> {
  let path = '/apis/metrics.k8s.io/v1beta1';
  if (ns) path += `/namespaces/${ns}`;
  path += `/${plural}`;
  if (name) path += `/${name}`;
  try {
    const body = (await ctx.api.raw('GET', path, selector ? { labelSelector: selector } : {})) as { items?: KObject[] } & KObject;
    return name ? [body] : (body.items ?? []);
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404 && !name) throw new CmdError('Metrics API not available');
    if (e instanceof StatusError && e.status.code === 404 && plural === 'pods') {
      throw new CmdError(`podmetrics.metrics.k8s.io "${ns}/${name}" not found`);
    }
    throw e;
  }
}

export async function runTopPod(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const all = ctx.allNamespaces;
  const items = await metrics(ctx, 'pods', all ? undefined : ctx.namespace, inv.args[0], flagString(f, 'selector') || undefined);
  if (items.length === 0) {
    ctx.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const rows = items.map((m) => {
    const cs = (m.containers as { name: string; usage: Usage }[]) ?? [];
    return {
      ns: m.metadata.namespace ?? '',
      name: m.metadata.name ?? '',
      cpu: cs.reduce((a, c) => a + milli(c.usage.cpu), 0),
      mem: cs.reduce((a, c) => a + bytes(c.usage.memory), 0),
      containers: cs,
    };
  });
  const sortBy = flagString(f, 'sort-by');
  if (sortBy === 'cpu') rows.sort((a, b) => b.cpu - a.cpu);
  else if (sortBy === 'memory') rows.sort((a, b) => b.mem - a.mem);
  else if (sortBy) throw new CmdError(`--sort-by accepts only cpu or memory`);
  const containers = flagBool(f, 'containers');
  const w = tableWriter();
  if (!flagBool(f, 'no-headers')) {
    w.write([...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)'].join('\t') + '\n');
  }
  for (const r of rows) {
    const lead = all ? [r.ns] : [];
    if (containers) {
      for (const c of r.containers) w.write([...lead, r.name, c.name, cpuText(milli(c.usage.cpu)), memText(bytes(c.usage.memory))].join('\t') + '\n');
    } else {
      w.write([...lead, r.name, cpuText(r.cpu), memText(r.mem)].join('\t') + '\n');
    }
  }
  if (flagBool(f, 'sum')) {
    const lead = all ? [''] : [];
    w.write([...lead, ...(containers ? ['', ''] : ['']), '________', '________'].join('\t') + '\n');
    w.write([...lead, ...(containers ? ['', ''] : ['']), cpuText(rows.reduce((a, r) => a + r.cpu, 0)), memText(rows.reduce((a, r) => a + r.mem, 0))].join('\t') + '\n');
  }
  ctx.out(w.flush());
  return 0;
}

export async function runTopNode(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const items = await metrics(ctx, 'nodes', undefined, inv.args[0], flagString(f, 'selector') || undefined);
  const nodesMapping = await ctx.discovery.resolve('nodes');
  const nodes = new Map((await ctx.api.list(nodesMapping, undefined)).items.map((n) => [n.metadata.name, n]));
  const rows = items.map((m) => {
    const usage = (m.usage as Usage) ?? {};
    const alloc = ((nodes.get(m.metadata.name)?.status as { allocatable?: Usage } | undefined)?.allocatable ?? {}) as Usage;
    const cpu = milli(usage.cpu);
    const mem = bytes(usage.memory);
    const cpuAlloc = milli(alloc.cpu);
    const memAlloc = bytes(alloc.memory);
    return { name: m.metadata.name ?? '', cpu, mem, cpuPct: cpuAlloc ? Math.floor((cpu * 100) / cpuAlloc) : 0, memPct: memAlloc ? Math.floor((mem * 100) / memAlloc) : 0 };
  });
  const sortBy = flagString(f, 'sort-by');
  if (sortBy === 'cpu') rows.sort((a, b) => b.cpu - a.cpu);
  else if (sortBy === 'memory') rows.sort((a, b) => b.mem - a.mem);
  const w = tableWriter();
  if (!flagBool(f, 'no-headers')) w.write('NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\n');
  for (const r of rows) w.write(`${r.name}\t${cpuText(r.cpu)}\t${r.cpuPct}%\t${memText(r.mem)}\t${r.memPct}%\n`);
  ctx.out(w.flush());
  return 0;
}

