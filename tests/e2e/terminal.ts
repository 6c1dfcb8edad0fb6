// Driving the xterm terminal from a test: type lines, read the screen text (DOM renderer rows).
import type { Page } from 'playwright-core';

/** The visible text of the active terminal tab, rows joined by newlines. */
export async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-testid="terminal"] .xterm-rows')].find((r) => (r as HTMLElement).offsetParent !== null);
    return rows ? [...rows.children].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n') : '';
  });
}

/** Types each line into the focused terminal and presses Enter after it. */
export async function typeLines(page: Page, text: string): Promise<void> {
  const term = page.locator('[data-testid="terminal"] .xterm:visible').first();
  await term.click();
  for (const line of text.split('\n')) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
}

/** Waits until the terminal shows `pattern`. */
export async function waitForScreen(page: Page, pattern: RegExp, timeout = 20_000): Promise<string> {
  const end = Date.now() + timeout;
  let text = '';
  while (Date.now() < end) {
    text = await screenText(page);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`terminal never showed ${pattern}; it shows:\n${text}`);
}
