// SPDY/3 wire format: frame encoding and parsing, the uncompressed name/value header block, and
// SPDY/3's zlib dictionary. The session (streams, compression contexts) is in spdy.ts.

export const TYPE_SYN_STREAM = 1;
export const TYPE_SYN_REPLY = 2;
export const TYPE_RST_STREAM = 3;
export const TYPE_SETTINGS = 4;
export const TYPE_PING = 6;
export const TYPE_GOAWAY = 7;
export const TYPE_HEADERS = 8;
export const TYPE_WINDOW_UPDATE = 9;
export const FLAG_FIN = 0x01;
/** RST_STREAM status codes used here. */
export const RST_PROTOCOL_ERROR = 1;
export const RST_CANCEL = 5;

/** Largest frame accepted (24-bit length field; far above what port-forward sends). */
const MAX_FRAME = 0xffffff;

// SPDY/3's zlib dictionary (draft-mbelshe-httpbis-spdy-00 2.6.10.1): length-prefixed header
// words, then a run of plain text. Built here rather than spelled out byte by byte.
const DICT_WORDS = (
  'options head post put delete trace accept accept-charset accept-encoding accept-language accept-ranges age allow ' +
  'authorization cache-control connection content-base content-encoding content-language content-length content-location ' +
  'content-md5 content-range content-type date etag expect expires from host if-match if-modified-since if-none-match ' +
  'if-range if-unmodified-since last-modified location max-forwards pragma proxy-authenticate proxy-authorization range ' +
  'referer retry-after server te trailer transfer-encoding upgrade user-agent vary via warning www-authenticate method get ' +
  'status 200_OK version HTTP/1.1 url public set-cookie keep-alive origin'
)
  .split(' ')
  .map((w) => w.replace('_', ' '));
const DICT_TAIL =
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505' +
  '203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized' +
  '403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service Unavailable' +
  'Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMT' +
  'chunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,text/javascript,' +
  'publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

/** The SPDY/3 header compression dictionary (1423 bytes). */
export const SPDY3_DICTIONARY: Buffer = Buffer.concat([
  ...DICT_WORDS.map((w) => {
    const b = Buffer.alloc(4 + w.length);
    b.writeUInt32BE(w.length);
    b.write(w, 4, 'latin1');
    return b;
  }),
  Buffer.from(DICT_TAIL, 'latin1'),
]);

/** One parsed frame: a data frame for a stream, or a control frame with its raw payload. */
export type SpdyFrame =
  | { control: false; streamId: number; flags: number; data: Buffer }
  | { control: true; version: number; type: number; flags: number; payload: Buffer };

/** Parses as many whole frames as `buf` holds; returns them and the bytes left over. */
export function parseSpdyFrames(buf: Buffer): { frames: SpdyFrame[]; rest: Buffer; error?: string } {
  const frames: SpdyFrame[] = [];
  let off = 0;
  while (buf.length - off >= 8) {
    const w0 = buf.readUInt32BE(off);
    const flags = buf[off + 4];
    const len = buf.readUIntBE(off + 5, 3);
    if (len > MAX_FRAME) return { frames, rest: Buffer.alloc(0), error: 'frame too large' };
    if (buf.length - off - 8 < len) break;
    const body = Buffer.from(buf.subarray(off + 8, off + 8 + len));
    if (w0 & 0x80000000) frames.push({ control: true, version: (w0 >>> 16) & 0x7fff, type: w0 & 0xffff, flags, payload: body });
    else frames.push({ control: false, streamId: w0 & 0x7fffffff, flags, data: body });
    off += 8 + len;
  }
  return { frames, rest: buf.subarray(off) };
}

/** Encodes a SPDY/3 control frame. */
export function encodeControl(type: number, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE((0x8000 | 3) * 0x10000 + type);
  head[4] = flags;
  head.writeUIntBE(payload.length, 5, 3);
  return Buffer.concat([head, payload]);
}

/** Encodes a data frame. */
export function encodeData(streamId: number, flags: number, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(streamId & 0x7fffffff);
  head[4] = flags;
  head.writeUIntBE(data.length, 5, 3);
  return Buffer.concat([head, data]);
}

/** Header names/values as SPDY/3 carries them (names lowercase; several values NUL-joined). */
export type SpdyHeaders = Record<string, string[]>;

/** The uncompressed name/value block. */
export function encodeHeaderBlock(headers: SpdyHeaders): Buffer {
  const parts: Buffer[] = [];
  const u32 = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const entries = Object.entries(headers);
  parts.push(u32(entries.length));
  for (const [name, values] of entries) {
    const n = Buffer.from(name.toLowerCase());
    const v = Buffer.from(values.join('\0'));
    parts.push(u32(n.length), n, u32(v.length), v);
  }
  return Buffer.concat(parts);
}

/** Reads an uncompressed name/value block; throws on a truncated one. */
export function decodeHeaderBlock(buf: Buffer): SpdyHeaders {
  let off = 0;
  const u32 = (): number => {
    if (off + 4 > buf.length) throw new Error('truncated header block');
    const n = buf.readUInt32BE(off);
    off += 4;
    return n;
  };
  const str = (): string => {
    const n = u32();
    if (off + n > buf.length) throw new Error('truncated header block');
    const s = buf.toString('utf8', off, off + n);
    off += n;
    return s;
  };
  const out: SpdyHeaders = {};
  for (let count = u32(); count > 0; count--) {
    const name = str().toLowerCase();
    (out[name] ??= []).push(...str().split('\0'));
  }
  return out;
}
