// Base64 (RFC 4648, standard and URL alphabets) over UTF-8, without relying on btoa/atob or
// Buffer, so the engine stays free of host APIs.

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 bytes of a string (TextEncoder is a host API, not part of ECMAScript). */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

/** A string from UTF-8 bytes; invalid sequences become U+FFFD as Go and TextDecoder do. */
export function utf8Decode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    let need = 0;
    let cp = 0;
    if (c < 0x80) { out += String.fromCharCode(c); i++; continue; }
    if (c >= 0xc2 && c < 0xe0) { need = 1; cp = c & 31; }
    else if (c >= 0xe0 && c < 0xf0) { need = 2; cp = c & 15; }
    else if (c >= 0xf0 && c < 0xf5) { need = 3; cp = c & 7; }
    else { out += '\ufffd'; i++; continue; }
    let ok = true;
    for (let k = 1; ok && k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (cc & 63);
    }
    if (!ok || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) { out += '\ufffd'; i++; continue; }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

export function encodeBase64(bytes: Uint8Array, url = false): string {
  const alpha = url ? STD.slice(0, 62) + '-_' : STD;
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alpha[n >> 18] + alpha[(n >> 12) & 63] + alpha[(n >> 6) & 63] + alpha[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += alpha[n >> 18] + alpha[(n >> 12) & 63] + (url ? '' : '==');
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += alpha[n >> 18] + alpha[(n >> 12) & 63] + alpha[(n >> 6) & 63] + (url ? '' : '=');
  }
  return out;
}

/** Decodes standard or URL base64; undefined when the text is not valid base64 (as Go's StdEncoding). */
export function decodeBase64(s: string, url = false): Uint8Array | undefined {
  const alpha = url ? STD.slice(0, 62) + '-_' : STD;
  const clean = url ? s.replace(/=+$/, '') : s;
  if (!url && clean.length % 4 !== 0) return undefined;
  const bytes: number[] = [];
  let buf = 0;
  let bits = 0;
  let pad = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === '=') {
      pad++;
      if (i < clean.length - 2) return undefined;
      continue;
    }
    if (pad > 0) return undefined;
    const v = alpha.indexOf(c);
    if (v < 0) return undefined;
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buf >> bits) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

export function base64OfString(s: string): string {
  return encodeBase64(utf8Encode(s));
}
