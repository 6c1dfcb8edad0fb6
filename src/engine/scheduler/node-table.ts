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
  /** Bumped whenever the slot's numbers change (1 after the first sync). */
  version = new Uint32Array(0);
  /**
   * LeastAllocated and BalancedAllocation of the slot for the pod requests in `scoredFor`, valid
   * while `scoredAt` equals `version` and `scoredGen` equals `gen`: pods of one Deployment ask the
   * same, and each binding changes one node, so the other 419 sampled nodes keep their scores.
   */
  scoredFit = new Float64Array(0);
  scoredBalanced = new Float64Array(0);
  scoredAt = new Uint32Array(0);
  scoredGen = new Uint32Array(0);
  /** cpu, memory, non-zero cpu, non-zero memory requested by the pods the scores are for. */
  readonly scoredFor = [NaN, NaN, NaN, NaN];
  gen = 0;
  /**
   * ImageLocality of the slot for the pod images in `imagesFor`, valid while `imageAt` equals
   * `version` and `imageGen` equals `imgGen`: a node's images change only with a sync, and the
   * spread factors only when some node gains or loses an image (a new generation then).
   */
  scoredImage = new Float64Array(0);
  imageAt = new Uint32Array(0);
  imageGen = new Uint32Array(0);
  /** Images, their spread factors and the container count the image scores are for. */
  private imagesFor: string[] = [];
  private spreadFor: number[] = [];
  private containersFor = -1;
  imgGen = 0;

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
    this.version[s] = (this.version[s] + 1) >>> 0 || 1;
  }

  /** Selects the score memo for a pod's requests (a new generation when they differ from the last). */
  scoreFor(cpu: number, memory: number, nonZeroCpu: number, nonZeroMemory: number): void {
    const f = this.scoredFor;
    if (f[0] === cpu && f[1] === memory && f[2] === nonZeroCpu && f[3] === nonZeroMemory) return;
    f[0] = cpu;
    f[1] = memory;
    f[2] = nonZeroCpu;
    f[3] = nonZeroMemory;
    this.gen = (this.gen + 1) >>> 0 || 1;
  }

  /** Selects the image-score memo for a pod's images and their spread (a new generation when they differ). */
  imageScoreFor(images: readonly string[], spread: readonly number[], containers: number): void {
    const fi = this.imagesFor;
    const fs = this.spreadFor;
    let same = this.containersFor === containers && fi.length === images.length;
    for (let j = 0; same && j < images.length; j++) same = fi[j] === images[j] && fs[j] === spread[j];
    if (same) return;
    this.imagesFor = images.slice();
    this.spreadFor = spread.slice();
    this.containersFor = containers;
    this.imgGen = (this.imgGen + 1) >>> 0 || 1;
  }

  private grow(min: number): void {
    const cap = Math.max(min, this.capacity * 2, 64);
    // A column of the same kind with room for `cap` slots, its values kept.
    const f64 = (a: Float64Array) => grown(a, new Float64Array(cap));
    const u8 = (a: Uint8Array) => grown(a, new Uint8Array(cap));
    const u32 = (a: Uint32Array) => grown(a, new Uint32Array(cap));
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
    this.scoredFit = f64(this.scoredFit);
    this.scoredBalanced = f64(this.scoredBalanced);
    this.scoredImage = f64(this.scoredImage);
    this.flags = u8(this.flags);
    this.version = u32(this.version);
    this.scoredAt = u32(this.scoredAt);
    this.scoredGen = u32(this.scoredGen);
    this.imageAt = u32(this.imageAt);
    this.imageGen = u32(this.imageGen);
    this.capacity = cap;
  }
}

/** `to` holding `from`'s values at its start. */
function grown<T extends { set(values: ArrayLike<number>): void }>(from: ArrayLike<number>, to: T): T {
  to.set(from);
  return to;
}
