// newUid draws its 33 digits straight from the PRNG's 32-bit output (u >>> 28 is intn(16)); the
// uids must stay exactly those of the digit-by-digit reference below (same seed -> same bytes).

import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/engine/clock';
import { newUid } from '../../../src/engine/apiserver/meta';

function referenceUid(random: Random): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[random.intn(16)];
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[random.intn(4)]}${hex(3)}-${hex(12)}`;
}

describe('newUid', () => {
  it('draws the same uids as the digit-by-digit reference', () => {
    for (const seed of [1, 42, 0xdeadbeef]) {
      const a = new Random(seed);
      const b = new Random(seed);
      for (let i = 0; i < 2000; i++) expect(newUid(a)).toBe(referenceUid(b));
      expect(a.state()).toEqual(b.state());
    }
  });
});
