// Checks parseManifestStream against goldens captured from the real kubectl v1.32.4
// (see capture/capture-parse.mjs): the documents kubectl read, or its parse error text.
import { describe, expect, it } from 'vitest';
import { parseManifestStream } from '../../../src/engine/codec/yaml-parse';
import { PARSE_GOLDENS } from './parse-goldens';

const usable = PARSE_GOLDENS.filter((g) => g.docs !== undefined || (g.error !== undefined && !g.error.startsWith('error: ')));

describe('parseManifestStream matches kubectl', () => {
  it.each(usable.map((g, i) => ({ i, name: g.name ?? g.text.slice(g.text.indexOf('v:')), g })))('$i $name', ({ g }) => {
    const got = parseManifestStream(g.text);
    if (g.docs !== undefined) {
      expect(got).toEqual({ ok: true, docs: g.docs });
    } else {
      expect(got).toEqual({ ok: false, error: g.error });
    }
  });
});
