// The pod-template-hash (pkg/controller/controller_utils.go ComputeHash): FNV-32a over the pod
// template plus the collision count, printed in decimal and mapped through rand.SafeEncodeString.
//
// Known difference: upstream hashes Go's spew dump of the typed PodTemplateSpec struct
// (hashutil.DeepHashObject), which needs every Go field, type name and zero value of the v1
// types. Here the template's canonical JSON (keys sorted, recursively) is hashed instead, so the
// names differ from a real cluster's but are stable, deterministic and change exactly when the
// template does.

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each byte mapped to alphanums[b % 27] (decimal digits 0-9 -> 4 5 6 7 8 9 b c d f). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** UTF-8 bytes of a string (no TextEncoder in the engine's lib). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** A running FNV-32a (hash/fnv New32a). */
export class Fnv32a {
  private h = 0x811c9dc5;

  write(bytes: readonly number[]): this {
    for (const b of bytes) {
      this.h ^= b & 0xff;
      this.h = Math.imul(this.h, 0x01000193) >>> 0;
    }
    return this;
  }

  sum32(): number {
    return this.h >>> 0;
  }
}

/** JSON with object keys sorted at every level: the same template always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/**
 * ComputeHash(template, collisionCount): when a collision count is set, its value is written
 * as 8 bytes, little-endian uint32 then 4 zero bytes (upstream allocates 8 and fills 4).
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  const h = new Fnv32a().write(utf8Bytes(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const c = collisionCount >>> 0;
    h.write([c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff, 0, 0, 0, 0]);
  }
  return safeEncodeString(String(h.sum32()));
}
