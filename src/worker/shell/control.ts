// Ctrl-C for one running command: what `untilInterrupted` waits on, what cuts simulated-time
// waits short, and the switch that mutes the command's late output and refuses its late requests.

import type { Transport } from '../../kubectl/transport';

/** Thrown into a command's pending wait or request once the user pressed Ctrl-C. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export class RunControl {
  interrupted = false;
  private listeners: (() => void)[] = [];
  /** Resolves when interrupted (never rejects). */
  readonly whenInterrupted: Promise<void>;

  constructor() {
    this.whenInterrupted = new Promise((resolve) => this.listeners.push(resolve));
  }

  interrupt(): void {
    if (this.interrupted) return;
    this.interrupted = true;
    const ls = this.listeners;
    this.listeners = [];
    for (const l of ls) l();
  }

  /** Races `p` with the interrupt: rejects with Interrupted when Ctrl-C comes first. */
  guard<T>(p: Promise<T>): Promise<T> {
    if (this.interrupted) return Promise.reject(new Interrupted());
    return Promise.race([p, this.whenInterrupted.then(() => Promise.reject(new Interrupted()))]);
  }

  /** A writer that goes quiet once interrupted (a killed process prints nothing more). */
  mute(write: (s: string) => void): (s: string) => void {
    return (s) => {
      if (!this.interrupted && s !== '') write(s);
    };
  }

  /** A transport that refuses requests after the interrupt, so a stopped command changes nothing more. */
  transport(inner: Transport): Transport {
    return {
      request: (req) => (this.interrupted ? Promise.reject(new Interrupted()) : inner.request(req)),
      watch: (req, sink) => (this.interrupted ? Promise.reject(new Interrupted()) : inner.watch(req, sink)),
    };
  }
}
