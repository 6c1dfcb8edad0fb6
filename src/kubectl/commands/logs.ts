// `kubectl logs` (kubectl pkg/cmd/logs, polymorphichelpers logsforobject): which pods and
// containers, the log query (tail, since, previous, timestamps, limit-bytes), prefixes, and
// `-f` following until interrupted, over `GET .../pods/NAME/log` returning text.

import { parseGoDuration } from '../../engine/util/duration';
import type { KObject } from '../../engine/api/types';
import { selectorFromLabelSelector } from '../../engine/api/labels';
import type { Invocation } from '../cli/command';
import { flagBool, flagInt, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import type { J } from '../describe/values';
import { CmdError, StatusError } from '../errors';
import { resourceRequests } from '../resource-args';
import { fetchTarget } from './targets';

/** Pod preference when a workload has several (ByLogging, simplified): ready, running, newest. */
function rank(p: J): number[] {
  const ready = (p.status?.conditions ?? []).some((c: J) => c.type === 'Ready' && c.status === 'True') ? 0 : 1;
  const running = p.status?.phase === 'Running' ? 0 : 1;
  return [ready, running];
}

/**
 * The pods a `POD` or `TYPE/NAME` argument means: a pod itself, or the pods a workload selects
 * (all of them with `all`, else the preferred one with upstream's `Found N pods` note).
 */
export async function podsForObject(ctx: Ctx, arg: string, all: boolean, quiet = false): Promise<KObject[]> {
  const pods = await ctx.discovery.resolve('pods');
  if (!arg.includes('/')) return [await fetchTarget(ctx, { mapping: pods, namespace: ctx.namespace, name: arg })];
  const [r] = await resourceRequests(ctx.discovery, [arg]);
  const obj = (await fetchTarget(ctx, { mapping: r.mapping, namespace: ctx.namespace, name: r.names![0] })) as J;
  if (r.mapping.kind === 'Pod') return [obj];
  const sel = r.mapping.kind === 'Service' ? selectorFromLabelSelector({ matchLabels: obj.spec?.selector ?? {} }) : selectorFromLabelSelector(obj.spec?.selector);
  const list = (await ctx.api.list(pods, ctx.namespace, { labelSelector: sel.toString() })).items;
  if (list.length === 0) throw new CmdError(`timed out waiting for the condition`);
  if (all) return list;
  const sorted = [...list].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra[0] - rb[0] || ra[1] - rb[1] || ((b.metadata.creationTimestamp ?? '') < (a.metadata.creationTimestamp ?? '') ? -1 : 1);
  });
  // logs says which pod it picked; exec and attach (AttachablePodForObject) pick silently.
  if (list.length > 1 && !quiet) ctx.err(`Found ${list.length} pods, using pod/${sorted[0].metadata.name}\n`);
  return [sorted[0]];
}

/** The container to use without -c: the default-container annotation or the first, noting the choice. */
export function defaultContainer(ctx: Ctx, pod: J): string {
  const names: string[] = (pod.spec?.containers ?? []).map((c: J) => c.name);
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  const chosen = annotated && names.includes(annotated) ? annotated : names[0];
  if (names.length > 1 && !annotated) ctx.err(`Defaulted container "${chosen}" out of: ${names.join(', ')}\n`);
  return chosen;
}

async function fetchLog(ctx: Ctx, pod: KObject, container: string, q: Record<string, string | undefined>): Promise<string> {
  const pods = await ctx.discovery.resolve('pods');
  const body = await ctx.api.raw('GET', ctx.api.path(pods, pod.metadata.namespace, pod.metadata.name, 'log'), { ...q, container });
  return typeof body === 'string' ? body : String(body ?? '');
}

/** Whether the pod reports `container` (regular, init or ephemeral) as running. */
function containerRunning(pod: KObject, container: string): boolean {
  const st = (pod as J).status ?? {};
  const all: J[] = [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])];
  return all.some((c) => c.name === container && c.state?.running !== undefined);
}

function withPrefix(text: string, prefix: string | undefined): string {
  if (!prefix || text === '') return text;
  return text.replace(/[^\n]*(\n|$)/g, (line) => (line === '' ? '' : `${prefix} ${line}`));
}

