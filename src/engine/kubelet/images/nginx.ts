// nginx as the official image runs it: the docker-entrypoint lines, the startup notices on
// stderr, the welcome page (612 bytes up to 1.21, 615 since 1.23 with color-scheme), the 404/405
// pages (CRLF lines, as nginx's built-in pages are) and an access log line per request.

import type { Behaviour, Program } from './types';
import { bodyBytes, nginxAccessLog, pathOnly, respond, slashTime } from './web';

/** The welcome page of nginx <= 1.21. */
export const NGINX_WELCOME_OLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The welcome page of current nginx (615 bytes). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's built-in error page, e.g. `404 Not Found`, signed with the version. */
export function nginxErrorPage(code: string, version: string): string {
  return `<html>\r\n<head><title>${code}</title></head>\r\n<body>\r\n<center><h1>${code}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

const minor = (v: string) => Number(v.split('.')[1] ?? 0);

/** The entrypoint's stdout lines (images since 1.19 have /docker-entrypoint.sh). */
function entrypointLines(version: string): string[] {
  const d = '/docker-entrypoint.sh';
  const lines = [
    `${d}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    `${d}: Looking for shell scripts in /docker-entrypoint.d/`,
    `${d}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  ];
  if (minor(version) >= 25) lines.push(`${d}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`);
  lines.push(`${d}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`);
  if (minor(version) >= 21) lines.push(`${d}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`);
  lines.push(`${d}: Configuration complete; ready for start up`);
  return lines;
}

/** The entrypoint's lines with their newlines, per version: the same strings for every pod. */
const entrypointCache = new Map<string, string[]>();
function entrypointTexts(version: string): string[] {
  let texts = entrypointCache.get(version);
  if (!texts) entrypointCache.set(version, (texts = entrypointLines(version).map((l) => l + '\n')));
  return texts;
}

/** What nginx prints as it starts: the entrypoint's lines, then the startup notices at `readyAt`. */
function startupEvents(v: string, alpine: boolean | undefined, viaEntrypoint: boolean, cpus: number, t: string, readyAt: number): Behaviour['events'] {
  const events: Behaviour['events'] = [];
  const modern = minor(v) >= 19 || Number(v.split('.')[0]) > 1;
  if (!modern) return events;
  if (viaEntrypoint) {
    for (const text of entrypointTexts(v)) events.push({ at: 100, kind: 'stdout', text });
  }
  const gcc = alpine ? 'built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)' : minor(v) >= 23 ? 'built by gcc 12.2.0 (Debian 12.2.0-14) ' : 'built by gcc 10.2.1 20210110 (Debian 10.2.1-6) ';
  const notices = [
    'using the "epoll" event method',
    `nginx/${v}`,
    gcc,
    'OS: Linux 6.8.0-1015-gcp',
    'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
    'start worker processes',
  ];
  for (let k = 0; k < cpus; k++) notices.push(`start worker process ${29 + k}`);
  for (const n of notices) events.push({ at: readyAt, kind: 'stderr', text: `${t} [notice] 1#1: ${n}\n` });
  return events;
}

/**
 * The startup output of the last start, by what it depends on: the containers started within the
 * same second print the same lines (a 10,000-replica rollout starts them in a few seconds), so
 * they share one read-only list instead of keeping ~2.5 KB of their own each.
 */
let lastStartup: { key: string; events: Behaviour['events'] } | undefined;

/** `nginx -g 'daemon off;'` (and the image's entrypoint in front of it). */
export const nginxProgram: Program = ({ spec, tag, viaEntrypoint }) => {
  const v = tag.version;
  const start = spec.startedAtMs ?? 0;
  const readyAt = 300;
  const t = slashTime(start + readyAt);
  const key = `${v}|${tag.alpine}|${viaEntrypoint}|${spec.nodeCpus ?? 2}|${t}`;
  if (lastStartup?.key !== key) lastStartup = { key, events: startupEvents(v, tag.alpine, viaEntrypoint, spec.nodeCpus ?? 2, t, readyAt) };
  const events = lastStartup.events;
  const server = `nginx/${v}`;
  const welcome = minor(v) >= 23 || Number(v.split('.')[0]) > 1 ? NGINX_WELCOME : NGINX_WELCOME_OLD;
  return {
    events,
    listen: { ports: [80], afterMs: readyAt },
    http(req, atMs) {
      const path = pathOnly(req.path);
      const file = path.endsWith('/') ? `/usr/share/nginx/html${path}index.html` : `/usr/share/nginx/html${path}`;
      const mounted = spec.files[file];
      const base = { Server: server, 'Content-Type': 'text/html' };
      let response;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        response = respond(req, atMs, 405, nginxErrorPage('405 Not Allowed', v), { ...base, Connection: 'keep-alive' });
      } else if (mounted !== undefined || path === '/' || path === '/index.html' || path === '/50x.html') {
        const body = mounted ?? welcome;
        response = respond(req, atMs, 200, body, { ...base, 'Last-Modified': 'Wed, 02 Oct 2024 15:13:19 GMT', Connection: 'keep-alive', ETag: `"66fd630f-${bodyBytes(body).toString(16)}"`, 'Accept-Ranges': 'bytes' });
      } else {
        response = respond(req, atMs, 404, nginxErrorPage('404 Not Found', v), { ...base, Connection: 'keep-alive' });
      }
      const bytes = req.method === 'HEAD' ? 0 : bodyBytes(response.body);
      return { response, log: { kind: 'stdout', text: nginxAccessLog(req, atMs, response.status, bytes) } };
    },
  };
};
