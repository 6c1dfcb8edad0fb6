// The page's mirror of the cluster: Svelte 5 state fed by the worker's change feed, plus the
// handle on the worker's API. Components read `objects`, `clock`, `lesson`; they act through `api`.

import type { Remote } from 'comlink';
import type { ClockState, EventView, FeedBatch, LessonStatus, ObjectRef, ObjectView, PlaygroundApi, StorageStatus } from '../../worker/protocol';
import { CHANGE_CAP, changesOf } from './changes';

/** A command another component wants typed into the active terminal (the editor's Apply). */
export interface TerminalRequest {
  command: string;
  /** Resolves when the command finished. */
  done?: (code: number) => void;
}

export class Playground {
  /** Every mirrored object by uid. Replaced (never mutated) on each batch: `$state.raw`. */
  objects = $state.raw(new Map<string, ObjectView>());
  clock = $state.raw<ClockState>({ now: 0, speed: 1, paused: false });
  lesson = $state.raw<LessonStatus | undefined>(undefined);
  storage = $state.raw<StorageStatus | undefined>(undefined);
  /** Bumped whenever the session files change (the editor's file tree re-reads them). */
  filesVersion = $state(0);
  /** The object whose details are open (cluster map / events click). */
  selected = $state.raw<{ kind: string; namespace?: string; name: string } | undefined>(undefined);
  /** The latest `kubectl edit` from a terminal (a new object each time, so effects re-run). */
  editRequest = $state.raw<{ ref: ObjectRef } | undefined>(undefined);

  /** Recent object changes (created, deleted, status moves), oldest first, for the timeline. */
  changes = $state.raw<EventView[]>([]);
  private changeSeq = 0;

  private terminalHandler: ((req: TerminalRequest) => void) | undefined;

  constructor(readonly api: Remote<PlaygroundApi>) {}

  /** Applies one change-feed batch to the mirror. */
  applyBatch(batch: FeedBatch): void {
    if (!batch.reset) {
      const rows = changesOf(this.objects, batch.upserts, batch.deletes, batch.clock.now, () => ++this.changeSeq);
      if (rows.length) this.changes = [...this.changes, ...rows].slice(-CHANGE_CAP);
    }
    // Most batches only move the clock (four a second) or report a save: the mirror is replaced only
    // when objects changed, so the map and timeline do not regroup thousands of views for nothing.
    if (batch.reset || batch.upserts.length > 0 || batch.deletes.length > 0) {
      const next = batch.reset ? new Map<string, ObjectView>() : new Map(this.objects);
      for (const uid of batch.deletes) next.delete(uid);
      for (const v of batch.upserts) next.set(v.uid, v);
      this.objects = next;
    }
    this.clock = batch.clock;
    if (batch.lesson) this.lesson = batch.lesson;
    if (batch.storage) this.storage = batch.storage;
    if (batch.filesChanged) this.filesVersion++;
    if (batch.openEditor) this.editRequest = { ref: batch.openEditor };
  }

  /** Objects of one kind, sorted by namespace then name. */
  ofKind<K extends ObjectView['kind']>(kind: K): Extract<ObjectView, { kind: K }>[] {
    const out: Extract<ObjectView, { kind: K }>[] = [];
    for (const v of this.objects.values()) if (v.kind === kind) out.push(v as Extract<ObjectView, { kind: K }>);
    return out.sort((a, b) => (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name));
  }

  /** The active terminal registers here; the editor's Apply and lesson buttons type into it. */
  onTerminalRequest(handler: ((req: TerminalRequest) => void) | undefined): void {
    this.terminalHandler = handler;
  }

  /** Types `command` into the active terminal and runs it, as if the user had. */
  runInTerminal(command: string): Promise<number> {
    return new Promise((resolve) => {
      if (!this.terminalHandler) return resolve(127);
      this.terminalHandler({ command, done: resolve });
    });
  }
}
