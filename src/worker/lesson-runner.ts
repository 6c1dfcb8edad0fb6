// Runs the selected lesson's checks against the live cluster after changes (throttled to about
// four a second): a step is done once its check passed and stays done; the first step not done is
// the current one, and its check's reason is shown. Progress is what gets saved.

import type { Cluster } from '../engine/cluster';
import { clusterObjects } from '../lessons/objects';
import type { Lesson } from '../lessons/types';
import type { TimeSource } from './clock-driver';
import type { LessonStatus } from './protocol';

/** What is saved: the chosen lesson (none = dismissed) and the steps already done per lesson. */
export interface LessonProgress {
  lessonId?: string;
  /** Set once the learner chose (or dismissed) a lesson: a later visit keeps that choice. */
  chosen: boolean;
  done: Record<string, number[]>;
}

export const LESSON_CHECK_MS = 250;

export function isLessonProgress(v: unknown): v is LessonProgress {
  const p = v as LessonProgress;
  return typeof p === 'object' && p !== null && typeof p.chosen === 'boolean' && typeof p.done === 'object' && p.done !== null;
}

export class LessonRunner {
  private progress: LessonProgress;
  private cluster: Pick<Cluster, 'registry' | 'client'> | undefined;
  private cancel: (() => void) | undefined;
  private lastRun = -Infinity;

  constructor(
    private readonly lessons: readonly Lesson[],
    private readonly time: TimeSource,
    /** Receives the status after every evaluation. */
    private readonly onStatus: (s: LessonStatus | undefined) => void,
    /** Receives the progress whenever it changed (to be persisted). */
    private readonly onProgress: (p: LessonProgress) => void,
    saved?: unknown,
  ) {
    // First visit: the first lesson is selected.
    this.progress = isLessonProgress(saved) ? saved : { lessonId: lessons[0]?.id, chosen: false, done: {} };
  }

  get lessonId(): string | undefined {
    return this.progress.lessonId;
  }

  getProgress(): LessonProgress {
    return this.progress;
  }

  /** Progress read back from storage (ignored when it is not progress). */
  restore(saved: unknown): void {
    if (isLessonProgress(saved)) this.progress = saved;
  }

  /** A fresh cluster: every step is to be done again; the chosen lesson stays. */
  reset(): void {
    this.progress = { ...this.progress, done: {} };
    this.onProgress(this.progress);
  }

  attach(cluster: Pick<Cluster, 'registry' | 'client'>): void {
    this.cluster = cluster;
    this.evaluate();
  }

  select(id: string | undefined): void {
    this.progress = { ...this.progress, lessonId: this.lessons.some((l) => l.id === id) ? id : undefined, chosen: true };
    this.onProgress(this.progress);
    this.evaluate();
  }

  /** Objects changed: evaluate soon, at most every LESSON_CHECK_MS. */
  changed(): void {
    if (this.cancel) return;
    const wait = Math.max(0, this.lastRun + LESSON_CHECK_MS - this.time.wallNow());
    this.cancel = this.time.schedule(() => {
      this.cancel = undefined;
      this.evaluate();
    }, wait);
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  /** Runs the checks now and reports the status. */
  evaluate(): LessonStatus | undefined {
    this.lastRun = this.time.wallNow();
    const lesson = this.lessons.find((l) => l.id === this.progress.lessonId);
    if (!lesson || !this.cluster) {
      this.onStatus(undefined);
      return undefined;
    }
    const objects = clusterObjects(this.cluster);
    const done = new Set(this.progress.done[lesson.id] ?? []);
    const before = done.size;
    let current = lesson.steps.length;
    const steps: LessonStatus['steps'] = lesson.steps.map((s, i) => ({ title: s.title, text: s.text, hints: s.hints, done: done.has(i) }));
    for (let i = 0; i < lesson.steps.length; i++) {
      if (done.has(i)) continue;
      // Only the current step is checked: later steps build on it, as the lesson's text says.
      let r;
      try {
        r = lesson.steps[i].check(objects);
      } catch (e) {
        r = { ok: false as const, reason: `the check failed: ${e instanceof Error ? e.message : String(e)}` };
      }
      if (r.ok) {
        done.add(i);
        steps[i].done = true;
        continue;
      }
      steps[i].reason = r.reason;
      current = i;
      break;
    }
    if (done.size !== before) {
      this.progress = { ...this.progress, done: { ...this.progress.done, [lesson.id]: [...done].sort((a, b) => a - b) } };
      this.onProgress(this.progress);
    }
    const status: LessonStatus = { lessonId: lesson.id, title: lesson.title, current, steps };
    this.onStatus(status);
    return status;
  }
}
