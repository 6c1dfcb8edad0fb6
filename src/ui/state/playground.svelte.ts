// The page's mirror of the cluster: Svelte 5 state fed by the worker's change feed, plus the
// handle on the worker's API. Components read `objects`, `clock`, `lesson`; they act through `api`.

import type { Remote } from 'comlink';
import type { ClockState, EventView, FeedBatch, LessonStatus, ObjectRef, ObjectView, PlaygroundApi, StorageStatus } from '../../worker/protocol';
import { CHANGE_CAP, changesOf } from './changes';
import { AnswerBook } from '../terminal/answer-book';

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

  /** The worker's kept answers (plain gets the terminals may print without asking it). */
  readonly answers = new AnswerBook();

  constructor(readonly api: Remote<PlaygroundApi>) {}

  /** Applies one change-feed batch to the mirror. */
  applyBatch(batch: FeedBatch): void {
    this.applyBatches([batch]);
  }

  /**
   * Applies consecutive batches (in feed order) as one update: one new map, one reaction.
   * A reset batch makes everything before it moot.
   */
  applyBatches(batches: FeedBatch[]): void {
    let from = 0;
    for (let i = batches.length - 1; i >= 0; i--) {
      if (batches[i].reset) {
        from = i;
        break;
      }
    }
    // Most batches only move the clock (four a second) or report a save: the mirror is replaced only
    // when objects changed, so the map and timeline do not regroup thousands of views for nothing.
    const changed = batches.slice(from).some((b) => b.reset || b.upserts.length > 0 || b.deletes.length > 0);
    const next = !changed ? this.objects : batches[from].reset ? new Map<string, ObjectView>() : new Map(this.objects);
    const rows: EventView[] = [];
    let filesChanged = false;
    for (let i = from; i < batches.length; i++) {
      const batch = batches[i];
      if (changed) {
        if (!batch.reset) rows.push(...changesOf(next, batch.upserts, batch.deletes, batch.clock.now, () => ++this.changeSeq));
        for (const uid of batch.deletes) next.delete(uid);
        for (const v of batch.upserts) next.set(v.uid, v);
      }
      if (batch.lesson) this.lesson = batch.lesson;
      if (batch.storage) this.storage = batch.storage;
      if (batch.filesChanged) filesChanged = true;
      if (batch.openEditor) this.editRequest = { ref: batch.openEditor };
    }
    if (rows.length) this.changes = [...this.changes, ...rows].slice(-CHANGE_CAP);
    if (changed) this.objects = next;
    this.clock = batches[batches.length - 1].clock;
    if (filesChanged) this.filesVersion++;
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
