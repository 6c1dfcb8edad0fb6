// `kubectl events` (kubectl pkg/cmd/events): lists events sorted by time as
// `LAST SEEN  TYPE  REASON  OBJECT  MESSAGE`, filtered by `--for TYPE/NAME` and `--types`, across
// namespaces with -A, in another format with -o, or watched with -w.

import type { KObject } from '../../engine/api/types';
import { parseTimestamp, translateTimestampSince } from '../../engine/util/human-duration';
import type { Invocation } from '../cli/command';
import { flagBool, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import { CmdError } from '../errors';
import { asList, OBJECT_FORMATS, parseOutput, printObject, type OutputFormat } from '../printers/output';
import { tableWriter } from '../printers/tabwriter';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The instant an event sorts by (eventTime in events.go): series, else lastTimestamp, else eventTime. */
export function eventTime(e: J): number {
  const series = parseTimestamp(e.series?.lastObservedTime);
  if (e.series) return series ?? Number.NEGATIVE_INFINITY;
  return parseTimestamp(e.lastTimestamp) ?? parseTimestamp(e.eventTime) ?? Number.NEGATIVE_INFINITY;
}

/** Events oldest first; equal times keep list order. */
export function sortEvents<T extends J>(items: readonly T[]): T[] {
  return items
    .map((e, i) => ({ e, i, t: eventTime(e) }))
    .sort((a, b) => (a.t === b.t ? a.i - b.i : a.t < b.t ? -1 : 1))
    .map((x) => x.e);
}

/** The LAST SEEN cell (event_printer.go getInterval): `5s`, or `5s (x3 over 2m)` for repeats. */
export function eventInterval(e: J, now: number): string {
  const first = e.eventTime ? translateTimestampSince(e.eventTime, now) : translateTimestampSince(e.firstTimestamp, now);
  if (e.series) return `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** A cell cut at the first line break (escapeCell): the rest becomes `...`. */
export function escapeCell(s: string): string {
  const i = s.search(/[\f\n\r]/);
  return i >= 0 ? s.slice(0, i) + '...' : s;
}

/** One table row, tab-separated, NAMESPACE first with -A. */
export function eventRow(e: J, now: number, allNamespaces: boolean): string {
  const io = e.involvedObject ?? {};
  const cells = [
    eventInterval(e, now),
    escapeCell(e.type ?? ''),
    escapeCell(e.reason ?? ''),
    `${escapeCell(io.kind ?? '')}/${escapeCell(io.name ?? '')}`,
    escapeCell(String(e.message ?? '').trim()),
  ];
  return (allNamespaces ? `${e.metadata?.namespace ?? ''}\t` : '') + cells.join('\t') + '\n';
}

/** Whether `--types` lets the event through (case-insensitive; none given = all). */
function typeAllowed(types: string[], t: string | undefined): boolean {
  return types.length === 0 || types.some((x) => x.toLowerCase() === String(t ?? '').toLowerCase());
}

/** `--for TYPE/NAME` as an involvedObject field selector (decodeResourceTypeName). */
async function forSelector(ctx: Ctx, value: string): Promise<string | undefined> {
  if (value === '') return undefined;
  if (!value.includes('/')) throw new CmdError('--for must be in resource/name form');
  const seg = value.split('/');
  if (seg.length !== 2) throw new CmdError('arguments in resource/name form may not have more than one slash');
  const m = await ctx.discovery.resolve(seg[0]);
  return `involvedObject.kind=${m.kind},involvedObject.name=${seg[1]}`;
}

/** The typed client decodes events with kind/apiVersion set and Go's field order (for -o json). */
function typedEvent(e: J): J {
  const order = ['kind', 'apiVersion', 'metadata', 'involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'series', 'action', 'related', 'reportingComponent', 'reportingInstance'];
  const meta = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];
  const ref = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];
  const pick = (o: J | undefined, keys: string[]) => {
    const out: J = {};
    for (const k of keys) if (o && o[k] !== undefined) out[k] = o[k];
    for (const k of Object.keys(o ?? {})) if (!(k in out) && o![k] !== undefined) out[k] = o![k];
    return out;
  };
  const out = pick({ ...e, kind: 'Event', apiVersion: 'v1' }, order);
  out.metadata = pick(e.metadata, meta);
  if (e.involvedObject) out.involvedObject = pick(e.involvedObject, ref);
  return out;
}

function printList(items: J[], fmt: OutputFormat, showManaged: boolean): string {
  const strip = (e: J): J => (showManaged || !e.metadata?.managedFields ? e : { ...e, metadata: { ...e.metadata, managedFields: undefined } });
  const list = { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: items.map((e) => typedEvent(strip(e))) };
  return printObject(fmt.kind === 'json' ? list : { ...asList([]), ...list }, fmt, { generated: true, kindOf: () => 'event' });
}

export async function runEvents(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const types = ((f.values.get('types') as string[] | undefined) ?? []).filter((t) => t !== '');
  const outValue = flagString(f, 'output') ?? '';
  const fmt = outValue ? parseOutput(outValue, OBJECT_FORMATS) : undefined;
  const selector = await forSelector(ctx, flagString(f, 'for') ?? '');
  for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new CmdError('valid --types are Normal or Warning');
  const all = ctx.allNamespaces;
  const noHeaders = flagBool(f, 'no-headers');
  const showManaged = flagBool(f, 'show-managed-fields');
  const mapping = await ctx.discovery.resolve('events');
  const ns = all ? undefined : ctx.namespace;
  const query: Record<string, string | undefined> = {};
  if (selector) query.fieldSelector = selector;
  const header = (all ? 'NAMESPACE\t' : '') + 'LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n';
  const w = tableWriter();

  if (flagBool(f, 'watch')) {
    // runWatch: no list first; the watch starts with the current events as ADDED, then new ones.
    let printed = 0;
    const handle = await ctx.api.watch(mapping, ns, query, {
      onEvent: (e) => {
        const ev = e.object as unknown as J;
        if (e.type === 'DELETED' || !typeAllowed(types, ev.type)) return;
        if (fmt) {
          ctx.out((fmt.kind === 'yaml' && printed > 0 ? '---\n' : '') + printObject(typedEvent(ev), fmt, { generated: true, kindOf: () => 'event' }));
        } else {
          if (printed === 0 && !noHeaders) w.write(header);
          w.write(eventRow(ev, ctx.now(), all));
          ctx.out(w.flush());
        }
        printed++;
      },
    });
    await inv.env.host.untilInterrupted();
    handle.stop();
    return 0;
  }

  const items = ((await ctx.api.list(mapping, ns, query)).items as KObject[] as J[]).filter((e) => typeAllowed(types, e.type));
  if (items.length === 0) {
    ctx.err(all ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const sorted = sortEvents(items);
  if (fmt) {
    ctx.out(printList(sorted, fmt, showManaged));
    return 0;
  }
  if (!noHeaders) w.write(header);
  const now = ctx.now();
  for (const e of sorted) w.write(eventRow(e, now, all));
  ctx.out(w.flush());
  return 0;
}


