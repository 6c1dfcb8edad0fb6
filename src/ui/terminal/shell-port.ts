// Connects a tab's line editor to the worker's shell through the comlink API: the output callback
// crosses as a Comlink.proxy, and the tab id tells the worker which shell session it is.

import { proxy, type Remote } from 'comlink';
import type { PlaygroundApi } from '../../worker/protocol';
import type { ShellPort } from './line-editor';

/** The subset of the worker API a terminal uses (a comlink Remote or a test double). */
export type ShellApi = Pick<Remote<PlaygroundApi>, 'shellInput' | 'shellInterrupt' | 'complete'>;

export function shellPort(api: ShellApi, tab: string): ShellPort {
  return {
    input: (line, out) => api.shellInput(tab, line, proxy(out)),
    interrupt: () => void api.shellInterrupt(tab),
    complete: (line, cursor) => api.complete(tab, line, cursor),
  };
}
