// An index of an informer's pods by spec.nodeName (the `spec.nodeName` indexer upstream adds), so
// node events touch only that node's pods instead of scanning every pod.

import type { KObject } from '../../api/types';
import { keyOf, type Informer } from '../../client/informer';

export function podNodeName(pod: KObject): string {
  return ((pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '') as string;
}

export class PodsByNode {
  private byNode = new Map<string, Set<string>>();

  constructor(private readonly pods: Informer) {
    pods.addHandlers({
      add: (p) => this.put(p),
      update: (o, n) => {
        // Same node: the pod's key is already in that node's set (most updates are status writes).
        if (podNodeName(o) === podNodeName(n)) return;
        this.drop(o);
        this.put(n);
      },
      delete: (p) => this.drop(p),
    });
  }

  private put(p: KObject): void {
    const node = podNodeName(p);
    if (!node) return;
    let s = this.byNode.get(node);
    if (!s) this.byNode.set(node, (s = new Set()));
    s.add(keyOf(p));
  }

  private drop(p: KObject): void {
    const node = podNodeName(p);
    const s = this.byNode.get(node);
    if (!s) return;
    s.delete(keyOf(p));
    if (s.size === 0) this.byNode.delete(node);
  }

  /** The pods bound to a node, in key order (deterministic). */
  podsOn(node: string): KObject[] {
    const keys = [...(this.byNode.get(node) ?? [])].sort();
    const out: KObject[] = [];
    for (const k of keys) {
      const p = this.pods.get(k);
      if (p) out.push(p);
    }
    return out;
  }

  /** Names of the nodes some pod is bound to. */
  nodeNames(): string[] {
    return [...this.byNode.keys()].sort();
  }
}
