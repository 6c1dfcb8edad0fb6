// WebSocket plumbing for pods/exec|attach|portforward: the RFC 6455 framing, protocol negotiation,
// the channel.k8s.io framing with a fake handler, and the no-handler answers kubectl falls back on.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusFailure } from '../../src/engine/apiserver/status';
import { startServer, type RunningServer } from '../../src/server/server';
import { exitStatus, negotiateProtocol, type StreamHandler, type StreamRequest } from '../../src/server/streams';
import { acceptKey, encodeFrame, OP_BINARY, OP_CLOSE, OP_TEXT, parseFrames } from '../../src/server/websocket';

describe('websocket framing', () => {
  it('computes the RFC 6455 accept key (the RFC example)', () => {
    expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });
  const sizes = [0, 1, 125, 126, 65535, 65536, 70000];
  for (const n of sizes) {
    it(`round-trips a masked ${n}-byte frame`, () => {
      const payload = Buffer.alloc(n, 7);
      const frame = encodeFrame(OP_BINARY, payload, Buffer.from([1, 2, 3, 4]));
      const { frames, rest } = parseFrames(frame);
      expect(rest.length).toBe(0);
      expect(frames).toHaveLength(1);
      expect(frames[0]).toMatchObject({ fin: true, opcode: OP_BINARY });
      expect(frames[0].payload.equals(payload)).toBe(true);
    });
  }
  it('keeps a partial frame for later', () => {
    const frame = encodeFrame(OP_TEXT, Buffer.from('hello'), Buffer.from([9, 9, 9, 9]));
    const { frames, rest } = parseFrames(frame.subarray(0, 5));
    expect(frames).toHaveLength(0);
    expect(rest.length).toBe(5);
  });
});

describe('protocol negotiation', () => {
  const rows: { offered: string | undefined; want: string | undefined }[] = [
    { offered: 'v5.channel.k8s.io,v4.channel.k8s.io', want: 'v5.channel.k8s.io' },
    { offered: 'v4.channel.k8s.io, v5.channel.k8s.io', want: 'v5.channel.k8s.io' },
    { offered: 'v4.channel.k8s.io', want: 'v4.channel.k8s.io' },
    { offered: 'channel.k8s.io', want: undefined },
    { offered: 'base64.channel.k8s.io', want: undefined },
    { offered: undefined, want: undefined },
  ];
  for (const { offered, want } of rows) it(`${offered} -> ${want}`, () => expect(negotiateProtocol(offered)).toBe(want));
  it('builds the kubelet exit statuses', () => {
    expect(exitStatus(0)).toEqual({ metadata: {}, status: 'Success' });
    expect(exitStatus(3)).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } });
  });
});

