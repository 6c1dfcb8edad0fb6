// Pod watches pinned to one node (`fieldSelector=spec.nodeName=X`, what every kubelet asks for):
// one store watcher per store fans events out by node name, so a pod change reaches only the
// kubelets of the node(s) it was or is on instead of every one of 1,000 kubelets.

import type { KObject } from '../../api/types';
import type { ReadContext, ReadStore } from '../context';
import type { StoredEvent, WatchHandler } from '../../store/store';
import type { WatchHandle } from '../request';

interface Entry {
  namespace: string;
  handler: WatchHandler;
  stopped: boolean;
}

/** Watchers of one stored resource, by the node name their selector pins. */
class NodeIndex {
  readonly byNode = new Map<string, Entry[]>();

  constructor(store: ReadStore, resource: string) {
    // Registered once, before any indexed watcher; the replay of current objects is skipped.
    let ready = false;
    store.watch(resource, { namespace: '' }, (e) => {
      if (ready) this.dispatch(e);
    });
    ready = true;
  }

  private dispatch(e: StoredEvent): void {
    const now = nodeOf(e.object);
    const before = e.prev ? nodeOf(e.prev) : now;
    this.deliver(now, e);
    if (before !== now) this.deliver(before, e);
  }

  private deliver(node: string, e: StoredEvent): void {
    const list = this.byNode.get(node);
    if (!list) return;
    // A copy: a handler may stop its own or another watch while we iterate.
    for (const w of list.length === 1 ? list : [...list]) {
      if (!w.stopped && (w.namespace === '' || w.namespace === e.namespace)) w.handler(e);
    }
  }
}

function nodeOf(o: KObject): string {
  const n = ((o as { spec?: unknown }).spec as { nodeName?: unknown } | undefined)?.nodeName;
  return typeof n === 'string' ? n : '';
}

const indexes = new WeakMap<ReadStore, Map<string, NodeIndex>>();

/**
 * Watches `resource` for objects whose spec.nodeName is or was `node`; `handler` still applies the
 * full selector. Same replay semantics as Store.watch (history after `rv`, else current objects;
 * throws the store's Gone error when that history is compacted).
 */
export function watchByNode(ctx: ReadContext, resource: string, namespace: string, rv: number, node: string, handler: WatchHandler): WatchHandle {
  let perStore = indexes.get(ctx.store);
  if (!perStore) indexes.set(ctx.store, (perStore = new Map()));
  let index = perStore.get(resource);
  if (!index) perStore.set(resource, (index = new NodeIndex(ctx.store, resource)));
  // The store replays synchronously on registration; stopping right after keeps only the replay.
  ctx.store.watch(resource, { namespace, resourceVersion: rv }, handler).stop();
  const entry: Entry = { namespace, handler, stopped: false };
  let list = index.byNode.get(node);
  if (!list) index.byNode.set(node, (list = []));
  list.push(entry);
  const idx = index;
  return {
    stop: () => {
      if (entry.stopped) return;
      entry.stopped = true;
      const l = idx.byNode.get(node);
      if (!l) return;
      l.splice(l.indexOf(entry), 1);
      if (l.length === 0) idx.byNode.delete(node);
    },
  };
}
