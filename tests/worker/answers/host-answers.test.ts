// Kept answers through the real host: what the page holds for a plain get is, at every moment,
// what the shell prints for it then; a change is dropped before the command that made it replies.

import { describe, expect, it } from 'vitest';
import type { PlaygroundHost } from '../../../src/worker/host';
import type { AnswerUpdate, ShellReply } from '../../../src/worker/protocol';
import { AnswerBook } from '../../../src/ui/terminal/answer-book';
import { hostsOnFakeTime, START } from '../fake-host';
import { SETTLE_MS } from '../../../src/worker/answers/kept-answers';

const newHost = hostsOnFakeTime();

async function booted() {
  const { host, time } = newHost();
  const book = new AnswerBook();
  const updates: AnswerUpdate[][] = [];
  // Delivered later, as over a message port: the comlink call resolves once the page applied it.
  host.keepAnswers(
    (u) =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          updates.push(u);
          book.apply(u);
          resolve();
        }),
      ),
  );
  await host.boot({ now: START, fresh: true }, () => {});
  await time.advance(20);
  return { host, time, book, updates };
}

async function run(host: PlaygroundHost, line: string, tab = 't1'): Promise<{ reply: ShellReply; out: string }> {
  let out = '';
  const reply = await host.shellInput(tab, line, (s) => (out += s));
  return { reply, out };
}

const GET = 'kubectl get deploy';

describe('kept answers', () => {
  it('keep a plain get as the shell prints it, drop it before a write replies, then keep the new output', async () => {
    const { host, time, book } = await booted();
    await run(host, 'kubectl create deployment web --image=nginx --replicas=2');
    await time.advance(30_000);
    const first = await run(host, GET);
    expect(first.out).toContain('web    2/2');
    await time.advance(0);
    expect(book.get(GET)).toEqual({ text: first.out, code: 0 });

    const scale = await run(host, 'kubectl scale deployment web --replicas=3');
    expect(scale.out).toBe('deployment.apps/web scaled\n');
    // The scale changed the deployment: the page no longer holds the old table when the prompt returns.
    expect(book.get(GET)).toBeUndefined();

    await time.advance(20_000);
    const kept = book.get(GET);
    expect(kept?.text).toContain('web    3/3');
    expect(kept).toEqual({ text: (await run(host, GET)).out, code: 0 });
  });

  it('follow the ages a table prints, second by second', async () => {
    const { host, time, book } = await booted();
    await run(host, 'kubectl create deployment web --image=nginx');
    await time.advance(5_000);
    await run(host, GET);
    await time.advance(0);
    const seen = new Set<string>();
    // Odd steps, so checks fall at every part of a second.
    for (let i = 0; i < 40; i++) {
      await time.advance(173);
      const kept = book.get(GET);
      expect(kept, `after ${i} steps`).toBeDefined();
      seen.add(kept!.text);
      expect(kept!.text).toBe((await run(host, GET)).out);
    }
    expect(seen.size).toBeGreaterThan(4);
  });

  it('follow a namespace switch and errors, with their exit codes', async () => {
    const { host, time, book } = await booted();
    await run(host, 'kubectl create deployment web --image=nginx');
    await run(host, GET);
    await run(host, 'kubectl get deploy nope');
    await time.advance(0);
    expect(book.get('kubectl get deploy nope')).toEqual({ text: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 });
    await run(host, 'kubectl config set-context --current --namespace=kube-system');
    expect(book.get(GET)).toBeUndefined();
    await time.advance(SETTLE_MS);
    expect(book.get(GET)?.text).toBe((await run(host, GET)).out);
    expect(book.get(GET)?.text).toContain('coredns');
  });

  it('keep nothing for what is not a plain get', async () => {
    const { host, time, book } = await booted();
    for (const line of ['kubectl get pods -w', 'kubectl top nodes', 'kubectl get deploy | wc -l', 'kubectl describe nodes', 'kubectl get --raw /version', 'kubectl get pods > pods.txt', 'kubectl get -f pods.txt']) {
      const p = host.shellInput('t1', line, () => {});
      await time.advance(100);
      host.shellInterrupt('t1');
      await p;
    }
    await time.advance(1_000);
    expect(book.size).toBe(0);
  });

  it('record a line the page answered in the history, as if the shell had run it', async () => {
    const { host, time } = await booted();
    await run(host, GET);
    await time.advance(0);
    host.shellAnswered('t2', GET);
    expect(await host.history()).toEqual([GET, GET]);
  });

  it('start from nothing on a fresh cluster', async () => {
    const { host, time, book, updates } = await booted();
    await run(host, 'kubectl get nodes');
    await time.advance(0);
    expect(book.size).toBe(1);
    await host.reset(START + 60_000);
    await time.advance(0);
    expect(book.size).toBe(0);
    expect(updates.at(-1)).toEqual([{ clear: true }]);
    await time.advance(1_000);
    expect(book.size).toBe(0);
  });
});
