// The worker-backed shell port: the tab id goes with every call and `out` crosses as a comlink proxy.
import { proxyMarker } from 'comlink';
import { describe, expect, it } from 'vitest';
import type { Completion, ShellReply } from '../../../src/worker/protocol';
import { shellPort, type ShellApi } from '../../../src/ui/terminal/shell-port';
import { AnswerBook } from '../../../src/ui/terminal/answer-book';

describe('shellPort', () => {
  it('passes the tab id, the line and a proxied output callback', async () => {
    const calls: unknown[][] = [];
    const api = {
      shellInput: async (tab: string, line: string, out: (t: string) => void): Promise<ShellReply> => {
        calls.push(['input', tab, line, (out as unknown as Record<symbol, unknown>)[proxyMarker]]);
        out('hello\n');
        return { kind: 'done', code: 0 };
      },
      shellInterrupt: async (tab: string): Promise<void> => void calls.push(['interrupt', tab]),
      complete: async (tab: string, line: string, cursor: number): Promise<Completion> => {
        calls.push(['complete', tab, line, cursor]);
        return { from: 0, items: ['kubectl'] };
      },
    } as unknown as ShellApi;
    const port = shellPort(api, 't2');
    const seen: string[] = [];
    expect(await port.input('kubectl get pods', (t) => seen.push(t))).toEqual({ kind: 'done', code: 0 });
    port.interrupt();
    expect(await port.complete('kub', 3)).toEqual({ from: 0, items: ['kubectl'] });
    expect(seen).toEqual(['hello\n']);
    expect(calls).toEqual([
      ['input', 't2', 'kubectl get pods', true],
      ['interrupt', 't2'],
      ['complete', 't2', 'kub', 3],
    ]);
  });

  it('hands out a kept answer and tells the worker it ran', async () => {
    const calls: unknown[][] = [];
    const api = {
      shellAnswered: async (tab: string, line: string): Promise<void> => void calls.push(['answered', tab, line]),
    } as unknown as ShellApi;
    const book = new AnswerBook();
    book.apply([{ line: 'kubectl get deploy nope', text: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 }]);
    const port = shellPort(api, 't1', book);
    expect(port.kept?.('kubectl get deploy nope')).toEqual({ text: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 });
    expect(port.kept?.('kubectl get deploy')).toBeUndefined();
    book.apply([{ line: 'kubectl get deploy nope' }]);
    expect(port.kept?.('kubectl get deploy nope')).toBeUndefined();
    expect(shellPort(api, 't1').kept?.('kubectl get deploy nope')).toBeUndefined();
    expect(calls).toEqual([['answered', 't1', 'kubectl get deploy nope']]);
  });
});