/** A tiny WebSocket client: handshake, masked frames out, frames in. */
async function wsConnect(port: number, path: string, protocols: string): Promise<{ head: string; frames: Buffer[]; sock: Socket; send(b: Buffer): void; closed: Promise<void> }> {
  const sock = connect(port, '127.0.0.1');
  await new Promise<void>((r) => sock.once('connect', () => r()));
  sock.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${protocols}\r\n\r\n`);
  let buf = Buffer.alloc(0);
  let head = '';
  const frames: Buffer[] = [];
  let gotHead: () => void;
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
    if (!head.startsWith('HTTP/1.1 101')) return;
    const p = parseFrames(buf);
    buf = Buffer.from(p.rest);
    for (const f of p.frames) if (f.opcode !== OP_CLOSE) frames.push(f.payload);
  });
  sock.on('end', () => gotHead());
  await headDone;
  return { head, frames, sock, send: (b) => sock.write(encodeFrame(OP_BINARY, b, Buffer.from([5, 6, 7, 8]))), closed };
}

describe('exec over WebSocket with a fake handler', () => {
  let srv: RunningServer;
  const seen: StreamRequest[] = [];
  const handler: StreamHandler = (req) => {
    seen.push(req);
    if (req.name === 'missing') return { ok: false, status: statusFailure(404, 'NotFound', 'pods "missing" not found') };
    return {
      ok: true,
      start(io) {
        let input = '';
        io.onResize((s) => io.stderr(`size ${s.width}x${s.height}\n`));
        io.onStdin((d) => (input += d.toString()));
        io.onStdinEnd(() => {
          io.stdout(`echo:${input}`);
          io.exit(input === 'fail' ? 2 : 0);
        });
        if (!req.stdin) {
          io.stdout(req.command.join(' ') + '\n');
          io.exit(0);
        }
      },
    };
  };
  beforeAll(async () => {
    srv = await startServer({ port: 0, speed: 0, streamHandler: handler });
  });
  afterAll(async () => {
    await srv.close();
  });

  it('negotiates v5, says hello on stdout, streams output and ends with a Success status', async () => {
    const c = await wsConnect(srv.port, '/api/v1/namespaces/default/pods/web/exec?command=env&command=-0&stdout=true&stderr=true', 'v5.channel.k8s.io,v4.channel.k8s.io');
    expect(c.head).toContain('HTTP/1.1 101');
    expect(c.head).toContain('Sec-WebSocket-Protocol: v5.channel.k8s.io');
    expect(c.head).toContain('Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    await c.closed;
    expect(c.frames.map((f) => [f[0], f.subarray(1).toString()])).toEqual([
      [1, ''],
      [1, 'env -0\n'],
      [3, '{"metadata":{},"status":"Success"}'],
    ]);
    expect(seen.at(-1)).toMatchObject({ subresource: 'exec', namespace: 'default', name: 'web', command: ['env', '-0'], stdin: false, tty: false });
  });

  it('carries stdin, resize and the v5 close signal, ending with the exit code', async () => {
    const c = await wsConnect(srv.port, '/api/v1/namespaces/default/pods/web/exec?command=cat&stdin=true&stdout=true&stderr=true', 'v5.channel.k8s.io');
    c.send(Buffer.concat([Buffer.from([4]), Buffer.from('{"Width":80,"Height":24}')]));
    c.send(Buffer.concat([Buffer.from([0]), Buffer.from('fa')]));
    c.send(Buffer.concat([Buffer.from([0]), Buffer.from('il')]));
    c.send(Buffer.from([255, 0]));
    await c.closed;
    const texts = c.frames.map((f) => [f[0], f.subarray(1).toString()]);
    expect(texts.slice(0, 3)).toEqual([
      [1, ''],
      [2, 'size 80x24\n'],
      [1, 'echo:fail'],
    ]);
    expect(JSON.parse(texts[3][1] as string)).toMatchObject({ reason: 'NonZeroExitCode', details: { causes: [{ message: '2' }] } });
  });

  it('refuses with the handler Status as plain HTTP', async () => {
    const c = await wsConnect(srv.port, '/api/v1/namespaces/default/pods/missing/exec?command=ls&stdout=true', 'v5.channel.k8s.io');
    expect(c.head).toMatch(/^HTTP\/1.1 404/);
  });

  it('refuses a client offering no channel protocol it knows', async () => {
    const c = await wsConnect(srv.port, '/api/v1/namespaces/default/pods/web/exec?command=ls&stdout=true', 'base64.channel.k8s.io');
    expect(c.head).not.toMatch(/^HTTP\/1.1 101/);
  });
});

describe('stream requests the engine refuses before any upgrade', () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startServer({ port: 0, speed: 0 });
  });
  afterAll(async () => {
    await srv.close();
  });
  it('answers a WebSocket exec as the engine answers, with no upgrade', async () => {
    const c = await wsConnect(srv.port, '/api/v1/namespaces/default/pods/web/exec?command=ls&stdout=true', 'v5.channel.k8s.io');
    expect(c.head).not.toMatch(/^HTTP\/1.1 101/);
    expect(c.head).toMatch(/^HTTP\/1.1 4\d\d/);
  });
  it('answers a SPDY upgrade (kubectl fallback) the same way', async () => {
    const sock = connect(srv.port, '127.0.0.1');
    let text = '';
    sock.on('data', (d) => (text += d.toString()));
    sock.write('POST /api/v1/namespaces/default/pods/web/exec?command=ls HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nContent-Length: 0\r\n\r\n');
    await new Promise((r) => sock.on('close', r));
    // No SPDY upgrade: the engine answers the exec itself (here: the pod does not exist).
    expect(text).toMatch(/^HTTP\/1.1 404/);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ kind: 'Status', code: 404, message: 'pods "web" not found' });
  });
});
