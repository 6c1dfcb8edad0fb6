// The page's copy of the worker's kept answers (worker/answers/kept-answers.ts): for each plain
// `kubectl get` line run lately, its current output. A line typed again at a prompt is answered
// from here in the same frame; the worker drops a line the moment its output would change.

import type { AnswerUpdate } from '../../worker/protocol';

export interface KeptAnswer {
  text: string;
  code: number;
}

export class AnswerBook {
  private readonly answers = new Map<string, KeptAnswer>();

  apply(updates: AnswerUpdate[]): void {
    for (const u of updates) {
      if ('clear' in u) this.answers.clear();
      else if (u.text === undefined) this.answers.delete(u.line);
      else this.answers.set(u.line, { text: u.text, code: u.code ?? 0 });
    }
  }

  get(line: string): KeptAnswer | undefined {
    return this.answers.get(line);
  }

  get size(): number {
    return this.answers.size;
  }
}
