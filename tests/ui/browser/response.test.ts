// Status line, headers and HTML detection of the in-app browser.
import { describe, expect, it } from 'vitest';
import { headerLines, isHtml, statusClass, statusLine } from '../../../src/ui/browser/response';
import type { HttpResult } from '../../../src/worker/protocol';

const res = (o: Partial<HttpResult>): HttpResult => ({ status: 200, headers: {}, body: '', ...o });

describe('response presentation', () => {
  const rows: [Partial<HttpResult>, string, string][] = [
    [{}, 'HTTP/1.1 200 OK', 'ok'],
    [{ status: 404 }, 'HTTP/1.1 404 Not Found', 'client'],
    [{ status: 503 }, 'HTTP/1.1 503 Service Unavailable', 'server'],
    [{ status: 301 }, 'HTTP/1.1 301 Moved Permanently', 'redirect'],
    [{ status: 299 }, 'HTTP/1.1 299', 'ok'],
    [{ status: 0, error: 'curl: (7) Failed to connect to 172.18.255.200 port 80: Connection refused' }, 'curl: (7) Failed to connect to 172.18.255.200 port 80: Connection refused', 'failed'],
  ];
  for (const [r, line, cls] of rows) {
    it(line, () => {
      expect(statusLine(res(r))).toBe(line);
      expect(statusClass(res(r))).toBe(cls);
    });
  }

  const html: [Partial<HttpResult>, boolean][] = [
    [{ headers: { 'Content-Type': 'text/html' }, body: 'x' }, true],
    [{ headers: { 'content-type': 'text/html; charset=utf-8' } }, true],
    [{ headers: { 'Content-Type': 'text/plain' }, body: '<html></html>' }, false],
    [{ body: '<!DOCTYPE html>\n<html>' }, true],
    [{ body: '  <html lang="en">' }, true],
    [{ body: 'hello <html>' }, false],
    [{ body: '{"a":1}', headers: { 'Content-Type': 'application/json' } }, false],
    [{ error: 'refused', body: '<html>' }, false],
  ];
  for (const [r, want] of html) it(`isHtml ${JSON.stringify(r)} -> ${want}`, () => expect(isHtml(res(r))).toBe(want));

  it('sorts header lines by name', () => {
    expect(headerLines(res({ headers: { Server: 'nginx/1.27', 'content-length': '615', 'Content-Type': 'text/html' } }))).toEqual([
      'content-length: 615',
      'Content-Type: text/html',
      'Server: nginx/1.27',
    ]);
  });
});
