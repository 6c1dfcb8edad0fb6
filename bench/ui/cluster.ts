// Building big clusters through the UI for the benchmarks: open the playground, set the simulated
// speed, add nodes, wait for a deployment to be ready, count objects and the pods the map shows.
import type { BrowserContext, Page } from 'playwright-core';
import type { UiEnv } from './setup';
import { run, runNumber, waitPrompt } from './terminal';

export async function openPlayground(ctx: BrowserContext, env: UiEnv): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(env.url);
  await waitPrompt(page);
  return page;
}

/** Picks a speed in the top bar's select (1, 2, 5, 10, 60). */
export async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.selectOption('[data-testid="time-speed"]', String(speed));
}

/** `node add bench-01` ... `bench-NN` (110 pods each by default). */
export async function addNodes(page: Page, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) await run(page, `node add bench-${String(i).padStart(2, '0')}`);
}

/** Polls `kubectl get deploy NAME` until READY is `replicas/replicas` (wall-clock limit). */
export async function waitReady(page: Page, name: string, replicas: number, limitMs = 300_000): Promise<void> {
  const end = Date.now() + limitMs;
  let out = '';
  while (Date.now() < end) {
    out = await run(page, `kubectl get deploy ${name} --no-headers`);
    const m = /\s(\d+)\/(\d+)\s+(\d+)\s+(\d+)/.exec(out);
    if (m && Number(m[1]) === replicas && Number(m[3]) === replicas && Number(m[4]) === replicas) return;
    await page.waitForTimeout(1000);
  }
  throw new Error(`deployment ${name} not ready after ${limitMs} ms: ${out}`);
}

export interface ObjectCount {
  pods: number;
  events: number;
  other: number;
  total: number;
}

/** Every API object a user would think of: pods, events, and workloads, nodes, services, config. */
export async function countObjects(page: Page): Promise<ObjectCount> {
  const pods = await runNumber(page, 'kubectl get pods -A --no-headers | wc -l');
  const events = await runNumber(page, 'kubectl get events -A --no-headers | wc -l');
  const other =
    (await runNumber(page, 'kubectl get deploy,rs,ds,sts,no,ns,svc -A --no-headers | wc -l')) +
    (await runNumber(page, 'kubectl get ep,endpointslices,leases -A --no-headers | wc -l')) +
    (await runNumber(page, 'kubectl get cm,sa,secrets,controllerrevisions -A --no-headers | wc -l'));
  return { pods, events, other, total: pods + events + other };
}

/** Pod chips on the cluster map (whatever namespaces it shows). */
export function mapPods(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('[data-testid="cluster-map"] [data-pod]').length);
}
