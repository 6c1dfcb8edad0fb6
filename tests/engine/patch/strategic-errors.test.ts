// Strategic merge patch failures: upstream's error texts and the Status codes the apiserver
// gives them (interpretStrategicMergePatchError).

import { describe, expect, it } from 'vitest';
import { PatchError } from '../../../src/engine/patch/errors';
import { patchMetaFor } from '../../../src/engine/patch/patch-meta';
import { applyStrategicMergePatch } from '../../../src/engine/patch/strategic';

const meta = patchMetaFor('apps/v1', 'Deployment');
// Directives only act where the live object has the field, so the document carries them all.
const doc = {
  spec: {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    template: { metadata: { finalizers: ['f'] }, spec: { containers: [{ name: 'a', image: 'x' }] } },
  },
};
const podSpec = (v: unknown) => ({ spec: { template: { spec: v } } });

describe('strategic merge patch errors', () => {
  const rows: { name: string; patch: unknown; message: string; code: number }[] = [
    { name: 'unknown $patch in a map', patch: podSpec({ $patch: 'frob' }), message: 'unknown patch type: frob in map: map[$patch:frob]', code: 500 },
    { name: 'list item without its merge key', patch: podSpec({ containers: [{ image: 'y' }] }), message: 'map: map[image:y] does not contain declared merge key: name', code: 500 },
    { name: '$patch: merge in a list', patch: podSpec({ containers: [{ name: 'a', $patch: 'merge' }] }), message: 'merging lists cannot yet be specified in the patch', code: 500 },
    { name: '$retainKeys that is not a list', patch: { spec: { strategy: { $retainKeys: 'type', type: 'Recreate' } } }, message: 'invalid patch format of retainKeys', code: 400 },
    { name: 'patch key missing from $retainKeys', patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: {} } } }, message: 'invalid patch format of retainKeys', code: 400 },
    { name: 'bad $setElementOrder prefix', patch: podSpec({ '$setElementOrderX/containers': [] }), message: 'invalid patch format of setElementOrder list', code: 400 },
    { name: '$setElementOrder not matching the patch', patch: podSpec({ '$setElementOrder/containers': [{ name: 'b' }], containers: [{ name: 'a', image: 'z' }] }), message: "The order in patch list:\n[map[image:z name:a]]\n doesn't match $setElementOrder list:\n[map[name:b]]\n", code: 500 },
    // Upstream compares element types first, so a nested list next to strings is a type mismatch.
    { name: 'mixed element types', patch: { spec: { template: { metadata: { finalizers: [['a']] } } } }, message: 'list element types are not identical: [[f] [[a]]]', code: 500 },
    { name: 'patch that is not an object', patch: [1], message: 'invalid JSON document', code: 400 },
  ];
  for (const r of rows) {
    it(r.name, () => {
      let err: unknown;
      try {
        applyStrategicMergePatch(doc, r.patch, meta);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PatchError);
      expect((err as PatchError).message).toBe(r.message);
      expect((err as PatchError).code).toBe(r.code);
    });
  }

  it('directives: $patch delete on a map, replace on a list, $deleteFromPrimitiveList', () => {
    const d = { metadata: { finalizers: ['a', 'b', 'c'], labels: { x: '1' } }, spec: { template: { spec: { containers: [{ name: 'a' }, { name: 'b' }] } } } };
    const out = applyStrategicMergePatch(
      d,
      {
        metadata: { labels: { $patch: 'delete' }, '$deleteFromPrimitiveList/finalizers': ['b'] },
        spec: { template: { spec: { containers: [{ name: 'c' }, { $patch: 'replace' }] } } },
      },
      meta,
    );
    expect(out).toEqual({ metadata: { finalizers: ['a', 'c'], labels: {} }, spec: { template: { spec: { containers: [{ name: 'c' }] } } } });
    expect(d.metadata.finalizers).toEqual(['a', 'b', 'c']);
  });
});
