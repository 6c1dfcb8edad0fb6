// In-page instrumentation, added to every page of a benchmark context with addInitScript: reads the
// visible terminal rows and times keypress-to-output with performance.now and a MutationObserver.

export interface FrameStats {
  frames: number;
  elapsed: number;
  maxGap: number;
  over50: number;
  /** [ms since start, chips, chips not Running] every 250 ms. */
  chips: [number, number, number][];
}

/** What the init script puts on `window.__kb`. */
export interface KbHooks {
  /** Text of the visible `.xterm-rows`, rows joined by newlines (trailing blanks trimmed). */
  screen(): string;
  /** Whether the visible terminal shows a bare prompt as its last non-empty row. */
  atPrompt(): boolean;
  /**
   * Arms a measurement of `command`: from the next Enter keydown to the moment the rows show the
   * command echoed, `minLines` output lines after it and a fresh prompt. Result via `pending`.
   */
  arm(command: string, minLines: number): void;
  /** Resolves with { ms: Enter-to-output, at: epoch ms of the output } for the armed command. */
  pending: Promise<{ ms: number; at: number }> | undefined;
  /**
   * Counts requestAnimationFrame callbacks for `ms`; also the longest gap between two frames and,
   * every 250 ms, the map's pod chips: all of them and those not Running (a rollout in progress).
   * With `settled` (the chip count at rest), stops early once the map has been busy and is back to
   * `settled` chips all Running: the frame rate is then that of the rollout alone.
   */
  frames(ms: number, settled?: number): Promise<FrameStats>;
}

declare global {
  interface Window {
    __kb: KbHooks;
  }
}

/** Installed before any page script runs; must be self-contained (it is serialised). */
export function installHooks(): void {
  const rowsEl = (): Element | undefined =>
    [...document.querySelectorAll('[data-testid="terminal"] .xterm-rows')].find((r) => (r as HTMLElement).offsetParent !== null);
  const lines = (el: Element | undefined): string[] =>
    el ? [...el.children].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()) : [];
  const lastNonEmpty = (ls: string[]): number => {
    for (let i = ls.length - 1; i >= 0; i--) if (ls[i] !== '') return i;
    return -1;
  };
  const hooks: KbHooks = {
    screen: () => lines(rowsEl()).join('\n'),
    atPrompt: () => {
      const ls = lines(rowsEl());
      const i = lastNonEmpty(ls);
      return i >= 0 && ls[i] === '$';
    },
    pending: undefined,
    arm(command, minLines) {
      const el = rowsEl();
      if (!el) throw new Error('no visible terminal');
      let enterAt: number | undefined;
      const onKey = (e: KeyboardEvent): void => {
        if (e.key === 'Enter' && enterAt === undefined) enterAt = performance.now();
      };
      document.addEventListener('keydown', onKey, true);
      hooks.pending = new Promise((resolve) => {
        const check = (): void => {
          if (enterAt === undefined) return;
          const ls = lines(el);
          let echo = -1;
          for (let i = ls.length - 1; i >= 0; i--) {
            if (ls[i] === `$ ${command}`) {
              echo = i;
              break;
            }
          }
          const last = lastNonEmpty(ls);
          if (echo < 0 || ls[last] !== '$' || last - echo - 1 < minLines) return;
          const now = performance.now();
          observer.disconnect();
          document.removeEventListener('keydown', onKey, true);
          resolve({ ms: now - enterAt, at: performance.timeOrigin + now });
        };
        const observer = new MutationObserver(check);
        observer.observe(el, { childList: true, subtree: true, characterData: true });
      });
    },
    frames(ms, settled) {
      return new Promise((resolve) => {
        let frames = 0;
        let maxGap = 0;
        let over50 = 0;
        const chips: [number, number, number][] = [];
        const start = performance.now();
        let prev = start;
        let sampled = -Infinity;
        let busySeen = false;
        let done = false;
        const tick = (): void => {
          const now = performance.now();
          if (now - sampled >= 250) {
            sampled = now;
            const all = document.querySelectorAll('[data-testid="cluster-map"] [data-pod]').length;
            const busy = document.querySelectorAll('[data-testid="cluster-map"] [data-pod]:not([data-status="Running"])').length;
            chips.push([Math.round(now - start), all, busy]);
            if (busy > 0 || all !== settled) busySeen = true;
            else if (settled !== undefined && busySeen) done = true;
          }
          frames++;
          maxGap = Math.max(maxGap, now - prev);
          if (now - prev > 50) over50++;
          prev = now;
          if (now - start < ms && !done) requestAnimationFrame(tick);
          else resolve({ frames, elapsed: now - start, maxGap, over50, chips });
        };
        requestAnimationFrame(tick);
      });
    },
  };
  window.__kb = hooks;
}
