// Manual look at the UI (not a test): serves a build, opens it at several sizes and both colour
// schemes, runs a few commands, saves screenshots. `npx tsx tests/e2e/smoke-shot.ts [DIST] [OUTDIR]`
import { resolve } from 'node:path';
import { serveStatic } from './static-server';
import { launch, watchConsole } from './browser';
import { typeLines, waitForScreen } from './terminal';

const [dist = 'dist', out = '/tmp/shots'] = process.argv.slice(2);
const server = await serveStatic(resolve(dist), '/kubeplay/');
const browser = await launch();
const shapes = [
  { name: 'desktop-dark', viewport: { width: 1440, height: 900 }, colorScheme: 'dark' as const },
  { name: 'laptop-1280x720', viewport: { width: 1280, height: 720 }, colorScheme: 'light' as const },
  { name: 'tablet-1024x768', viewport: { width: 1024, height: 768 }, colorScheme: 'light' as const, hasTouch: true },
];
for (const shape of shapes) {
  const ctx = await browser.newContext({ viewport: shape.viewport, colorScheme: shape.colorScheme, hasTouch: shape.hasTouch });
  const page = await ctx.newPage();
  const problems = watchConsole(page);
  const t0 = Date.now();
  await page.goto(server.url);
  await page.locator('[data-testid="terminal"] .xterm').first().waitFor();
  await typeLines(page, 'kubectl get nodes');
  await waitForScreen(page, /kubeplay-worker3/);
  console.log(shape.name, 'answered kubectl get nodes after', Date.now() - t0, 'ms');
  await typeLines(page, 'kubectl create deployment web --image=nginx --replicas=4');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `${out}/${shape.name}.png` });
  console.log(problems.join('\n') || 'no console problems');
  await ctx.close();
}
await browser.close();
await server.close();
