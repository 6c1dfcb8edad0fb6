// The Events section of describe: searchEvents (core/v1 events about an object, selected by
// involvedObject fields) and DescribeEvents (the Type/Reason/Age/From/Message table).
import type { KObject } from '../../engine/api/types';
import { escapeFieldValue } from '../../engine/api/fields';
import { parseTimestamp } from '../../engine/util/human-duration';
import { safeList } from './client';
import type { DescribeContext } from './client';
import { LEVEL_0, LEVEL_1 } from './writer';
import type { PrefixWriter } from './writer';
import { int, num, rec, since, str } from './values';
import type { J } from './values';

/** The part of an ObjectReference events are searched by; empty kind/uid are not filtered on. */
export interface EventRef {
  name: string;
  namespace: string;
  kind?: string;
  uid?: string;
}

/** The reference describe builds for an object (reference.GetReference). */
export function refOf(obj: KObject): EventRef {
  return {
    name: str(obj.metadata?.name),
    namespace: str(obj.metadata?.namespace),
    kind: str(obj.kind),
    uid: str(obj.metadata?.uid),
  };
}

/** The field selector client-go's Events().GetFieldSelector builds for a reference. */
export function eventFieldSelector(ref: EventRef): string {
  const terms: string[] = [
    `involvedObject.name=${escapeFieldValue(ref.name)}`,
    `involvedObject.namespace=${escapeFieldValue(ref.namespace)}`,
  ];
  if (ref.kind) terms.push(`involvedObject.kind=${escapeFieldValue(ref.kind)}`);
  if (ref.uid) terms.push(`involvedObject.uid=${escapeFieldValue(ref.uid)}`);
  return terms.join(',');
}

/** searchEvents: the events about `ref`, listed in its namespace; [] when listing fails. */
export async function searchEvents(ctx: DescribeContext, ref: EventRef): Promise<KObject[]> {
  const items = await safeList(ctx, '', 'events', ref.namespace, { fieldSelector: eventFieldSelector(ref) });
  return items ?? [];
}

/** searchEvents for an object when --show-events is on, else undefined (no Events section). */
export async function eventsFor(ctx: DescribeContext, obj: KObject): Promise<KObject[] | undefined> {
  return ctx.opts.showEvents ? searchEvents(ctx, refOf(obj)) : undefined;
}

function lastTimestamp(e: J): number {
  // A zero lastTimestamp sorts before every real one, as Go's zero time does.
  return parseTimestamp(str(e?.lastTimestamp)) ?? Number.NEGATIVE_INFINITY;
}

/** The Age column: `60s`, or `2m (x3 over 5m)` for repeated events (count or series). */
export function eventInterval(e: J, now: number): string {
  const eventTime = str(e?.eventTime);
  const first = eventTime !== '' && parseTimestamp(eventTime) !== undefined ? since(eventTime, now) : since(e?.firstTimestamp, now);
  const series = rec(e?.series);
  if (series) return `${since(series.lastObservedTime, now)} (x${int(series.count)} over ${first})`;
  if (num(e?.count) > 1) return `${since(e?.lastTimestamp, now)} (x${int(e.count)} over ${first})`;
  return first;
}

/** DescribeEvents: `Events:  <none>` or the table, oldest last-seen first. */
export function describeEvents(events: readonly KObject[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  // Go's sort.Sort is not stable for long lists; a stable sort keeps equal times in list order.
  const sorted = [...events].sort((a, b) => lastTimestamp(a) - lastTimestamp(b) || 0);
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted as J[]) {
    const source = str(e?.source?.component) || str(e?.reportingComponent) || '';
    w.write(LEVEL_1, `${str(e?.type)}\t${str(e?.reason)}\t${eventInterval(e, now)}\t${source}\t${str(e?.message).trim()}\n`);
  }
}
