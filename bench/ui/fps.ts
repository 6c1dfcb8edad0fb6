// ui.map_fps_1k_pods_rolling: 1,000 pods on 20 added nodes, `kubectl set image` at 10x, map visible:
// requestAnimationFrame callbacks counted in the page for 5 s (or until the map shows the rollout over).
import type { BenchResult } from '../types';
import { freshContext, type UiEnv } from './setup';
import { addNodes, mapPods, openPlayground, setSpeed, waitReady } from './cluster';
import { run } from './terminal';
import { log } from './report';

const REPLICAS = 1000;
const NODES = 20;
const WINDOW_MS = 5000;

export async function runMapFps(env: UiEnv): Promise<BenchResult[]> {
  const ctx = await freshContext(env);
  try {
    const page = await openPlayground(ctx, env);
    await setSpeed(page, 60);
    await addNodes(page, NODES);
    const t = Date.now();
    await run(page, `kubectl create deployment roll --image=nginx:1.26 --replicas=${REPLICAS}`);
    await waitReady(page, 'roll', REPLICAS);
    log(`fps: ${REPLICAS} pods ready on ${NODES} added nodes in ${Date.now() - t} ms wall (60x); map shows ${await mapPods(page)} pod chips`);
    if (!(await page.locator('[data-testid="cluster-map"]').isVisible())) throw new Error('the cluster map is not visible');
    const settled = await mapPods(page);
    await setSpeed(page, 10);
    await page.waitForTimeout(500);
    const idle = await page.evaluate(() => window.__kb.frames(1000));
    log(`fps: idle map at 10x before the update: ${idle.frames} frames/s, longest gap ${Math.round(idle.maxGap)} ms`);
    await run(page, 'kubectl set image deployment/roll nginx=nginx:1.27');
    const f = await page.evaluate(([ms, n]) => window.__kb.frames(ms, n), [WINDOW_MS, settled] as const);
    const fps = (f.frames / f.elapsed) * 1000;
    if (f.elapsed < WINDOW_MS - 100) log(`fps: NOTE the rollout was over on the map after ${Math.round(f.elapsed)} ms: counted up to then`);
    log(`fps: ${f.frames} frames in ${Math.round(f.elapsed)} ms, longest gap ${Math.round(f.maxGap)} ms, ${f.over50} gaps > 50 ms`);
    log(`fps: map chips during the window [ms, all, not Running]: ${JSON.stringify(f.chips)}`);
    const after = await run(page, 'kubectl get deploy roll');
    const pods = await page.evaluate(() => {
      const by: Record<string, number> = {};
      for (const c of document.querySelectorAll('[data-testid="cluster-map"] [data-pod]')) {
        const s = c.getAttribute('data-status') ?? '?';
        by[s] = (by[s] ?? 0) + 1;
      }
      return by;
    });
    log(`fps: after the window: ${after.split('\n').pop()}; map chips by status ${JSON.stringify(pods)}`);
    return [{ name: 'ui.map_fps_1k_pods_rolling', value: Math.round(fps * 10) / 10, unit: 'fps' }];
  } finally {
    await ctx.close();
  }
}
