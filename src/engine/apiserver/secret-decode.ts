// What decoding a Secret body does to `data` upstream: every value is a []byte, so it must be a
// JSON string holding standard base64 (Go's base64.StdEncoding, which skips \r and \n); anything
// else fails the whole request with Go's decoder message.

import type { ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import { badRequest } from './status';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i] as const));
const PAD = 0x3d; // '='
const isNewline = (b: number) => b === 0x0a || b === 0x0d;

/**
 * The byte offset Go's base64.StdEncoding.Decode reports for `s` (as UTF-8 bytes), or -1 when it
 * decodes. Follows decodeQuantum: 4-symbol groups, newlines skipped, `=` only in the last group.
 * Worked examples: "admin" -> 4 (a lone symbol in the last group is reported at its start),
 * "ab=c" -> 2 (one `=` after two symbols needs a second one), "abc=x" -> 4 (trailing garbage).
 */
export function base64ErrorOffset(s: string): number {
  const src = utf8(s);
  let si = 0;
  for (;;) {
    let j = 0;
    while (j < 4) {
      if (si === src.length) {
        if (j === 0) return -1;
        return si - j; // a short final group (padding is required)
      }
      const b = src[si++];
      if (VALUE.has(b)) {
        j++;
        continue;
      }
      if (isNewline(b)) continue;
      if (b !== PAD) return si - 1;
      if (j < 2) return si - 1;
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return src.length;
        if (src[si] !== PAD) return si - 1;
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      return si < src.length ? si : -1;
    }
  }
}

/** UTF-8 bytes of a string (Go indexes the decoded JSON string's bytes); no TextEncoder in the engine's lib. */
function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Go's json message for a non-string where []byte is expected. */
function jsonTypeName(v: unknown): string {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/**
 * Throws the BadRequest upstream answers when a Secret's `data` does not decode, e.g.
 * `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4`.
 * Other kinds pass through.
 */
export function checkSecretData(t: ResourceType, obj: KObject): void {
  if (t.group !== '' || t.kind !== 'Secret') return;
  const data = (obj as { data?: unknown }).data;
  if (data === undefined || data === null || typeof data !== 'object' || Array.isArray(data)) return;
  const prefix = `${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: `;
  for (const v of Object.values(data as Record<string, unknown>)) {
    if (v === null) continue;
    if (typeof v !== 'string') throw badRequest(`${prefix}json: cannot unmarshal ${jsonTypeName(v)} into Go struct field Secret.data of type []uint8`);
    const at = base64ErrorOffset(v);
    if (at >= 0) throw badRequest(`${prefix}illegal base64 data at input byte ${at}`);
  }
}
