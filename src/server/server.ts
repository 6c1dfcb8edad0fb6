// startServer: a node:http server in front of a fresh default cluster, with the clock driven in
// real time x speed. Used by `npm run serve` (main.ts), the tests and the benchmarks.
import { handlePortForwardUpgrade } from './port-forward';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createCluster, type Cluster } from '../engine/cluster';
import { loadYamlReader } from '../engine/codec/yaml-reader';
import { ClockDriver } from './clock-driver';
import { OpenApiV3 } from './openapi';
import { route, type RouterContext } from './router';
import { engineStreamHandler } from './pod-streams';
import { handleUpgrade, type StreamHandler } from './streams';

export interface ServerOptions {
  /** 0 picks a free port (tests). Default 6443. */
  port?: number;
  /** Default 127.0.0.1: loopback only unless asked. */
  address?: string;
  seed?: number;
  nodes?: number;
  /** Simulated ms per wall ms; 0 starts paused. Default 1. */
  speed?: number;
  /** Simulated start instant; default the wall clock's now. */
  startTime?: number;
  /** How often the clock driver ticks, in wall ms. Default 50. */
  tickMs?: number;
  maxBodyBytes?: number;
  maxWatchBufferBytes?: number;
  /** Serves pods/exec, attach and portforward over WebSocket; default: the engine's (engineStreamHandler). */
  streamHandler?: StreamHandler;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  cluster: Cluster;
  driver: ClockDriver;
  /** Open watch connections right now. */
  openWatches(): number;
  /** Stops the clock, closes every connection and the listener. */
  close(): Promise<void>;
}

/** Starts a cluster and its HTTP front; resolves once listening. */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const cluster = createCluster({ seed: opts.seed, nodes: opts.nodes, startTime: opts.startTime ?? Date.now() });
  const driver = new ClockDriver(cluster, opts.speed ?? 1);
  const openapi = new OpenApiV3();
  await openapi.preload();
  // Server-side apply bodies are YAML text, which the apiserver reads synchronously.
  await loadYamlReader();
  const ctx: RouterContext = {
    cluster,
    driver,
    openapi,
    maxBodyBytes: opts.maxBodyBytes,
    maxWatchBufferBytes: opts.maxWatchBufferBytes,
    watches: { count: 0 },
  };
  const streamHandler = opts.streamHandler ?? engineStreamHandler(cluster);
  const sockets = new Set<Socket>();
  const server: Server = createServer({ keepAlive: true }, (req, res) => void route(ctx, req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket, head) => {
    // pods/NAME/portforward over SPDY (tunnelled in WebSocket, or raw): the port-forward server.
    if (handlePortForwardUpgrade(cluster, req, socket as Socket, head)) return;
    handleUpgrade(cluster, req, socket as Socket, head, streamHandler);
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 6443, opts.address ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  driver.start(opts.tickMs ?? 50);
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${addr.port}`,
    port: addr.port,
    cluster,
    driver,
    openWatches: () => ctx.watches.count,
    close: () =>
      new Promise<void>((resolve) => {
        driver.stop();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
