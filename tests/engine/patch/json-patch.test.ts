// JSON patch: the test tables of evanphx/json-patch v4.12 (Cases, BadCases, MutationTestCases,
// TestCases, which include RFC 6902 appendix A), plus the exact error texts and Status the
// apiserver reports.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from '../../../src/engine/patch/json-patch';
import { INVALID_REQUEST_MESSAGE, PatchError } from '../../../src/engine/patch/errors';

const tables = JSON.parse(readFileSync(fileURLToPath(new URL('./testdata/json-patch-cases.json', import.meta.url)), 'utf8')) as {
  Cases: [string, string, string][];
  BadCases: [string, string][];
  MutationTestCases: [string, string][];
  TestCases: [string, string, boolean, string][];
};

describe('upstream Cases', () => {
  for (const [doc, patch, result] of tables.Cases) {
    if (doc.trim() === '') continue; // upstream returns an empty document untouched
    // Upstream compares results as JSON objects, so its root-array expectations are never checked
    // (two of them are wrong); we skip those rows too.
    if (doc.trim().startsWith('[')) continue;
    it(patch.replace(/\s+/g, ' '), () => {
      expect(applyJsonPatch(JSON.parse(doc), JSON.parse(patch))).toEqual(JSON.parse(result));
    });
  }
});

describe('upstream MutationTestCases: the result differs, the input is untouched', () => {
  for (const [doc, patch] of tables.MutationTestCases) {
    it(patch, () => {
      const input = JSON.parse(doc);
      const out = applyJsonPatch(input, JSON.parse(patch));
      expect(out).not.toEqual(JSON.parse(doc));
      expect(input).toEqual(JSON.parse(doc));
    });
  }
});

describe('upstream BadCases', () => {
  for (const [doc, patch] of tables.BadCases) {
    it(patch.replace(/\s+/g, ' '), () => {
      expect(() => applyJsonPatch(JSON.parse(doc), JSON.parse(patch))).toThrow(PatchError);
    });
  }
});

describe('upstream TestCases (the test op)', () => {
  for (const [doc, patch, ok, failedPath] of tables.TestCases) {
    it(patch.replace(/\s+/g, ' '), () => {
      const run = (): unknown => applyJsonPatch(JSON.parse(doc), JSON.parse(patch));
      if (ok) expect(run).not.toThrow();
      else expect(run).toThrow(`testing value ${failedPath} failed: test failed`);
    });
  }
});

const deployment = { metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 1, containers: [{ name: 'a' }, { name: 'b' }] } };

