// The worker surface crosses a real message boundary: PlaygroundHost exposed with comlink on one
// end of a Node MessageChannel, driven through a Remote on the other, callbacks via Comlink.proxy.
import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
// @ts-expect-error comlink ships no declaration beside the .mjs (node-adapter.d.ts types the .js path)
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { PlaygroundHost } from '../../src/worker/host';
import type { FeedBatch, PlaygroundApi } from '../../src/worker/protocol';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

describe('PlaygroundHost over comlink', () => {
  it('boots, streams the feed and runs a command through a MessageChannel', async () => {
    const { port1, port2 } = new MessageChannel();
    // Real timers here: the far side is a worker in all but thread.
    const host = new PlaygroundHost({
      wallNow: () => performance.now(),
      schedule: (fn, ms) => {
        const id = setTimeout(fn, ms);
        return () => clearTimeout(id);
      },
      lessons: [],
    });
    Comlink.expose(host, nodeEndpoint(port1));
    const api = Comlink.wrap<PlaygroundApi>(nodeEndpoint(port2));
    closers.push(() => {
      host.dispose();
      api[Comlink.releaseProxy]();
      port1.close();
      port2.close();
    });

    const batches: FeedBatch[] = [];
    const boot = await api.boot({ now: Date.UTC(2026, 0, 1), fresh: true }, Comlink.proxy((b: FeedBatch) => void batches.push(b)));
    expect(boot).toEqual({ ok: true, source: 'fresh' });
    let out = '';
    const reply = await api.shellInput('t1', 'kubectl get nodes -o name', Comlink.proxy((s: string) => void (out += s)));
    expect(reply).toEqual({ kind: 'done', code: 0 });
    expect(out).toBe('node/kubeplay-control-plane\nnode/kubeplay-worker\nnode/kubeplay-worker2\nnode/kubeplay-worker3\n');
    await api.pause();
    await new Promise((r) => setTimeout(r, 100));
    expect(batches[0].reset).toBe(true);
    expect(batches.at(-1)!.clock.paused).toBe(true);
    expect(await api.complete('t1', 'kubectl get no', 14)).toEqual({ from: 12, items: ['no', 'node', 'nodemetrics', 'nodes'] });
  });
});
