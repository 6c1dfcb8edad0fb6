// The HTTP request parsing and response rendering port-forward's data streams use.
import { describe, expect, it } from 'vitest';
import { formatHttpResponse, parseHttpRequest, type RawHttpRequest } from '../../src/server/port-forward';

describe('parseHttpRequest', () => {
  const rows: { input: string; want: RawHttpRequest | undefined }[] = [
    { input: 'GET / HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n\r\n', want: { method: 'GET', path: '/', headers: { Host: '127.0.0.1:18080' } } },
    { input: 'GET /a?b=1 HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n', want: { method: 'GET', path: '/a?b=1', headers: { Host: 'x', Accept: '*/*' } } },
    { input: 'POST /p HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc', want: { method: 'POST', path: '/p', headers: { 'Content-Length': '3' }, body: 'abc' } },
    { input: 'POST /p HTTP/1.1\r\ncontent-length: 5\r\n\r\nabc', want: undefined },
    { input: 'GET / HTTP/1.1\r\nHost: x\r\n', want: undefined },
    { input: '', want: undefined },
  ];
  for (const r of rows) it(JSON.stringify(r.input), () => expect(parseHttpRequest(Buffer.from(r.input))).toEqual(r.want));
});

describe('formatHttpResponse', () => {
  const rows: { input: [number, string | undefined, Record<string, string>, string]; want: string }[] = [
    { input: [200, undefined, { 'Content-Type': 'text/html' }, 'hi'], want: 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi' },
    { input: [404, 'Not Found', { Connection: 'keep-alive', 'content-length': '99' }, ''], want: 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' },
    { input: [200, undefined, {}, 'é'], want: 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\né' },
  ];
  for (const r of rows) it(r.want.split('\r\n')[0], () => expect(formatHttpResponse(...r.input).toString('utf8')).toBe(r.want));
});
