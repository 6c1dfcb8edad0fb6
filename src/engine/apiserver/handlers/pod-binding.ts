// pods/binding (the scheduler's one-write assignment: spec.nodeName + PodScheduled=True,
// registry/core/pod/storage BindingREST) and pods/eviction (policy/v1 Eviction: a delete that
// honours the Eviction's DeleteOptions; no PodDisruptionBudgets exist to refuse it).

import type { ResourceType } from '../../api/registry';
import type { KObject } from '../../api/types';
import { rfc3339 } from '../../util/time';
import { storeKey, type ServerContext } from '../context';
import { ApiError, badRequest, conflict, notFound, statusFailure } from '../status';
import { deleteObject, deleteOptionsFrom } from './delete';

interface Condition {
  type: string;
  status: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** POST pods/NAME/binding: assigns the pod to `target.name` in one write. */
export function bindPod(ctx: ServerContext, t: ResourceType, namespace: string, name: string, body: unknown): unknown {
  const b = (body ?? {}) as { target?: { kind?: string; name?: string }; metadata?: { name?: string } };
  const node = b.target?.name;
  if (!node) throw badRequest('Binding.target.name is required');
  if (b.target?.kind && b.target.kind !== 'Node') throw badRequest(`Binding.target.kind must be Node, not ${b.target.kind}`);
  const key = storeKey(t);
  const cur = ctx.store.get(key, namespace, name);
  if (!cur) throw notFound(t.group, t.plural, name);
  const spec = (cur.spec ?? {}) as { nodeName?: string };
  if (cur.metadata.deletionTimestamp) {
    throw conflict('', 'pods/binding', name, `pod ${name} is being deleted, cannot be assigned to a host`);
  }
  if (spec.nodeName) throw conflict('', 'pods/binding', name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
  // Copies only the parts that change: the rest stays shared with the frozen stored object. The
  // new parts are frozen here, shallowly (all they hold is frozen already), so the store's deep
  // freeze stops at them instead of walking the whole spec and status again (once per binding).
  const curStatus = (cur.status ?? {}) as { conditions?: Condition[] };
  const now = rfc3339(ctx.clock.now());
  const conds = (curStatus.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  const prev = (curStatus.conditions ?? []).find((c) => c.type === 'PodScheduled');
  conds.push(Object.freeze({ lastProbeTime: null, lastTransitionTime: prev?.status === 'True' ? prev.lastTransitionTime : now, status: 'True', type: 'PodScheduled' }));
  const nextSpec = Object.freeze({ ...(cur.spec as object), nodeName: node });
  const nextStatus = Object.freeze({ ...curStatus, conditions: Object.freeze(conds) });
  const next: KObject = { ...cur, spec: nextSpec, status: nextStatus };
  ctx.store.update(key, next);
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}

/** POST pods/NAME/eviction: deletes the pod as its Eviction's DeleteOptions say. */
export function evictPod(ctx: ServerContext, t: ResourceType, namespace: string, name: string, body: unknown): unknown {
  const b = (body ?? {}) as { deleteOptions?: unknown; metadata?: { name?: string } };
  if (b.metadata?.name && b.metadata.name !== name) {
    throw new ApiError(statusFailure(400, 'BadRequest', `name in URL does not match name in Eviction object`));
  }
  if (!ctx.store.get(storeKey(t), namespace, name)) throw notFound(t.group, t.plural, name);
  deleteObject(ctx, t, namespace, name, deleteOptionsFrom(b.deleteOptions, {}));
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}
