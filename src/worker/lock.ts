// The cluster lock: one tab at a time owns the saved cluster (navigator.locks). Taken by the
// worker's first phase at boot and kept for the worker's life; the full host is then given none.

const LOCK_RETRIES = 10;
const LOCK_RETRY_MS = 200;
export const LOCK_NAME = 'kubeplay-cluster';

/** The slice of navigator.locks the worker uses. */
export interface LockManagerLike {
  request(name: string, opts: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<unknown> | unknown): Promise<unknown>;
}

/**
 * Takes the cluster lock for the worker's life (the callback's promise never settles). A reload's
 * previous worker may still be releasing it, so a taken lock is retried for about two seconds
 * before another tab is assumed.
 */
export async function acquireClusterLock(locks: LockManagerLike, schedule: (fn: () => void, ms: number) => unknown): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const got = await new Promise<boolean>((resolve) => {
      void locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
        resolve(lock !== null && lock !== undefined);
        return lock ? new Promise(() => {}) : undefined;
      });
    });
    if (got) return true;
    if (attempt >= LOCK_RETRIES) return false;
    await new Promise<void>((r) => schedule(r, LOCK_RETRY_MS));
  }
}
