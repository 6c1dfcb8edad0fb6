// An insertion-ordered map with O(1) "move to newest" and "drop oldest" (a hash map plus a
// doubly linked list). A plain Map used as an LRU (delete + set to touch, keys().next() to find
// the oldest) slows down as deleted slots pile up at the front: its iterator skips each of them.

interface Entry<V> {
  key: string;
  value: V;
  prev: Entry<V> | undefined;
  next: Entry<V> | undefined;
}

export class LruMap<V> {
  private readonly map = new Map<string, Entry<V>>();
  private oldest: Entry<V> | undefined;
  private newest: Entry<V> | undefined;

  get size(): number {
    return this.map.size;
  }

  /** The value for `key`, without changing its place. */
  get(key: string): V | undefined {
    return this.map.get(key)?.value;
  }

  /** Sets `key` to `value` and makes it the newest (what `delete(key); set(key, value)` does on a Map). */
  set(key: string, value: V): void {
    let e = this.map.get(key);
    if (e) {
      e.value = value;
      this.unlink(e);
    } else {
      e = { key, value, prev: undefined, next: undefined };
      this.map.set(key, e);
    }
    e.prev = this.newest;
    if (this.newest) this.newest.next = e;
    else this.oldest = e;
    this.newest = e;
  }

  delete(key: string): boolean {
    const e = this.map.get(key);
    if (!e) return false;
    this.map.delete(key);
    this.unlink(e);
    return true;
  }

  /** Removes the oldest entry (no-op when empty). */
  dropOldest(): void {
    // The entry is at hand: one hash lookup (the delete), not a get before it as well.
    const e = this.oldest;
    if (!e) return;
    this.map.delete(e.key);
    this.unlink(e);
  }

  /** Entries from oldest to newest. */
  entries(): [string, V][] {
    const out: [string, V][] = [];
    for (let e = this.oldest; e; e = e.next) out.push([e.key, e.value]);
    return out;
  }

  private unlink(e: Entry<V>): void {
    if (e.prev) e.prev.next = e.next;
    else this.oldest = e.next;
    if (e.next) e.next.prev = e.prev;
    else this.newest = e.prev;
    e.prev = e.next = undefined;
  }
}
