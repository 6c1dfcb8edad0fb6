// Driving the playground terminal from the benchmarks: wait for the prompt, run a command and read
// its output, time a command in the page (Enter keydown to output + next prompt on screen).
import type { Page } from 'playwright-core';
import './inpage';

const TERM = '[data-testid="terminal"] .xterm:visible';

/** Waits (checking every animation frame) until the visible terminal shows a bare prompt. */
export async function waitPrompt(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => window.__kb.atPrompt(), undefined, { polling: 'raf', timeout });
}

/** Focuses the terminal (a click, as a user would) and puts `command` on the line in one input event. */
export async function enterText(page: Page, command: string): Promise<void> {
  await page.locator(TERM).first().click();
  await page.keyboard.insertText(command);
}

/** Types `command`, presses Enter and resolves with the page-side timing once output and prompt show. */
export async function timedCommand(page: Page, command: string, minLines: number, timeout = 60_000): Promise<{ ms: number; at: number }> {
  await enterText(page, command);
  await page.evaluate(([c, n]) => window.__kb.arm(c, n), [command, minLines] as const);
  await page.keyboard.press('Enter');
  return page.evaluate(
    (t) =>
      Promise.race([
        window.__kb.pending!,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no output within ${t} ms:\n${window.__kb.screen()}`)), t)),
      ]),
    timeout,
  );
}

/** Clears the screen (Ctrl-L), runs `command` and returns the rows printed after its echo. */
export async function run(page: Page, command: string, timeout = 120_000): Promise<string> {
  await page.locator(TERM).first().click();
  await page.keyboard.press('Control+l');
  await waitPrompt(page);
  await timedCommand(page, command, 0, timeout);
  const rows = (await page.evaluate(() => window.__kb.screen())).split('\n');
  const echo = rows.lastIndexOf(`$ ${command}`);
  return rows
    .slice(echo + 1)
    .filter((r) => r !== '$')
    .join('\n')
    .trim();
}

/** Runs a command whose output is one number (e.g. `... | wc -l`). */
export async function runNumber(page: Page, command: string): Promise<number> {
  const out = await run(page, command);
  const n = Number(out.split('\n').pop());
  if (!Number.isFinite(n)) throw new Error(`${command}: expected a number, got ${JSON.stringify(out)}`);
  return n;
}
