// Checks toGoJson(sortKeysDeep(...)) against goldens captured from the real kubectl v1.32.4
// (see capture/capture-emit.mjs): the object read from a file is unstructured, so keys are sorted.
import { describe, expect, it } from 'vitest';
import { toGoJson } from '../../../src/engine/codec/json-emit';
import { EMIT_GOLDENS } from './emit-goldens';

describe('toGoJson matches kubectl -o json', () => {
  it.each(EMIT_GOLDENS.map((g, i) => ({ i, input: g.input, want: g.json })))('case $i', ({ input, want }) => {
    const doc = { v: input, kind: 'ConfigMap', metadata: { name: 'x', labels: { a: 'b' } }, apiVersion: 'v1' };
    const full = `${toGoJson(doc, "    ", { sortKeys: true })}\n`;
    expect(full.slice(full.indexOf('\n    "v": ') + 1)).toBe(want);
  });
});
