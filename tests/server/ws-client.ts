// A tiny WebSocket client for the stream tests: the upgrade request, masked frames out, the
// server's frames in (channel byte first), and a promise for the connection's end.
import { connect, type Socket } from 'node:net';
import { encodeFrame, OP_BINARY, OP_CLOSE, parseFrames } from '../../src/server/websocket';

/** One connection: the response head, frames received so far, and means to send and wait. */
export interface WsClient {
  head: string;
  /** Response body when the server answered without upgrading. */
  body(): string;
  frames: Buffer[];
  sock: Socket;
  send(channel: number, data: string | Buffer): void;
  closed: Promise<void>;
  /** Frames as [channel, text] pairs. */
  texts(): [number, string][];
}

/** Opens `path` asking for `protocols` (comma separated). */
export async function wsConnect(port: number, path: string, protocols = 'v5.channel.k8s.io,v4.channel.k8s.io'): Promise<WsClient> {
  const sock = connect(port, '127.0.0.1');
  await new Promise<void>((r) => sock.once('connect', () => r()));
  sock.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${protocols}\r\n\r\n`);
  let buf = Buffer.alloc(0);
  let head = '';
  let rest = '';
  const frames: Buffer[] = [];
  let gotHead: () => void = () => {};
  const headDone = new Promise<void>((r) => (gotHead = r));
  const closed = new Promise<void>((r) => sock.on('close', () => r()));
  sock.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    if (!head) {
      const i = buf.indexOf('\r\n\r\n');
      if (i < 0) return;
      head = buf.subarray(0, i).toString();
      buf = buf.subarray(i + 4);
      gotHead();
    }
    if (!head.startsWith('HTTP/1.1 101')) {
      rest += buf.toString();
      buf = Buffer.alloc(0);
      return;
    }
    const p = parseFrames(buf);
    buf = Buffer.from(p.rest);
    for (const f of p.frames) if (f.opcode !== OP_CLOSE) frames.push(f.payload);
  });
  sock.on('end', () => gotHead());
  await headDone;
  return {
    head,
    body: () => rest,
    frames,
    sock,
    send: (channel, data) => sock.write(encodeFrame(OP_BINARY, Buffer.concat([Buffer.from([channel]), Buffer.from(data)]), Buffer.from([5, 6, 7, 8]))),
    closed,
    texts: () => frames.map((f) => [f[0], f.subarray(1).toString()] as [number, string]),
  };
}
