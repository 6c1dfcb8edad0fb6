// Apache-based images: httpd (`It works!`) and registry.k8s.io/hpa-example (php:5-apache whose
// index.php burns CPU and prints `OK!`): startup lines on stderr, common-log access lines.

import type { Program } from './types';
import { apacheAccessLog, bodyBytes, pathOnly, respond } from './web';
import { formatDate } from '../shell/index';

export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

/** Apache's 404 page. */
export const APACHE_404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`;

/** `[Wed Aug 14 12:00:00.300000 2024]` */
const apacheTime = (ms: number) => formatDate(ms, '%a %b %d %H:%M:%S.') + String((ms % 1000) * 1000).padStart(6, '0') + formatDate(ms, ' %Y');

function startup(name: string, ip: string, at: number, lines: string[]): { at: number; kind: 'stderr'; text: string }[] {
  const warn = `AH00558: ${name}: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  return [warn, warn, ...lines.map((l) => l + '\n')].map((text) => ({ at, kind: 'stderr' as const, text }));
}

/** `httpd-foreground`: Apache 2.4 with the event MPM. */
export const httpdProgram: Program = ({ spec, tag }) => {
  const at = 200;
  const t = apacheTime((spec.startedAtMs ?? 0) + at);
  const server = `Apache/${tag.version} (Unix)`;
  const pid = '[pid 1:tid 140312345678912]';
  return {
    events: startup('httpd', spec.podIP, at, [
      `[${t}] [mpm_event:notice] ${pid} AH00489: ${server} configured -- resuming normal operations`,
      `[${t}] [core:notice] ${pid} AH00094: Command line: 'httpd -D FOREGROUND'`,
    ]),
    listen: { ports: [80], afterMs: at },
    http(req, atMs) {
      const path = pathOnly(req.path);
      const file = spec.files[`/usr/local/apache2/htdocs${path.endsWith('/') ? path + 'index.html' : path}`];
      const ok = file !== undefined || path === '/' || path === '/index.html';
      const response = ok
        ? respond(req, atMs, 200, file ?? HTTPD_INDEX, { Server: server, 'Last-Modified': 'Mon, 11 Jun 2007 18:53:14 GMT', ETag: '"2d-432a5e4a73a80"', 'Accept-Ranges': 'bytes', 'Content-Type': 'text/html' })
        : respond(req, atMs, 404, APACHE_404, { Server: server, 'Content-Type': 'text/html; charset=iso-8859-1' });
      return { response, log: { kind: 'stdout', text: apacheAccessLog(req, atMs, response.status, bodyBytes(response.body)) } };
    },
  };
};

/** registry.k8s.io/hpa-example: `apache2-foreground` serving index.php (`OK!`). */
export const hpaExampleProgram: Program = ({ spec }) => {
  const at = 500;
  const t = apacheTime((spec.startedAtMs ?? 0) + at);
  const server = 'Apache/2.4.10 (Debian)';
  return {
    events: startup('apache2', spec.podIP, at, [
      `[${t}] [mpm_prefork:notice] [pid 1] AH00163: ${server} PHP/5.6.14 configured -- resuming normal operations`,
      `[${t}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'`,
    ]),
    listen: { ports: [80], afterMs: at },
    http(req, atMs) {
      const path = pathOnly(req.path);
      const ok = path === '/' || path === '/index.php';
      const response = ok
        ? respond(req, atMs, 200, 'OK!', { Server: server, 'X-Powered-By': 'PHP/5.6.14', 'Content-Type': 'text/html' })
        : respond(req, atMs, 404, APACHE_404.replace('</body>', `<hr>\n<address>${server} Server at ${req.host ?? spec.podIP} Port 80</address>\n</body>`), { Server: server, 'Content-Type': 'text/html; charset=iso-8859-1' });
      return { response, log: { kind: 'stdout', text: apacheAccessLog(req, atMs, response.status, bodyBytes(response.body)) + '' } };
    },
  };
};
