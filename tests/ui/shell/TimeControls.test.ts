// The simulated time in the top bar: the worker's clock once it has reported, nothing before
// (the placeholder clock of a page still booting is not shown as 1970).
import { describe, expect, it } from 'vitest';
import TimeControls from '../../../src/ui/shell/TimeControls.svelte';
import { Playground } from '../../../src/ui/state/playground.svelte';
import { renderWith } from '../map/render';

function simTime(html: string): string {
  const m = /data-testid="sim-time"[^>]*>([^<]*)</.exec(html);
  if (!m) throw new Error('no sim-time output');
  return m[1];
}

describe('TimeControls', () => {
  it('shows no time before the worker reports its clock', () => {
    const pg = new Playground({} as never);
    expect(simTime(renderWith(TimeControls, pg))).toBe('');
  });

  it('shows the simulated UTC time and whether it is paused', () => {
    const pg = new Playground({} as never);
    pg.applyBatch({ reset: true, clock: { now: Date.UTC(2026, 10, 23, 9, 14, 5), speed: 1, paused: true }, upserts: [], deletes: [] });
    expect(simTime(renderWith(TimeControls, pg))).toBe('2026-11-23 09:14:05 (paused)');
  });
});
