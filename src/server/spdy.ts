// A server-side SPDY/3.1 session (what kubectl's port-forward speaks, inside a WebSocket or over a
// raw upgraded socket): per-direction zlib header contexts with SPDY/3's dictionary, streams opened
// by the client (SYN_STREAM answered with SYN_REPLY), PING echo. Wire format in spdy-frames.ts.
import { constants as zc, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import {
  decodeHeaderBlock,
  encodeControl,
  encodeData,
  encodeHeaderBlock,
  FLAG_FIN,
  parseSpdyFrames,
  RST_CANCEL,
  SPDY3_DICTIONARY,
  type SpdyFrame,
  type SpdyHeaders,
  TYPE_GOAWAY,
  TYPE_HEADERS,
  TYPE_PING,
  TYPE_RST_STREAM,
  TYPE_SYN_REPLY,
  TYPE_SYN_STREAM,
} from './spdy-frames';

export * from './spdy-frames';

/**
 * One direction's zlib context: SPDY keeps it for the whole session, each header block ending at
 * a sync flush. Calls are queued, since node's zlib streams answer asynchronously.
 */
class ZContext {
  private queue: Promise<unknown> = Promise.resolve();
  private out: Buffer[] = [];
  constructor(private readonly z: Inflate | Deflate) {
    z.on('data', (c: Buffer) => this.out.push(c));
    z.on('error', () => {});
  }
  run(input: Buffer): Promise<Buffer> {
    const step = this.queue.then(
      () =>
        new Promise<Buffer>((resolve, reject) => {
          this.out = [];
          this.z.once('error', reject);
          this.z.write(input);
          this.z.flush(zc.Z_SYNC_FLUSH, () =>
            // Output pushed during the flush reaches 'data' by the next turn.
            setImmediate(() => {
              this.z.off('error', reject);
              resolve(Buffer.concat(this.out));
            }),
          );
        }),
    );
    this.queue = step.catch(() => {});
    return step;
  }
  close(): void {
    this.z.close();
  }
}

/** A client-opened stream: its headers, incoming data, and the server's writes. */
export class SpdyStream {
  private dataCbs: ((d: Buffer) => void)[] = [];
  private endCbs: (() => void)[] = [];
  /** The client sent FIN (or reset the stream). */
  remoteEnded = false;
  /** We sent FIN or RST. */
  localEnded = false;

  constructor(
    private readonly session: SpdySession,
    readonly id: number,
    readonly headers: SpdyHeaders,
  ) {}

  /** First value of a header (names are matched lowercase). */
  header(name: string): string | undefined {
    return this.headers[name.toLowerCase()]?.[0];
  }
  onData(cb: (d: Buffer) => void): void {
    this.dataCbs.push(cb);
  }
  /** The client half-closed the stream (FIN) or reset it. */
  onEnd(cb: () => void): void {
    if (this.remoteEnded) cb();
    else this.endCbs.push(cb);
  }
  write(data: Buffer | string): void {
    if (this.localEnded) return;
    this.session.sendFrame(encodeData(this.id, 0, Buffer.from(data)));
  }
  /** Half-closes our side (an empty data frame with FIN). */
  end(): void {
    if (this.localEnded) return;
    this.localEnded = true;
    this.session.sendFrame(encodeData(this.id, FLAG_FIN, Buffer.alloc(0)));
  }
  /** Resets the stream (RST_STREAM). */
  reset(status = RST_CANCEL): void {
    if (this.localEnded) return;
    this.localEnded = true;
    this.session.sendRst(this.id, status);
  }
  /** @internal */
  deliver(d: Buffer, fin: boolean): void {
    if (d.length) for (const cb of this.dataCbs) cb(d);
    if (fin) this.remoteEnd();
  }
  /** @internal */
  remoteEnd(): void {
    if (this.remoteEnded) return;
    this.remoteEnded = true;
    for (const cb of this.endCbs.splice(0)) cb();
  }
}

/** The server end of a SPDY/3.1 session over any byte transport. */
export class SpdySession {
  private buf: Buffer = Buffer.alloc(0);
  private readonly inflate = new ZContext(createInflate({ dictionary: SPDY3_DICTIONARY }));
  private readonly deflate = new ZContext(createDeflate({ dictionary: SPDY3_DICTIONARY }));
  private inQueue: Promise<void> = Promise.resolve();
  private outQueue: Promise<void> = Promise.resolve();
  private readonly streams = new Map<number, SpdyStream>();
  private streamCbs: ((s: SpdyStream) => void)[] = [];
  private lastStreamId = 0;
  private closed = false;

  /** `write` sends bytes to the client; `onFatal` is told when the session must end. */
  constructor(
    private readonly write: (b: Buffer) => void,
    private readonly onFatal: (why: string) => void = () => {},
  ) {}

  /** A new client stream, after its SYN_REPLY has been queued. */
  onStream(cb: (s: SpdyStream) => void): void {
    this.streamCbs.push(cb);
  }

  /** Feeds bytes from the client. */
  receive(d: Buffer): void {
    if (this.closed) return;
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    const { frames, rest, error } = parseSpdyFrames(this.buf);
    this.buf = rest;
    if (error) return this.fail(error);
    for (const f of frames) {
      // Header blocks inflate asynchronously; frames must still be handled in arrival order.
      this.inQueue = this.inQueue.then(() => this.frame(f)).catch((e: unknown) => this.fail(String(e)));
    }
  }

  /** Queues raw frame bytes behind any header block still being compressed. */
  sendFrame(frame: Buffer | Promise<Buffer>): void {
    if (this.closed) return;
    this.outQueue = this.outQueue.then(async () => {
      const b = await frame;
      if (!this.closed) this.write(b);
    });
  }

  sendRst(streamId: number, status: number): void {
    const p = Buffer.alloc(8);
    p.writeUInt32BE(streamId & 0x7fffffff);
    p.writeUInt32BE(status, 4);
    this.sendFrame(encodeControl(TYPE_RST_STREAM, 0, p));
  }

  /** Sends GOAWAY and stops; the transport is the caller's to close. */
  close(): void {
    if (this.closed) return;
    const p = Buffer.alloc(8);
    p.writeUInt32BE(this.lastStreamId);
    this.sendFrame(encodeControl(TYPE_GOAWAY, 0, p));
    this.outQueue = this.outQueue.then(() => this.shutdown());
  }

  /** Drops every stream and the zlib contexts (the transport went away). */
  shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.streams.values()) s.remoteEnd();
    this.streams.clear();
    this.inflate.close();
    this.deflate.close();
  }

  private fail(why: string): void {
    if (this.closed) return;
    this.shutdown();
    this.onFatal(why);
  }

  private async frame(f: SpdyFrame): Promise<void> {
    if (this.closed) return;
    if (!f.control) {
      const s = this.streams.get(f.streamId);
      if (!s) return this.sendRst(f.streamId, 2 /* INVALID_STREAM */);
      s.deliver(f.data, (f.flags & FLAG_FIN) !== 0);
      return;
    }
    if (f.version !== 3) return this.fail(`unsupported SPDY version ${f.version}`);
    const p = f.payload;
    switch (f.type) {
      case TYPE_SYN_STREAM: {
        const id = p.readUInt32BE(0) & 0x7fffffff;
        const headers = decodeHeaderBlock(await this.inflate.run(p.subarray(10)));
        this.lastStreamId = Math.max(this.lastStreamId, id);
        const s = new SpdyStream(this, id, headers);
        this.streams.set(id, s);
        const reply = Buffer.alloc(4);
        reply.writeUInt32BE(id);
        this.sendFrame(this.deflate.run(encodeHeaderBlock({})).then((block) => encodeControl(TYPE_SYN_REPLY, 0, Buffer.concat([reply, block]))));
        for (const cb of this.streamCbs) cb(s);
        if (f.flags & FLAG_FIN) s.remoteEnd();
        return;
      }
      case TYPE_HEADERS: {
        // Keep the shared inflate context in step even though extra headers are not used.
        await this.inflate.run(p.subarray(4));
        const s = this.streams.get(p.readUInt32BE(0) & 0x7fffffff);
        if (s && f.flags & FLAG_FIN) s.remoteEnd();
        return;
      }
      case TYPE_RST_STREAM: {
        const id = p.readUInt32BE(0) & 0x7fffffff;
        const s = this.streams.get(id);
        if (s) {
          s.localEnded = true;
          s.remoteEnd();
          this.streams.delete(id);
        }
        return;
      }
      case TYPE_PING:
        // A client's ping (odd id) is echoed unchanged.
        return this.sendFrame(encodeControl(TYPE_PING, 0, p));
      case TYPE_GOAWAY:
        return this.shutdown();
      default:
        // SETTINGS, WINDOW_UPDATE and unknown types: nothing to do (the peer does not enforce windows).
        return;
    }
  }
}
