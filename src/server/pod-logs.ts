// Serves GET pods/log as the apiserver does: the log as text/plain, or with `follow=true` a chunked
// stream of the log and then each new line, until the container instance stops or the client goes.
import type { ServerResponse } from 'node:http';
import type { Cluster } from '../engine/cluster';
import type { ApiRequest } from '../engine/apiserver/request';
import { parsePath } from '../engine/apiserver/request';
import { resolveContainer } from '../engine/apiserver/handlers/pod-subresources';
import { ApiError, statusFailure } from '../engine/apiserver/status';
import { readPod, watchContainerEnd } from './container-end';
import { sendJson, sendStatus } from './http-util';

/** Bytes a follower may leave unread before its connection is dropped. */
export const MAX_LOG_BUFFER_BYTES = 8 * 1024 * 1024;

/** Whether a request is a GET of pods/log (core group). */
export function isPodLog(method: string, path: string): boolean {
  if (method !== 'GET') return false;
  const p = parsePath(path);
  return p.kind === 'resource' && p.path.group === '' && p.path.plural === 'pods' && p.path.subresource === 'log' && p.path.name !== undefined;
}

const TEXT_HEADERS = { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' };

/** Answers a pods/log GET (plain or following). */
export function servePodLog(cluster: Cluster, req: ApiRequest, res: ServerResponse): void {
  const q = req.query ?? {};
  if (q.follow !== 'true' && q.follow !== '1') {
    const ans = cluster.server.handle(req);
    if (ans.status !== 200 || typeof ans.body !== 'string') return sendJson(res, ans.status, ans.body);
    res.writeHead(200, { ...TEXT_HEADERS, 'Content-Length': Buffer.byteLength(ans.body) });
    res.end(ans.body);
    return;
  }
  followPodLogHttp(cluster, req, res);
}

function followPodLogHttp(cluster: Cluster, req: ApiRequest, res: ServerResponse): void {
  const parsed = parsePath(req.path);
  if (parsed.kind !== 'resource') return sendStatus(res, statusFailure(404, 'NotFound', 'the server could not find the requested resource'));
  const ns = parsed.path.namespace ?? 'default';
  const name = parsed.path.name ?? '';
  const pending: string[] = [];
  let started = false;
  let ended = false;
  let handle: { stop(): void } | undefined;
  let cancelEnd: (() => void) | undefined;
  const finish = (destroy: boolean): void => {
    if (ended) return;
    ended = true;
    handle?.stop();
    cancelEnd?.();
    if (destroy) res.destroy();
    else res.end();
  };
  const write = (text: string): void => {
    if (ended) return;
    if (!started) return void pending.push(text);
    res.write(text);
    if (res.writableLength > MAX_LOG_BUFFER_BYTES) finish(true);
  };
  try {
    handle = cluster.server.followLog(req, write);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return sendStatus(res, e.status);
  }
  res.on('close', () => finish(false));
  res.writeHead(200, { ...TEXT_HEADERS, 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  started = true;
  for (const t of pending.splice(0)) write(t);
  // The stream ends with the container instance it follows (or at once if none is running).
  const pod = readPod(cluster, ns, name);
  let container: string;
  try {
    container = pod ? resolveContainer(pod, req.query?.container || undefined) : '';
  } catch {
    return finish(false);
  }
  if (req.query?.previous === 'true') return finish(false);
  cancelEnd = watchContainerEnd(cluster, ns, name, container, () => finish(false));
}
