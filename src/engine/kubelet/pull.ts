// The node's image store and puller: what is cached on the node, and pulls served one at a time
// (the kubelet's default serializeImagePulls) with a duration from the image's size, so the
// `Pulled` event can say `in 2.1s (3.4s including waiting)` as upstream does.

import type { Clock, TimerHandle } from '../clock';
import type { ImageCatalog, ImageInfo } from './process';

export type PullResult =
  | { ok: true; info: ImageInfo; pullMs: number; totalMs: number }
  | { ok: false; message: string };

/** One entry of a node's status.images. */
export interface NodeImage {
  names: string[];
  sizeBytes: number;
}

export interface PullTiming {
  /** Registry round trips before the layers (ms). */
  latencyMs: number;
  /** Download speed (bytes per second). */
  bytesPerSecond: number;
}

/** 300 ms + size at 50 MB/s: nginx (~72 MB) takes about 1.7 s. */
export const DEFAULT_PULL_TIMING: PullTiming = { latencyMs: 300, bytesPerSecond: 50_000_000 };

interface Pending {
  ref: string;
  requestedAt: number;
  done: (r: PullResult) => void;
  cancelled: boolean;
}

/** How containerd reports a name the registry does not know (`ngnix` -> docker.io/library/ngnix:latest). */
export function normalizeRef(ref: string): string {
  let name = ref;
  let suffix = '';
  const at = name.indexOf('@');
  if (at >= 0) {
    suffix = name.slice(at);
    name = name.slice(0, at);
  } else {
    const slash = name.lastIndexOf('/');
    const colon = name.lastIndexOf(':');
    if (colon > slash) {
      suffix = name.slice(colon);
      name = name.slice(0, colon);
    } else suffix = ':latest';
  }
  const first = name.split('/')[0];
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = `docker.io/${name.includes('/') ? name : `library/${name}`}`;
  return name + suffix;
}

/** The ErrImagePull message containerd gives for a registry miss, around the catalog's answer. */
export function pullErrorMessage(ref: string, registryMessage: string): string {
  if (registryMessage.startsWith('failed to pull')) return registryMessage;
  const full = normalizeRef(ref);
  return `failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${registryMessage}`;
}

export class ImagePuller {
  /** Cached images by `repository:tag` and `repository@digest`. */
  private cache = new Map<string, ImageInfo>();
  /** images() as of the last change to `cache` (callers only read it). */
  private imageList: readonly NodeImage[] | undefined;
  private queue: Pending[] = [];
  private busy: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly catalog: ImageCatalog,
    private readonly timing: PullTiming = DEFAULT_PULL_TIMING,
  ) {}

  /** The cached image a reference names, or undefined. */
  present(ref: string): ImageInfo | undefined {
    const r = this.catalog.resolve(ref);
    if (!('repository' in r)) return undefined;
    return this.cache.get(`${r.repository}:${r.tag}`) ?? this.cache.get(`${r.repository}@${r.digest}`);
  }

  /** Adds an image to the cache without pulling (node images at boot). */
  seed(info: ImageInfo): void {
    this.cache.set(`${info.repository}:${info.tag}`, info);
    this.cache.set(`${info.repository}@${info.digest}`, info);
    this.imageList = undefined;
  }

  /** Every cached image once (a cluster snapshot keeps what each node has pulled). */
  cached(): ImageInfo[] {
    return [...new Set(this.cache.values())];
  }

  /** Queues a pull; `done` runs when it finishes. */
  pull(ref: string, done: (r: PullResult) => void): { cancel(): void } {
    const p: Pending = { ref, requestedAt: this.clock.now(), done, cancelled: false };
    this.queue.push(p);
    this.pump();
    return { cancel: () => void (p.cancelled = true) };
  }

  /** Stops every pull in flight (node failure). */
  reset(): void {
    this.busy?.cancel();
    this.busy = undefined;
    this.queue = [];
  }

  /** status.images: each cached image once, largest first (the kubelet reports at most 50). */
  images(): readonly NodeImage[] {
    // Kept until the cache changes: every node's status tick asked for it (1,000 nodes, a sorted
    // list each, every 10 s), while a node's images change only when a pull completes.
    if (this.imageList) return this.imageList;
    const seen = new Set<ImageInfo>([...this.cache.values()]);
    return (this.imageList = [...seen]
      .sort((x, y) => y.sizeBytes - x.sizeBytes || (x.repository < y.repository ? -1 : x.repository > y.repository ? 1 : 0))
      .slice(0, 50)
      .map((i) => ({ names: [`${i.repository}@${i.digest}`, `${i.repository}:${i.tag}`], sizeBytes: i.sizeBytes })));
  }

  private pump(): void {
    if (this.busy) return;
    let p = this.queue.shift();
    while (p && p.cancelled) p = this.queue.shift();
    if (!p) return;
    const cur = p;
    const r = this.catalog.resolve(cur.ref);
    const startedAt = this.clock.now();
    const ms = 'repository' in r ? this.timing.latencyMs + Math.round((r.sizeBytes / this.timing.bytesPerSecond) * 1000) : this.timing.latencyMs * 2;
    this.busy = this.clock.schedule(ms, () => {
      this.busy = undefined;
      if (!cur.cancelled) {
        const now = this.clock.now();
        if ('repository' in r) {
          this.seed(r);
          cur.done({ ok: true, info: r, pullMs: now - startedAt, totalMs: now - cur.requestedAt });
        } else {
          cur.done({ ok: false, message: pullErrorMessage(cur.ref, r.message) });
        }
      }
      this.pump();
    });
  }
}
