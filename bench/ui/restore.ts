// ui.restore_ms_10k_objects: reload a profile holding ~10,000 objects; time from the reload to the
// map showing all its pod chips again and the terminal answering, whichever is later.
import type { Page } from 'playwright-core';
import type { BenchResult } from '../types';
import { mapPods, type ObjectCount } from './cluster';
import { timedCommand, waitPrompt } from './terminal';
import { log } from './report';

const LIMIT_MS = 120_000;
/** The persistence layer debounces its writes; give it time to land before the reload. */
const SETTLE_MS = 3000;

export async function measureRestore(page: Page, count: ObjectCount): Promise<BenchResult> {
  const chips = await mapPods(page);
  const nodes = (await page.evaluate(() => document.querySelectorAll('[data-testid="cluster-map"] [data-node]').length));
  const simBefore = await page.locator('[data-testid="sim-time"]').textContent();
  await page.waitForTimeout(SETTLE_MS);
  log(`restore: ${count.total} objects (${count.pods} pods, ${count.events} events, ${count.other} other), ${chips} chips on ${nodes} map nodes, sim time ${simBefore}`);
  const t0 = Date.now();
  await page.reload({ waitUntil: 'commit' });
  // Timeline of the restore as the page shows it: [ms, sim time text, chips on the map].
  const timeline: [number, string, number][] = [];
  let mapAt = 0;
  let done = false;
  const watchMap = (async () => {
    while (!done && Date.now() - t0 < LIMIT_MS) {
      const s = await page.evaluate(() => [document.querySelector('[data-testid="sim-time"]')?.textContent ?? '', document.querySelectorAll('[data-testid="cluster-map"] [data-pod]').length] as const).catch(() => ['', 0] as const);
      timeline.push([Date.now() - t0, s[0], s[1]]);
      if (s[1] >= chips) {
        mapAt = Date.now() - t0;
        return;
      }
      await page.waitForTimeout(100);
    }
  })();
  let termAt = 0;
  let answer = '';
  try {
    await waitPrompt(page, LIMIT_MS);
    const promptAt = Date.now() - t0;
    const r = await timedCommand(page, 'kubectl get nodes --no-headers | wc -l', 1, LIMIT_MS);
    termAt = r.at - t0;
    answer = (await page.evaluate(() => window.__kb.screen())).split('\n').filter((l) => /^\d+$/.test(l)).pop() ?? '?';
    log(`restore: prompt after ${promptAt} ms, terminal answered after ${Math.round(termAt)} ms (${answer} nodes; Enter to output ${Math.round(r.ms)} ms)`);
  } catch (e) {
    log(`restore: the terminal did not answer within ${LIMIT_MS} ms: ${(e as Error).message.split('\n')[0]}`);
  }
  await watchMap;
  done = true;
  const shown = timeline.filter((_, i) => i % 10 === 0 || i === timeline.length - 1);
  log(`restore: timeline [ms, sim time, chips]: ${JSON.stringify(shown)}`);
  if (!mapAt || !termAt) {
    const have = Date.now() - t0;
    log(`restore: NOTE not complete after ${have} ms (map ${mapAt || 'incomplete'}, terminal ${termAt || 'no answer'}); reporting ${have} ms`);
    return { name: 'ui.restore_ms_10k_objects', value: have, unit: 'ms' };
  }
  log(`restore: map showed all ${chips} chips after ${mapAt} ms`);
  return { name: 'ui.restore_ms_10k_objects', value: Math.round(Math.max(mapAt, termAt)), unit: 'ms' };
}
