// LruMap keeps a Map-as-LRU's order exactly (touch = delete + set, drop the first key), which the
// event correlator's aggregation and the scheduler's explanations depend on.
import { describe, expect, it } from 'vitest';
import { LruMap } from '../../../src/engine/util/lru';

describe('LruMap', () => {
  it('orders like a Map used with delete + set, and drops the oldest', () => {
    const lru = new LruMap<number>();
    const ref = new Map<string, number>();
    // A deterministic mix of touches, inserts, deletes and evictions over 50 keys, capped at 20.
    let x = 7;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const key = `k${x % 50}`;
      if (x % 11 === 0) {
        expect(lru.delete(key)).toBe(ref.delete(key));
      } else {
        lru.set(key, i);
        ref.delete(key);
        ref.set(key, i);
        if (ref.size > 20) {
          ref.delete(ref.keys().next().value as string);
          lru.dropOldest();
        }
      }
      expect(lru.size).toBe(ref.size);
    }
    expect(lru.entries()).toEqual([...ref]);
    for (const [k, v] of ref) expect(lru.get(k)).toBe(v);
    expect(lru.get('absent')).toBeUndefined();
  });

  it('empties cleanly and can be refilled', () => {
    const lru = new LruMap<string>();
    lru.set('a', '1');
    lru.dropOldest();
    lru.dropOldest();
    expect(lru.size).toBe(0);
    expect(lru.entries()).toEqual([]);
    lru.set('b', '2');
    lru.set('c', '3');
    lru.set('b', '4');
    expect(lru.entries()).toEqual([['c', '3'], ['b', '4']]);
  });
});
