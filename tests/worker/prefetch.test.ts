// The host's idle-time prefetch loads what the first answer did not need: the YAML reader (checked
// here in a module graph where nothing else loaded it) and the lazily run kubectl commands.

import { describe, expect, it } from 'vitest';
import { parseYamlBody } from '../../src/engine/codec/yaml-reader';
import { PlaygroundHost } from '../../src/worker/host';
import { FakeTime } from './fake-env';

describe('PlaygroundHost.prefetch', () => {
  it('loads the YAML reader', async () => {
    const time = new FakeTime();
    const host = new PlaygroundHost({ wallNow: () => time.wallNow(), schedule: (fn, ms) => time.schedule(fn, ms), lessons: [] });
    expect(() => parseYamlBody('a: 1')).toThrow(/before the YAML reader was loaded/);
    await host.prefetch();
    expect(parseYamlBody('a: [1, "2"]')).toEqual({ ok: true, docs: [{ a: [1, '2'] }] });
    host.dispose();
  });
});
