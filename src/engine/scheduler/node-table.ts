// The numbers the framework's node-local filter and score loops read, one typed-array column per
// quantity indexed by NodeInfo.slot, refreshed by the cache whenever a node or its pods change.
// Contiguous columns instead of a walk through each NodeInfo and its resource objects.

import type { NodeInfo } from './node-info';

/** Bits of `flags`. */
export const UNSCHEDULABLE = 1;
export const TAINTED = 2;
export const HAS_IMAGES = 4;

export class NodeTable {
  capacity = 0;
  /** Allocatable cpu (millicores), memory and ephemeral-storage (bytes), and pods. */
  allocCpu = new Float64Array(0);
  allocMem = new Float64Array(0);
  allocEph = new Float64Array(0);
  allowedPods = new Float64Array(0);
  /** What the node's pods request, and the same with absent cpu/memory requests as 100m / 200Mi. */
  reqCpu = new Float64Array(0);
  reqMem = new Float64Array(0);
  reqEph = new Float64Array(0);
  nonZeroCpu = new Float64Array(0);
  nonZeroMem = new Float64Array(0);
  pods = new Float64Array(0);
  flags = new Uint8Array(0);

  /** Copies `ni`'s current numbers into its slot. */
  sync(ni: NodeInfo): void {
    const s = ni.slot;
    if (s >= this.capacity) this.grow(s + 1);
    this.allocCpu[s] = ni.allocatable.cpu;
    this.allocMem[s] = ni.allocatable.memory;
    this.allocEph[s] = ni.allocatable.ephemeralStorage;
    this.allowedPods[s] = ni.allowedPods;
    this.reqCpu[s] = ni.requested.cpu;
    this.reqMem[s] = ni.requested.memory;
    this.reqEph[s] = ni.requested.ephemeralStorage;
    this.nonZeroCpu[s] = ni.nonZeroRequested.cpu;
    this.nonZeroMem[s] = ni.nonZeroRequested.memory;
    this.pods[s] = ni.pods.size;
    this.flags[s] = (ni.unschedulable ? UNSCHEDULABLE : 0) | (ni.taints.length > 0 ? TAINTED : 0) | (ni.images.size > 0 ? HAS_IMAGES : 0);
  }

  private grow(min: number): void {
    const cap = Math.max(min, this.capacity * 2, 64);
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.allocCpu = f64(this.allocCpu);
    this.allocMem = f64(this.allocMem);
    this.allocEph = f64(this.allocEph);
    this.allowedPods = f64(this.allowedPods);
    this.reqCpu = f64(this.reqCpu);
    this.reqMem = f64(this.reqMem);
    this.reqEph = f64(this.reqEph);
    this.nonZeroCpu = f64(this.nonZeroCpu);
    this.nonZeroMem = f64(this.nonZeroMem);
    this.pods = f64(this.pods);
    const flags = new Uint8Array(cap);
    flags.set(this.flags);
    this.flags = flags;
    this.capacity = cap;
  }
}
