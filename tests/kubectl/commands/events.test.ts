// `kubectl events`: rows sorted by time, LAST SEEN with repeat counts, --for, --types, -A, -o, -w
// and the errors upstream gives; events are written straight into the store of a bare cluster.
import { describe, expect, it } from 'vitest';
import { eventInterval, escapeCell, sortEvents } from '../../../src/kubectl/commands/events';
import { eventsCommand } from '../../../src/kubectl/commands/events-command';
import { ROOT } from '../../../src/kubectl/root';
import { harness } from './harness';

function install(): void {
  const subs = ROOT.subcommands!;
  const i = subs.findIndex((x) => x.name === 'events');
  if (i >= 0) subs[i] = { ...eventsCommand, group: subs[i].group };
  else subs.push(eventsCommand);
}

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('eventInterval (event_printer.go getInterval)', () => {
  const now = T0 + 600_000;
  const rows: Array<{ input: Record<string, unknown>; want: string }> = [
    { input: { firstTimestamp: iso(now - 5000), lastTimestamp: iso(now - 5000), count: 1 }, want: '5s' },
    { input: { firstTimestamp: iso(now - 120_000), lastTimestamp: iso(now - 3000), count: 4 }, want: '3s (x4 over 2m)' },
    { input: { firstTimestamp: iso(now - 90_000), lastTimestamp: iso(now - 90_000) }, want: '90s' },
    { input: {}, want: '<unknown>' },
    { input: { eventTime: iso(now - 7000) }, want: '7s' },
    { input: { eventTime: iso(now - 300_000), series: { count: 3, lastObservedTime: iso(now - 10_000) } }, want: '10s (x3 over 5m)' },
    { input: { firstTimestamp: iso(now - 3_600_000 * 3), lastTimestamp: iso(now - 60_000), count: 2 }, want: '60s (x2 over 3h)' },
  ];
  for (const r of rows) it(r.want, () => expect(eventInterval(r.input, now)).toBe(r.want));
});

describe('escapeCell and sorting', () => {
  const cells = [
    { input: 'plain', want: 'plain' },
    { input: 'two\nlines', want: 'two...' },
    { input: 'cr\rhere', want: 'cr...' },
    { input: 'ff\fthere', want: 'ff...' },
  ];
  for (const r of cells) it(JSON.stringify(r.input), () => expect(escapeCell(r.input)).toBe(r.want));
  it('sorts by series, then lastTimestamp, then eventTime, stable on ties', () => {
    const evs = [
      { n: 'a', lastTimestamp: iso(T0 + 3000) },
      { n: 'b', eventTime: iso(T0 + 1000) },
      { n: 'c', series: { lastObservedTime: iso(T0 + 2000) }, lastTimestamp: iso(T0 + 9000) },
      { n: 'd', lastTimestamp: iso(T0 + 3000) },
      { n: 'e' },
    ];
    expect(sortEvents(evs).map((e) => e.n)).toEqual(['e', 'b', 'c', 'a', 'd']);
  });
});

