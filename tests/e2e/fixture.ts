// Shared set-up for the end-to-end files: the production build served under /kubeplay/, one
// Chromium for the file, and a helper to open the playground and wait until the cluster is up.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, newContext, watchConsole, ARTIFACTS } from './browser';
import { serveStatic, type StaticServer } from './static-server';

export const DIST = join(dirname(fileURLToPath(import.meta.url)), '../../dist');

export interface E2E {
  server: StaticServer;
  browser: Browser;
}

export async function setUp(): Promise<E2E> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run test:e2e` (it builds first)');
  return { server: await serveStatic(DIST, '/kubeplay/'), browser: await launch() };
}

export async function tearDown(e: E2E | undefined): Promise<void> {
  await e?.browser.close();
  await e?.server.close();
}

/** Opens the playground (optionally at `suffix`, e.g. a `#s=` fragment) and waits for the nodes. */
export async function openPlayground(ctx: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await ctx.newPage();
  const problems = watchConsole(page);
  await page.goto(url);
  await page.locator('[data-testid="terminal"] .xterm').first().waitFor({ timeout: 30_000 });
  return { page, problems };
}

export async function waitForNodes(page: Page, count = 4): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="cluster-map"] [data-node]').length >= n, count, { timeout: 30_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

export { newContext };
