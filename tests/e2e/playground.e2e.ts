// End to end in Debian's Chromium against the production build served under /kubeplay/: what a
// learner does on a first visit, and what must survive (reload, share link, offline, two tabs,
// corrupted link or storage). Screenshots of the main screens go to test-results/e2e.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newContext, openPlayground, screenshot, setUp, tearDown, waitForNodes, type E2E } from './fixture';
import { screenText, typeLines, waitForScreen } from './terminal';

let e2e: E2E;
let ctx: BrowserContext;
let page: Page;
let problems: string[];

const DEPLOYMENT = `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: sample-deployment
spec:
  selector:
    matchLabels:
      app: sample-app
  replicas: 2
  template:
    metadata:
      labels:
        app: sample-app
    spec:
      containers:
      - name: nginx-container
        image: nginx:1.7.9
EOF`;

/** Pod names as `kubectl get pods -o name` prints them, read from the terminal. */
async function podNames(p: Page): Promise<string[]> {
  await typeLines(p, 'clear');
  await typeLines(p, 'kubectl get pods -o name');
  const text = await waitForScreen(p, /-o name\n(pod\/\S+\n)+\$/);
  return text.split('\n').filter((l) => l.startsWith('pod/')).sort();
}

beforeAll(async () => {
  e2e = await setUp();
  ctx = await newContext(e2e.browser);
  ({ page, problems } = await openPlayground(ctx, e2e.server.url));
});
afterAll(async () => tearDown(e2e));

describe('first visit', () => {
  it('shows a running cluster, the terminal and the lesson with no console errors', async () => {
    await waitForNodes(page, 4);
    await expect(page.locator('[data-testid="lesson-panel"]').innerText()).resolves.toContain('Create a Deployment');
    await screenshot(page, 'first-load');
    expect(problems).toEqual([]);
  });

  it('applies a heredoc typed in the terminal and prints kubectl get deploy', async () => {
    await page.locator('[data-testid="time-speed"]').selectOption('10');
    await typeLines(page, DEPLOYMENT);
    await waitForScreen(page, /deployment\.apps\/sample-deployment created/);
    await page.waitForTimeout(3000);
    await typeLines(page, 'kubectl get deploy');
    const text = await waitForScreen(page, /NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nsample-deployment\s+\d\/2/);
    expect(text).toMatch(/sample-deployment\s+[0-2]\/2\s+2\s+[0-2]\s+\d+s/);
    await page.waitForSelector('[data-testid="cluster-map"] [data-pod^="default/sample-deployment-"]');
    await screenshot(page, 'after-apply');
  });

  it('pauses and resumes simulated time', async () => {
    await page.locator('[data-testid="time-pause"]').click();
    await expect.poll(() => page.locator('[data-testid="sim-time"]').innerText()).toContain('(paused)');
    const a = await page.locator('[data-testid="sim-time"]').innerText();
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-testid="sim-time"]').innerText()).toBe(a);
    await page.locator('[data-testid="time-play"]').click();
    await expect.poll(() => page.locator('[data-testid="sim-time"]').innerText(), { timeout: 5000 }).not.toBe(a);
  });

  it('applies a file from the editor: the command and its output appear in the terminal', async () => {
    await typeLines(page, `cat > web.yaml <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: hello
EOF`);
    await page.locator('[data-testid="editor"] button[title="web.yaml"]').click();
    await page.locator('[data-testid="editor-monaco"] .monaco-editor').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="editor-apply"]').click();
    await waitForScreen(page, /\$ kubectl apply -f web\.yaml\nconfigmap\/web-config created/);
    await screenshot(page, 'editor-apply');
  });
});

describe('keeping the cluster', () => {
  let names: string[];

  it('a reload finds the same cluster', async () => {
    names = await podNames(page);
    expect(names).toHaveLength(2);
    await page.reload();
    await waitForNodes(page, 4);
    expect(await podNames(page)).toEqual(names);
  });

  it('a share link opened in a fresh browser profile reproduces it', async () => {
    await page.locator('[data-testid="share"]').click();
    const link = await page.locator('input[aria-label="Share link"]').inputValue();
    expect(link).toMatch(/\/kubeplay\/#s=[A-Za-z0-9_-]+$/);
    const other = await newContext(e2e.browser);
    const opened = await openPlayground(other, link);
    await waitForNodes(opened.page, 4);
    expect(await podNames(opened.page)).toEqual(names);
    expect(opened.page.url()).not.toContain('#s=');
    expect(opened.problems).toEqual([]);
    await other.close();
  });

  it('a corrupted link is explained and the saved cluster is left alone', async () => {
    const p = (await openBesides('#s=AAAA-not-a-scenario')).page;
    await expect(p.locator('[data-testid="boot-warning"]').innerText()).resolves.toMatch(/share link/i);
    expect(await podNames(p)).toEqual(names);
  });

  it('a second tab says the cluster is open elsewhere', async () => {
    const second = await ctx.newPage();
    await second.goto(e2e.server.url);
    await expect(second.locator('[data-testid="problem-screen"]').innerText({ timeout: 30_000 })).resolves.toMatch(/another tab/i);
    await screenshot(second, 'second-tab');
    await second.close();
  });

  it('reloads offline after the first visit', async () => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await ctx.setOffline(true);
    await page.reload();
    await waitForNodes(page, 4);
    expect(await podNames(page)).toEqual(names);
    await ctx.setOffline(false);
  });

  /** Closes the main page and opens the playground at `hash` in the same profile. */
  async function openBesides(hash: string) {
    await page.close();
    const opened = await openPlayground(ctx, e2e.server.url + hash);
    page = opened.page;
    await waitForNodes(page, 4);
    return opened;
  }
});

