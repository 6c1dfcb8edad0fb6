// The change feed: watches the kinds the UI draws in every namespace, keeps one view per uid and
// pushes FeedBatches: first everything (`reset`), then only what changed, coalesced per uid, at
// most one batch per 16 ms and only when something changed. Views are built at flush time, so a
// pod that changes fifty times between two batches is mapped once.

import type { KObject } from '../../engine/api/types';
import type { ResourceType } from '../../engine/api/registry';
import type { EngineClient } from '../../engine/client/client';
import type { WatchHandle } from '../../engine/apiserver/request';
import type { TimeSource } from '../clock-driver';
import type { ClockState, FeedBatch, LessonStatus, ObjectRef, ObjectView, StorageStatus } from '../protocol';
import { viewOf, type ViewContext } from './views';

/** [group, kind] of every watched type. */
export const FEED_KINDS: [string, string][] = [
  ['', 'Node'],
  ['', 'Pod'],
  ['apps', 'Deployment'],
  ['apps', 'ReplicaSet'],
  ['apps', 'StatefulSet'],
  ['apps', 'DaemonSet'],
  ['batch', 'Job'],
  ['batch', 'CronJob'],
  ['', 'Service'],
  ['networking.k8s.io', 'Ingress'],
  ['', 'Event'],
];

/** One batch per animation frame at most. */
export const BATCH_MS = 16;
/** With nothing but time passing, the clock shown is refreshed about four times a second. */
export const CLOCK_ONLY_MS = 250;

/**
 * Where the feed's watches come from: a running cluster, or the read-only apiserver over a
 * restored store that answers before the rest of the engine has loaded.
 */
export interface FeedSource {
  type(group: string, kind: string): ResourceType;
  client: Pick<EngineClient, 'watch'>;
}

export class ChangeFeed {
  private readonly objects = new Map<string, KObject>();
  private readonly views = new Map<string, ObjectView>();
  /** uid -> latest object (or null when deleted) since the last batch. */
  private dirty = new Map<string, KObject | null>();
  private handles: WatchHandle[] = [];
  private nodeIPs = new Map<string, string>();
  private needReset = true;
  private extras: { lesson?: LessonStatus; storage?: StorageStatus; filesChanged?: boolean; openEditor?: ObjectRef } = {};
  private stateChanged = false;
  private clockMoved = false;
  private cancelFlush: (() => void) | undefined;
  private lastFlush = -Infinity;
  private lastClock = -Infinity;
  private stopped = false;

  constructor(
    private readonly source: FeedSource,
    private readonly time: TimeSource,
    private readonly clockState: () => ClockState,
    private readonly push: (batch: FeedBatch) => void,
    /** Called once per batch with objects changed (the lesson runner re-checks). */
    private readonly onObjectsChanged: () => void = () => {},
  ) {}

  start(): void {
    for (const [group, kind] of FEED_KINDS) {
      const t = this.source.type(group, kind);
      this.handles.push(this.source.client.watch(t, undefined, { onEvent: (e) => this.onEvent(e.type, e.object as KObject) }));
    }
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    for (const h of this.handles) h.stop();
    this.handles = [];
    this.cancelFlush?.();
    this.cancelFlush = undefined;
  }

  /** Everything again on the next batch (the UI mirror is rebuilt). */
  resend(): void {
    this.needReset = true;
    this.schedule(0);
  }

  /** Simulated time moved: shown at the slower clock-only pace unless objects changed too. */
  clockAdvanced(): void {
    this.clockMoved = true;
    this.schedule(Math.max(0, this.lastClock + CLOCK_ONLY_MS - this.time.wallNow()));
  }

  /** Speed or pause changed: shown promptly. */
  clockStateChanged(): void {
    this.stateChanged = true;
    this.schedule(this.delay());
  }

  setLesson(lesson: LessonStatus): void {
    this.extras.lesson = lesson;
    this.schedule(this.delay());
  }

  setStorage(storage: StorageStatus): void {
    this.extras.storage = storage;
    this.schedule(this.delay());
  }

  filesChanged(): void {
    this.extras.filesChanged = true;
    this.schedule(this.delay());
  }

  /** Asks the page to open a live object in the editor (`kubectl edit`). */
  openEditor(ref: ObjectRef): void {
    this.extras.openEditor = ref;
    this.schedule(this.delay());
  }

  /** Number of objects mirrored (for tests and benchmarks). */
  get size(): number {
    return this.views.size;
  }

  private onEvent(type: string, o: KObject): void {
    const uid = o.metadata.uid;
    if (!uid) return;
    if (type === 'DELETED') {
      this.objects.delete(uid);
      this.dirty.set(uid, null);
    } else {
      this.objects.set(uid, o);
      this.dirty.set(uid, o);
    }
    if (o.kind === 'Node') {
      const ip = objIP(o);
      if (type === 'DELETED' || !ip) this.nodeIPs.delete(uid);
      else this.nodeIPs.set(uid, ip);
    }
    this.schedule(this.delay());
  }

  private delay(): number {
    return Math.max(0, this.lastFlush + BATCH_MS - this.time.wallNow());
  }

  /** Flushes after `ms`, or sooner when a flush is already due earlier. */
  private schedule(ms: number): void {
    if (this.stopped) return;
    const due = this.time.wallNow() + ms;
    if (this.cancelFlush) {
      if (due >= this.dueAt) return;
      this.cancelFlush();
    }
    this.dueAt = due;
    this.cancelFlush = this.time.schedule(() => {
      this.cancelFlush = undefined;
      this.flush();
    }, ms);
  }
  private dueAt = Infinity;

  /** Builds and pushes the batch now (when there is anything to say). */
  flush(): void {
    if (this.stopped) return;
    const objectsChanged = this.dirty.size > 0;
    const hasExtras = this.extras.lesson !== undefined || this.extras.storage !== undefined || this.extras.filesChanged === true || this.extras.openEditor !== undefined;
    if (!this.needReset && !objectsChanged && !hasExtras && !this.stateChanged && !this.clockMoved) return;
    const clock = this.clockState();
    const ctx: ViewContext = { now: clock.now, nodeIP: () => this.nodeIPs.values().next().value };
    const batch: FeedBatch = { reset: this.needReset, clock, upserts: [], deletes: [] };
    if (this.needReset) {
      this.views.clear();
      for (const [uid, o] of this.objects) {
        const v = viewOf(o, ctx);
        if (v) this.views.set(uid, v);
      }
      batch.upserts = [...this.views.values()];
    } else {
      for (const [uid, o] of this.dirty) {
        if (o === null) {
          if (this.views.delete(uid)) batch.deletes.push(uid);
          continue;
        }
        const v = viewOf(o, ctx);
        if (!v) continue;
        this.views.set(uid, v);
        batch.upserts.push(v);
      }
    }
    Object.assign(batch, this.extras);
    this.extras = {};
    this.dirty = new Map();
    this.needReset = false;
    this.stateChanged = false;
    this.clockMoved = false;
    const now = this.time.wallNow();
    this.lastFlush = now;
    this.lastClock = now;
    this.push(batch);
    if (objectsChanged) this.onObjectsChanged();
  }
}

function objIP(o: KObject): string | undefined {
  const addrs = (o.status as { addresses?: { type?: string; address?: string }[] } | undefined)?.addresses ?? [];
  return addrs.find((a) => a.type === 'InternalIP')?.address;
}
