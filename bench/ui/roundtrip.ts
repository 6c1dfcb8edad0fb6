// ui.kubectl_roundtrip_p95_ms: 50 timed `kubectl get deploy` with >= 5,000 objects in the cluster,
// then the same profile grows to ~10,000 objects for ui.restore_ms_10k_objects (restore.ts).
import type { Page } from 'playwright-core';
import type { BenchResult } from '../types';
import { freshContext, type UiEnv } from './setup';
import { addNodes, countObjects, openPlayground, setSpeed, waitReady, type ObjectCount } from './cluster';
import { run, timedCommand, waitPrompt } from './terminal';
import { measureRestore } from './restore';
import { log, median, percentile } from './report';

const RUNS = 50;
/** 23 workers x 110 pods: room for the ~1,500 pods that 10,000 objects take. */
const NODES = 20;

/** Scales deployment `big` until the cluster holds at least `target` objects; returns the count. */
async function grow(page: Page, target: number, replicas: { n: number }): Promise<ObjectCount> {
  await setSpeed(page, 60);
  let count = await countObjects(page);
  for (let i = 0; i < 4 && count.total < target; i++) {
    // About 6 events per pod (Scheduled, Pulling, Pulled, Created, Started...) plus the pod itself.
    const perPod = Math.max(2, (count.pods + count.events) / Math.max(1, count.pods));
    replicas.n += Math.ceil((target - count.total) / perPod) + 10;
    await run(page, `kubectl scale deployment big --replicas=${replicas.n}`);
    await waitReady(page, 'big', replicas.n);
    count = await countObjects(page);
    log(`objects: ${JSON.stringify(count)} with ${replicas.n} replicas`);
  }
  await setSpeed(page, 1);
  return count;
}

async function measureGetDeploy(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.keyboard.press('Control+l');
    await waitPrompt(page);
    times.push((await timedCommand(page, 'kubectl get deploy', 2)).ms);
  }
  return times;
}

export async function runRoundtripAndRestore(env: UiEnv): Promise<BenchResult[]> {
  const ctx = await freshContext(env);
  try {
    const page = await openPlayground(ctx, env);
    await setSpeed(page, 60);
    await addNodes(page, NODES);
    const replicas = { n: 0 };
    await run(page, 'kubectl create deployment big --image=nginx --replicas=0');
    const five = await grow(page, 5000, replicas);
    await page.waitForTimeout(1000);
    const times = await measureGetDeploy(page);
    const p95 = percentile(times, 95);
    log(`roundtrip with ${five.total} objects (${five.pods} pods, ${five.events} events, ${five.other} other), 1x: median ${median(times).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
    const rows: BenchResult[] = [{ name: 'ui.kubectl_roundtrip_p95_ms', value: Math.round(p95 * 10) / 10, unit: 'ms' }];
    const ten = await grow(page, 10_000, replicas);
    rows.push(await measureRestore(page, ten));
    return rows;
  } finally {
    await ctx.close();
  }
}
