// Object changes for the events timeline: what the change feed says happened to each object
// (created, deleted, status or readiness moved), as rows shaped like Events so the timeline can
// list and filter both together. Pure: the previous and next views in, rows out.

import type { EventView, ObjectView } from '../../worker/protocol';

/** How many change rows are kept (oldest dropped first). */
export const CHANGE_CAP = 500;

const resource = (v: ObjectView) => `${v.kind.toLowerCase()}/${v.name}`;

function row(v: ObjectView, now: number, seq: number, reason: string, message: string): EventView {
  return {
    kind: 'Event',
    uid: `change-${seq}`,
    namespace: v.namespace,
    name: `${v.name}.change${seq}`,
    created: now,
    labels: {},
    type: 'Change',
    reason,
    message,
    object: resource(v),
    involved: v.namespace ? { kind: v.kind, namespace: v.namespace, name: v.name } : { kind: v.kind, name: v.name },
    count: 1,
    last: now,
    source: 'kubeplay',
  };
}

/** What moved between two views of the same object, in words; undefined when nothing shown changed. */
export function describeChange(before: ObjectView, after: ObjectView): { reason: string; message: string } | undefined {
  switch (after.kind) {
    case 'Pod':
    case 'Node': {
      const b = before as typeof after;
      if (b.status !== after.status) return { reason: 'StatusChanged', message: `${b.status} → ${after.status}` };
      return undefined;
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'CronJob': {
      const b = before as typeof after;
      if (b.desired !== after.desired) return { reason: 'Scaled', message: `desired ${b.desired} → ${after.desired}` };
      if (b.ready !== after.ready) return { reason: 'ReadyChanged', message: `ready ${after.ready}/${after.desired}` };
      if (b.images.join() !== after.images.join()) return { reason: 'ImageChanged', message: after.images.join(', ') };
      return undefined;
    }
    case 'Service':
    case 'Ingress': {
      const b = (before.kind === 'Service' ? before.externalAddress : (before as { address?: string }).address) ?? '';
      const a = (after.kind === 'Service' ? after.externalAddress : after.address) ?? '';
      if (a && b !== a) return { reason: 'AddressAssigned', message: `address ${a}` };
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Rows for one feed batch: `prev` is the mirror before the batch. Events themselves are not
 * repeated as changes; a reset batch (first load, import) reports nothing.
 */
export function changesOf(prev: ReadonlyMap<string, ObjectView>, upserts: ObjectView[], deletes: string[], now: number, nextSeq: () => number): EventView[] {
  const out: EventView[] = [];
  for (const v of upserts) {
    if (v.kind === 'Event') continue;
    const before = prev.get(v.uid);
    if (!before) {
      out.push(row(v, now, nextSeq(), 'Created', `${v.kind} created`));
      continue;
    }
    const c = describeChange(before, v);
    if (c) out.push(row(v, now, nextSeq(), c.reason, c.message));
  }
  for (const uid of deletes) {
    const before = prev.get(uid);
    if (before && before.kind !== 'Event') out.push(row(before, now, nextSeq(), 'Deleted', `${before.kind} deleted`));
  }
  return out;
}
