// Connects a tab's line editor to the worker's shell through the comlink API: the output callback
// crosses as a Comlink.proxy, and the tab id tells the worker which shell session it is. A line
// the worker keeps an answer for (answer-book.ts) is printed by the editor from that answer, and
// the worker records it as run (history, journal).

import { proxy, type Remote } from 'comlink';
import type { PlaygroundApi } from '../../worker/protocol';
import type { AnswerBook } from './answer-book';
import type { ShellPort } from './line-editor';

/** The subset of the worker API a terminal uses (a comlink Remote or a test double). */
export type ShellApi = Pick<Remote<PlaygroundApi>, 'shellInput' | 'shellInterrupt' | 'complete' | 'shellAnswered'>;

export function shellPort(api: ShellApi, tab: string, answers?: AnswerBook): ShellPort {
  return {
    input: (line, out) => api.shellInput(tab, line, proxy(out)),
    kept: (line) => {
      const kept = answers?.get(line);
      if (kept) void api.shellAnswered(tab, line);
      return kept;
    },
    interrupt: () => void api.shellInterrupt(tab),
    complete: (line, cursor) => api.complete(tab, line, cursor),
  };
}
