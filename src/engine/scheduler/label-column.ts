// One label key's values by node slot, as ids: PodTopologySpread reads a node's zone for each of
// ~420 sampled nodes per pod, and a typed array read is cheaper than a lookup in each node's
// labels object (the scheduler cache builds one per key and drops it when node labels change).

import type { NodeInfo } from './node-info';

/** A label key's values by slot, as ids. */
export interface LabelColumn {
  /** Slot -> id of the node's value of the key ('' when the node lacks it, as domainCounts files it). */
  readonly ids: Int32Array;
  /** Slot -> 1 when the node has the key. */
  readonly has: Uint8Array;
  /** Id -> value. */
  readonly values: readonly string[];
}

/** The column of `key` over `nodes`, whose slots are below `size`. */
export function buildLabelColumn(nodes: Iterable<NodeInfo>, size: number, key: string): LabelColumn {
  const ids = new Int32Array(size);
  const has = new Uint8Array(size);
  const values: string[] = [];
  const idOf = new Map<string, number>();
  for (const ni of nodes) {
    const present = Object.hasOwn(ni.labels, key);
    const v = present ? ni.labels[key] : '';
    let id = idOf.get(v);
    if (id === undefined) {
      id = values.length;
      values.push(v);
      idOf.set(v, id);
    }
    ids[ni.slot] = id;
    has[ni.slot] = present ? 1 : 0;
  }
  return { ids, has, values };
}
