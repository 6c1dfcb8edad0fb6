// Starts the engine's worker and connects the page to it: comlink for calls, a proxied callback for
// the change feed. The worker module loads in parallel with the page's own script.

import * as Comlink from 'comlink';
import type { AnswerUpdate, BootResult, FeedBatch, PlaygroundApi } from '../worker/protocol';
import { Playground } from './state/playground.svelte';
import { frameQueue } from './state/frame-queue';

/** The payload of a `#s=` share fragment, if the page was opened from one. */
export function linkPayload(hash: string): string | undefined {
  return hash.startsWith('#s=') && hash.length > 3 ? hash.slice(3) : undefined;
}

export function createPlayground(): Playground {
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module', name: 'kubeplay-engine' });
  return new Playground(Comlink.wrap<PlaygroundApi>(worker));
}

/** Boots the cluster: from the link in the URL, the saved state, or fresh (`fresh`). */
export async function bootPlayground(pg: Playground, opts: { fresh?: boolean } = {}): Promise<BootResult> {
  const link = opts.fresh ? undefined : linkPayload(location.hash);
  void pg.api.keepAnswers(Comlink.proxy((updates: AnswerUpdate[]) => pg.answers.apply(updates)));
  const result = await pg.api.boot(
    { link, fresh: opts.fresh, now: Date.now() },
    // Batches that arrive between two frames are applied together (frame-queue.ts).
    Comlink.proxy(frameQueue<FeedBatch>((batches) => pg.applyBatches(batches))),
  );
  // The link did its job (or was reported): a reload must open the saved cluster, not replay it again.
  if (link !== undefined) history.replaceState(null, '', location.pathname + location.search);
  return result;
}
