// The built-in lessons, in the order the lesson panel offers them.

import type { Lesson } from './types';
import { firstDeployment } from './first-deployment';

export const LESSONS: Lesson[] = [firstDeployment];

export function lessonById(id: string | undefined): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export type { Lesson, LessonStep, CheckResult, ClusterObjects } from './types';