describe('error messages and Status', () => {
  const rows: { name: string; ops: unknown; message: string; code: number }[] = [
    { name: 'replace under a missing parent', ops: [{ op: 'replace', path: '/spec/foo/bar', value: 1 }], message: 'replace operation does not apply: doc is missing path: /spec/foo/bar: missing value', code: 422 },
    { name: 'replace past the end of a list', ops: [{ op: 'replace', path: '/spec/containers/5', value: {} }], message: 'replace operation does not apply: doc is missing key: /spec/containers/5: missing value', code: 422 },
    { name: 'add under a missing parent', ops: [{ op: 'add', path: '/status/x', value: 1 }], message: 'add operation does not apply: doc is missing path: "/status/x": missing value', code: 422 },
    { name: 'add past the end of a list', ops: [{ op: 'add', path: '/spec/containers/3', value: {} }], message: "error in add for path: '/spec/containers/3': Unable to access invalid index: 3: invalid index referenced", code: 422 },
    { name: 'add at a bad index', ops: [{ op: 'add', path: '/spec/containers/x', value: {} }], message: `error in add for path: '/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`, code: 422 },
    { name: 'remove a missing key', ops: [{ op: 'remove', path: '/metadata/labels/nope' }], message: "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value", code: 422 },
    { name: 'remove past the end', ops: [{ op: 'remove', path: '/spec/containers/2' }], message: "error in remove for path: '/spec/containers/2': Unable to access invalid index: 2: invalid index referenced", code: 422 },
    { name: 'remove under a missing parent', ops: [{ op: 'remove', path: '/a/b' }], message: 'remove operation does not apply: doc is missing path: "/a/b": missing value', code: 422 },
    { name: 'move from a missing key', ops: [{ op: 'move', from: '/metadata/nope', path: '/x' }], message: "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value", code: 422 },
    { name: 'move from a missing parent', ops: [{ op: 'move', from: '/a/b', path: '/x' }], message: 'move operation does not apply: doc is missing from path: /a/b: missing value', code: 422 },
    { name: 'copy to a missing parent', ops: [{ op: 'copy', from: '/spec', path: '/a/b' }], message: 'copy operation does not apply: doc is missing destination path: /a/b: missing value', code: 422 },
    { name: 'failed test', ops: [{ op: 'test', path: '/spec/replicas', value: 2 }], message: 'testing value /spec/replicas failed: test failed', code: 422 },
    { name: 'unknown op', ops: [{ op: 'frob', path: '/a' }], message: 'Unexpected kind: frob', code: 422 },
    { name: 'missing op', ops: [{ path: '/a' }], message: 'Unexpected kind: unknown', code: 422 },
    { name: 'add without a path', ops: [{ op: 'add', value: 1 }], message: 'add operation failed to decode path: missing value', code: 422 },
    { name: 'replace without a path', ops: [{ op: 'replace', value: 1 }], message: 'replace operation failed to decode path: operation missing path field: missing value', code: 422 },
    { name: 'replace with a numeric path', ops: [{ op: 'replace', path: 5, value: 1 }], message: 'replace operation failed to decode path: json: cannot unmarshal number into Go value of type string', code: 422 },
    { name: 'patch that is an object', ops: { op: 'add' }, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch', code: 400 },
    { name: 'operation that is a string', ops: ['add'], message: 'json: cannot unmarshal string into Go value of type jsonpatch.Operation', code: 400 },
  ];
  for (const r of rows) {
    it(r.name, () => {
      let err: unknown;
      try {
        applyJsonPatch(deployment, r.ops);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PatchError);
      const pe = err as PatchError;
      expect(pe.message).toBe(r.message);
      expect(pe.code).toBe(r.code);
      expect(pe.statusMessage).toBe(r.code === 422 ? INVALID_REQUEST_MESSAGE : r.message);
      expect(pe.reason).toBe(r.code === 422 ? 'Invalid' : 'BadRequest');
    });
  }

  it('rejects more than 10000 operations with 413', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/spec/replicas', value: 1 }));
    expect(() => applyJsonPatch(deployment, ops)).toThrow('The allowed maximum operations in a JSON patch is 10000, got 10001');
  });
});

describe('v4 behaviours', () => {
  const rows: { name: string; ops: unknown[]; want: unknown }[] = [
    { name: 'replace of a missing object key adds it', ops: [{ op: 'replace', path: '/metadata/labels/tier', value: 'fe' }], want: { app: 'web', tier: 'fe' } },
    { name: 'negative index adds from the end', ops: [{ op: 'add', path: '/metadata/labels/x', value: 1 }, { op: 'remove', path: '/metadata/labels/x' }], want: { app: 'web' } },
    { name: '~1 and ~0 escapes', ops: [{ op: 'add', path: '/metadata/labels/a~1b~0c', value: 'v' }], want: { app: 'web', 'a/b~c': 'v' } },
    { name: 'add without value adds null', ops: [{ op: 'add', path: '/metadata/labels/n' }], want: { app: 'web', n: null } },
    { name: 'copy from a missing key copies null', ops: [{ op: 'copy', from: '/metadata/labels/none', path: '/metadata/labels/c' }], want: { app: 'web', c: null } },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const out = applyJsonPatch(deployment, r.ops) as typeof deployment;
      expect(out.metadata.labels).toEqual(r.want);
    });
  }

  it('add with "-" appends and -1 inserts before the end', () => {
    const out = applyJsonPatch({ a: [1, 2] }, [
      { op: 'add', path: '/a/-', value: 3 },
      { op: 'add', path: '/a/-1', value: 9 },
    ]);
    expect(out).toEqual({ a: [1, 2, 3, 9] });
  });

  it('replace of the root with a scalar is ignored', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: 5 }])).toEqual({ a: 1 });
    expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }])).toEqual({ b: 2 });
  });

  it('test of a missing key against null passes', () => {
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/b', value: null }])).not.toThrow();
  });
});
