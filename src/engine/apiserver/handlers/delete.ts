// DELETE of one object or a collection, as the generic registry does it: preconditions,
// graceful deletion of pods bound to a node, finalizers (incl. orphan / foregroundDeletion from
// the propagation policy) and deletionTimestamp; the garbage collector handles dependents.

import type { ResourceType } from '../../api/registry';
import { clone, type KObject } from '../../api/types';
import { StoreError } from '../../store/errors';
import { rfc3339 } from '../../util/time';
import { storeKey, type ServerContext } from '../context';
import { badRequest, conflict, notFound } from '../status';

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

export interface DeleteOptions {
  dryRun: boolean;
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/** Reads DeleteOptions from a body and query (the query wins, as in the real handler). */
export function deleteOptionsFrom(body: unknown, query: Record<string, string | undefined>): DeleteOptions {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const opts: DeleteOptions = { dryRun: false };
  const dry = query.dryRun ?? (Array.isArray(b.dryRun) ? (b.dryRun as string[])[0] : undefined);
  if (dry !== undefined && dry !== '') {
    if (dry !== 'All') throw badRequest(`Invalid dry run value: ${dry}`);
    opts.dryRun = true;
  }
  const pp = query.propagationPolicy ?? (b.propagationPolicy as string | undefined);
  if (pp !== undefined && pp !== '') {
    if (pp !== 'Orphan' && pp !== 'Background' && pp !== 'Foreground') {
      throw badRequest(`DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${pp}": supported values: "Foreground", "Background", "Orphan", "nil"`);
    }
    opts.propagationPolicy = pp;
  } else if (b.orphanDependents === true) {
    opts.propagationPolicy = 'Orphan';
  }
  const gp = query.gracePeriodSeconds ?? (b.gracePeriodSeconds as number | undefined);
  if (gp !== undefined && gp !== '') opts.gracePeriodSeconds = Number(gp);
  if (b.preconditions && typeof b.preconditions === 'object') opts.preconditions = b.preconditions as DeleteOptions['preconditions'];
  return opts;
}

/** Deletes one object. Returns the deleted object, or the object now being deleted (finalizers, grace). */
export function deleteObject(ctx: ServerContext, t: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions): KObject {
  const key = storeKey(t);
  const ns = namespace ?? '';
  const cur = ctx.store.get(key, ns, name);
  if (!cur) throw notFound(t.group, t.plural, name);
  const pre = opts.preconditions;
  if (pre?.uid !== undefined && pre.uid !== cur.metadata.uid) {
    throw conflict(t.group, t.plural, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${cur.metadata.uid ?? ''}`);
  }
  if (pre?.resourceVersion !== undefined && pre.resourceVersion !== cur.metadata.resourceVersion) {
    throw conflict(
      t.group,
      t.plural,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${cur.metadata.resourceVersion ?? ''}`,
    );
  }
  const attrs = { operation: 'DELETE' as const, type: t, namespace: ns, name, object: cur, dryRun: opts.dryRun };
  for (const p of ctx.admission) p.validate?.(attrs, ctx);

  const next = clone(cur) as KObject;
  const meta = next.metadata;
  const finalizers = new Set(meta.finalizers ?? []);
  const policy = opts.propagationPolicy;
  if (policy === 'Orphan') {
    finalizers.add(ORPHAN_FINALIZER);
    finalizers.delete(FOREGROUND_FINALIZER);
  } else if (policy === 'Foreground') {
    finalizers.add(FOREGROUND_FINALIZER);
    finalizers.delete(ORPHAN_FINALIZER);
  } else if (policy === 'Background') {
    finalizers.delete(ORPHAN_FINALIZER);
    finalizers.delete(FOREGROUND_FINALIZER);
  }
  // Namespaces finalize through spec.finalizers (the namespace controller clears them).
  const nsFinalizing = t.kind === 'Namespace' && t.group === '';
  const grace = gracePeriod(t, cur, opts);
  const graceful = grace > 0;
  if (finalizers.size === 0 && !graceful && !nsFinalizing) {
    if (opts.dryRun) return cur;
    try {
      return ctx.store.delete(key, ns, name);
    } catch (e) {
      if (e instanceof StoreError && e.code === 'NotFound') throw notFound(t.group, t.plural, name);
      throw e;
    }
  }
  // Graceful / finalized deletion: mark it and let the owners of the finalizers finish the job.
  const now = ctx.clock.now();
  if (!meta.deletionTimestamp) {
    meta.deletionTimestamp = rfc3339(now + grace * 1000);
    meta.deletionGracePeriodSeconds = grace;
  } else if (graceful && (meta.deletionGracePeriodSeconds ?? 0) > grace) {
    // A shorter grace period may replace a longer one (kubectl delete --grace-period=1 on a Terminating pod).
    meta.deletionTimestamp = rfc3339(now + grace * 1000);
    meta.deletionGracePeriodSeconds = grace;
  }
  if (finalizers.size > 0) meta.finalizers = [...finalizers];
  else delete meta.finalizers;
  if (nsFinalizing) {
    next.status = { ...((next.status as object) ?? {}), phase: 'Terminating' };
  }
  if (opts.dryRun) return next;
  // Deleting what is already being deleted the same way changes nothing: no write, no event.
  if (JSON.stringify(next) === JSON.stringify(cur)) return cur;
  return ctx.store.update(key, next);
}

/** Pods bound to a node end gracefully (the kubelet finishes them); everything else at once. */
function gracePeriod(t: ResourceType, cur: KObject, opts: DeleteOptions): number {
  if (t.group !== '' || t.kind !== 'Pod') return 0;
  const spec = (cur.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  if (!spec.nodeName) return 0;
  const phase = (cur.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 0;
  const g = opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
  return Math.max(0, g);
}
