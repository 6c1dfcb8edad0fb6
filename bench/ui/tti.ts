// ui.time_to_interactive_ms and ui.initial_js_gzip_kb: fresh profiles open the playground, type
// `kubectl get nodes` at the first prompt; the JS requested before the answer is gzipped and summed.
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import type { BenchResult } from '../types';
import { freshContext, type UiEnv } from './setup';
import { timedCommand, waitPrompt } from './terminal';
import { log, median } from './report';

const RUNS = 5;
const MONACO = /editor\.api|editor\.worker|yaml\.worker|monaco|kubernetes\.schema/;

interface Loaded {
  url: string;
  requestedAt: number;
  gzip: number;
}

interface Visit {
  tti: number;
  phases: Record<string, number>;
  js: Loaded[];
}

/** Records every JS response of the page and its dedicated workers (not the service worker's precache). */
function recordJs(page: Page): Promise<Loaded | undefined>[] {
  const loads: Promise<Loaded | undefined>[] = [];
  const requested = new Map<string, number>();
  page.on('request', (r) => requested.set(r.url(), Date.now()));
  const onResponse = (res: Response): void => {
    const req = res.request();
    if (req.serviceWorker() || !/javascript/.test(res.headers()['content-type'] ?? '')) return;
    loads.push(res.body().then((b) => ({ url: res.url(), requestedAt: requested.get(res.url()) ?? Date.now(), gzip: gzipSync(b).length }), () => undefined));
  };
  page.on('response', onResponse);
  return loads;
}

async function visit(env: UiEnv): Promise<Visit> {
  const ctx = await freshContext(env);
  try {
    const page = await ctx.newPage();
    const loads = recordJs(page);
    const t0 = Date.now();
    await page.goto(env.url, { waitUntil: 'commit' });
    await waitPrompt(page);
    const promptAt = Date.now();
    const { at, ms } = await timedCommand(page, 'kubectl get nodes', 5);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { origin: performance.timeOrigin, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    // Let lazily started downloads show up, to tell what loads after the terminal answers.
    await page.waitForTimeout(1500);
    const js = (await Promise.all(loads)).filter((l): l is Loaded => l !== undefined);
    return {
      tti: at - t0,
      phases: {
        navigationStart: nav.origin - t0,
        domContentLoaded: nav.origin + nav.dcl - t0,
        load: nav.origin + nav.load - t0,
        firstPromptSeen: promptAt - t0,
        enterPressed: at - ms - t0,
        answered: at - t0,
      },
      js: js.map((l) => ({ ...l, requestedAt: l.requestedAt - t0 })).filter((l) => l.requestedAt <= at - t0 + 1500),
    };
  } finally {
    await ctx.close();
  }
}

export async function runTti(env: UiEnv): Promise<BenchResult[]> {
  const visits: Visit[] = [];
  for (let i = 0; i < RUNS; i++) visits.push(await visit(env));
  const tti = median(visits.map((v) => v.tti));
  log(`tti runs (ms): ${visits.map((v) => Math.round(v.tti)).join(', ')}`);
  for (const k of Object.keys(visits[0].phases)) log(`  phase ${k}: median ${Math.round(median(visits.map((v) => v.phases[k])))} ms`);
  const last = visits[visits.length - 1];
  // The figure is the median over the visits (one visit can race an idle-time load).
  const befores = visits.map((v) => v.js.filter((l) => l.requestedAt <= v.tti).reduce((a, l) => a + l.gzip, 0));
  log(`initial js runs (kB gz): ${befores.map((b) => (b / 1024).toFixed(1)).join(', ')}`);
  const before = median(befores);
  for (const l of last.js) {
    const early = l.requestedAt <= last.tti;
    const name = l.url.replace(/^.*\/kubeplay\//, '');
    log(`  js ${early ? 'before' : 'after '} answer: ${name} ${(l.gzip / 1024).toFixed(1)} kB gz, requested at ${Math.round(l.requestedAt)} ms${MONACO.test(name) ? ' [Monaco/editor]' : ''}`);
  }
  const monacoEarly = last.js.filter((l) => MONACO.test(l.url) && l.requestedAt <= last.tti);
  if (monacoEarly.length) log(`  NOTE: Monaco/editor files were requested before the terminal answered; they are counted in ui.initial_js_gzip_kb`);
  return [
    { name: 'ui.time_to_interactive_ms', value: Math.round(tti), unit: 'ms' },
    { name: 'ui.initial_js_gzip_kb', value: Math.round((before / 1024) * 10) / 10, unit: 'kB' },
  ];
}
