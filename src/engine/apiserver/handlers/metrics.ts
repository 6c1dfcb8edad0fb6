// The resource metrics API (metrics.k8s.io/v1beta1, served by metrics-server upstream): PodMetrics
// and NodeMetrics built from what each kubelet samples, for `kubectl top` and the autoscaler.

import type { KObject } from '../../api/types';
import { parseSelector } from '../../api/labels';
import { rfc3339 } from '../../util/time';
import type { PodUsage } from '../../kubelet/agents';
import type { ServerContext } from '../context';
import { badRequest, notFound } from '../status';

/** metrics-server's scrape window. */
const WINDOW = '15s';
/** What the node's own daemons (kubelet, containerd, the OS) use besides its pods. */
const NODE_OVERHEAD = { cpuMillicores: 40, memoryBytes: 420 * 1024 * 1024 };

function cpu(m: number): string {
  // Nanocores, as metrics-server reports them.
  return `${Math.max(0, Math.round(m * 1_000_000))}n`;
}

function memory(bytes: number): string {
  return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}

function allUsage(ctx: ServerContext): Map<string, PodUsage> {
  const out = new Map<string, PodUsage>();
  for (const agent of ctx.agents?.all() ?? []) for (const u of agent.usage()) out.set(`${u.namespace}/${u.name}`, u);
  return out;
}

function podMetrics(ctx: ServerContext, pod: KObject, u: PodUsage): KObject {
  return {
    kind: 'PodMetrics',
    apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      creationTimestamp: rfc3339(ctx.clock.now()),
      labels: pod.metadata.labels,
    },
    timestamp: rfc3339(u.timestamp),
    window: WINDOW,
    containers: u.containers.map((c) => ({ name: c.name, usage: { cpu: cpu(c.cpuMillicores), memory: memory(c.memoryBytes) } })),
  };
}

/** GET /apis/metrics.k8s.io/v1beta1/[namespaces/NS/]pods[/NAME] */
export function getPodMetrics(ctx: ServerContext, namespace: string | undefined, name: string | undefined, q: Record<string, string | undefined>): unknown {
  const usage = allUsage(ctx);
  if (name !== undefined) {
    const pod = ctx.store.get('/pods', namespace ?? '', name);
    const u = usage.get(`${namespace}/${name}`);
    if (!pod || !u) throw notFound('metrics.k8s.io', 'pods', name);
    return podMetrics(ctx, pod, u);
  }
  let selector;
  try {
    selector = q.labelSelector ? parseSelector(q.labelSelector) : undefined;
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  const items: KObject[] = [];
  for (const pod of ctx.store.list('/pods', namespace).items) {
    if (selector && !selector.matches(pod.metadata.labels ?? {})) continue;
    const u = usage.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    if (u) items.push(podMetrics(ctx, pod, u));
  }
  return { kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items };
}

/** GET /apis/metrics.k8s.io/v1beta1/nodes[/NAME] */
export function getNodeMetrics(ctx: ServerContext, name: string | undefined, q: Record<string, string | undefined>): unknown {
  const usage = [...allUsage(ctx).values()];
  const pods = new Map(ctx.store.list('/pods').items.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
  const one = (node: KObject): KObject => {
    let c = NODE_OVERHEAD.cpuMillicores;
    let m = NODE_OVERHEAD.memoryBytes;
    let ts = ctx.clock.now();
    for (const u of usage) {
      const pod = pods.get(`${u.namespace}/${u.name}`);
      if ((pod?.spec as { nodeName?: string } | undefined)?.nodeName !== node.metadata.name) continue;
      for (const x of u.containers) {
        c += x.cpuMillicores;
        m += x.memoryBytes;
      }
      ts = Math.min(ts, u.timestamp);
    }
    return {
      kind: 'NodeMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: { name: node.metadata.name, creationTimestamp: rfc3339(ctx.clock.now()), labels: node.metadata.labels },
      timestamp: rfc3339(ts),
      window: WINDOW,
      usage: { cpu: cpu(c), memory: memory(m) },
    };
  };
  if (name !== undefined) {
    const node = ctx.store.get('/nodes', '', name);
    if (!node) throw notFound('metrics.k8s.io', 'nodes', name);
    return one(node);
  }
  let selector;
  try {
    selector = q.labelSelector ? parseSelector(q.labelSelector) : undefined;
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  const items = ctx.store
    .list('/nodes')
    .items.filter((n) => !selector || selector.matches(n.metadata.labels ?? {}))
    .map(one);
  return { kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items };
}
