// Coalesces change-feed batches per animation frame: batches that arrive between two frames are
// applied together just before the next one, so a page that fell behind catches up in one pass.

/** How the queue waits for the next frame; `cancel` undoes a pending wait. */
export interface FrameScheduler {
  frame(cb: () => void): () => void;
  /** A fallback when no frame comes (a hidden tab gets none): the queue is flushed by then. */
  timeout(cb: () => void, ms: number): () => void;
}

/** No frame within this long (hidden tab): apply anyway, so the mirror never goes stale. */
export const FRAME_FALLBACK_MS = 100;

export const browserScheduler: FrameScheduler = {
  frame(cb) {
    const id = requestAnimationFrame(cb);
    return () => cancelAnimationFrame(id);
  },
  timeout(cb, ms) {
    const id = setTimeout(cb, ms);
    return () => clearTimeout(id);
  },
};

/**
 * A sink for items that hands them, in arrival order, to `apply` once per frame (or after
 * FRAME_FALLBACK_MS without a frame).
 */
export function frameQueue<T>(apply: (items: T[]) => void, scheduler: FrameScheduler = browserScheduler): (item: T) => void {
  let queued: T[] = [];
  let cancels: (() => void)[] = [];
  const flush = (): void => {
    for (const c of cancels) c();
    cancels = [];
    const items = queued;
    queued = [];
    if (items.length) apply(items);
  };
  return (item) => {
    queued.push(item);
    if (cancels.length) return;
    cancels = [scheduler.frame(flush), scheduler.timeout(flush, FRAME_FALLBACK_MS)];
  };
}
