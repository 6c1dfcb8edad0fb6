// The order go-yaml v2 sorts string map keys in (keyList.Less): letters after other characters,
// and runs of digits compared by numeric value, so `a2` sorts before `a10`.

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isLetter(cp: number): boolean {
  return LETTER.test(String.fromCodePoint(cp));
}
function isDigit(cp: number): boolean {
  return (cp >= 48 && cp <= 57) || (cp > 127 && DIGIT.test(String.fromCodePoint(cp)));
}

function toRunes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

/** go-yaml v2 keyList.Less for two string keys. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = toRunes(a);
  const br = toRunes(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 48 || br[i] === 48) {
      // A zero inside a number that already has a non-zero digit counts as a digit, not padding.
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 48) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    // Go accumulates in int64 (rune - '0', even for non-ASCII digits), so long runs wrap around.
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai] - 48));
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi] - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/** Compare function for Array.prototype.sort giving go-yaml v2's key order. */
export function compareGoYamlKeys(a: string, b: string): number {
  if (goYamlKeyLess(a, b)) return -1;
  if (goYamlKeyLess(b, a)) return 1;
  return 0;
}