describe('kubectl events', () => {
  it('prints, filters and watches', async () => {
    install();
    const h = harness([]);
    const c = h.cluster;
    const evType = c.type('', 'Event');
    const now = c.clock.now();
    const ev = (name: string, ns: string, kind: string, obj: string, type: string, reason: string, msg: string, agoFirst: number, agoLast: number, count = 1) =>
      c.client.create(evType, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: { kind, name: obj, namespace: ns, apiVersion: kind === 'Deployment' ? 'apps/v1' : 'v1' },
        reason,
        message: msg,
        type,
        count,
        firstTimestamp: iso(now - agoFirst),
        lastTimestamp: iso(now - agoLast),
        source: { component: 'kubelet' },
      } as never);
    ev('web.1', 'default', 'Pod', 'web', 'Normal', 'Scheduled', 'Successfully assigned default/web to node-1', 60_000, 60_000);
    ev('web.2', 'default', 'Pod', 'web', 'Warning', 'BackOff', 'Back-off restarting failed container web in pod web_default(uid)', 50_000, 5_000, 7);
    ev('dep.1', 'default', 'Deployment', 'web', 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-abc to 1 from 0', 70_000, 70_000);
    ev('sys.1', 'kube-system', 'Pod', 'dns', 'Normal', 'Pulled', 'Container image "x" already present on machine\nsecond line', 20_000, 20_000);
    const rows: Array<{ input: string; want: string; code?: number }> = [
      {
        input: 'events',
        want:
          'LAST SEEN          TYPE      REASON              OBJECT           MESSAGE\n' +
          '70s                Normal    ScalingReplicaSet   Deployment/web   Scaled up replica set web-abc to 1 from 0\n' +
          '60s                Normal    Scheduled           Pod/web          Successfully assigned default/web to node-1\n' +
          '5s (x7 over 50s)   Warning   BackOff             Pod/web          Back-off restarting failed container web in pod web_default(uid)\n',
      },
      {
        input: 'events --types=warning',
        want: 'LAST SEEN          TYPE      REASON    OBJECT    MESSAGE\n5s (x7 over 50s)   Warning   BackOff   Pod/web   Back-off restarting failed container web in pod web_default(uid)\n',
      },
      {
        input: 'events --for deploy/web --no-headers',
        want: '70s   Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-abc to 1 from 0\n',
      },
      {
        input: 'events -n kube-system',
        want: 'LAST SEEN   TYPE     REASON   OBJECT    MESSAGE\n20s         Normal   Pulled   Pod/dns   Container image "x" already present on machine...\n',
      },
      {
        input: 'events -A --types Warning',
        want: 'NAMESPACE   LAST SEEN          TYPE      REASON    OBJECT    MESSAGE\ndefault     5s (x7 over 50s)   Warning   BackOff   Pod/web   Back-off restarting failed container web in pod web_default(uid)\n',
      },
      { input: 'events -n empty', want: 'No events found in empty namespace.\n' },
      { input: 'events --for pod/nothing -A', want: 'No events found.\n' },
      { input: 'events --types=Info', want: 'error: valid --types are Normal or Warning\n', code: 1 },
      { input: 'events --for pod', want: 'error: --for must be in resource/name form\n', code: 1 },
      { input: 'events --for pod/a/b', want: 'error: arguments in resource/name form may not have more than one slash\n', code: 1 },
      { input: 'events -n kube-system -o name', want: 'event/sys.1\n' },
      { input: 'events -n kube-system -o jsonpath={.items[*].reason}', want: 'Pulled' },
    ];
    for (const r of rows) {
      const got = await h.run(r.input);
      expect(got.out, r.input).toBe(r.want);
      expect(got.code, r.input).toBe(r.code ?? 0);
    }
    const yaml = await h.run('events -n kube-system -o yaml');
    expect(yaml.out).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n/);
    expect(yaml.out).toMatch(/\nkind: EventList\nmetadata: \{\}\n$/);
    const json = await h.run('events -n kube-system -o json');
    expect(json.out).toMatch(/^\{\n {4}"kind": "EventList",\n {4}"apiVersion": "v1",\n {4}"metadata": \{\},\n {4}"items": \[\n {8}\{\n {12}"kind": "Event",\n {12}"apiVersion": "v1",\n {12}"metadata": \{\n {16}"name": "sys.1",/);
    // -w: the current events as the watch replays them, then new ones as they come.
    c.clock.schedule(1000, () => ev('sys.2', 'kube-system', 'Pod', 'dns', 'Warning', 'Unhealthy', 'Readiness probe failed', 0, 0));
    const w = await h.run('events -n kube-system -w', { interruptAfterMs: 2000 });
    // Widths come from the first flush (RememberWidths); the event was stamped 1s before printing.
    expect(w.out).toBe(
      'LAST SEEN   TYPE     REASON   OBJECT    MESSAGE\n' +
        '20s         Normal   Pulled   Pod/dns   Container image "x" already present on machine...\n' +
        '1s          Warning   Unhealthy   Pod/dns   Readiness probe failed\n',
    );
  });
});
