// Notices when a container instance stops (exits, restarts, or its pod goes away), so that
// `logs -f` and `attach` end as they do when the kubelet's log file or attach stream closes.
import type { KObject } from '../engine/api/types';
import type { Cluster } from '../engine/cluster';

type Json = Record<string, unknown>;

/** The container's status entry (regular, init or ephemeral), if the pod reports one. */
export function containerStatus(pod: KObject, container: string): Json | undefined {
  const st = (pod.status ?? {}) as Json;
  for (const key of ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses']) {
    const list = Array.isArray(st[key]) ? (st[key] as Json[]) : [];
    const hit = list.find((c) => c.name === container);
    if (hit) return hit;
  }
  return undefined;
}

/** The running instance's container ID, or undefined when the container is not running. */
export function runningInstance(pod: KObject, container: string): string | undefined {
  const cs = containerStatus(pod, container);
  const state = (cs?.state ?? {}) as Json;
  if (!state.running) return undefined;
  return String(cs?.containerID ?? '');
}

/** Reads a pod through the engine; undefined when it does not exist. */
export function readPod(cluster: Cluster, namespace: string, name: string): KObject | undefined {
  const ans = cluster.server.handle({ method: 'GET', path: `/api/v1/namespaces/${namespace}/pods/${name}` });
  return ans.status === 200 ? (ans.body as KObject) : undefined;
}

/**
 * Calls `onEnd` once, when the instance of `container` running now stops running (or at once,
 * on the next turn, if it is not running now). Returns a function that cancels the watch.
 */
export function watchContainerEnd(cluster: Cluster, namespace: string, name: string, container: string, onEnd: () => void): () => void {
  const pod = readPod(cluster, namespace, name);
  const instance = pod ? runningInstance(pod, container) : undefined;
  let done = false;
  let handle: { stop(): void } | undefined;
  const finish = (): void => {
    if (done) return;
    done = true;
    handle?.stop();
    onEnd();
  };
  if (instance === undefined) {
    queueMicrotask(finish);
    return () => void (done = true);
  }
  try {
    handle = cluster.server.watch(
      { method: 'GET', path: `/api/v1/namespaces/${namespace}/pods`, query: { fieldSelector: `metadata.name=${name}` } },
      {
        onEvent: (e) => {
          if (e.type === 'DELETED') return finish();
          if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return;
          if (runningInstance(e.object as KObject, container) !== instance) finish();
        },
        onClose: finish,
      },
    );
  } catch {
    queueMicrotask(finish);
  }
  if (done) handle?.stop();
  return () => {
    done = true;
    handle?.stop();
  };
}
