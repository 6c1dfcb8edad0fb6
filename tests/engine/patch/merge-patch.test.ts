// JSON merge patch: RFC 7386 appendix A, evanphx v4 specifics, CreateMergePatch and the
// three-way JSON merge patch kubectl apply uses for custom resources.

import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch, createThreeWayJsonMergePatch } from '../../../src/engine/patch/merge-patch';
import { requireKeyUnchanged, requireMetadataKeyUnchanged } from '../../../src/engine/patch/conflicts';
import { PatchError } from '../../../src/engine/patch/errors';

describe('applyMergePatch: RFC 7386 appendix A', () => {
  const rows: { doc: unknown; patch: unknown; want: unknown }[] = [
    { doc: { a: 'b' }, patch: { a: 'c' }, want: { a: 'c' } },
    { doc: { a: 'b' }, patch: { b: 'c' }, want: { a: 'b', b: 'c' } },
    { doc: { a: 'b' }, patch: { a: null }, want: {} },
    { doc: { a: 'b', b: 'c' }, patch: { a: null }, want: { b: 'c' } },
    { doc: { a: ['b'] }, patch: { a: 'c' }, want: { a: 'c' } },
    { doc: { a: 'c' }, patch: { a: ['b'] }, want: { a: ['b'] } },
    { doc: { a: { b: 'c' } }, patch: { a: { b: 'd', c: null } }, want: { a: { b: 'd' } } },
    { doc: { a: [{ b: 'c' }] }, patch: { a: [1] }, want: { a: [1] } },
    { doc: ['a', 'b'], patch: ['c', 'd'], want: ['c', 'd'] },
    { doc: { a: 'b' }, patch: ['c'], want: ['c'] },
    { doc: { e: null }, patch: { a: 1 }, want: { e: null, a: 1 } },
    { doc: [1, 2], patch: { a: 'b', c: null }, want: { a: 'b' } },
    { doc: {}, patch: { a: { bb: { ccc: null } } }, want: { a: { bb: {} } } },
  ];
  for (const r of rows) {
    it(`${JSON.stringify(r.doc)} + ${JSON.stringify(r.patch)}`, () => {
      expect(applyMergePatch(r.doc, r.patch)).toEqual(r.want);
    });
  }
});

describe('applyMergePatch: evanphx v4 specifics', () => {
  const rows: { name: string; doc: unknown; patch: unknown; want: unknown }[] = [
    { name: 'a null member is replaced, nested nulls pruned', doc: { a: null }, patch: { a: { b: 1, c: null } }, want: { a: { b: 1 } } },
    { name: 'nulls inside list items are pruned', doc: {}, patch: { l: [{ a: null, b: 1 }, null] }, want: { l: [{ b: 1 }, null] } },
    { name: 'a scalar replaced by an object loses its nulls', doc: { a: 1 }, patch: { a: { x: null, y: 2 } }, want: { a: { y: 2 } } },
    { name: 'deep merge keeps siblings', doc: { s: { r: 1, t: { i: 'a' } } }, patch: { s: { t: { i: 'b' } } }, want: { s: { r: 1, t: { i: 'b' } } } },
  ];
  for (const r of rows) it(r.name, () => expect(applyMergePatch(r.doc, r.patch)).toEqual(r.want));

  it('a null or scalar patch is "Invalid JSON Patch" (400)', () => {
    for (const p of [null, 'bar', 3]) {
      let err: unknown;
      try {
        applyMergePatch({ a: 1 }, p);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PatchError);
      expect((err as PatchError).message).toBe('Invalid JSON Patch');
      expect((err as PatchError).code).toBe(400);
    }
  });

  it('does not modify its inputs', () => {
    const doc = { a: { b: 1 } };
    const patch = { a: { b: null, c: 2 } };
    applyMergePatch(doc, patch);
    expect(doc).toEqual({ a: { b: 1 } });
    expect(patch).toEqual({ a: { b: null, c: 2 } });
  });
});

describe('createMergePatch', () => {
  const rows: { o: unknown; m: unknown; want: unknown }[] = [
    { o: { a: 1 }, m: { a: 1 }, want: {} },
    { o: { a: 1 }, m: { a: 2 }, want: { a: 2 } },
    { o: { a: 1, b: 2 }, m: { a: 1 }, want: { b: null } },
    { o: { a: { b: 1, c: 2 } }, m: { a: { b: 1 } }, want: { a: { c: null } } },
    { o: { a: [1, 2] }, m: { a: [1, 2] }, want: {} },
    { o: { a: [1, 2] }, m: { a: [2, 1] }, want: { a: [2, 1] } },
    { o: { a: 'x' }, m: { a: { y: 1 } }, want: { a: { y: 1 } } },
    { o: { a: null }, m: { a: null }, want: {} },
    { o: {}, m: { n: null }, want: { n: null } },
    { o: [{ a: 1 }, { b: 1 }], m: [{ a: 2 }, { b: 1 }], want: [{ a: 2 }, {}] },
  ];
  for (const r of rows) {
    it(`${JSON.stringify(r.o)} -> ${JSON.stringify(r.m)}`, () => {
      const patch = createMergePatch(r.o, r.m);
      expect(patch).toEqual(r.want);
      // Applying the patch gives back `modified`, except where modified holds nulls (they delete).
      if (!Array.isArray(r.o) && !JSON.stringify(r.m).includes('null')) expect(applyMergePatch(r.o, patch)).toEqual(r.m);
    });
  }
  it('mixing a list and an object fails', () => {
    expect(() => createMergePatch([1], { a: 1 })).toThrow('Mismatched JSON Documents');
  });
});

describe('createThreeWayJsonMergePatch (kubectl apply on custom resources)', () => {
  const rows: { name: string; original: Record<string, unknown>; modified: Record<string, unknown>; current: Record<string, unknown>; want: unknown }[] = [
    { name: 'unchanged', original: { a: 1 }, modified: { a: 1 }, current: { a: 1, s: 'live' }, want: {} },
    { name: 'change', original: { a: 1 }, modified: { a: 2 }, current: { a: 1 }, want: { a: 2 } },
    { name: 'field removed from the config is deleted', original: { a: 1, b: 1 }, modified: { a: 1 }, current: { a: 1, b: 1 }, want: { b: null } },
    { name: 'field set by another writer is kept', original: { a: 1 }, modified: { a: 1 }, current: { a: 1, c: 3 }, want: {} },
    { name: 'live drift is reverted', original: { a: 1 }, modified: { a: 1 }, current: { a: 5 }, want: { a: 1 } },
    { name: 'lists are replaced whole', original: { l: [1] }, modified: { l: [1, 2] }, current: { l: [1, 9] }, want: { l: [1, 2] } },
    { name: 'nested deletion and addition', original: { s: { x: 1, y: 1 } }, modified: { s: { y: 1, z: 1 } }, current: { s: { x: 1, y: 1, w: 1 } }, want: { s: { x: null, z: 1 } } },
    { name: 'empty map added', original: {}, modified: { m: {} }, current: {}, want: { m: {} } },
  ];
  for (const r of rows) {
    it(r.name, () => expect(createThreeWayJsonMergePatch(r.original, r.modified, r.current)).toEqual(r.want));
  }
  it('kubectl preconditions: changing the name fails', () => {
    const pre = [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')];
    const call = (): unknown =>
      createThreeWayJsonMergePatch({ metadata: { name: 'a' } }, { metadata: { name: 'b' } }, { metadata: { name: 'a' } }, pre);
    expect(call).toThrow('precondition failed for: map[metadata:map[name:b]]');
    expect(() => call()).toThrow(PatchError);
  });
});
