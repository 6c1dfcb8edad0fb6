// client.create(..., handOver): the server may keep the caller's fresh object instead of copying
// it; what it stores must be exactly what a copying create stores (undefined fields dropped).

import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster';
import type { KObject } from '../../../src/engine/api/types';

const cm = (name: string): KObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', labels: { a: 'b', gone: undefined } }, data: { k: 'v', u: undefined } }) as unknown as KObject;

describe('create with handOver', () => {
  it('stores the same object a copying create stores, and keeps the handed-over one', () => {
    const c = createCluster({ seed: 1, components: [] });
    const t = c.type('', 'ConfigMap');
    const copied = c.client.create(t, cm('x'));
    const body = cm('y');
    const kept = c.client.create(t, body, true);
    expect(kept).toBe(body);
    expect(Object.isFrozen(kept)).toBe(true);
    const strip = (o: KObject) => ({ ...o, metadata: { ...o.metadata, name: '', uid: '', resourceVersion: '' } });
    expect(JSON.stringify(strip(kept))).toBe(JSON.stringify(strip(copied)));
    expect(Object.keys(kept.metadata.labels!)).toEqual(['a']);
    expect(Object.keys(kept.data as object)).toEqual(['k']);
  });

  it('copies as usual when not handed over (the caller keeps its object)', () => {
    const c = createCluster({ seed: 1, components: [] });
    const body = cm('z');
    const stored = c.client.create(c.type('', 'ConfigMap'), body);
    expect(stored).not.toBe(body);
    expect(Object.isFrozen(body)).toBe(false);
  });
});
