// `kubectl drain` (kubectl pkg/cmd/drain, pkg/drain): cordon, sort the node's pods through
// upstream's filters (DaemonSet, mirror, emptyDir, unmanaged), print the warnings, evict (or
// delete) the rest, wait until they are gone, then `node/x drained`.

import { parseGoDuration, formatGoDuration } from '../../engine/util/duration';
import type { KObject } from '../../engine/api/types';
import type { Invocation } from '../cli/command';
import { flagBool, flagInt, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import type { J } from '../describe/values';
import { CmdError, StatusError } from '../errors';
import { dryRunValue } from './common-flags';
import { nodeTargets, setUnschedulable } from './node-commands';

/** How long drain waits for pods without --timeout before it waits for an interrupt instead. */
const QUIET_LIMIT_MS = 60 * 60 * 1000;

export interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
}

/** One pod's verdict (drain.PodDeleteStatus). */
export interface PodVerdict {
  pod: J;
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message: string;
}

/**
 * The filters in upstream's order; the first that does not delete decides. `daemonSetExists`
 * answers whether a pod's DaemonSet still exists (orphans go with --force).
 */
export function filterPod(pod: J, o: DrainOptions, daemonSetExists: (ns: string, name: string) => boolean): PodVerdict {
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const ref = (pod.metadata?.ownerReferences ?? []).find((r: J) => r.controller === true);
  let v: PodVerdict = { pod, delete: true, reason: 'Okay', message: '' };
  const filters: Array<() => PodVerdict> = [
    () => {
      if (!ref || ref.kind !== 'DaemonSet' || finished) return { pod, delete: true, reason: 'Okay', message: '' };
      if (!daemonSetExists(pod.metadata.namespace, ref.name)) {
        const msg = `daemonsets.apps "${ref.name}" not found`;
        return o.force ? { pod, delete: true, reason: 'Warning', message: msg } : { pod, delete: false, reason: 'Error', message: msg };
      }
      if (!o.ignoreDaemonSets) return { pod, delete: false, reason: 'Error', message: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
      return { pod, delete: false, reason: 'Warning', message: 'ignoring DaemonSet-managed Pods' };
    },
    () => (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { pod, delete: false, reason: 'Skip', message: '' } : { pod, delete: true, reason: 'Okay', message: '' }),
    () => {
      if (!(pod.spec?.volumes ?? []).some((v: J) => v.emptyDir != null) || finished) return { pod, delete: true, reason: 'Okay', message: '' };
      if (!o.deleteEmptyDirData) return { pod, delete: false, reason: 'Error', message: 'Pods with local storage (use --delete-emptydir-data to override)' };
      return { pod, delete: true, reason: 'Warning', message: 'deleting Pods with local storage' };
    },
    () => {
      if (finished || ref) return { pod, delete: true, reason: 'Okay', message: '' };
      if (o.force) return { pod, delete: true, reason: 'Warning', message: 'deleting Pods that declare no controller' };
      return { pod, delete: false, reason: 'Error', message: 'cannot delete Pods that declare no controller (use --force to override)' };
    },
  ];
  for (const f of filters) {
    v = f();
    if (!v.delete) break;
  }
  return v;
}

/** Groups pods by message as `msg: ns/a, ns/b` (PodDeleteList.Warnings / errors). */
function grouped(vs: PodVerdict[], reason: 'Warning' | 'Error'): string[] {
  const by = new Map<string, string[]>();
  for (const v of vs) {
    if (v.reason !== reason) continue;
    const msg = v.message || 'unexpected error';
    by.set(msg, [...(by.get(msg) ?? []), `${v.pod.metadata.namespace}/${v.pod.metadata.name}`]);
  }
  return [...by].map(([msg, pods]) => (reason === 'Error' && !msg.toLowerCase().startsWith('cannot delete') ? `cannot delete ${msg}: ${pods.join(', ')}` : `${msg}: ${pods.join(', ')}`));
}

/** GetPodsForDeletion for one node: verdicts, or the aggregated errors. */
async function podsForDeletion(ctx: Ctx, node: string, o: DrainOptions, podSelector: string): Promise<{ verdicts: PodVerdict[]; errors: string[] }> {
  const pods = await ctx.discovery.resolve('pods');
  const dss = await ctx.discovery.resolve('daemonsets.apps');
  const q: Record<string, string> = { fieldSelector: `spec.nodeName=${node}` };
  if (podSelector) q.labelSelector = podSelector;
  const list = await ctx.api.list(pods, undefined, q);
  const existing = new Set((await ctx.api.list(dss, undefined)).items.map((d) => `${d.metadata.namespace}/${d.metadata.name}`));
  const verdicts = list.items.map((p) => filterPod(p, o, (ns, name) => existing.has(`${ns}/${name}`)));
  return { verdicts, errors: grouped(verdicts, 'Error') };
}

async function evict(ctx: Ctx, pod: J, grace: number, dryServer: boolean): Promise<void> {
  const pods = await ctx.discovery.resolve('pods');
  const body: J = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace } };
  if (grace >= 0) body.deleteOptions = { gracePeriodSeconds: grace };
  if (dryServer) body.deleteOptions = { ...(body.deleteOptions ?? {}), dryRun: ['All'] };
  try {
    await ctx.api.call({ method: 'POST', path: ctx.api.path(pods, pod.metadata.namespace, pod.metadata.name, 'eviction'), body });
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    if (e.status.code === 404 && e.status.details?.name === pod.metadata.name) return;
    // The eviction subresource is not served here: delete, as drain does without eviction support.
    if (e.status.code !== 404 && e.status.code !== 405) throw e;
    try {
      await ctx.api.delete(pods, pod.metadata.namespace, pod.metadata.name, grace >= 0 ? { gracePeriodSeconds: grace } : {}, dryServer ? { dryRun: 'All' } : {});
    } catch (e2) {
      if (!(e2 instanceof StatusError && e2.status.code === 404)) throw e2;
    }
  }
}

