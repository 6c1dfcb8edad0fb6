// printEvent rows, ported as facts from printers_test.go (TestPrintEvent, TestPrintEventsResultSorted).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { eventPrinter } from '../../../../src/engine/apiserver/printers/event';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const at = (ms: number) => new Date(NOW - ms).toISOString();
const H = 3600_000;
const D = 24 * H;
const ev = (rest: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'event1' }, ...rest });
const base = {
  source: { component: 'kubelet', host: 'Node1' },
  involvedObject: { kind: 'Deployment', name: 'Deployment Name', fieldPath: 'spec.containers{foo}' },
  reason: 'Event Reason',
  message: 'Message Data',
  type: 'Normal',
};

describe('eventPrinter', () => {
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'basic event, count 6',
      input: ev({ ...base, firstTimestamp: at(3 * D), lastTimestamp: at(2 * D), count: 6 }),
      want: ['2d', 'Normal', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 6, 'event1'],
    },
    {
      name: 'eventTime instead of first/last timestamp',
      input: ev({ ...base, eventTime: at(3 * D), count: 1 }),
      want: ['3d', 'Normal', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event1'],
    },
    {
      name: 'series overrides last seen and count',
      input: ev({ ...base, eventTime: at(3 * D), series: { count: 2, lastObservedTime: at(2 * D) }, count: 1 }),
      want: ['2d', 'Normal', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 2, 'event1'],
    },
    {
      name: 'singleton new-API event without count',
      input: ev({ ...base, source: {}, reportingController: 'ctrl', reportingInstance: 'inst', eventTime: at(90_000) }),
      want: ['90s', 'Normal', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'ctrl, inst', 'Message Data', '90s', 1, 'event1'],
    },
    {
      name: 'involved object without name, source without host, message trimmed',
      input: ev({ ...base, involvedObject: { kind: 'Node' }, source: { component: 'scheduler' }, message: '  spaced \n', firstTimestamp: at(30_000), lastTimestamp: at(10_000), count: 2 }),
      want: ['10s', 'Normal', 'Event Reason', 'node', '', 'scheduler', 'spaced', '30s', 2, 'event1'],
    },
    {
      name: 'no timestamps at all',
      input: ev({ ...base }),
      want: ['<unknown>', 'Normal', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '<unknown>', 1, 'event1'],
    },
    {
      name: 'events.k8s.io/v1 event',
      input: {
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name: 'web.17a' },
        regarding: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{nginx}' },
        note: 'Pulled image',
        reason: 'Pulled',
        type: 'Normal',
        reportingController: 'kubelet',
        reportingInstance: 'node-1',
        deprecatedFirstTimestamp: at(120_000),
        deprecatedLastTimestamp: at(60_000),
        deprecatedCount: 3,
      },
      want: ['60s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet, node-1', 'Pulled image', '2m', 3, 'web.17a'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(eventPrinter.cells(input, NOW)).toEqual(want));

  it('columns: LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME', () => {
    const names = (p: number) => eventPrinter.columns.filter((c) => c.priority === p).map((c) => c.name);
    expect(names(0)).toEqual(['Last Seen', 'Type', 'Reason', 'Object', 'Message']);
    expect(names(1)).toEqual(['Subobject', 'Source', 'First Seen', 'Count', 'Name']);
  });
});
