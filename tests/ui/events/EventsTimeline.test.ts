// The timeline as rendered: newest first, simulated HH:MM:SS, counts, Warnings marked, escaped text.
import { describe, expect, it } from 'vitest';
import EventsTimeline from '../../../src/ui/events/EventsTimeline.svelte';
import { event } from '../map/fixtures';
import { attrs, playgroundWith, renderWith } from '../map/render';

describe('EventsTimeline', () => {
  const t0 = Date.UTC(2026, 10, 23, 9, 14, 5);
  const html = renderWith(
    EventsTimeline,
    playgroundWith([
      event('a', { last: t0, reason: 'Scheduled', message: 'Successfully assigned default/web-1 to kind-worker', object: 'pod/web-1' }),
      event('b', { last: t0 + 65_000, type: 'Warning', reason: 'BackOff', message: 'Back-off <b>restarting</b>', object: 'pod/crash-1', count: 7 }),
      event('c', { last: t0 + 1000, namespace: 'kube-system', reason: 'Pulled', object: 'pod/etcd' }),
    ]),
  );

  it('lists visible events newest first with their simulated time (kube-system hidden)', () => {
    expect(html).toContain('data-testid="events-timeline"');
    expect(attrs(html, 'data-event')).toEqual(['BackOff', 'Scheduled']);
    expect(html).toMatch(/<time[^>]*>09:15:10<\/time>/);
    expect(html).toMatch(/<time[^>]*>09:14:05<\/time>/);
    expect(html).toContain('×7');
    expect(html).toMatch(/<li data-event="BackOff" class="[^"]*warning/);
    expect(html).toMatch(/<li data-event="Scheduled" class="[^"w]*"/);
    expect(html).toContain('2 events (of 3)');
  });

  it('escapes messages', () => {
    expect(html).toContain('Back-off &lt;b>restarting&lt;/b>');
    expect(html).not.toContain('<b>');
  });

  it('says when there are no events', () => {
    expect(renderWith(EventsTimeline, playgroundWith([]))).toContain('No events yet.');
  });
});
