// The first lesson walked as a learner would, in the browser: each step ticks itself off, the
// in-app browser shows nginx and then httpd, a second terminal watches the rollout, and
// `kubectl edit` opens the live object in the editor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, openPlayground, screenshot, setUp, tearDown, waitForNodes, type E2E } from './fixture';
import { typeLines, waitForScreen } from './terminal';
import { DEPLOYMENT_YML } from '../../src/lessons/first-deployment/manifests';

let e2e: E2E;
let page: Page;
let problems: string[];

beforeAll(async () => {
  e2e = await setUp();
  ({ page, problems } = await openPlayground(await newContext(e2e.browser), e2e.server.url));
  await waitForNodes(page, 4);
  await page.locator('[data-testid="time-speed"]').selectOption('60');
});
afterAll(async () => tearDown(e2e));

/** Waits until lesson step `i` shows as done. */
async function stepDone(i: number): Promise<void> {
  await page.locator(`[data-testid="lesson-panel"] li[data-step="${i}"].done`).waitFor({ timeout: 60_000 });
}

/** Opens the Browser tab on the Service's address and reloads until the page shows `text`. */
async function browse(text: string): Promise<void> {
  await page.locator('[role="tab"][data-tab="browser"]').click();
  const address = page.locator('[data-testid="browser-address"]');
  await expect.poll(async () => address.inputValue(), { timeout: 30_000 }).toMatch(/^http:\/\/\d/);
  // The previous answer stays on screen until the new one arrives: press Go until it shows.
  await expect
    .poll(
      async () => {
        await page.locator('[data-testid="browser-go"]').click();
        await page.locator('[data-testid="browser-status"]').waitFor();
        await page.waitForTimeout(200);
        return page.frameLocator('[data-testid="browser-page"]').locator('body').innerText();
      },
      { timeout: 20_000 },
    )
    .toContain(text);
}

describe('lesson: your first Deployment', () => {
  it('ticks off the Deployment step once its pod runs', async () => {
    await typeLines(page, `cat > deployment.yml <<EOF\n${DEPLOYMENT_YML}EOF`);
    await typeLines(page, 'kubectl apply -f deployment.yml');
    await waitForScreen(page, /deployment\.apps\/sample-deployment created/);
    await stepDone(0);
  });

  it('scales to 3', async () => {
    await typeLines(page, 'kubectl scale deploy sample-deployment --replicas=3');
    await waitForScreen(page, /deployment\.apps\/sample-deployment scaled/);
    await stepDone(1);
  });

  it('exposes it with a LoadBalancer and shows nginx in the in-app browser', async () => {
    await typeLines(page, 'kubectl expose deployment sample-deployment --name=sample-service --type=LoadBalancer --port=80');
    await waitForScreen(page, /service\/sample-service exposed/);
    await stepDone(2);
    await browse('Welcome to nginx!');
    await screenshot(page, 'browser-nginx');
  });

  it('rolls out httpd while a second terminal watches the pods', async () => {
    await page.locator('[data-testid="terminal-new"]').click();
    await typeLines(page, 'kubectl get pods -w');
    await page.locator('[data-testid="terminal-tab-t1"]').click();
    await typeLines(page, 'kubectl set image deployment/sample-deployment nginx-container=httpd');
    await waitForScreen(page, /deployment\.apps\/sample-deployment image updated/);
    await stepDone(3);
    await page.locator('[data-testid="terminal-tab-t2"]').click();
    await waitForScreen(page, /Terminating/);
    await screenshot(page, 'rollout-watch');
    await browse('It works!');
    await expect(page.locator('[data-testid="lesson-panel"]').innerText()).resolves.toContain('Lesson complete');
  });

  it('kubectl edit opens the live object in the editor', async () => {
    await page.locator('[data-testid="terminal-tab-t1"]').click();
    await typeLines(page, 'kubectl edit deployment sample-deployment');
    await waitForScreen(page, /Editing deployment "sample-deployment" in the editor/);
    await page.locator('[data-testid="editor-monaco"] .monaco-editor').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="editor-monaco"] .view-lines').innerText(), { timeout: 10_000 }).toContain('sample-deployment');
    await screenshot(page, 'edit-live');
    expect(problems).toEqual([]);
  });
});
