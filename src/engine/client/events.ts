// The event recorder (client-go tools/record): components report what happened to an object as
// core/v1 Event objects named `<object>.<hex nanoseconds>`, and repeats of the same event
// (same source, object, type, reason and message) within 10 minutes bump `count` and
// `lastTimestamp` instead of creating a new one (the EventCorrelator's aggregation).

import type { ResourceType } from '../api/registry';
import { assignCopy, type KObject } from '../api/types';
import type { Clock } from '../clock';
import { rfc3339 } from '../util/time';
import type { EngineClient } from './client';
import { LruMap } from '../util/lru';

export interface EventSource {
  component: string;
  host?: string;
}

export interface InvolvedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

const AGGREGATION_WINDOW_MS = 10 * 60 * 1000;
/** The correlator remembers this many recent events, least recently seen dropped first (maxLruCacheEntries). */
const MAX_RECENT = 4096;

/** A reference to an object for an event (ObjectReference as GetReference builds it). */
export function refTo(obj: KObject, fieldPath?: string): InvolvedObject {
  const r: InvolvedObject = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name ?? '',
    uid: obj.metadata.uid,
    resourceVersion: obj.metadata.resourceVersion,
  };
  if (obj.metadata.namespace) r.namespace = obj.metadata.namespace;
  if (fieldPath) r.fieldPath = fieldPath;
  return r;
}

const TWO_20 = 1 << 20;

/**
 * (ms * 1e6 + extra) in hex without BigInt (one per event adds up): ms = hi * 2^20 + lo, so the
 * value is (hi * 1e6) * 2^20 + (lo * 1e6 + extra), each part exact in a double (ms < 2^53 / 1e6
 * keeps hi * 1e6 < 2^53; lo * 1e6 + extra < 2^40). Example: ms 1735689600000 (2025-01-01) and
 * extra 1 -> 0x181668... the same digits BigInt's toString(16) gives.
 */
export function nanosHex(ms: number, extra: number): string {
  let hi = Math.floor(ms / TWO_20) * 1_000_000;
  let lo = (ms % TWO_20) * 1_000_000 + extra;
  const carry = Math.floor(lo / TWO_20);
  hi += carry;
  lo -= carry * TWO_20;
  if (hi === 0) return lo.toString(16);
  return hi.toString(16) + lo.toString(16).padStart(5, '0');
}

/** What the recorder remembers between events (JSON-safe). */
export interface RecorderState {
  seq: number;
  recent: { key: string; name: string; namespace: string; at: number; count: number }[];
}

export class EventRecorder {
  private seq = 0;
  /** aggregation key -> [event name, namespace, last time ms], in least-recently-seen order (an LRU). */
  private recent = new LruMap<{ name: string; namespace: string; at: number; count: number }>();

  constructor(
    private readonly client: EngineClient,
    private readonly clock: Clock,
    private readonly eventType: ResourceType,
  ) {}

  /** The correlator's memory, for a cluster snapshot (a reload keeps aggregating, and names stay unique). */
  state(): RecorderState {
    return { seq: this.seq, recent: this.recent.entries().map(([key, v]) => ({ key, ...v })) };
  }

  /** Takes back what state() gave (a restored cluster). */
  restore(s: RecorderState): void {
    this.seq = s.seq;
    this.recent = new LruMap();
    for (const { key, ...v } of s.recent) this.recent.set(key, v);
  }

  /** Records `type` (Normal | Warning) `reason` with `message` about `obj`, from `source`. */
  record(source: EventSource, obj: KObject | InvolvedObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const own = 'metadata' in obj;
    const ref: InvolvedObject = own ? refTo(obj as KObject) : (obj as InvolvedObject);
    const namespace = ref.namespace || 'default';
    const now = this.clock.now();
    const key = [source.component, source.host ?? '', ref.kind, ref.namespace ?? '', ref.name, ref.uid ?? '', ref.fieldPath ?? '', type, reason, message].join('\u0000');
    const prev = this.recent.get(key);
    if (prev && now - prev.at <= AGGREGATION_WINDOW_MS) {
      // Most recently seen goes last.
      this.recent.set(key, prev);
      prev.at = now;
      prev.count++;
      try {
        this.client.patch(this.eventType, prev.namespace, prev.name, { count: prev.count, lastTimestamp: rfc3339(now) });
        return;
      } catch {
        // The event expired or was deleted: record a fresh one below.
      }
    }
    const name = `${ref.name}.${nanosHex(now, this.seq++ % 1_000_000)}`;
    const stamp = rfc3339(now);
    const event: KObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      // A reference built here is the event's own; a caller's is copied (the store freezes it).
      involvedObject: own ? ref : assignCopy(ref),
      reason,
      message,
      source: assignCopy(source),
      firstTimestamp: stamp,
      lastTimestamp: stamp,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    try {
      // The event is built fresh above (its parts copied): handed over, not copied again.
      this.client.create(this.eventType, event, true);
      this.recent.set(key, { name, namespace, at: now, count: 1 });
      if (this.recent.size > MAX_RECENT) this.recent.dropOldest();
    } catch {
      // Events are best effort, as upstream: a refused event never fails the caller.
    }
  }
}
