// Manual smoke run (not a test): serves a build dir, opens it, types a command, saves screenshots.
// npx tsx tests/e2e/smoke-shot.ts DIST OUTDIR
import { resolve } from 'node:path';
import { serveStatic } from './static-server';
import { launch, newContext, watchConsole } from './browser';
import { typeLines, waitForScreen } from './terminal';

const [dist = 'dist', out = '/tmp/shots'] = process.argv.slice(2);
const server = await serveStatic(resolve(dist), '/kubeplay/');
const browser = await launch();
const ctx = await newContext(browser);
const page = await ctx.newPage();
const problems = watchConsole(page);
const t0 = Date.now();
await page.goto(server.url);
await page.locator('[data-testid="terminal"] .xterm').first().waitFor();
console.log('terminal visible after', Date.now() - t0, 'ms');
await page.waitForTimeout(1500);
await page.screenshot({ path: `${out}/1-first-load.png` });
await typeLines(page, 'kubectl get nodes');
console.log(await waitForScreen(page, /kubeplay-worker3/));
await typeLines(page, 'kubectl create deployment web --image=nginx --replicas=3');
await page.waitForTimeout(4000);
await typeLines(page, 'kubectl get pods');
await page.waitForTimeout(1000);
await page.screenshot({ path: `${out}/2-after-commands.png` });
console.log(problems.join('\n') || 'no console problems');
await browser.close();
await server.close();
