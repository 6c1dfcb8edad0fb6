// KeptAnswers' bookkeeping with a scripted computation: what is too costly is not kept, the
// per-second budget holds at high speed, and a change during a computation makes it run again.

import { describe, expect, it } from 'vitest';
import { BUDGET_MS, KeptAnswers, MAX_COST_MS, MAX_KEPT, MAX_RUN_MS, MAX_TEXT, SETTLE_MS } from '../../../src/worker/answers/kept-answers';
import type { Computed } from '../../../src/worker/answers/compute';
import type { AnswerUpdate } from '../../../src/worker/protocol';
import { AnswerBook } from '../../../src/ui/terminal/answer-book';
import { FakeTime } from '../fake-env';

function setup() {
  const time = new FakeTime();
  let sim = 0;
  const cost = new Map<string, number>();
  let computed: string[] = [];
  /** Runs during a computation (a change arriving meanwhile). */
  let during: (() => void) | undefined;
  const answers = new KeptAnswers({
    compute: async (argv): Promise<Computed> => {
      const line = argv.join(' ');
      computed.push(line);
      time.jump(cost.get(line) ?? 1);
      during?.();
      during = undefined;
      return { text: `${line} @${sim}\n`, code: 0, reads: new Set([argv[1]]), stableFor: 1000 - (sim % 1000), at: sim };
    },
    now: () => sim,
    wallNow: () => time.wallNow(),
    schedule: (fn, ms) => time.schedule(fn, ms),
  });
  const book = new AnswerBook();
  const updates: AnswerUpdate[][] = [];
  answers.connect((u) => {
    updates.push(u);
    book.apply(u);
  });
  return {
    time, answers, book, updates, cost,
    setSim: (t: number) => (sim = t),
    setDuring: (fn: () => void) => (during = fn),
    takeComputed: () => [computed, (computed = [])][0],
  };
}

/** A shell run of a line cheap enough to keep. */
const RUN = { ms: 1, chars: 100 };

describe('KeptAnswers', () => {
  it('does not take on a line whose own run was slow or long', async () => {
    const s = setup();
    s.answers.remember('kubectl get pods', ['get', 'pods'], { ms: MAX_RUN_MS + 1, chars: 100 });
    s.answers.remember('kubectl get events', ['get', 'events'], { ms: 1, chars: MAX_TEXT + 1 });
    await s.time.advance(0);
    expect(s.takeComputed()).toEqual([]);
    expect(s.book.size).toBe(0);
  });

  it('does not keep a line that costs too much to compute twice in a row', async () => {
    const s = setup();
    s.cost.set('get pods', MAX_COST_MS + 1);
    s.cost.set('get deploy', MAX_COST_MS + 1);
    s.answers.remember('kubectl get pods', ['get', 'pods'], RUN);
    s.answers.remember('kubectl get deploy', ['get', 'deploy'], RUN);
    await s.time.advance(0);
    // Once may be a cold start: both are kept.
    expect(s.book.size).toBe(2);
    s.cost.set('get deploy', 1);
    s.answers.changed('pods');
    s.answers.changed('deploy');
    await s.time.advance(SETTLE_MS);
    expect(s.book.get('kubectl get pods')).toBeUndefined();
    expect(s.book.get('kubectl get deploy')?.text).toBe('get deploy @0\n');
    // Forgotten: a change of what it read computes nothing.
    s.takeComputed();
    s.answers.changed('pods');
    await s.time.advance(0);
    expect(s.takeComputed()).toEqual([]);
  });

  it('keeps the most recently used lines only', async () => {
    const s = setup();
    for (let i = 0; i <= MAX_KEPT; i++) s.answers.remember(`kubectl get t${i}`, ['get', `t${i}`], RUN);
    await s.time.advance(0);
    expect(s.book.size).toBe(MAX_KEPT);
    expect(s.book.get('kubectl get t0')).toBeUndefined();
  });

  it('recomputes only on a change of what was read or when the ages turn, and says only what differs', async () => {
    const s = setup();
    s.answers.remember('kubectl get deploy', ['get', 'deploy'], RUN);
    await s.time.advance(0);
    s.takeComputed();
    s.answers.changed('pods');
    s.setSim(400);
    s.answers.clockMoved();
    await s.time.advance(0);
    expect(s.takeComputed()).toEqual([]);
    s.setSim(1000);
    s.answers.clockMoved();
    await s.time.advance(0);
    expect(s.takeComputed()).toEqual(['get deploy']);
    expect(s.book.get('kubectl get deploy')?.text).toBe('get deploy @1000\n');
    s.answers.changed('deploy');
    // Dropped at once; recomputed once the changes settle (one computation for a burst).
    await Promise.resolve();
    expect(s.updates.at(-1)).toEqual([{ line: 'kubectl get deploy' }]);
    await s.time.advance(SETTLE_MS / 2);
    s.answers.changed('deploy');
    expect(s.book.get('kubectl get deploy')).toBeUndefined();
    await s.time.advance(SETTLE_MS / 2);
    expect(s.takeComputed()).toEqual(['get deploy']);
    expect(s.book.get('kubectl get deploy')?.text).toBe('get deploy @1000\n');
  });

  it('runs a computation again when what it read changed meanwhile', async () => {
    const s = setup();
    s.answers.remember('kubectl get deploy', ['get', 'deploy'], RUN);
    s.setDuring(() => {
      s.setSim(5);
      s.answers.changed('deploy');
    });
    await s.time.advance(0);
    expect(s.takeComputed()).toEqual(['get deploy', 'get deploy']);
    expect(s.book.get('kubectl get deploy')?.text).toBe('get deploy @5\n');
  });

  it('stops recomputing for the rest of a second once the budget is spent, then resumes', async () => {
    const s = setup();
    s.cost.set('get a', MAX_COST_MS);
    s.cost.set('get b', MAX_COST_MS);
    s.answers.remember('kubectl get a', ['get', 'a'], RUN);
    s.answers.remember('kubectl get b', ['get', 'b'], RUN);
    await s.time.advance(0);
    let rounds = 0;
    // Both change all the time (60x): the budget caps the work, and the page holds neither meanwhile.
    while (s.time.wallNow() < 900) {
      s.answers.changed('a');
      s.answers.changed('b');
      await s.time.advance(5);
      rounds++;
    }
    const spent = s.takeComputed().length * MAX_COST_MS;
    expect(spent).toBeLessThanOrEqual(BUDGET_MS + 2 * MAX_COST_MS);
    expect(rounds).toBeGreaterThan(50);
    expect(s.book.size).toBe(0);
    await s.time.advance(1000);
    expect(s.book.size).toBe(2);
  });
});
