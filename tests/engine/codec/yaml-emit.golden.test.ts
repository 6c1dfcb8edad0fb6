// Checks toGoYaml against goldens captured from the real kubectl v1.32.4 (see capture/capture-emit.mjs).
import { describe, expect, it } from 'vitest';
import { toGoYaml } from '../../../src/engine/codec/yaml-emit';
import { EMIT_GOLDENS } from './emit-goldens';

describe('toGoYaml matches kubectl -o yaml', () => {
  it.each(EMIT_GOLDENS.map((g, i) => ({ i, input: g.input, want: g.yaml })))('case $i', ({ input, want }) => {
    if (want.startsWith('error: ')) {
      expect(() => toGoYaml({ v: input })).toThrow(want.slice('error: '.length));
    } else {
      expect(toGoYaml({ v: input })).toBe(want);
    }
  });
});
