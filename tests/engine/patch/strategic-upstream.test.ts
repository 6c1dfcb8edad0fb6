// The strategicpatch test tables of apimachinery (patch_test.go), run against our port: two-way
// and three-way patch creation, and applying each patch, on the MergeItem test schema.

import { describe, expect, it } from 'vitest';
import { PatchError } from '../../../src/engine/patch/errors';
import {
  applyStrategicMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
} from '../../../src/engine/patch/strategic';
import { canonical, loadYaml, mergeItemMeta as meta, sortMergeLists, y } from './smp-helpers';

interface Case {
  description: string;
  original?: unknown;
  twoWay?: unknown;
  modified?: unknown;
  current?: unknown;
  threeWay?: unknown;
  result?: unknown;
  twoWayResult?: unknown;
  expectedError?: string;
}

const sorted = (v: unknown): string => canonical(sortMergeLists(v ?? null, meta));

describe('createStrategicMergePatchTestCaseData (lists compared sorted)', () => {
  const { testCases } = loadYaml('smp-create-cases.yaml') as { testCases: Case[] };
  it('loads the table', () => expect(testCases.length).toBe(22));
  for (const c of testCases) {
    const original = sortMergeLists(c.original ?? {}, meta);
    const modified = sortMergeLists(c.modified ?? {}, meta);
    it(`${c.description} / two-way`, () => {
      const patch = createTwoWayMergePatch(original, modified, meta);
      expect(canonical(patch)).toBe(sorted(c.twoWay ?? {}));
      const result = applyStrategicMergePatch(original, patch, meta);
      expect(canonical(result)).toBe(sorted(c.twoWayResult ?? c.modified ?? {}));
    });
    it(`${c.description} / three-way`, () => {
      const current = sortMergeLists(c.current ?? {}, meta);
      let patch: unknown;
      try {
        patch = createThreeWayMergePatch(original, modified, current, meta, false);
        expect(c.description).not.toContain('conflict');
      } catch (e) {
        expect(e).toBeInstanceOf(PatchError);
        expect((e as PatchError).kind).toBe('conflict');
        expect(c.description).toContain('conflict');
        if (c.result === undefined) return;
        patch = createThreeWayMergePatch(original, modified, current, meta, true);
      }
      expect(canonical(patch)).toBe(sorted(c.threeWay ?? {}));
      expect(canonical(applyStrategicMergePatch(current, patch, meta))).toBe(sorted(c.result));
    });
  }
});

describe('customStrategicMergePatchTestCaseData (apply only)', () => {
  const { testCases } = loadYaml('smp-custom-cases.yaml') as { testCases: Case[] };
  for (const c of testCases) {
    it(c.description, () => {
      const original = sortMergeLists(c.original ?? {}, meta);
      const result = applyStrategicMergePatch(original, sortMergeLists(c.twoWay ?? {}, meta), meta);
      expect(canonical(result)).toBe(sorted(c.twoWayResult ?? c.modified ?? {}));
    });
  }
});

type RawCase = Record<string, string>;
const raw = loadYaml('smp-raw-cases.yaml') as Record<'rawCases' | 'customRawCases' | 'rawExtensionCases', RawCase[]>;

function checkApply(original: unknown, patch: unknown, want: unknown, expectedError: string | undefined): void {
  if (expectedError) {
    expect(() => applyStrategicMergePatch(original, patch, meta)).toThrow(expectedError);
    return;
  }
  expect(canonical(applyStrategicMergePatch(original, patch, meta))).toBe(canonical(want));
}

function runRaw(c: RawCase): void {
  const original = y(c.original);
  const modified = y(c.modified);
  it(`${c.description} / two-way`, () => {
    const patch = createTwoWayMergePatch(original, modified, meta);
    expect(canonical(patch)).toBe(canonical(y(c.twoWay)));
    checkApply(original, patch, y(c.twoWayResult ?? c.modified), c.expectedError);
  });
  it(`${c.description} / three-way`, () => {
    const current = y(c.current);
    let patch: unknown;
    try {
      patch = createThreeWayMergePatch(original, modified, current, meta, false);
      expect(c.description).not.toContain('conflict');
    } catch (e) {
      if (!(e instanceof PatchError) || e.kind !== 'conflict') throw e;
      expect(c.description).toContain('conflict');
      if (c.result === undefined) return;
      patch = createThreeWayMergePatch(original, modified, current, meta, true);
    }
    expect(canonical(patch)).toBe(canonical(y(c.threeWay)));
    checkApply(current, patch, y(c.result), c.expectedError);
  });
}

describe('strategicMergePatchRawTestCases (exact list order)', () => {
  it('loads the table', () => expect(raw.rawCases.length).toBe(94));
  for (const c of raw.rawCases) runRaw(c);
});

describe('replaceRawExtensionPatchTestCases', () => {
  for (const c of raw.rawExtensionCases) runRaw(c);
});

describe('customStrategicMergePatchRawTestCases (apply only)', () => {
  for (const c of raw.customRawCases) {
    it(c.description, () => checkApply(y(c.original), y(c.twoWay), y(c.twoWayResult ?? c.modified), c.expectedError));
  }
});
