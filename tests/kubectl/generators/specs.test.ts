// The command table's generator entries (generators/specs, loaded up front) are exactly the
// generators' own (each builder spreads its entry): same commands, same order, same flags and help.
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../../../src/kubectl/generators/index';
import { GENERATOR_SPECS } from '../../../src/kubectl/generators/specs';

describe('generator specs', () => {
  it('list every generator, in GENERATORS order, with its help and flags', () => {
    expect(GENERATOR_SPECS.length).toBe(GENERATORS.length);
    GENERATORS.forEach((g, i) => {
      const { build, ...entry } = g;
      expect(typeof build).toBe('function');
      expect(GENERATOR_SPECS[i]).toEqual(entry);
    });
  });
});
