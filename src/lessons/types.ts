// The lesson format (the Killercoda/Katacoda scenario model): steps with text, hints, a solution
// in the headless runner's script language, and a check that is a pure function of the objects.

import type { KObject } from '../engine/api/types';

export type CheckResult = { ok: true } | { ok: false; reason: string };

/** Read access to the cluster's objects, by kind (`Deployment`, `Pod`, `Service`, ...). */
export interface ClusterObjects {
  list(kind: string, namespace?: string): readonly KObject[];
  get(kind: string, namespace: string | undefined, name: string): KObject | undefined;
}

export interface LessonStep {
  title: string;
  /** Markdown, shown escaped. */
  text: string;
  hints: string[];
  /** Session script run before the step (optional). */
  setup?: string;
  /** Session script that completes the step. */
  solution: string;
  check(objects: ClusterObjects): CheckResult;
}

export interface Lesson {
  id: string;
  title: string;
  steps: LessonStep[];
}
