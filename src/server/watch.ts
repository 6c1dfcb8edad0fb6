// Serves `?watch=true` requests: newline-delimited JSON events over a chunked response, fed by
// ApiServer.watch. The engine calls the sink synchronously, so events are queued on the socket
// and a client that stops reading is cut off once its buffer passes a bound, never stalling the engine.
import type { ServerResponse } from 'node:http';
import type { ApiServer } from '../engine/apiserver/server';
import type { ApiRequest, WatchHandle } from '../engine/apiserver/request';
import { ApiError } from '../engine/apiserver/status';
import { sendStatus } from './http-util';

/** Bytes a watcher may have unread before its connection is dropped. */
export const DEFAULT_WATCH_BUFFER_BYTES = 8 * 1024 * 1024;
/** The apiserver's default watch timeout when the client gives none (--min-request-timeout, 1800 s). */
export const DEFAULT_WATCH_TIMEOUT_SECONDS = 1800;

export interface WatchOptions {
  maxBufferBytes?: number;
  /** Called when a watch ends, for bookkeeping (count of open watches). */
  onEnd?: () => void;
}

/** Whether the query asks for a watch (`watch=true` or `watch=1`, as the apiserver accepts). */
export function isWatch(query: Record<string, string | undefined>): boolean {
  return query.watch === 'true' || query.watch === '1';
}

/**
 * Starts streaming a watch to `res`. Errors raised before the stream starts are answered with
 * their Status and code, except 410 Gone, which upstream's watch cache sends as an ERROR event.
 */
export function serveWatch(api: ApiServer, apiReq: ApiRequest, res: ServerResponse, opts: WatchOptions = {}): void {
  const limit = opts.maxBufferBytes ?? DEFAULT_WATCH_BUFFER_BYTES;
  let handle: WatchHandle | undefined;
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const pending: string[] = [];

  const finish = (destroy: boolean): void => {
    if (ended) return;
    ended = true;
    if (timer) clearTimeout(timer);
    handle?.stop();
    if (destroy) res.destroy();
    else res.end();
    opts.onEnd?.();
  };
  const write = (line: string): void => {
    if (ended) return;
    if (!res.headersSent && handle === undefined) {
      // Events the engine replays while `watch()` is still being set up.
      pending.push(line);
      return;
    }
    res.write(line);
    if (res.writableLength > limit) finish(true);
  };

  // 'close' on the response fires when the client goes away (or after end): stop the engine watch.
  res.on('close', () => finish(false));

  try {
    handle = api.watch(apiReq, {
      onEvent: (e) => write(JSON.stringify({ type: e.type, object: e.object }) + '\n'),
      onClose: () => finish(false),
    });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    ended = true;
    opts.onEnd?.();
    if (e.status.code === 410) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
      res.end(JSON.stringify({ type: 'ERROR', object: e.status }) + '\n');
    } else {
      sendStatus(res, e.status);
    }
    return;
  }
  if (ended) return;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  for (const line of pending.splice(0)) write(line);
  const secs = Number(apiReq.query?.timeoutSeconds ?? DEFAULT_WATCH_TIMEOUT_SECONDS);
  timer = setTimeout(() => finish(false), (Number.isFinite(secs) && secs > 0 ? secs : DEFAULT_WATCH_TIMEOUT_SECONDS) * 1000);
}
