// pods/portforward as kubectl 1.32 speaks it: a WebSocket with subprotocol
// `SPDY/3.1+portforward.k8s.io` (or the older raw `Upgrade: SPDY/3.1`) carrying a SPDY session in
// which each forwarded connection is an `error` + `data` stream pair. The data stream's bytes are
// an HTTP request, answered through the engine's simulated network from the pod's IP.
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { KObject, Status } from '../engine/api/types';
import type { Cluster } from '../engine/cluster';
import { parsePath } from '../engine/apiserver/request';
import { statusFailure } from '../engine/apiserver/status';
import { SpdySession, type SpdyStream } from './spdy';
import { acceptKey, OP_BINARY, WsConnection } from './websocket';

/** The port-forward protocol name, and the WebSocket subprotocol that tunnels SPDY carrying it. */
export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';
export const PORT_FORWARD_WS_PROTOCOL = `SPDY/3.1+${PORT_FORWARD_PROTOCOL}`;

/** A parsed HTTP/1.x request read from a data stream. */
export interface RawHttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Parses one whole request from `buf`; undefined while more bytes are needed. */
export function parseHttpRequest(buf: Buffer): RawHttpRequest | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const lines = buf.toString('latin1', 0, end).split('\r\n');
  const [method = 'GET', path = '/'] = lines[0].split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  const lenKey = Object.keys(headers).find((k) => k.toLowerCase() === 'content-length');
  const len = lenKey ? Number(headers[lenKey]) || 0 : 0;
  if (buf.length < end + 4 + len) return undefined;
  const req: RawHttpRequest = { method, path, headers };
  if (len > 0) req.body = buf.toString('utf8', end + 4, end + 4 + len);
  return req;
}

/** Renders a response as raw HTTP/1.1; the connection closes after it (one request per stream pair). */
export function formatHttpResponse(status: number, statusText: string | undefined, headers: Record<string, string>, body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  const out: string[] = [`HTTP/1.1 ${status} ${statusText ?? STATUS_CODES[status] ?? ''}`];
  for (const [k, v] of Object.entries(headers)) {
    const lower = k.toLowerCase();
    if (lower === 'content-length' || lower === 'connection' || lower === 'transfer-encoding') continue;
    out.push(`${k}: ${v}`);
  }
  out.push(`Content-Length: ${bytes.length}`, 'Connection: close');
  return Buffer.concat([Buffer.from(out.join('\r\n') + '\r\n\r\n', 'latin1'), bytes]);
}

interface Pair {
  error?: SpdyStream;
  data?: SpdyStream;
}

/** Serves the stream pairs of one port-forward session for `pod`. */
export function servePortForward(cluster: Cluster, session: SpdySession, pod: KObject): void {
  const pairs = new Map<string, Pair>();
  session.onStream((s) => {
    const id = s.header('requestid') ?? '';
    const type = s.header('streamtype');
    const pair = pairs.get(id) ?? {};
    pairs.set(id, pair);
    if (type === 'error') pair.error = s;
    else if (type === 'data') pair.data = s;
    else return s.reset(1);
    if (pair.error && pair.data) {
      pairs.delete(id);
      forward(cluster, pod, Number(s.header('port')), pair.error, pair.data);
    }
  });
}

function forward(cluster: Cluster, pod: KObject, port: number, errorStream: SpdyStream, data: SpdyStream): void {
  let buf = Buffer.alloc(0);
  let done = false;
  const finish = (): void => {
    done = true;
    data.end();
    errorStream.end();
  };
  const fail = (msg: string): void => {
    errorStream.write(msg);
    finish();
  };
  const answer = (req: RawHttpRequest): void => {
    const ip = String(((pod.status ?? {}) as Record<string, unknown>).podIP ?? '');
    const res = cluster.network?.request(`http://${ip}:${port}${req.path}`, { method: req.method, headers: req.headers, body: req.body, clientIP: '127.0.0.1' });
    if (!res || !res.ok) {
      // The kubelet's words when nothing listens on the port inside the pod.
      return fail(
        `error forwarding port ${port} to pod ${pod.metadata.uid ?? ''}, uid : failed to execute portforward in network namespace: ` +
          `failed to connect to localhost:${port} inside namespace, IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused `,
      );
    }
    data.write(formatHttpResponse(res.status, res.statusText, res.headers, res.body));
    finish();
  };
  data.onData((d) => {
    if (done) return;
    buf = Buffer.concat([buf, d]);
    const req = parseHttpRequest(buf);
    if (req) answer(req);
  });
  data.onEnd(() => {
    if (!done) finish();
  });
}

function answerHttp(socket: Duplex, status: Status): void {
  const text = JSON.stringify(status);
  const code = status.code ?? 500;
  socket.end(`HTTP/1.1 ${code} ${STATUS_CODES[code] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
}

/**
 * Takes an upgrade request for pods/NAME/portforward that offers SPDY port-forwarding (tunneled
 * in a WebSocket, or raw); returns false, touching nothing, for any other upgrade.
 */
export function handlePortForwardUpgrade(cluster: Cluster, req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
  const url = new URL(req.url ?? '/', 'http://kubeplay');
  const parsed = parsePath(url.pathname);
  if (parsed.kind !== 'resource' || parsed.path.group !== '' || parsed.path.plural !== 'pods' || parsed.path.subresource !== 'portforward') return false;
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const viaWs = upgrade === 'websocket' && offered.includes(PORT_FORWARD_WS_PROTOCOL);
  const versions = String(req.headers['x-stream-protocol-version'] ?? '').split(',').map((p) => p.trim());
  const raw = upgrade === 'spdy/3.1' && versions.includes(PORT_FORWARD_PROTOCOL);
  if (!viaWs && !raw) return false;
  socket.on('error', () => socket.destroy());
  const namespace = parsed.path.namespace ?? 'default';
  const name = parsed.path.name ?? '';
  const ans = cluster.server.handle({ method: 'GET', path: `/api/v1/namespaces/${namespace}/pods/${name}` });
  if (ans.status !== 200) {
    answerHttp(socket, ans.body as Status);
    return true;
  }
  const pod = ans.body as KObject;
  if (!((pod.spec ?? {}) as Record<string, unknown>).nodeName) {
    answerHttp(socket, statusFailure(400, 'BadRequest', `pod ${name} does not have a host assigned`));
    return true;
  }
  if (viaWs) {
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${acceptKey(String(req.headers['sec-websocket-key'] ?? ''))}\r\nSec-WebSocket-Protocol: ${PORT_FORWARD_WS_PROTOCOL}\r\n\r\n`,
    );
    const ws = new WsConnection(socket);
    const session = new SpdySession((b) => ws.send(b, OP_BINARY), () => ws.close(1002));
    ws.onMessage((_op, data) => session.receive(data));
    ws.onClose(() => session.shutdown());
    servePortForward(cluster, session, pod);
    if (head.length) ws.receive(head);
  } else {
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${PORT_FORWARD_PROTOCOL}\r\n\r\n`);
    const session = new SpdySession((b) => void socket.write(b), () => socket.destroy());
    socket.on('data', (d: Buffer) => session.receive(d));
    socket.on('close', () => session.shutdown());
    servePortForward(cluster, session, pod);
    if (head.length) session.receive(head);
  }
  return true;
}
