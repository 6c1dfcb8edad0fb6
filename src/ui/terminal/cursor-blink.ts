// Blinks the focused terminal's cursor by flipping one class every half second. xterm's own blink
// is a CSS animation of background-color, which Chrome services on every frame: 60 main-thread
// frames a second while the terminal has focus, each one a chance to push command output back.

/** Half of xterm's 1 s blink period: the cursor shows for one phase and hides for the next. */
export const BLINK_PHASE_MS = 500;
/** On the terminal's box while the cursor is in its hidden phase (styled in TerminalView). */
export const CURSOR_OFF_CLASS = 'kb-cursor-off';

export interface BlinkTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
}

export class CursorBlinker {
  private timer: unknown;
  private off = false;

  /** `show(false)` hides the cursor, `show(true)` shows it again. */
  constructor(
    private readonly show: (visible: boolean) => void,
    private readonly timers: BlinkTimers = globalThis as unknown as BlinkTimers,
  ) {}

  /** The terminal got focus, or the cursor moved or the user typed: visible for a full phase, then blinking. */
  restart(): void {
    this.stop();
    this.timer = this.timers.setInterval(() => this.set(!this.off), BLINK_PHASE_MS);
  }

  /** The terminal lost focus (xterm draws its unfocused outline cursor then): steady, no timer. */
  stop(): void {
    if (this.timer !== undefined) this.timers.clearInterval(this.timer);
    this.timer = undefined;
    this.set(false);
  }

  private set(off: boolean): void {
    if (off === this.off) return;
    this.off = off;
    this.show(!off);
  }
}
