// The JSON object helpers of api/types: assignCopy is a spread copy built by assignment.

import { describe, expect, it } from 'vitest';
import { assignCopy, deepFreeze } from '../../../src/engine/api/types';

describe('assignCopy', () => {
  it('copies the own fields in order, as { ...o } does, shallowly', () => {
    const inner = { a: 1 };
    const o = { kind: 'Pod', metadata: inner, z: undefined, '2': 'two', b: null };
    const c = assignCopy(o);
    expect(c).not.toBe(o);
    expect(c.metadata).toBe(inner);
    expect(Object.keys(c)).toEqual(Object.keys({ ...o }));
    expect(JSON.stringify(c)).toBe(JSON.stringify({ ...o }));
    expect('z' in c).toBe(true);
  });

  it('copies a frozen object into a writable one, leaving out inherited fields', () => {
    const proto = { inherited: true };
    const o = deepFreeze(Object.assign(Object.create(proto) as Record<string, unknown>, { a: 1 }));
    const c = assignCopy(o);
    c.b = 2;
    expect(c).toEqual({ a: 1, b: 2 });
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
  });
});
