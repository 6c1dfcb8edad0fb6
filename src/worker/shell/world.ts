// What a terminal tab's shell shares with the rest of the worker: the session (files, kubeconfig,
// port-forwards, cluster), the clock driver, the journal, the shared history and file-change news.

import type { Transport } from '../../kubectl/transport';
import type { Session } from '../../headless/session';
import type { ClockDriver } from '../clock-driver';
import type { JournalEntry } from '../scenario';
import type { ObjectRef } from '../protocol';

/** A journal entry before the host stamps it with the simulated instant. */
export type Unstamped = JournalEntry extends infer E ? (E extends JournalEntry ? Omit<E, 't'> : never) : never;

export interface ShellWorld {
  /** The current session (replaced on reset/import, hence a getter). */
  readonly session: Session;
  readonly driver: ClockDriver;
  record(entry: Unstamped): void;
  /** Wraps kubectl's transport so that its mutating requests are journalled. */
  recordTransport(inner: Transport): Transport;
  /** Shared by every tab, oldest first. */
  history(): readonly string[];
  addHistory(line: string): void;
  /** Session files were written or removed (the editor refreshes). */
  filesChanged(): void;
  /** Opens a live object in the page's editor (`kubectl edit`). */
  openEditor(ref: ObjectRef): void;
}

/** One command's streams: stdout may be captured (pipes, `>`), stderr goes to the terminal. */
export interface CommandIO {
  out(s: string): void;
  err(s: string): void;
}
