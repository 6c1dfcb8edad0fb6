// Small single-binary servers tutorials use: hello-app, hashicorp/http-echo, traefik/whoami
// and the echoserver: what they log and what a request returns.

import type { Program } from './types';
import { nginxAccessLog, pathOnly, respond, slashTime, bodyBytes } from './web';

/** gcr.io/google-samples/hello-app: `Hello, world!\nVersion: 1.0.0\nHostname: <pod>\n` on $PORT (8080). */
export const helloAppProgram: Program = ({ spec, tag, env }) => {
  const port = Number(env.PORT || 8080);
  const start = spec.startedAtMs ?? 0;
  return {
    events: [{ at: 50, kind: 'stderr', text: `${slashTime(start + 50)} Server listening on port ${port}\n` }],
    listen: { ports: [port], afterMs: 50 },
    http(req, atMs) {
      const body = `Hello, world!\nVersion: ${tag.version}\nHostname: ${spec.hostname}\n`;
      return {
        response: respond(req, atMs, 200, body, { 'Content-Type': 'text/plain; charset=utf-8' }),
        log: { kind: 'stderr', text: `${slashTime(atMs)} Serving request: ${pathOnly(req.path)}\n` },
      };
    },
  };
};

/** hashicorp/http-echo: answers every path with `-text` plus a newline, on `-listen` (:5678). */
export const httpEchoProgram: Program = ({ spec, argv }) => {
  const flag = (name: string) => {
    for (let k = 1; k < argv.length; k++) {
      const a = argv[k].replace(/^--?/, '-');
      if (a === `-${name}`) return argv[k + 1];
      if (a.startsWith(`-${name}=`)) return a.slice(name.length + 2);
    }
    return undefined;
  };
  const text = flag('text');
  const listen = flag('listen') ?? ':5678';
  const start = spec.startedAtMs ?? 0;
  if (text === undefined) {
    return { events: [{ at: 20, kind: 'stderr', text: `${slashTime(start + 20)} [ERR] Missing -text option!\n` }, { at: 20, kind: 'exit', code: 127, reason: 'Error' }] };
  }
  const port = Number(listen.split(':').pop());
  return {
    events: [{ at: 20, kind: 'stderr', text: `${slashTime(start + 20)} [INFO] server is listening on ${listen}\n` }],
    listen: { ports: [port], afterMs: 20 },
    http(req, atMs) {
      const body = text + '\n';
      const ua = req.headers?.['User-Agent'] ?? req.headers?.['user-agent'] ?? '';
      return {
        response: respond(req, atMs, 200, body, { 'X-App-Name': 'http-echo', 'X-App-Version': '1.0.0', 'Content-Type': 'text/plain; charset=utf-8' }),
        log: { kind: 'stderr', text: `${slashTime(atMs)} ${req.host ?? spec.podIP}${listen} ${req.clientIP ?? '127.0.0.1'}:40000 "${req.method} ${req.path} HTTP/1.1" 200 ${bodyBytes(body)} "${ua}" 31.2µs\n` },
      };
    },
  };
};

/** traefik/whoami: hostname, IPs, remote address and the request as received. */
export const whoamiProgram: Program = ({ spec, argv, env }) => {
  const portArg = argv.findIndex((a) => a === '--port' || a === '-port');
  const port = Number(portArg >= 0 ? argv[portArg + 1] : env.WHOAMI_PORT_NUMBER || 80);
  const start = spec.startedAtMs ?? 0;
  return {
    events: [{ at: 20, kind: 'stdout', text: `${slashTime(start + 20)} Starting up on port ${port}\n` }],
    listen: { ports: [port], afterMs: 20 },
    http(req, atMs) {
      const headers = Object.entries(req.headers ?? {}).map(([k, v]) => `${k}: ${v}\n`).join('');
      const body =
        `Hostname: ${spec.hostname}\nIP: 127.0.0.1\nIP: ::1\nIP: ${spec.podIP}\n` +
        `RemoteAddr: ${req.clientIP ?? '127.0.0.1'}:40000\n${req.method} ${req.path} HTTP/1.1\nHost: ${req.host ?? spec.podIP}\n${headers}\n`;
      return { response: respond(req, atMs, 200, body, { 'Content-Type': 'text/plain; charset=utf-8' }) };
    },
  };
};

/** registry.k8s.io/echoserver: nginx + lua echoing the request (1.4's layout as the minikube tutorial shows). */
export const echoserverProgram: Program = ({ spec, tag }) => {
  return {
    events: [],
    listen: { ports: [8080], afterMs: 100 },
    http(req, atMs) {
      const host = req.host ?? `${spec.podIP}:8080`;
      const hostname = host.split(':')[0];
      const lower = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      lower.host = host;
      const headers = Object.keys(lower).sort().map((k) => `${k}=${lower[k]}\n`).join('');
      const q = req.path.includes('?') ? req.path.slice(req.path.indexOf('?') + 1) : 'nil';
      const bodyIn = req.body ? req.body : '-no body in request-';
      let body: string;
      if (tag.version === '1.4') {
        body =
          `CLIENT VALUES:\nclient_address=${req.clientIP ?? '127.0.0.1'}\ncommand=${req.method}\nreal path=${pathOnly(req.path)}\nquery=${q}\nrequest_version=1.1\nrequest_uri=http://${hostname}:8080${req.path}\n\n` +
          `SERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\nHEADERS RECEIVED:\n${headers}BODY:\n${bodyIn}`;
      } else {
        const tabbed = headers.replace(/^/gm, '\t').replace(/\t$/, '');
        body =
          `\n\nHostname: ${spec.hostname}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\n` +
          `Request Information:\n\tclient_address=${req.clientIP ?? '127.0.0.1'}\n\tmethod=${req.method}\n\treal path=${pathOnly(req.path)}\n\tquery=${q === 'nil' ? '' : q}\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${hostname}:8080${req.path}\n\n` +
          `Request Headers:\n${tabbed}\nRequest Body:\n\t${bodyIn}\n\n`;
      }
      const response = respond(req, atMs, 200, body, { Server: tag.version === '1.4' ? 'nginx/1.10.0' : 'echoserver', 'Content-Type': 'text/plain', Connection: 'keep-alive' });
      return { response, log: { kind: 'stdout', text: nginxAccessLog(req, atMs, 200, bodyBytes(body)).replace(/ "-"\n$/, '\n') } };
    },
  };
};