export async function runLogs(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const selector = flagString(f, 'selector') ?? '';
  const follow = flagBool(f, 'follow');
  const allContainers = flagBool(f, 'all-containers');
  let container = flagString(f, 'container') ?? '';
  const args = [...inv.args];
  if (selector && args.length > 0) throw new CmdError('only a selector (-l) or a POD name is allowed');
  if (!selector && args.length === 0) throw new CmdError('expected POD or TYPE/NAME is a required argument for the logs command');
  if (args.length === 2 && !container) container = args.pop()!;
  if (args.length > 1) throw new CmdError('expected POD or TYPE/NAME is a required argument for the logs command');
  if (flagString(f, 'since-time') && f.changed.has('since')) throw new CmdError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  const tail = flagInt(f, 'tail') ?? -1;
  const q: Record<string, string | undefined> = {};
  if (flagBool(f, 'previous')) q.previous = 'true';
  if (flagBool(f, 'timestamps')) q.timestamps = 'true';
  const effectiveTail = selector && !f.changed.has('tail') ? 10 : tail;
  if (effectiveTail >= 0) q.tailLines = String(effectiveTail);
  if (f.changed.has('since')) q.sinceSeconds = String(Math.ceil(parseGoDuration(flagString(f, 'since') ?? '0s') / 1000));
  if (flagString(f, 'since-time')) q.sinceTime = flagString(f, 'since-time');
  const limit = flagInt(f, 'limit-bytes') ?? 0;
  if (limit > 0) q.limitBytes = String(limit);
  let pods: KObject[];
  if (selector) {
    pods = (await ctx.api.list(await ctx.discovery.resolve('pods'), ctx.namespace, { labelSelector: selector })).items;
    const max = flagInt(f, 'max-log-requests') ?? 5;
    const streams = allContainers ? pods.reduce((n, p) => n + ((p as J).spec?.containers?.length ?? 0), 0) : pods.length;
    if (follow && streams > max) throw new CmdError(`you are attempting to follow ${streams} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
    if (pods.length === 0) {
      ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
      return 0;
    }
  } else {
    try {
      pods = await podsForObject(ctx, args[0], flagBool(f, 'all-pods'));
    } catch (e) {
      // logs.go Complete wraps the builder's NotFound with the namespace.
      if (e instanceof StatusError && e.status.reason === 'NotFound') throw new CmdError(`error from server (NotFound): ${e.message} in namespace "${ctx.namespace}"`);
      throw e;
    }
  }
  // Only --prefix and --all-pods prefix lines (a selector alone does not, as of 1.32).
  const prefixOn = flagBool(f, 'prefix') || flagBool(f, 'all-pods');
  const streams: Array<{ pod: KObject; container: string; prefix?: string; seen: number }> = [];
  for (const p of pods) {
    const names: string[] = allContainers ? [...((p as J).spec?.initContainers ?? []), ...((p as J).spec?.containers ?? [])].map((c: J) => c.name) : [container || defaultContainer(ctx, p)];
    // LogsForObject checks an explicit container against the pod's spec before asking the server.
    const known = [...((p as J).spec?.initContainers ?? []), ...((p as J).spec?.containers ?? []), ...((p as J).spec?.ephemeralContainers ?? [])].map((c: J) => c.name);
    for (const c of names) if (!known.includes(c)) throw new CmdError(`container ${c} is not valid for pod ${p.metadata.name}`);
    for (const c of names) streams.push({ pod: p, container: c, prefix: prefixOn ? `[pod/${p.metadata.name}/${c}]` : undefined, seen: 0 });
  }
  for (const s of streams) {
    const text = await fetchLog(ctx, s.pod, s.container, q);
    s.seen = text.length;
    ctx.out(withPrefix(text, s.prefix));
  }
  if (!follow) return 0;
  // A followed stream ends with its container: when none is running, there is nothing to wait for.
  if (!streams.some((s) => containerRunning(s.pod, s.container))) return 0;
  // No streaming route in-process: what was written while following is fetched when the user
  // stops (Ctrl-C, or the script's next command), so scripts show the lines in order.
  await inv.env.host.untilInterrupted();
  for (const s of streams) {
    // The full log now, less what was printed: assumes the first fetch was a suffix of it.
    const text = await fetchLog(ctx, s.pod, s.container, q);
    ctx.out(withPrefix(text.slice(Math.min(s.seen, text.length)), s.prefix));
  }
  return 0;
}

