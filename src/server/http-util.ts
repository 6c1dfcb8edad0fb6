// Small helpers for the HTTP front: reading request bodies under the apiserver's size limit and
// writing JSON answers and metav1.Status errors the way the real apiserver does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Status } from '../engine/api/types';
import { statusFailure } from '../engine/apiserver/status';

/** The apiserver's request body limit (apiserver MaxRequestBodyBytes default: 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Result of reading a body: its bytes, or the Status to answer with (413). */
export type BodyResult = { ok: true; body: Buffer } | { ok: false; status: Status };

/** The 413 upstream answers for a body over the limit. */
export function tooLarge(limit: number): Status {
  return statusFailure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}

/** Reads the whole request body, refusing (without buffering it) anything over `limit` bytes. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) {
      req.resume();
      resolve({ ok: false, status: tooLarge(limit) });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > limit) {
        done = true;
        resolve({ ok: false, status: tooLarge(limit) });
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!done) resolve({ ok: true, body: Buffer.concat(chunks) });
    });
    req.on('error', () => {
      if (!done) resolve({ ok: true, body: Buffer.concat(chunks) });
      done = true;
    });
  });
}

/** Writes a JSON answer with its status code (the content type upstream uses for JSON). */
export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

/** Writes a Status as its own HTTP code. */
export function sendStatus(res: ServerResponse, status: Status): void {
  sendJson(res, status.code ?? 500, status);
}

/** Splits `?a=1&b=2` into a record (last value wins, as the apiserver reads single-valued params). */
export function parseQuery(search: URLSearchParams): Record<string, string> {
  const q: Record<string, string> = {};
  for (const [k, v] of search) q[k] = v;
  return q;
}
