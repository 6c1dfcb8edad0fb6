// The details panel's logic: finding the selected object in the mirror, which tabs it has, and a
// signature that changes when what a tab shows may have changed (so the panel refreshes then).

import type { EventView, Inspect, ObjectRef, ObjectView } from '../../worker/protocol';

export interface Tab {
  id: Inspect;
  label: string;
}

const COMMON: Tab[] = [
  { id: 'describe', label: 'Describe' },
  { id: 'yaml', label: 'YAML' },
  { id: 'events', label: 'Events' },
];

const POD: Tab[] = [
  { id: 'logs', label: 'Logs' },
  { id: 'placement', label: 'Why here' },
];

/** The tabs for an object of `kind`; pods add Logs and the scheduler's placement record. */
export function tabsFor(kind: string, pending = false): Tab[] {
  if (kind !== 'Pod') return COMMON;
  return [...COMMON, ...POD.map((t) => (t.id === 'placement' && pending ? { ...t, label: 'Why pending' } : t))];
}

/** Same object name: kind, namespace (cluster-scoped objects have none) and name. */
export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

/** The mirrored view of `ref`, if it is one of the kinds the feed carries and it exists. */
export function findView(objects: Iterable<ObjectView>, ref: ObjectRef): ObjectView | undefined {
  for (const o of objects) if (sameRef(o, ref)) return o;
  return undefined;
}

/** The ObjectRef of a view (what api.inspect and the editor take). */
export function refOf(o: ObjectView): ObjectRef {
  return o.namespace === undefined ? { kind: o.kind, name: o.name } : { kind: o.kind, namespace: o.namespace, name: o.name };
}

/**
 * What the Events tab depends on: the involved object's events and their counts. A string so
 * that Svelte's equality check skips a refresh when an unrelated batch arrives.
 */
export function eventsSignature(objects: Iterable<ObjectView>, ref: ObjectRef): string {
  const parts: string[] = [];
  for (const o of objects) {
    if (o.kind !== 'Event') continue;
    const e = o as EventView;
    if (sameRef(e.involved, ref)) parts.push(`${e.uid}:${e.count}:${e.last}`);
  }
  return parts.sort().join(',');
}
