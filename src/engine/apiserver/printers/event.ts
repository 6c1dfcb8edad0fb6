// `kubectl get events` columns: printers.go printEvent (LAST SEEN from lastTimestamp, eventTime
// or series; OBJECT `kind/name` lower-cased; wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME).
// events.k8s.io/v1 Events are read through the same core shape, as the apiserver converts them.

import type { KObject } from '../../api/types';
import { translateTimestampSince } from '../../util/human-duration';
import type { KindPrinter } from './types';
import { col, nameCol, nameOf } from './common';
import { int, obj, optInt, str } from './fields';
import * as d from './descriptions';

/** The fields printEvent reads, in core/v1 terms. */
interface EventView {
  firstTimestamp: string;
  lastTimestamp: string;
  eventTime: string;
  count: number;
  series: { count: number; lastObservedTime: string } | undefined;
  involvedObject: Record<string, unknown>;
  type: string;
  reason: string;
  message: string;
  sourceComponent: string;
  sourceHost: string;
  reportingController: string;
  reportingInstance: string;
}

function seriesOf(v: unknown): EventView['series'] {
  if (v === null || typeof v !== 'object') return undefined;
  const s = obj(v);
  return { count: int(s.count), lastObservedTime: str(s.lastObservedTime) };
}

/** Reads a core/v1 or an events.k8s.io/v1 Event (regarding, note, deprecated* fields). */
export function eventView(o: KObject): EventView {
  const common = {
    eventTime: str(o.eventTime),
    series: seriesOf(o.series),
    type: str(o.type),
    reason: str(o.reason),
    reportingController: str(o.reportingController),
    reportingInstance: str(o.reportingInstance),
  };
  if (o.apiVersion === 'events.k8s.io/v1') {
    const source = obj(o.deprecatedSource);
    return {
      ...common,
      firstTimestamp: str(o.deprecatedFirstTimestamp),
      lastTimestamp: str(o.deprecatedLastTimestamp),
      count: int(o.deprecatedCount),
      involvedObject: obj(o.regarding),
      message: str(o.note),
      sourceComponent: str(source.component),
      sourceHost: str(source.host),
    };
  }
  const source = obj(o.source);
  return {
    ...common,
    firstTimestamp: str(o.firstTimestamp),
    lastTimestamp: str(o.lastTimestamp),
    count: optInt(o.count) ?? 0,
    involvedObject: obj(o.involvedObject),
    message: str(o.message),
    sourceComponent: str(source.component),
    sourceHost: str(source.host),
  };
}

/** SOURCE: `component, host`, falling back to reportingController / reportingInstance. */
export function eventSource(e: EventView): string {
  const component = e.sourceComponent || e.reportingController;
  const instance = e.sourceHost || e.reportingInstance;
  return instance === '' ? component : `${component}, ${instance}`;
}

export const eventPrinter: KindPrinter = {
  columns: [
    col('Last Seen', 'string', d.EV_LAST),
    col('Type', 'string', d.EV_TYPE),
    col('Reason', 'string', d.EV_REASON),
    col('Object', 'string', d.EV_OBJECT),
    col('Subobject', 'string', d.EV_FIELD_PATH, 1),
    col('Source', 'string', d.EV_SOURCE, 1),
    col('Message', 'string', d.EV_MESSAGE),
    col('First Seen', 'string', d.EV_FIRST, 1),
    col('Count', 'string', d.EV_COUNT, 1),
    { ...nameCol(), priority: 1 },
  ],
  cells(o, now) {
    const e = eventView(o);
    const first =
      e.firstTimestamp !== ''
        ? translateTimestampSince(e.firstTimestamp, now)
        : translateTimestampSince(e.eventTime, now);
    let last = e.lastTimestamp !== '' ? translateTimestampSince(e.lastTimestamp, now) : first;
    let count = e.count;
    if (e.series) {
      last = translateTimestampSince(e.series.lastObservedTime, now);
      count = e.series.count;
    } else if (count === 0) {
      // Singleton events of the new API carry no count.
      count = 1;
    }
    const kind = str(e.involvedObject.kind).toLowerCase();
    const name = str(e.involvedObject.name);
    return [
      last,
      e.type,
      e.reason,
      name !== '' ? `${kind}/${name}` : kind,
      str(e.involvedObject.fieldPath),
      eventSource(e),
      e.message.trim(),
      first,
      count,
      nameOf(o),
    ];
  },
};
