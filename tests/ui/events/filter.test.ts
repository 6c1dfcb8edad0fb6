// The events timeline: newest first, text / Warning-only / namespace filters, the cap, timestamps.
import { describe, expect, it } from 'vitest';
import { clockTime, filterEvents } from '../../../src/ui/events/filter';
import { namespaceVisible, DEFAULT_FILTER } from '../../../src/ui/map/namespaces';
import { event, pod } from '../map/fixtures';

const all = () => true;

describe('filterEvents', () => {
  const evs = [
    event('a', { last: 1000, reason: 'Scheduled', message: 'Successfully assigned default/web-1 to worker1', object: 'pod/web-1' }),
    event('b', { last: 3000, type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container', object: 'pod/crash-1' }),
    event('c', { last: 2000, reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-7c5 to 3', object: 'deployment/web' }),
    event('d', { last: 2500, namespace: 'kube-system', reason: 'Pulled', message: 'Container image "etcd" already present', object: 'pod/etcd' }),
    event('e', { last: 500, namespace: undefined, type: 'Warning', reason: 'NodeNotReady', message: 'Node worker2 status is now: NodeNotReady', object: 'node/worker2', involved: { kind: 'Node', name: 'worker2' } }),
  ];
  const objects = [pod('noise'), ...evs];
  const rows: { name: string; text?: string; warningsOnly?: boolean; visible?: (ns: string | undefined) => boolean; want: string[] }[] = [
    { name: 'everything, newest first', want: ['b', 'd', 'c', 'a', 'e'] },
    { name: 'kube-system hidden by default, node events kept', visible: namespaceVisible(DEFAULT_FILTER), want: ['b', 'c', 'a', 'e'] },
    { name: 'one namespace', visible: namespaceVisible({ namespace: 'kube-system', showSystem: false }), want: ['d', 'e'] },
    { name: 'warnings only', warningsOnly: true, want: ['b', 'e'] },
    { name: 'text in reason, any case', text: 'backoff', want: ['b'] },
    { name: 'text in message', text: 'replica set', want: ['c'] },
    { name: 'text in object', text: 'pod/web', want: ['a'] },
    { name: 'text with spaces around', text: '  worker2 ', want: ['e'] },
    { name: 'text and warnings', text: 'scaled', warningsOnly: true, want: [] },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const res = filterEvents(objects, { text: r.text ?? '', warningsOnly: r.warningsOnly ?? false, visible: r.visible ?? all });
      expect(res.rows.map((e) => e.name)).toEqual(r.want);
      expect(res.total).toBe(5);
    });
  }

  it('caps the rows to the newest ones and reports how many matched', () => {
    const many = Array.from({ length: 1200 }, (_, i) => event(`e${i}`, { last: i * 1000 }));
    const res = filterEvents(many, { text: '', warningsOnly: false, visible: all }, 500);
    expect(res.rows).toHaveLength(500);
    expect(res.matched).toBe(1200);
    expect(res.rows[0].name).toBe('e1199');
    expect(res.rows[499].name).toBe('e700');
  });
});

describe('clockTime', () => {
  const rows: [number, number, string][] = [
    [Date.UTC(2026, 0, 1, 0, 0, 0), 0, '00:00:00'],
    [Date.UTC(2026, 0, 1, 13, 5, 9, 999), 0, '13:05:09'],
    [Date.UTC(2026, 0, 1, 23, 59, 59), -120, '01:59:59'],
    [Date.UTC(2026, 0, 1, 0, 30, 0), 60, '23:30:00'],
  ];
  for (const [ms, off, want] of rows) it(`${new Date(ms).toISOString()} at offset ${off} -> ${want}`, () => expect(clockTime(ms, off)).toBe(want));
});
