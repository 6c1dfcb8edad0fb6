// Controller expectations (pkg/controller/controller_utils.go ControllerExpectations and
// UIDTrackingControllerExpectations): what a controller has asked the apiserver to create or
// delete and not yet seen in its watch, so a sync never acts twice on the same stale view.

/** Expectations older than this are treated as satisfied (upstream's ExpectationsTimeout, 5 min). */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  /** When the expectation was last set (ms), for the timeout. */
  at: number;
  /** Keys (`ns/name`) of pods whose deletion is awaited: each is observed at most once. */
  deleting: Set<string>;
}

/**
 * Per-controller-key counters of pending creates and deletes. A key with no record is
 * satisfied (a new controller syncs at once); a record is satisfied when both counters are <= 0
 * or when it is older than EXPECTATIONS_TIMEOUT_MS (a lost watch event must not wedge it).
 */
export class Expectations {
  private readonly records = new Map<string, Expectation>();

  constructor(private readonly now: () => number) {}

  /** SatisfiedExpectations: whether the controller may act on `key` now. */
  satisfied(key: string): boolean {
    const e = this.records.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.now() - e.at > EXPECTATIONS_TIMEOUT_MS;
  }

  /** ExpectCreations: `n` creates are about to be sent (replaces any earlier record). */
  expectCreations(key: string, n: number): void {
    this.records.set(key, { add: n, del: 0, at: this.now(), deleting: new Set() });
  }

  /** ExpectDeletions (UID-tracking): these pods are about to be deleted. */
  expectDeletions(key: string, podKeys: readonly string[]): void {
    this.records.set(key, { add: 0, del: podKeys.length, at: this.now(), deleting: new Set(podKeys) });
  }

  /** CreationObserved: a pod the controller owns appeared (or a create failed / was skipped). */
  creationObserved(key: string): void {
    const e = this.records.get(key);
    if (e) e.add--;
  }

  /**
   * DeletionObserved: a pod went away or got its deletionTimestamp. Counted once per pod key, so
   * the deletionTimestamp update and the final DELETED event do not lower the counter twice.
   */
  deletionObserved(key: string, podKey: string): void {
    const e = this.records.get(key);
    if (!e || !e.deleting.delete(podKey)) return;
    e.del--;
  }

  /** DeleteExpectations: the controller object is gone. */
  delete(key: string): void {
    this.records.delete(key);
  }

  /** Pending [adds, deletes] for a key (tests and debugging), undefined when none recorded. */
  pending(key: string): [number, number] | undefined {
    const e = this.records.get(key);
    return e ? [e.add, e.del] : undefined;
  }
}
