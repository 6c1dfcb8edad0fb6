// Idle-time prefetch: once the cluster has been up a moment and the page is idle, the worker loads
// the code its first answer did not need (YAML reader, kubectl commands) and the page its hidden
// panes, as EditorPane does for Monaco.
import type { PlaygroundApi } from '../worker/protocol';
import { prefetchPanes } from './shell/lazy-panes';

/** How long after the cluster is up the prefetch may start (the first command comes before it). */
const PREFETCH_AFTER_BOOT_MS = 2000;

/** Asks the worker to prefetch after a delay and an idle moment; returns a cancel function. */
export function prefetchWhenIdle(api: Pick<PlaygroundApi, 'prefetch'>): () => void {
  let idle: number | undefined;
  // A failed prefetch is not an error: the command that needs the code imports it again.
  const go = () => {
    void api.prefetch().catch(() => {});
    void prefetchPanes().catch(() => {});
  };
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(go, { timeout: 3000 });
    else go();
  }, PREFETCH_AFTER_BOOT_MS);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
