// The scheduler cache (internal/cache): every node's NodeInfo, the pods assigned to each, the
// nodes in upstream's zone-interleaved order, image spread, and counts of matching pods per node
// for the label selectors spreading asks about, all maintained incrementally from informers.

import type { Selector } from '../api/labels';
import type { KObject } from '../api/types';
import { NodeInfo } from './node-info';
import { NodeTable } from './node-table';
import { buildLabelColumn, type LabelColumn } from './label-column';
import type { PodInfo } from './pod-info';

const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
const REGION_LABELS = ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region'];

/** utilnode.GetZoneKey: region and zone joined, '' when the node has neither. */
export function zoneKey(labels: Record<string, string>): string {
  const region = labels[REGION_LABELS[0]] ?? labels[REGION_LABELS[1]] ?? '';
  const zone = labels[ZONE_LABELS[0]] ?? labels[ZONE_LABELS[1]] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

/** Per-node counts of non-terminating pods in a namespace matching a selector. */
export interface SelectorCounts {
  readonly namespace: string;
  readonly selector: Selector;
  /** Indexed by NodeInfo.slot. */
  readonly perNode: number[];
  /**
   * topologyKey -> label value ('' when absent) -> matching pods summed over every node, built on
   * first use and kept current with perNode, so spreading over zones need not visit every node
   * for every pod. Dropped when node labels change or nodes come and go.
   */
  readonly domains: Map<string, Map<string, number>>;
  lastUsed: number;
}

const MAX_TRACKED_SELECTORS = 128;

export class SchedulerCache {
  private readonly byName = new Map<string, NodeInfo>();
  private ordered: NodeInfo[] = [];
  /** The same order as slots, for the loops that read `table`. */
  private orderedSlots = new Int32Array(0);
  /** Per-slot numbers of every node, kept current with the NodeInfos. */
  readonly table = new NodeTable();
  private orderDirty = false;
  private freeSlots: number[] = [];
  private nextSlot = 0;
  /** Assigned pods by key, and by namespace. */
  private readonly pods = new Map<string, PodInfo>();
  private readonly podsByNs = new Map<string, Set<PodInfo>>();
  /** Pods assigned to a node that does not exist (yet): counted once it appears. */
  private readonly orphans = new Map<string, Set<PodInfo>>();
  /** Image name -> number of nodes that have it. */
  readonly imageNodes = new Map<string, number>();
  /** Assigned pods with any pod (anti-)affinity, and those with required anti-affinity terms. */
  readonly podsWithAffinity = new Set<PodInfo>();
  readonly podsWithRequiredAntiAffinity = new Set<PodInfo>();
  private readonly tracked = new Map<string, SelectorCounts>();
  private readonly trackedByNs = new Map<string, Set<SelectorCounts>>();
  private useClock = 0;
  /** topologyKey -> its LabelColumn, built on first use; dropped with the domain sums. */
  private readonly columns = new Map<string, LabelColumn>();

  /** Nodes in NodeTree order: zones interleaved round-robin, each zone in insertion order. */
  nodes(): readonly NodeInfo[] {
    if (this.orderDirty) this.rebuildOrder();
    return this.ordered;
  }

  /** `nodes()` as slots. */
  slots(): Int32Array {
    if (this.orderDirty) this.rebuildOrder();
    return this.orderedSlots;
  }

  node(name: string): NodeInfo | undefined {
    return this.byName.get(name);
  }

  get numNodes(): number {
    return this.byName.size;
  }

  assignedPod(key: string): PodInfo | undefined {
    return this.pods.get(key);
  }

  /** Every assigned pod. */
  allPods(): Iterable<PodInfo> {
    return this.pods.values();
  }

  /** Assigned pods in a namespace. */
  podsInNamespace(ns: string): Iterable<PodInfo> {
    return this.podsByNs.get(ns) ?? [];
  }

  upsertNode(node: KObject): NodeInfo {
    const name = node.metadata.name ?? '';
    let ni = this.byName.get(name);
    if (ni) {
      const oldLabels = ni.labels;
      const oldZone = zoneKey(oldLabels);
      this.countImages(ni, -1);
      ni.setNode(node);
      this.countImages(ni, 1);
      if (zoneKey(ni.labels) !== oldZone) this.orderDirty = true;
      if (!sameLabels(oldLabels, ni.labels)) this.dropDomains();
      this.table.sync(ni);
      return ni;
    }
    const slot = this.freeSlots.pop() ?? this.nextSlot++;
    ni = new NodeInfo(name, slot, node);
    this.byName.set(name, ni);
    this.countImages(ni, 1);
    for (const t of this.tracked.values()) t.perNode[slot] = 0;
    this.dropDomains();
    const waiting = this.orphans.get(name);
    if (waiting) {
      this.orphans.delete(name);
      for (const p of waiting) this.attach(ni, p);
    }
    this.table.sync(ni);
    this.orderDirty = true;
    return ni;
  }

  removeNode(name: string): void {
    const ni = this.byName.get(name);
    if (!ni) return;
    this.countImages(ni, -1);
    this.byName.delete(name);
    // Pods still bound to it wait for a node of that name (as the upstream cache keeps them).
    if (ni.pods.size > 0) this.orphans.set(name, new Set(ni.pods.values()));
    for (const p of ni.pods.values()) this.countSelectors(ni, p, -1);
    this.freeSlots.push(ni.slot);
    this.orderDirty = true;
    this.dropDomains();
  }

  /** Adds or replaces an assigned pod (its nodeName set). */
  upsertPod(p: PodInfo): void {
    const old = this.pods.get(p.key);
    if (old) this.removePod(old.key);
    this.pods.set(p.key, p);
    let set = this.podsByNs.get(p.namespace);
    if (!set) this.podsByNs.set(p.namespace, (set = new Set()));
    set.add(p);
    if (p.affinity) {
      this.podsWithAffinity.add(p);
      if (p.affinity.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity.add(p);
    }
    const ni = this.byName.get(p.nodeName);
    if (ni) this.attach(ni, p);
    else {
      let o = this.orphans.get(p.nodeName);
      if (!o) this.orphans.set(p.nodeName, (o = new Set()));
      o.add(p);
    }
  }

  removePod(key: string): void {
    const p = this.pods.get(key);
    if (!p) return;
    this.pods.delete(key);
    this.podsByNs.get(p.namespace)?.delete(p);
    this.podsWithAffinity.delete(p);
    this.podsWithRequiredAntiAffinity.delete(p);
    const ni = this.byName.get(p.nodeName);
    if (ni && ni.pods.get(key) === p) {
      ni.removePod(p);
      this.table.sync(ni);
      this.countSelectors(ni, p, -1);
    }
    this.orphans.get(p.nodeName)?.delete(p);
  }

  private attach(ni: NodeInfo, p: PodInfo): void {
    ni.addPod(p);
    this.table.sync(ni);
    this.countSelectors(ni, p, 1);
  }

  private countImages(ni: NodeInfo, sign: 1 | -1): void {
    for (const name of ni.images.keys()) {
      const n = (this.imageNodes.get(name) ?? 0) + sign;
      if (n <= 0) this.imageNodes.delete(name);
      else this.imageNodes.set(name, n);
    }
  }

  private countSelectors(ni: NodeInfo, p: PodInfo, sign: 1 | -1): void {
    if (p.terminating) return;
    const set = this.trackedByNs.get(p.namespace);
    if (!set) return;
    for (const t of set) {
      if (!t.selector.matches(p.labels)) continue;
      t.perNode[ni.slot] = (t.perNode[ni.slot] ?? 0) + sign;
      for (const [key, sums] of t.domains) {
        const v = ni.labels[key] ?? '';
        sums.set(v, (sums.get(v) ?? 0) + sign);
      }
    }
  }

  /**
   * Matching pods per value of `topologyKey` over every node (nodes without the label count
   * under ''), as summing `t.perNode` over all nodes by their label would give.
   */
  domainCounts(t: SelectorCounts, topologyKey: string): ReadonlyMap<string, number> {
    let sums = t.domains.get(topologyKey);
    if (!sums) {
      sums = new Map();
      for (const ni of this.byName.values()) {
        const v = ni.labels[topologyKey] ?? '';
        sums.set(v, (sums.get(v) ?? 0) + (t.perNode[ni.slot] ?? 0));
      }
      t.domains.set(topologyKey, sums);
    }
    return sums;
  }

  /** `key`'s values per slot over the current nodes (valid until node labels change or nodes come and go). */
  labelColumn(key: string): LabelColumn {
    let col = this.columns.get(key);
    if (!col) this.columns.set(key, (col = buildLabelColumn(this.byName.values(), this.nextSlot, key)));
    return col;
  }

  /** Node labels changed or nodes came or went: the domain sums and label columns are stale. */
  private dropDomains(): void {
    for (const t of this.tracked.values()) t.domains.clear();
    this.columns.clear();
  }

  /**
   * Counts per node of non-terminating pods in `ns` matching `selector` (countPodsMatchSelector),
   * built once by a scan and then kept current as pods change; the least recently used of more
   * than 128 tracked selectors is dropped.
   */
  selectorCounts(ns: string, selector: Selector): SelectorCounts {
    const key = `${ns}\u0000${selector.toString()}`;
    let t = this.tracked.get(key);
    if (!t) {
      if (this.tracked.size >= MAX_TRACKED_SELECTORS) this.evictOldest();
      t = { namespace: ns, selector, perNode: [], domains: new Map(), lastUsed: 0 };
      for (const ni of this.byName.values()) t.perNode[ni.slot] = 0;
      for (const p of this.podsInNamespace(ns)) {
        const ni = this.byName.get(p.nodeName);
        if (ni && !p.terminating && selector.matches(p.labels)) t.perNode[ni.slot]++;
      }
      this.tracked.set(key, t);
      let set = this.trackedByNs.get(ns);
      if (!set) this.trackedByNs.set(ns, (set = new Set()));
      set.add(t);
    }
    t.lastUsed = ++this.useClock;
    return t;
  }

  private evictOldest(): void {
    let oldest: [string, SelectorCounts] | undefined;
    for (const e of this.tracked) if (!oldest || e[1].lastUsed < oldest[1].lastUsed) oldest = e;
    if (!oldest) return;
    this.tracked.delete(oldest[0]);
    this.trackedByNs.get(oldest[1].namespace)?.delete(oldest[1]);
  }

  private rebuildOrder(): void {
    const zones = new Map<string, NodeInfo[]>();
    for (const ni of this.byName.values()) {
      const z = zoneKey(ni.labels);
      let l = zones.get(z);
      if (!l) zones.set(z, (l = []));
      l.push(ni);
    }
    const lists = [...zones.values()];
    const out: NodeInfo[] = [];
    for (let i = 0; out.length < this.byName.size; i++) for (const l of lists) if (i < l.length) out.push(l[i]);
    this.ordered = out;
    this.orderedSlots = Int32Array.from(out, (ni) => ni.slot);
    this.orderDirty = false;
  }
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k] || !Object.hasOwn(b, k)) return false;
  return true;
}
