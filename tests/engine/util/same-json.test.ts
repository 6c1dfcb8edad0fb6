// sameJson decides whether a status write or a save may be skipped: a false "same" would lose data.
import { describe, expect, it } from 'vitest';
import { sameJson } from '../../../src/engine/util/same-json';

describe('sameJson', () => {
  const state = () => ({ seq: 3, recent: [{ key: 'a\u0000b', name: 'web.1', namespace: 'default', at: 10, count: 1 }] });
  it('is true for equal values built apart', () => {
    expect(sameJson(state(), state())).toBe(true);
    expect(sameJson([1, 'x', null, true], [1, 'x', null, true])).toBe(true);
  });
  const changed: [string, unknown][] = [
    ['a bumped count', { ...state(), recent: [{ ...state().recent[0], count: 2 }] }],
    ['a new seq', { ...state(), seq: 4 }],
    ['an extra entry', { ...state(), recent: [...state().recent, state().recent[0]] }],
    ['a missing key', { recent: state().recent }],
    ['an extra key', { ...state(), more: 1 }],
    ['an array for an object', [state()]],
    ['null', null],
  ];
  for (const [name, other] of changed) it(`is false for ${name}`, () => expect(sameJson(state(), other)).toBe(false));
  it('tells entry order apart', () => {
    const two = { seq: 1, recent: [{ key: 'a' }, { key: 'b' }] };
    expect(sameJson(two, { seq: 1, recent: [{ key: 'b' }, { key: 'a' }] })).toBe(false);
  });
});
