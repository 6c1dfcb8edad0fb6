// Shared pieces of the simulated HTTP servers: log timestamp formats, responses with the
// headers real servers send, and access-log lines.

import type { HttpRequest, HttpResponse } from '../process';
import { formatDate } from '../shell/index';

/** `2024/08/14 12:00:00` (nginx error log, Go's log package). */
export const slashTime = (ms: number) => formatDate(ms, '%Y/%m/%d %H:%M:%S');
/** `14/Aug/2024:12:00:00 +0000` (common log format). */
export const clfTime = (ms: number) => formatDate(ms, '%d/%b/%Y:%H:%M:%S +0000');
/** `Wed, 14 Aug 2024 12:00:00 GMT` (HTTP Date header). */
export const httpDate = (ms: number) => formatDate(ms, '%a, %d %b %Y %H:%M:%S GMT');

/** UTF-8 length of a body, for Content-Length. */
export function bodyBytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** A response with Date and Content-Length filled in; a HEAD request gets no body. */
export function respond(req: HttpRequest, atMs: number, status: number, body: string, headers: Record<string, string>): HttpResponse {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    h[k] = v;
    if (k === 'Server') h.Date = httpDate(atMs);
  }
  if (!('Date' in h)) h.Date = httpDate(atMs);
  h['Content-Length'] = String(bodyBytes(body));
  return { status, headers: h, body: req.method === 'HEAD' ? '' : body };
}

/** `10.244.0.1 - - [14/Aug/2024:12:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"` */
export function nginxAccessLog(req: HttpRequest, atMs: number, status: number, bytes: number): string {
  const ua = req.headers?.['User-Agent'] ?? req.headers?.['user-agent'] ?? '-';
  const ref = req.headers?.['Referer'] ?? '-';
  return `${req.clientIP ?? '127.0.0.1'} - - [${clfTime(atMs)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes} "${ref}" "${ua}" "-"\n`;
}

/** Apache's common log format: `10.244.0.1 - - [14/Aug/2024:12:00:00 +0000] "GET / HTTP/1.1" 200 45` */
export function apacheAccessLog(req: HttpRequest, atMs: number, status: number, bytes: number): string {
  return `${req.clientIP ?? '127.0.0.1'} - - [${clfTime(atMs)}] "${req.method} ${req.path} HTTP/1.1" ${status} ${bytes}\n`;
}

/** The request path without its query string. */
export const pathOnly = (p: string) => p.split('?')[0] || '/';
