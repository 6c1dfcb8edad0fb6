// How our kubectl reaches an apiserver: request/response and watch, asynchronous like HTTP.
// In-process it calls the engine's ApiServer; the browser worker and the headless runner use
// this, and an HTTP transport could stand in its place.

import type { ApiRequest, ApiResponse, WatchHandle, WatchSink } from '../engine/apiserver/request';
import type { ReadApiServer } from '../engine/apiserver/read-server';
import { ApiError } from '../engine/apiserver/status';

export interface Transport {
  request(req: ApiRequest): Promise<ApiResponse>;
  /** Starts a watch; resolves with an error response instead when the server refuses it. */
  watch(req: ApiRequest, sink: WatchSink): Promise<WatchHandle | ApiResponse>;
}

/**
 * A transport onto an in-process ApiServer (or the read-only one). `afterRequest` lets the host run
 * the work a write triggered.
 */
export function inProcessTransport(server: Pick<ReadApiServer, 'handle' | 'watch'>, afterRequest: () => void = () => {}): Transport {
  return {
    async request(req) {
      // Bodies cross a serialisation boundary in real life: copy them so nothing is shared.
      const body = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.parse(JSON.stringify(req.body));
      const res = server.handle({ ...req, body });
      if (req.method !== 'GET') afterRequest();
      return { status: res.status, body: res.body, warnings: res.warnings };
    },
    async watch(req, sink) {
      try {
        return server.watch(req, sink);
      } catch (e) {
        if (e instanceof ApiError) return { status: e.status.code, body: e.status };
        throw e;
      }
    },
  };
}
