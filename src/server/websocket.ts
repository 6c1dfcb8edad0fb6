// A minimal RFC 6455 WebSocket server connection (no extensions): the opening handshake's accept
// key, frame parsing of masked client frames (fragmented messages, ping/pong, close), and
// unmasked server frames. Enough for the channel.k8s.io stream protocols.
import { createHash } from 'node:crypto';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** Largest message accepted from a client (stdin chunks are small). */
export const MAX_WS_MESSAGE_BYTES = 16 * 1024 * 1024;

export const OP_CONT = 0x0;
export const OP_TEXT = 0x1;
export const OP_BINARY = 0x2;
export const OP_CLOSE = 0x8;
export const OP_PING = 0x9;
export const OP_PONG = 0xa;

/** Sec-WebSocket-Accept for a client's Sec-WebSocket-Key. */
export function acceptKey(key: string): string {
  return createHash('sha1').update(key + GUID).digest('base64');
}

/** Encodes one frame (FIN set); `mask` is for clients (tests), servers send unmasked. */
export function encodeFrame(opcode: number, payload: Buffer, mask?: Buffer): Buffer {
  const len = payload.length;
  const head: number[] = [0x80 | opcode];
  const m = mask ? 0x80 : 0;
  if (len < 126) head.push(m | len);
  else if (len < 65536) head.push(m | 126, len >> 8, len & 0xff);
  else {
    head.push(m | 127, 0, 0, 0, 0);
    head.push((len / 2 ** 24) & 0xff, (len >> 16) & 0xff, (len >> 8) & 0xff, len & 0xff);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const body = Buffer.alloc(len);
  for (let i = 0; i < len; i++) body[i] = payload[i] ^ mask[i & 3];
  return Buffer.concat([Buffer.from(head), mask, body]);
}

/** One parsed frame. */
export interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

/** Parses as many whole frames as `buf` holds; returns them and the bytes left over. */
export function parseFrames(buf: Buffer): { frames: Frame[]; rest: Buffer; error?: string } {
  const frames: Frame[] = [];
  let off = 0;
  for (;;) {
    if (buf.length - off < 2) break;
    const b0 = buf[off];
    const b1 = buf[off + 1];
    let len = b1 & 0x7f;
    let p = off + 2;
    if (len === 126) {
      if (buf.length - p < 2) break;
      len = buf.readUInt16BE(p);
      p += 2;
    } else if (len === 127) {
      if (buf.length - p < 8) break;
      const hi = buf.readUInt32BE(p);
      len = hi * 2 ** 32 + buf.readUInt32BE(p + 4);
      p += 8;
    }
    if (len > MAX_WS_MESSAGE_BYTES) return { frames, rest: Buffer.alloc(0), error: 'frame too large' };
    const masked = (b1 & 0x80) !== 0;
    const maskLen = masked ? 4 : 0;
    if (buf.length - p < maskLen + len) break;
    const payload = Buffer.from(buf.subarray(p + maskLen, p + maskLen + len));
    if (masked) {
      const mask = buf.subarray(p, p + 4);
      for (let i = 0; i < len; i++) payload[i] ^= mask[i & 3];
    }
    frames.push({ fin: (b0 & 0x80) !== 0, opcode: b0 & 0x0f, payload });
    off = p + maskLen + len;
  }
  return { frames, rest: buf.subarray(off) };
}

/** A server-side WebSocket over an upgraded socket: whole messages in, frames out. */
export class WsConnection {
  private buf: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private fragOpcode = 0;
  private closed = false;
  private messageCbs: ((opcode: number, data: Buffer) => void)[] = [];
  private closeCbs: (() => void)[] = [];

  constructor(private readonly socket: Duplex) {
    socket.on('data', (d: Buffer) => this.receive(d));
    socket.on('close', () => this.finish(true));
    socket.on('error', () => this.finish(true));
  }

  onMessage(cb: (opcode: number, data: Buffer) => void): void {
    this.messageCbs.push(cb);
  }

  onClose(cb: () => void): void {
    this.closeCbs.push(cb);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  send(data: Buffer, opcode = OP_BINARY): void {
    if (this.closed) return;
    this.socket.write(encodeFrame(opcode, data));
  }

  /** Sends a close frame (normal closure by default) and ends the socket. */
  close(code = 1000): void {
    if (this.closed) return;
    const p = Buffer.alloc(2);
    p.writeUInt16BE(code);
    this.socket.end(encodeFrame(OP_CLOSE, p));
    this.finish(false);
  }

  /** Feeds raw bytes (also used for the bytes that arrived with the upgrade request). */
  receive(d: Buffer): void {
    if (this.closed) return;
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    const { frames, rest, error } = parseFrames(this.buf);
    this.buf = rest;
    if (error) return this.close(1009);
    for (const f of frames) this.frame(f);
  }

  private frame(f: Frame): void {
    if (f.opcode === OP_PING) return this.send(f.payload, OP_PONG);
    if (f.opcode === OP_PONG) return;
    if (f.opcode === OP_CLOSE) return this.close();
    if (f.opcode !== OP_CONT) {
      this.fragOpcode = f.opcode;
      this.fragments = [];
    }
    this.fragments.push(f.payload);
    if (!f.fin) return;
    const data = this.fragments.length === 1 ? this.fragments[0] : Buffer.concat(this.fragments);
    this.fragments = [];
    for (const cb of this.messageCbs) cb(this.fragOpcode, data);
  }

  private finish(destroy: boolean): void {
    if (this.closed) return;
    this.closed = true;
    if (destroy) this.socket.destroy();
    for (const cb of this.closeCbs) cb();
  }
}
