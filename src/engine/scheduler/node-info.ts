// One node as the scheduler sees it (framework.NodeInfo): allocatable resources, what its pods
// request, its host ports, images and taints, kept up to date incrementally as pods come and go.

import type { KObject } from '../api/types';
import type { HostPort, PodInfo, Taint } from './pod-info';
import { addResources, emptyResources, resourcesFromList, type Resources } from './resources';

type Obj = Record<string, unknown>;

export class NodeInfo {
  node!: KObject;
  labels: Record<string, string> = {};
  taints: Taint[] = [];
  unschedulable = false;
  allocatable: Resources = emptyResources();
  allowedPods = 0;
  /** Image name -> size in bytes, from status.images. */
  images = new Map<string, number>();
  readonly requested: Resources = emptyResources();
  readonly nonZeroRequested: Resources = emptyResources();
  readonly pods = new Map<string, PodInfo>();
  /** Pods here with any pod (anti-)affinity, and those with required anti-affinity. */
  readonly podsWithAffinity = new Set<PodInfo>();
  readonly podsWithRequiredAntiAffinity = new Set<PodInfo>();
  /** `protocol/port` -> ip -> number of pods using it. */
  private readonly usedPorts = new Map<string, Map<string, number>>();

  constructor(
    readonly name: string,
    /** A small stable integer for per-node arrays (reused after the node goes). */
    readonly slot: number,
    node: KObject,
  ) {
    this.setNode(node);
  }

  setNode(node: KObject): void {
    this.node = node;
    const spec = (node.spec ?? {}) as Obj;
    const status = (node.status ?? {}) as Obj;
    this.labels = node.metadata.labels ?? {};
    this.taints = (spec.taints ?? []) as Taint[];
    this.unschedulable = spec.unschedulable === true;
    const alloc = (status.allocatable ?? status.capacity ?? {}) as Obj;
    this.allocatable = resourcesFromList(alloc);
    this.allowedPods = Number(resourcesFromList({ x: alloc.pods ?? '0' }).scalar?.x ?? 0);
    this.images = new Map();
    for (const img of (status.images ?? []) as Obj[]) {
      for (const n of (img.names ?? []) as string[]) this.images.set(n, Number(img.sizeBytes ?? 0));
    }
  }

  addPod(p: PodInfo): void {
    this.pods.set(p.key, p);
    this.account(p, 1);
  }

  removePod(p: PodInfo): void {
    if (this.pods.get(p.key) !== p) return;
    this.pods.delete(p.key);
    this.account(p, -1);
  }

  private account(p: PodInfo, sign: 1 | -1): void {
    addResources(this.requested, p.requests, sign);
    addResources(this.nonZeroRequested, p.nonZero, sign);
    for (const hp of p.hostPorts) {
      const k = `${hp.protocol}/${hp.port}`;
      let m = this.usedPorts.get(k);
      if (!m) this.usedPorts.set(k, (m = new Map()));
      const n = (m.get(hp.ip) ?? 0) + sign;
      if (n <= 0) m.delete(hp.ip);
      else m.set(hp.ip, n);
      if (m.size === 0) this.usedPorts.delete(k);
    }
    if (p.affinity) {
      if (sign > 0) this.podsWithAffinity.add(p);
      else this.podsWithAffinity.delete(p);
      if (p.affinity.requiredAntiAffinity.length > 0) {
        if (sign > 0) this.podsWithRequiredAntiAffinity.add(p);
        else this.podsWithRequiredAntiAffinity.delete(p);
      }
    }
  }

  /** HostPortInfo.CheckConflict: 0.0.0.0 conflicts with every IP on the same protocol/port. */
  portConflict(want: HostPort): boolean {
    const m = this.usedPorts.get(`${want.protocol}/${want.port}`);
    if (!m) return false;
    if (want.ip === '0.0.0.0') return m.size > 0;
    return m.has(want.ip) || m.has('0.0.0.0');
  }

  /** A copy with the same node and pods, for preemption's what-if runs. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name, this.slot, this.node);
    for (const p of this.pods.values()) c.addPod(p);
    return c;
  }
}