async function drainNode(ctx: Ctx, node: KObject, o: DrainOptions): Promise<void> {
  const f = ctx.inv.flags;
  const dry = dryRunValue(flagString(f, 'dry-run'));
  const { verdicts, errors } = await podsForDeletion(ctx, node.metadata.name!, o, flagString(f, 'pod-selector') ?? '');
  if (errors.length) throw new CmdError(errors.join(', '));
  const warnings = grouped(verdicts, 'Warning');
  if (warnings.length) ctx.err(`Warning: ${warnings.join('; ')}\n`);
  const doomed = verdicts.filter((v) => v.delete).map((v) => v.pod);
  if (dry === 'client') {
    for (const p of doomed) ctx.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return;
  }
  const grace = flagInt(f, 'grace-period') ?? -1;
  for (const p of doomed) {
    ctx.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}${dry === 'server' ? ' (server dry run)' : ''}\n`);
    await evict(ctx, p, grace, dry === 'server');
  }
  if (dry === 'server') return;
  // waitForDelete: poll each pod until it is gone (or replaced by one with another uid).
  const timeoutMs = parseGoDuration(flagString(f, 'timeout') || '0s');
  const deadline = timeoutMs > 0 ? ctx.now() + timeoutMs : undefined;
  const pods = await ctx.discovery.resolve('pods');
  let pending = [...doomed];
  const started = ctx.now();
  for (;;) {
    const still: J[] = [];
    for (const p of pending) {
      let cur: J;
      try {
        cur = await ctx.api.get(pods, p.metadata.namespace, p.metadata.name);
      } catch (e) {
        if (!(e instanceof StatusError && e.status.code === 404)) throw e;
      }
      if (cur && cur.metadata.uid === p.metadata.uid) still.push(p);
      else ctx.out(`pod/${p.metadata.name} evicted\n`);
    }
    pending = still;
    if (pending.length === 0) return;
    if (deadline !== undefined && ctx.now() >= deadline) throw new CmdError(`drain did not complete within ${formatGoDuration(timeoutMs)}`);
    // Without --timeout upstream waits forever; with nothing left to move the clock (no kubelet
    // finishing the pods) hand over to the user's interrupt instead of spinning simulated time.
    if (deadline === undefined && ctx.now() - started >= QUIET_LIMIT_MS) {
      await ctx.inv.env.host.untilInterrupted();
      throw new CmdError('interrupted');
    }
    await ctx.inv.env.host.wait(deadline !== undefined ? Math.min(1000, deadline - ctx.now()) : 1000);
  }
}

export async function runDrain(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  if (inv.args.length === 0 && !flagString(f, 'selector')) throw new CmdError('USAGE: drain NODE [flags]');
  const o: DrainOptions = { force: flagBool(f, 'force'), ignoreDaemonSets: flagBool(f, 'ignore-daemonsets'), deleteEmptyDirData: flagBool(f, 'delete-emptydir-data') };
  const dry = dryRunValue(flagString(f, 'dry-run'));
  const nodes = await nodeTargets(ctx, inv.args);
  for (const n of nodes) await setUnschedulable(ctx, n, true, dry);
  const names = nodes.map((n) => n.metadata.name!);
  for (let i = 0; i < nodes.length; i++) {
    try {
      await drainNode(ctx, nodes[i], o);
      const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
      ctx.out(`node/${names[i]} drained${suffix}\n`);
    } catch (e) {
      ctx.err(`error: unable to drain node "${names[i]}" due to error: ${(e as Error).message}, continuing command...\n`);
      ctx.err(`There are pending nodes to be drained:\n${names.slice(i).map((n) => ` ${n}\n`).join('')}`);
      throw e;
    }
  }
  return 0;
}

