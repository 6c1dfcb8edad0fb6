import { describe, expect, it } from 'vitest';
import { Store, type StoredEvent } from '../../../src/engine/store/store';
import { StoreError } from '../../../src/engine/store/errors';
import type { KObject } from '../../../src/engine/api/types';

const obj = (name: string, ns = 'default', extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: ns },
  ...extra,
});

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e.code;
    throw e;
  }
  return 'ok';
}

describe('Store', () => {
  it('assigns increasing resource versions as strings and freezes what it stores', () => {
    const s = new Store();
    const a = s.create('configmaps', obj('a'));
    const b = s.create('configmaps', obj('b'));
    expect(a.metadata.resourceVersion).toBe('1');
    expect(b.metadata.resourceVersion).toBe('2');
    expect(Object.isFrozen(a.metadata)).toBe(true);
    expect(s.currentRV()).toBe(2);
  });

  it('refuses a second create of a name and an update with a stale version', () => {
    const s = new Store();
    const a = s.create('configmaps', obj('a'));
    expect(code(() => s.create('configmaps', obj('a')))).toBe('AlreadyExists');
    s.create('configmaps', obj('a', 'other'));
    const a2 = s.update('configmaps', { ...a, data: { x: '1' } });
    expect(a2.metadata.resourceVersion).toBe('3');
    expect(code(() => s.update('configmaps', { ...a, data: { x: '2' } }))).toBe('Conflict');
    expect(code(() => s.update('configmaps', obj('zzz')))).toBe('NotFound');
    expect(code(() => s.delete('configmaps', 'default', 'a', { uid: 'nope' }))).toBe('Conflict');
  });

  it('lists by namespace then name with the list resource version', () => {
    const s = new Store();
    for (const [n, ns] of [['b', 'x'], ['a', 'y'], ['c', 'x'], ['a', 'x']]) s.create('configmaps', obj(n, ns));
    const all = s.list('configmaps');
    expect(all.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['x/a', 'x/b', 'x/c', 'y/a']);
    expect(all.resourceVersion).toBe(4);
    expect(s.list('configmaps', 'y').items).toHaveLength(1);
    expect(s.list('secrets').items).toEqual([]);
  });

  it('does not write when guaranteedUpdate returns the object unchanged', () => {
    const s = new Store();
    s.create('configmaps', obj('a'));
    const same = s.guaranteedUpdate('configmaps', 'default', 'a', (cur) => cur);
    expect(same.metadata.resourceVersion).toBe('1');
    const changed = s.guaranteedUpdate('configmaps', 'default', 'a', (cur) => ({ ...cur, data: { k: 'v' } }));
    expect(changed.metadata.resourceVersion).toBe('2');
  });

  it('watches: initial ADDED, then changes in order; DELETED carries the last state', () => {
    const s = new Store();
    s.create('configmaps', obj('a'));
    const seen: string[] = [];
    const w = s.watch('configmaps', {}, (e) => seen.push(`${e.type} ${e.object.metadata.name} ${e.rv}`));
    s.create('configmaps', obj('b'));
    s.update('configmaps', { ...s.get('configmaps', 'default', 'b')!, data: { k: 'v' } });
    const last = s.delete('configmaps', 'default', 'b');
    expect(last.data).toEqual({ k: 'v' });
    s.create('secrets', obj('not-watched'));
    w.stop();
    s.create('configmaps', obj('after-stop'));
    expect(seen).toEqual(['ADDED a 1', 'ADDED b 2', 'MODIFIED b 3', 'DELETED b 4']);
  });

  it('resumes a watch from a resource version and filters by namespace', () => {
    const s = new Store();
    s.create('configmaps', obj('a', 'x'));
    s.create('configmaps', obj('b', 'y'));
    s.create('configmaps', obj('c', 'x'));
    const seen: StoredEvent[] = [];
    s.watch('configmaps', { resourceVersion: 1, namespace: 'x' }, (e) => seen.push(e));
    s.create('configmaps', obj('d', 'x'));
    s.create('configmaps', obj('e', 'y'));
    expect(seen.map((e) => e.object.metadata.name)).toEqual(['c', 'd']);
  });

  it('answers Gone for a resume point older than the bounded history', () => {
    const s = new Store(3);
    for (const n of ['a', 'b', 'c', 'd', 'e']) s.create('configmaps', obj(n));
    expect(code(() => s.watch('configmaps', { resourceVersion: 1 }, () => {}))).toBe('Gone');
    const seen: string[] = [];
    s.watch('configmaps', { resourceVersion: 3 }, (e) => seen.push(e.object.metadata.name!));
    expect(seen).toEqual(['d', 'e']);
  });
});
