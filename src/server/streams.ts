// pods/exec, pods/attach and pods/portforward over WebSocket with the channel.k8s.io protocols
// (v5 preferred, v4 fallback): the upgrade, the channel framing (stdin 0, stdout 1, stderr 2,
// error 3, resize 4, v5's close signal 255) and a StreamIO a future engine handler plugs into.
// Without a handler, the request is answered as the engine answers it (a Status, no upgrade),
// which makes kubectl fall back to SPDY and then report that Status.
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Status } from '../engine/api/types';
import type { Cluster } from '../engine/cluster';
import { parsePath, type Method } from '../engine/apiserver/request';
import { statusFailure } from '../engine/apiserver/status';
import { parseQuery } from './http-util';
import { acceptKey, OP_BINARY, OP_TEXT, WsConnection } from './websocket';

/** Subprotocols served, most preferred first (kubectl 1.32 offers v5 then v4). */
export const STREAM_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;
export type StreamProtocol = (typeof STREAM_PROTOCOLS)[number];

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
export const ERROR = 3;
export const RESIZE = 4;
/** v5: a message `[255, channel]` from the client closes that channel (stdin EOF). */
export const CLOSE_SIGNAL = 255;

/** What a stream request asks for, read from its path and query. */
export interface StreamRequest {
  subresource: 'exec' | 'attach' | 'portforward';
  namespace: string;
  name: string;
  container?: string;
  /** `command` parameters, in order (exec). */
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
  /** `ports` parameters (portforward). */
  ports: number[];
  protocol: StreamProtocol;
}

/** A terminal size sent on the resize channel. */
export interface TerminalSize {
  width: number;
  height: number;
}

/** The session side a handler drives: output channels, input callbacks, and the end. */
export interface StreamIO {
  stdout(data: string | Uint8Array): void;
  stderr(data: string | Uint8Array): void;
  onStdin(cb: (data: Buffer) => void): void;
  /** The client closed stdin (v5 close signal). */
  onStdinEnd(cb: () => void): void;
  onResize(cb: (size: TerminalSize) => void): void;
  /** The client went away. */
  onClose(cb: () => void): void;
  /** Ends the session with an exit code (0 = Success; otherwise NonZeroExitCode), as the kubelet does. */
  exit(code: number): void;
  /** Ends the session with an error Status on the error channel. */
  fail(status: Status): void;
}

/** A handler refuses a request with a Status (answered as plain HTTP, before any upgrade), or starts it. */
export type StreamHandler = (req: StreamRequest) => { ok: false; status: Status } | { ok: true; start(io: StreamIO): void };

/** Picks the first of our protocols the client offers (Sec-WebSocket-Protocol, comma separated). */
export function negotiateProtocol(offered: string | undefined): StreamProtocol | undefined {
  const list = (offered ?? '').split(',').map((s) => s.trim());
  return STREAM_PROTOCOLS.find((p) => list.includes(p));
}

/** The status a kubelet writes on the error channel for an exit code. */
export function exitStatus(code: number): Status {
  if (code === 0) return { metadata: {}, status: 'Success' } as Status;
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: exit status ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  } as Status;
}