describe('broken saved state', () => {
  it('is reported with export and start-fresh, never a blank page', async () => {
    const fresh = await newContext(e2e.browser);
    const first = await openPlayground(fresh, e2e.server.url);
    await waitForNodes(first.page, 4);
    await first.page.close();
    // Damage the saved state from another page of the same origin while no playground runs.
    const other = await fresh.newPage();
    await other.goto(e2e.server.url + 'robots.txt');
    await other.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('kubeplay');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('state', 'readwrite');
            tx.objectStore('state').put({ format: 'garbage' }, 'meta');
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await other.close();
    const broken = await fresh.newPage();
    await broken.goto(e2e.server.url);
    await broken.locator('[data-testid="start-fresh"]').waitFor({ timeout: 30_000 });
    await screenshot(broken, 'broken-state');
    await broken.locator('[data-testid="start-fresh"]').click();
    await waitForNodes(broken, 4);
    expect(await screenText(broken)).toContain('$');
    await fresh.close();
  });
});

describe('two-phase boot', () => {
  it('answers a first kubectl get nodes before the full engine is fetched, which then takes over', async () => {
    const fresh = await newContext(e2e.browser);
    const p = await fresh.newPage();
    const problems2: string[] = [];
    p.on('pageerror', (e) => problems2.push(String(e)));
    const engine: string[] = [];
    p.on('request', (r) => {
      if (/\/assets\/host-[^/]*\.js$/.test(r.url())) engine.push(r.url());
    });
    await p.goto(e2e.server.url);
    await p.locator('[data-testid="terminal"] .xterm').first().waitFor({ timeout: 30_000 });
    await typeLines(p, 'kubectl get nodes');
    const text = await waitForScreen(p, /kubeplay-worker3\s+Ready\s+<none>/);
    expect(engine).toEqual([]);
    expect(text).toMatch(/kubeplay-control-plane\s+Ready\s+control-plane\s+5m\d*s?\s+v1\.32\.4/);
    // At idle time (or with the next command that needs it) the full engine loads and runs the same cluster.
    await expect.poll(() => engine.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await typeLines(p, 'kubectl create deployment later --image=nginx:1.27');
    await waitForScreen(p, /deployment\.apps\/later created/);
    await typeLines(p, 'kubectl get pods -n kube-system -l k8s-app=kube-dns -o name');
    await waitForScreen(p, /pod\/coredns-\w+-\w+\npod\/coredns-\w+-\w+/);
    expect(problems2).toEqual([]);
    await fresh.close();
  });
});

describe('kept answers', () => {
  it('a get typed again is answered by the page, and never with what a change made out of date', async () => {
    const fresh = await newContext(e2e.browser);
    const { page: p, problems: problems2 } = await openPlayground(fresh, e2e.server.url);
    await p.locator('[data-testid="time-pause"]').click();
    await typeLines(p, 'kubectl get deploy');
    await waitForScreen(p, /No resources found in default namespace\.\n\$/);
    await typeLines(p, 'kubectl create deployment kept --image=nginx:1.27 --replicas=2');
    await waitForScreen(p, /deployment\.apps\/kept created/);
    // Typed straight after the change that made the kept "No resources" out of date.
    await typeLines(p, 'kubectl get deploy');
    await waitForScreen(p, /created\n\$ kubectl get deploy\nNAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nkept\s+0\/2\s+\d\s+0\s+0s\n\$/);
    await p.waitForTimeout(500);
    await typeLines(p, 'clear');
    await typeLines(p, 'kubectl get deploy');
    await waitForScreen(p, /^\$ kubectl get deploy\nNAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nkept\s+0\/2\s+\d\s+0\s+0s\n\$/);
    await typeLines(p, 'kubectl scale deployment kept --replicas=3');
    await typeLines(p, 'kubectl get deploy');
    await waitForScreen(p, /scaled\n\$ kubectl get deploy\nNAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nkept\s+0\/3\s+\d\s+0\s+0s\n\$/);
    expect(problems2).toEqual([]);
    await fresh.close();
  });
});
