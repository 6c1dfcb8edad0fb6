// Set-up shared by the UI benchmarks: a current production build in dist/ (built when missing or
// older than src/), the static server under /kubeplay/, Debian's Chromium and instrumented contexts.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { CHROMIUM, launch, newContext } from '../../tests/e2e/browser';
import { serveStatic, type StaticServer } from '../../tests/e2e/static-server';
import { installHooks } from './inpage';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');

export interface UiEnv {
  server: StaticServer;
  browser: Browser;
  url: string;
}

export const chromiumPresent = (): boolean => existsSync(CHROMIUM);

/** Newest modification time under `dir` (recursive). */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Runs `vite build` when dist/ is missing or older than src/, index.html or vite.config.ts. */
export function ensureBuild(): void {
  const index = join(DIST, 'index.html');
  const sources = Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'index.html')).mtimeMs, statSync(join(ROOT, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  process.stderr.write('ui bench: dist/ is missing or older than src/: running vite build\n');
  execSync('npx vite build --logLevel error', { cwd: ROOT, stdio: ['ignore', 2, 2] });
}

export async function startEnv(): Promise<UiEnv> {
  const server = await serveStatic(DIST, '/kubeplay/');
  return { server, browser: await launch(), url: server.url };
}

export async function stopEnv(env: UiEnv): Promise<void> {
  await env.browser.close();
  await env.server.close();
}

/** A fresh profile (new context: empty IndexedDB, no service worker) with the timing hooks installed. */
export async function freshContext(env: UiEnv): Promise<BrowserContext> {
  const ctx = await newContext(env.browser);
  // tsx (esbuild) may wrap named functions in __name(); the page has no such helper, so give it one.
  await ctx.addInitScript({ content: `var __name = (f) => f; (${installHooks.toString()})();` });
  return ctx;
}