/** Writes a plain HTTP answer on a socket that asked for an upgrade, then closes it. */
function answerHttp(socket: Duplex, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${code} ${STATUS_CODES[code] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

function flag(v: string | undefined): boolean {
  return v === 'true' || v === '1';
}

/** Handles an HTTP upgrade request (WebSocket or SPDY) for any path. */
export function handleUpgrade(cluster: Cluster, req: IncomingMessage, socket: Duplex, head: Buffer, handler?: StreamHandler): void {
  socket.on('error', () => socket.destroy());
  const url = new URL(req.url ?? '/', 'http://kubeplay');
  const parsed = parsePath(url.pathname);
  const sub = parsed.kind === 'resource' ? parsed.path.subresource : undefined;
  const isWs = (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
  const protocol = negotiateProtocol(req.headers['sec-websocket-protocol'] as string | undefined);
  const streamable = parsed.kind === 'resource' && parsed.path.group === '' && parsed.path.plural === 'pods' && (sub === 'exec' || sub === 'attach' || sub === 'portforward');
  if (!handler || !streamable || !isWs || !protocol || parsed.kind !== 'resource') {
    // As the engine answers the same request without the upgrade.
    const method = (req.method ?? 'GET').toUpperCase() as Method;
    const ans = cluster.server.handle({ method, path: url.pathname, query: parseQuery(url.searchParams), accept: req.headers.accept });
    const status = ans.status >= 200 && ans.status < 300 ? statusFailure(400, 'BadRequest', 'Upgrade request required') : ans.body;
    answerHttp(socket, ans.status >= 200 && ans.status < 300 ? 400 : ans.status, status);
    return;
  }
  const q = url.searchParams;
  const request: StreamRequest = {
    subresource: sub as StreamRequest['subresource'],
    namespace: parsed.path.namespace ?? 'default',
    name: parsed.path.name ?? '',
    container: q.get('container') ?? undefined,
    command: q.getAll('command'),
    stdin: flag(q.get('stdin') ?? undefined),
    stdout: flag(q.get('stdout') ?? undefined),
    stderr: flag(q.get('stderr') ?? undefined),
    tty: flag(q.get('tty') ?? undefined),
    ports: q.getAll('ports').map(Number),
    protocol,
  };
  const decision = handler(request);
  if (!decision.ok) return answerHttp(socket, decision.status.code ?? 500, decision.status);
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${acceptKey(String(req.headers['sec-websocket-key'] ?? ''))}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
  );
  const ws = new WsConnection(socket);
  decision.start(channelIO(ws, request));
  if (head.length) ws.receive(head);
}

/** Binds a StreamIO to a WebSocket speaking the channel protocol. */
export function channelIO(ws: WsConnection, request: StreamRequest): StreamIO {
  const stdin: ((d: Buffer) => void)[] = [];
  const stdinEnd: (() => void)[] = [];
  const resize: ((s: TerminalSize) => void)[] = [];
  const send = (channel: number, data: string | Uint8Array): void => {
    ws.send(Buffer.concat([Buffer.from([channel]), typeof data === 'string' ? Buffer.from(data) : Buffer.from(data)]));
  };
  ws.onMessage((opcode, data) => {
    if ((opcode !== OP_BINARY && opcode !== OP_TEXT) || data.length === 0) return;
    const channel = data[0];
    const rest = data.subarray(1);
    if (channel === CLOSE_SIGNAL && request.protocol === 'v5.channel.k8s.io') {
      if (rest[0] === STDIN) for (const cb of stdinEnd) cb();
    } else if (channel === STDIN) {
      for (const cb of stdin) cb(rest);
    } else if (channel === RESIZE) {
      try {
        const s = JSON.parse(rest.toString('utf8')) as { Width?: number; Height?: number };
        for (const cb of resize) cb({ width: s.Width ?? 0, height: s.Height ?? 0 });
      } catch {
        // A malformed resize message is ignored, as the kubelet logs and drops it.
      }
    }
  });
  // The kubelet's hello: an empty message on the lowest writable channel.
  send(request.stdout ? STDOUT : request.stderr ? STDERR : ERROR, '');
  const end = (status: Status): void => {
    send(ERROR, JSON.stringify(status));
    ws.close();
  };
  return {
    stdout: (d) => send(STDOUT, d),
    stderr: (d) => send(STDERR, d),
    onStdin: (cb) => void stdin.push(cb),
    onStdinEnd: (cb) => void stdinEnd.push(cb),
    onResize: (cb) => void resize.push(cb),
    onClose: (cb) => ws.onClose(cb),
    exit: (code) => end(exitStatus(code)),
    fail: (status) => end(status),
  };
}
