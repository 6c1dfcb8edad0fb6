// How the in-app browser presents an answer: the status line as curl -i prints it, the headers,
// and whether the body is an HTML page (shown in a sandboxed iframe) or text.

import type { HttpResult } from '../../worker/protocol';

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** `HTTP/1.1 200 OK`, or the connection failure's text when there was no answer. */
export function statusLine(r: HttpResult): string {
  if (r.error) return r.error;
  const reason = REASONS[r.status];
  return `HTTP/1.1 ${r.status}${reason ? ' ' + reason : ''}`;
}

/** A coarse class for colouring the status line. */
export function statusClass(r: HttpResult): 'ok' | 'redirect' | 'client' | 'server' | 'failed' {
  if (r.error) return 'failed';
  if (r.status >= 500) return 'server';
  if (r.status >= 400) return 'client';
  if (r.status >= 300) return 'redirect';
  return 'ok';
}

/** Header lines sorted by name, as `Name: value`. */
export function headerLines(r: HttpResult): string[] {
  return Object.keys(r.headers)
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
    .map((k) => `${k}: ${r.headers[k]}`);
}

/** True when the answer is an HTML page: by Content-Type, else by its first tag. */
export function isHtml(r: HttpResult): boolean {
  if (r.error) return false;
  const key = Object.keys(r.headers).find((k) => k.toLowerCase() === 'content-type');
  if (key) return /\btext\/html\b|application\/xhtml\+xml/i.test(r.headers[key]);
  return /^\s*(<!doctype html|<html[\s>])/i.test(r.body);
}
