// curl, wget and nslookup for the container shell. They reach the simulated network only
// through the hooks in the shell context and print the real tools' error texts when it fails.

import type { NetHooks, NetResult } from './state';
import { byteLength, type UtilResult } from './text';

/** What a network utility did: its output plus how long it took (connect timeouts are slow). */
export type NetUtilResult = UtilResult & { elapsedMs?: number; file?: { path: string; content: string } };

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** Host and port of a URL as typed (`web`, `http://web:8080/x`, `10.0.0.1/path`). */
export function splitUrl(url: string): { scheme: string; host: string; port: number; path: string; full: string } {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]*)(?::(\d+))?([^#]*)/i.exec(url)!;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] || '/';
  return { scheme, host: m[2], port, path, full: `${scheme}://${m[2]}${m[3] ? ':' + m[3] : ''}${path}` };
}

function request(net: NetHooks | undefined, url: string, method: string, headers: Record<string, string>, body?: string): NetResult {
  const u = splitUrl(url);
  if (!net?.http) return { ok: false, error: 'unresolved', host: u.host, port: u.port };
  return net.http({ url: u.full, method, headers, body });
}

/** curl [-s] [-S] [-i] [-I] [-f] [-o FILE] [-X M] [-H 'K: V'] [-d DATA] [-m SECS] [-L] URL */
export function curl(args: string[], net: NetHooks | undefined): NetUtilResult {
  let silent = false, showErr = false, include = false, head = false, fail = false;
  let method: string | undefined, body: string | undefined, output: string | undefined, maxTime: number | undefined;
  const headers: Record<string, string> = { 'User-Agent': 'curl/7.88.1', Accept: '*/*' };
  let url: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-X' || a === '--request') method = args[++k];
    else if (a === '-H' || a === '--header') {
      const [key, ...v] = args[++k].split(':');
      headers[key.trim()] = v.join(':').trim();
    } else if (a === '-d' || a === '--data' || a === '--data-raw') body = args[++k];
    else if (a === '-o' || a === '--output') output = args[++k];
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout') maxTime = Number(args[++k]);
    else if (a === '--silent') silent = true;
    else if (a === '--include') include = true;
    else if (a === '--head') head = true;
    else if (a === '--fail') fail = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 's') silent = true;
        else if (f === 'S') showErr = true;
        else if (f === 'i') include = true;
        else if (f === 'I') head = true;
        else if (f === 'f') fail = true;
      }
    } else if (!a.startsWith('-')) url = a;
  }
  if (url === undefined) return { err: "curl: try 'curl --help' or 'curl --manual' for more information\n", status: 2 };
  const quiet = silent && !showErr;
  const u = splitUrl(url);
  const r = request(net, url, method ?? (head ? 'HEAD' : body !== undefined ? 'POST' : 'GET'), headers, body);
  if (!r.ok) {
    const elapsed = r.error === 'timeout' ? (maxTime !== undefined ? maxTime * 1000 + 1 : 130_000) : r.elapsedMs ?? 0;
    const msg =
      r.error === 'unresolved'
        ? { code: 6, text: `Could not resolve host: ${u.host}` }
        : r.error === 'timeout' && maxTime !== undefined
          ? { code: 28, text: `Connection timed out after ${elapsed} milliseconds` }
          : { code: r.error === 'timeout' ? 28 : 7, text: `Failed to connect to ${u.host} port ${u.port} after ${elapsed} ms: Couldn't connect to server` };
    return { err: quiet ? '' : `curl: (${msg.code}) ${msg.text}\n`, status: msg.code, elapsedMs: elapsed };
  }
  if (fail && r.status >= 400) {
    return { err: quiet ? '' : `curl: (22) The requested URL returned error: ${r.status}\n`, status: 22, elapsedMs: r.elapsedMs };
  }
  let out = '';
  if (include || head) {
    out += `HTTP/1.1 ${r.status} ${r.statusText ?? STATUS_TEXT[r.status] ?? ''}\r\n`;
    for (const [k, v] of Object.entries(r.headers)) out += `${k}: ${v}\r\n`;
    out += '\r\n';
  }
  if (!head) out += r.body;
  if (output !== undefined && output !== '-') return { status: 0, file: { path: output, content: out }, elapsedMs: r.elapsedMs };
  return { out, status: 0, elapsedMs: r.elapsedMs };
}

/** busybox wget [-q] [-O FILE] [-T SECS] [--spider] URL */
export function wget(args: string[], net: NetHooks | undefined): NetUtilResult {
  let quiet = false, spider = false;
  let output: string | undefined, timeout: number | undefined, url: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-O') output = args[++k];
    else if (a === '-T') timeout = Number(args[++k]);
    else if (a === '--spider') spider = true;
    else if (a === '-qO-' || a === '-qO') {
      quiet = true;
      output = a === '-qO-' ? '-' : args[++k];
    } else if (a.startsWith('-O')) output = a.slice(2);
    else if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('q')) quiet = true;
    } else url = a;
  }
  if (url === undefined) return { err: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n', status: 1 };
  const u = splitUrl(url);
  const r = request(net, url, spider ? 'HEAD' : 'GET', { 'User-Agent': 'Wget', Connection: 'close' });
  if (!r.ok) {
    if (r.error === 'unresolved') return { err: `wget: bad address '${u.host}'\n`, status: 1 };
    if (r.error === 'timeout' && timeout !== undefined) return { err: 'wget: download timed out\n', status: 1, elapsedMs: timeout * 1000 };
    const why = r.error === 'refused' ? 'Connection refused' : r.error === 'timeout' ? 'Connection timed out' : 'No route to host';
    return { err: `wget: can't connect to remote host (${r.ip ?? u.host}): ${why}\n`, status: 1, elapsedMs: r.error === 'timeout' ? 130_000 : r.elapsedMs };
  }
  const connecting = quiet ? '' : `Connecting to ${u.host}${u.port !== 80 ? ':' + u.port : ''} (${r.ip ?? u.host}:${u.port})\n`;
  if (r.status >= 400) {
    return { err: `${connecting}wget: server returned error: HTTP/1.1 ${r.status} ${r.statusText ?? STATUS_TEXT[r.status] ?? ''}\n`, status: 1 };
  }
  if (spider) return { err: connecting + (quiet ? '' : 'remote file exists\n'), status: 0 };
  const size = byteLength(r.body);
  const bar = (name: string) => `${name.padEnd(20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
  if (output === '-') {
    return { out: r.body, err: quiet ? '' : `${connecting}writing to stdout\n${bar('-')}written to stdout\n`, status: 0 };
  }
  const name = output ?? (u.path.split('?')[0].split('/').pop() || 'index.html');
  return {
    err: quiet ? '' : `${connecting}saving to '${name}'\n${bar(name)}'${name}' saved\n`,
    status: 0,
    file: { path: name, content: r.body },
  };
}

/** busybox nslookup NAME [SERVER] */
export function nslookup(args: string[], net: NetHooks | undefined): UtilResult {
  const name = args.find((a) => !a.startsWith('-'));
  if (name === undefined) return { err: 'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n', status: 1 };
  if (!net?.lookup) return { out: ';; connection timed out; no servers could be reached\n\n', status: 1 };
  const r = net.lookup(name);
  const head = `Server:\t\t${r.server}\nAddress:\t${r.server}:53\n\n`;
  if ('error' in r) return { out: `${head}** server can't find ${name}: ${r.error}\n\n`, status: 1 };
  return { out: head + r.addresses.map((a) => `Name:\t${r.name}\nAddress: ${a}\n`).join('') + '\n', status: 0 };
}
