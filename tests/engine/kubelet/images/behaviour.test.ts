// Per-image observable behaviour: first log lines, exits and crash loops, HTTP answers, exec,
// resource use, as a container started from the catalog shows them.
import { describe, expect, it } from 'vitest';
import { createImageCatalog, isPullFailure } from '../../../../src/engine/kubelet/images/index';
import { NGINX_WELCOME, NGINX_WELCOME_OLD } from '../../../../src/engine/kubelet/images/nginx';
import type { ProcessEvent, SimProcess } from '../../../../src/engine/kubelet/process';
import { Random } from '../../../../src/engine/clock';

const START = Date.UTC(2024, 7, 14, 12, 0, 0);
const cat = createImageCatalog();

function start(ref: string, opts: { command?: string[]; args?: string[]; env?: Record<string, string>; files?: Record<string, string>; memoryLimitBytes?: number } = {}): SimProcess {
  const image = cat.resolve(ref);
  if (isPullFailure(image)) throw new Error(image.message);
  return cat.start({
    image,
    command: opts.command,
    args: opts.args,
    env: opts.env ?? {},
    hostname: 'pod-abc',
    podIP: '10.244.1.5',
    files: opts.files ?? {},
    memoryLimitBytes: opts.memoryLimitBytes,
    random: new Random(1),
    startedAtMs: START,
  } as Parameters<typeof cat.start>[0]);
}

function events(p: SimProcess, max = 200): ProcessEvent[] {
  const out: ProcessEvent[] = [];
  for (let k = 0; k < max; k++) {
    const e = p.next();
    if (!e) break;
    out.push(e);
    if (e.kind === 'exit') break;
  }
  return out;
}
const text = (ev: ProcessEvent[]) => ev.filter((e) => e.kind !== 'exit').map((e) => (e as { text: string }).text).join('');
const exitOf = (ev: ProcessEvent[]) => ev.find((e) => e.kind === 'exit');
const get = (path: string, port = 80) => ({ method: 'GET', path, port, clientIP: '10.244.0.1', headers: { 'User-Agent': 'curl/7.88.1', Accept: '*/*' } });

describe('exits and crash loops', () => {
  const rows: { ref: string; command?: string[]; args?: string[]; env?: Record<string, string>; firstLine?: string; exit: { code: number; reason?: string } | undefined }[] = [
    { ref: 'busybox', exit: { code: 0, reason: 'Completed' } },
    { ref: 'alpine', exit: { code: 0, reason: 'Completed' } },
    { ref: 'ubuntu', exit: { code: 0, reason: 'Completed' } },
    { ref: 'debian', exit: { code: 0, reason: 'Completed' } },
    { ref: 'node', exit: { code: 0, reason: 'Completed' } },
    { ref: 'python', exit: { code: 0, reason: 'Completed' } },
    { ref: 'ruby', exit: { code: 0, reason: 'Completed' } },
    { ref: 'busybox', command: ['sh', '-c', 'echo hi; exit 1'], firstLine: 'hi\n', exit: { code: 1, reason: 'Error' } },
    { ref: 'busybox', command: ['echo', 'hello'], firstLine: 'hello\n', exit: { code: 0, reason: 'Completed' } },
    { ref: 'busybox', args: ['sleep', '3600'], exit: { code: 0, reason: 'Completed' } },
    { ref: 'busybox', command: ['foo'], firstLine: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown\n', exit: { code: 128, reason: 'Error' } },
    { ref: 'gcr.io/google-samples/hello-app:1.0', command: ['sh', '-c', 'echo x'], firstLine: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown\n', exit: { code: 128, reason: 'Error' } },
    { ref: 'python', command: ['python', '-c', "print('hi')"], firstLine: 'hi\n', exit: { code: 0, reason: 'Completed' } },
    { ref: 'node', command: ['node', '-e', 'console.log("hey")'], firstLine: 'hey\n', exit: { code: 0, reason: 'Completed' } },
    { ref: 'python', args: ['python', 'app.py'], firstLine: "python: can't open file '/app.py': [Errno 2] No such file or directory\n", exit: { code: 2, reason: 'Error' } },
    { ref: 'mysql', firstLine: '2024-08-14 12:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.2.0-1.el9 started.\n', exit: { code: 1, reason: 'Error' } },
    { ref: 'mysql:5.7', firstLine: '2024-08-14 12:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 5.7.44-1.el7 started.\n', exit: { code: 1, reason: 'Error' } },
    { ref: 'mysql', env: { MYSQL_ROOT_PASSWORD: 'pw' }, exit: undefined },
    { ref: 'mysql', env: { MYSQL_ALLOW_EMPTY_PASSWORD: 'yes' }, exit: undefined },
    { ref: 'mysql', env: { MYSQL_RANDOM_ROOT_PASSWORD: 'yes' }, exit: undefined },
    { ref: 'postgres', firstLine: 'Error: Database is uninitialized and superuser password is not specified.\n', exit: { code: 1, reason: 'Error' } },
    { ref: 'postgres', env: { POSTGRES_PASSWORD: 'pw' }, exit: undefined },
    { ref: 'postgres', env: { POSTGRES_HOST_AUTH_METHOD: 'trust' }, exit: undefined },
    { ref: 'redis', exit: undefined },
    { ref: 'mongo', exit: undefined },
    { ref: 'nginx', exit: undefined },
    { ref: 'httpd', exit: undefined },
    { ref: 'hashicorp/http-echo', args: ['-text=hello'], exit: undefined },
    { ref: 'quay.io/jetstack/cert-manager-controller:v1.16.3', exit: undefined },
  ];
  for (const row of rows) {
    it(`${row.ref} ${JSON.stringify(row.command ?? row.args ?? row.env ?? '')}`, () => {
      const ev = events(start(row.ref, row));
      const exit = exitOf(ev);
      expect(exit ? { code: (exit as { code: number }).code, reason: (exit as { reason?: string }).reason } : undefined).toEqual(row.exit);
      if (row.firstLine !== undefined) expect(text(ev).split('\n')[0] + '\n').toBe(row.firstLine);
      for (let k = 1; k < ev.length; k++) expect(ev[k].at).toBeGreaterThanOrEqual(ev[k - 1].at);
    });
  }

  it('mysql prints the entrypoint error lines verbatim', () => {
    const out = text(events(start('mysql:8.0')));
    expect(out).toBe(
      "2024-08-14 12:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.41-1.el9 started.\n" +
        "2024-08-14 12:00:00+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'\n" +
        '2024-08-14 12:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.41-1.el9 started.\n' +
        '2024-08-14 12:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n' +
        '    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n',
    );
  });

  it('mysql with a password ends ready for connections and listens on 3306', () => {
    const p = start('mysql:8.0', { env: { MYSQL_ROOT_PASSWORD: 'x' } });
    const out = text(events(p));
    expect(out).toContain("/usr/sbin/mysqld: ready for connections. Version: '8.0.41'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.");
    expect(p.tcp(3306, 1000)).toBe(false);
    expect(p.tcp(3306, 20_000)).toBe(true);
  });

  it('busybox loop logs a date line every 5 s of simulated time', () => {
    const p = start('busybox', { command: ['sh', '-c', 'while true; do echo "$(date) hello"; sleep 5; done'] });
    expect([p.next(), p.next()]).toEqual([
      { at: 0, kind: 'stdout', text: 'Wed Aug 14 12:00:00 UTC 2024 hello\n' },
      { at: 5000, kind: 'stdout', text: 'Wed Aug 14 12:00:05 UTC 2024 hello\n' },
    ]);
  });
});

describe('nginx', () => {
  it('1.27 logs the entrypoint lines then notices on stderr', () => {
    const ev = events(start('nginx:1.27'));
    const lines = text(ev).split('\n');
    expect(lines[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(lines).toContain('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
    expect(lines).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(lines).toContain('2024/08/14 12:00:00 [notice] 1#1: nginx/1.27.4');
    expect(ev.filter((e) => e.kind === 'stderr').length).toBe(8);
  });

  it('containers started in the same second print the same startup lines, in another second their own', () => {
    const startAt = (ms: number, ref = 'nginx:1.27') => {
      const image = cat.resolve(ref);
      if (isPullFailure(image)) throw new Error(image.message);
      return events(cat.start({ image, env: {}, hostname: 'pod-abc', podIP: '10.244.1.5', files: {}, random: new Random(1), startedAtMs: ms } as Parameters<typeof cat.start>[0]));
    };
    const a = startAt(START);
    const b = startAt(START + 500);
    expect(b).toEqual(a);
    const c = startAt(START + 1000);
    expect(text(c)).toContain('2024/08/14 12:00:01 [notice] 1#1: nginx/1.27.4');
    expect(text(c)).not.toContain('12:00:00 [notice]');
    expect(text(startAt(START + 1000, 'nginx:1.27-alpine'))).toContain('built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)');
    expect(text(startAt(START + 1000))).toBe(text(c));
  });

  it('1.14.2 prints nothing at startup', () => {
    expect(events(start('nginx:1.14.2'))).toEqual([]);
  });

  const rows: { ref: string; path: string; method?: string; status: number; body?: string; server: string }[] = [
    { ref: 'nginx', path: '/', status: 200, body: NGINX_WELCOME, server: 'nginx/1.27.4' },
    { ref: 'nginx:1.7.9', path: '/', status: 200, body: NGINX_WELCOME_OLD, server: 'nginx/1.7.9' },
    { ref: 'nginx:1.25', path: '/index.html', status: 200, body: NGINX_WELCOME, server: 'nginx/1.25.5' },
    { ref: 'nginx', path: '/missing', status: 404, body: '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.4</center>\r\n</body>\r\n</html>\r\n', server: 'nginx/1.27.4' },
    { ref: 'nginx', path: '/', method: 'POST', status: 405, server: 'nginx/1.27.4' },
    { ref: 'nginx', path: '/', method: 'HEAD', status: 200, body: '', server: 'nginx/1.27.4' },
  ];
  for (const row of rows) {
    it(`${row.ref} ${row.method ?? 'GET'} ${row.path}`, () => {
      const p = start(row.ref);
      events(p);
      const r = p.http({ ...get(row.path), method: row.method ?? 'GET' }, 5000);
      if (r === 'refused') throw new Error('refused');
      expect(r.status).toBe(row.status);
      expect(r.headers.Server).toBe(row.server);
      if (row.body !== undefined) expect(r.body).toBe(row.body);
    });
  }

  it('welcome pages are 615 and 612 bytes', () => {
    expect(NGINX_WELCOME.length).toBe(615);
    expect(NGINX_WELCOME_OLD.length).toBe(612);
  });

  it('serves a mounted index.html and logs the request', () => {
    const p = start('nginx', { files: { '/usr/share/nginx/html/index.html': 'custom\n' } });
    events(p);
    const r = p.http(get('/'), 10_000);
    expect(r !== 'refused' && r.body).toBe('custom\n');
    expect(p.next()).toEqual({ at: 10_000, kind: 'stdout', text: '10.244.0.1 - - [14/Aug/2024:12:00:10 +0000] "GET / HTTP/1.1" 200 7 "-" "curl/7.88.1" "-"\n' });
  });

  it('refuses before it listens and on other ports', () => {
    const p = start('nginx');
    expect(p.http(get('/'), 0)).toBe('refused');
    expect(p.http(get('/', 8080), 5000)).toBe('refused');
    expect(p.tcp(80, 5000)).toBe(true);
  });

  it('exec runs in the container (dash, curl present)', () => {
    const p = start('nginx', { env: { A: 'b' } });
    expect(p.exec(['sh', '-c', 'echo $A; foo'], 1000)).toEqual({ stdout: 'b\n', stderr: 'sh: 1: foo: not found\n', exitCode: 127 });
    expect(p.exec(['printenv', 'NGINX_VERSION'], 1000).stdout).toBe('1.27.4\n');
  });

  it('idles at ~1m CPU and 3Mi', () => {
    expect(start('nginx').usage(60_000)).toEqual({ cpuMillicores: 1, memoryBytes: 3 * 1024 * 1024 });
  });
});

describe('other servers', () => {
  it('httpd answers It works! and logs AH00558 twice', () => {
    const p = start('httpd');
    const out = text(events(p));
    expect(out.split('\n')[0]).toBe("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5. Set the 'ServerName' directive globally to suppress this message");
    expect(out).toContain('AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations');
    const r = p.http(get('/'), 1000);
    expect(r !== 'refused' && r.body).toBe('<html><body><h1>It works!</h1></body></html>\n');
  });

  const bodies: { ref: string; args?: string[]; env?: Record<string, string>; port: number; body: string }[] = [
    { ref: 'gcr.io/google-samples/hello-app:1.0', port: 8080, body: 'Hello, world!\nVersion: 1.0.0\nHostname: pod-abc\n' },
    { ref: 'gcr.io/google-samples/hello-app:2.0', port: 8080, body: 'Hello, world!\nVersion: 2.0.0\nHostname: pod-abc\n' },
    { ref: 'gcr.io/google-samples/hello-app:1.0', env: { PORT: '9090' }, port: 9090, body: 'Hello, world!\nVersion: 1.0.0\nHostname: pod-abc\n' },
    { ref: 'hashicorp/http-echo', args: ['-text=apple'], port: 5678, body: 'apple\n' },
    { ref: 'hashicorp/http-echo', args: ['-listen=:8080', '-text', 'banana'], port: 8080, body: 'banana\n' },
    { ref: 'registry.k8s.io/hpa-example', port: 80, body: 'OK!' },
    {
      ref: 'registry.k8s.io/echoserver:1.4',
      port: 8080,
      body: 'CLIENT VALUES:\nclient_address=10.244.0.1\ncommand=GET\nreal path=/\nquery=nil\nrequest_version=1.1\nrequest_uri=http://10.244.1.5:8080/\n\nSERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\nHEADERS RECEIVED:\naccept=*/*\nhost=10.244.1.5:8080\nuser-agent=curl/7.88.1\nBODY:\n-no body in request-',
    },
    { ref: 'traefik/whoami', port: 80, body: 'Hostname: pod-abc\nIP: 127.0.0.1\nIP: ::1\nIP: 10.244.1.5\nRemoteAddr: 10.244.0.1:40000\nGET / HTTP/1.1\nHost: 10.244.1.5\nUser-Agent: curl/7.88.1\nAccept: */*\n\n' },
  ];
  for (const row of bodies) {
    it(`${row.ref} ${JSON.stringify(row.args ?? row.env ?? '')}`, () => {
      const p = start(row.ref, row);
      events(p);
      const r = p.http(get('/', row.port), 5000);
      expect(r !== 'refused' && r.body).toBe(row.body);
    });
  }

  it('http-echo without -text exits', () => {
    expect(exitOf(events(start('hashicorp/http-echo')))).toMatchObject({ code: 127 });
  });

  it('hpa-example CPU grows with requests', () => {
    const p = start('registry.k8s.io/hpa-example');
    events(p);
    const idle = p.usage(10_000).cpuMillicores;
    for (let t = 10_000; t < 25_000; t += 80) p.http(get('/'), t);
    expect(idle).toBe(1);
    expect(p.usage(25_000).cpuMillicores).toBeGreaterThan(400);
    expect(p.usage(60_000).cpuMillicores).toBe(1);
  });

  it('mysql sits at ~400Mi and is OOMKilled under a 256Mi limit', () => {
    expect(start('mysql', { env: { MYSQL_ROOT_PASSWORD: 'x' } }).usage(30_000).memoryBytes).toBe(400 * 1024 * 1024);
    const ev = events(start('mysql', { env: { MYSQL_ROOT_PASSWORD: 'x' }, memoryLimitBytes: 256 * 1024 * 1024 }));
    expect(exitOf(ev)).toEqual({ at: 1000, kind: 'exit', code: 137, reason: 'OOMKilled' });
  });

  it('stress --vm-bytes 150M under a 100Mi limit is OOMKilled', () => {
    const p = start('polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'], memoryLimitBytes: 100 * 1024 * 1024 });
    const ev = events(p);
    expect(ev[0]).toMatchObject({ text: 'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n' });
    expect(exitOf(ev)).toMatchObject({ code: 137, reason: 'OOMKilled' });
  });

  it('scratch images cannot exec a shell', () => {
    const p = start('traefik/whoami');
    expect(p.exec(['sh'], 100)).toEqual({ stdout: '', stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown', exitCode: 127 });
  });

  it('a busybox container reaches nginx through the network hook', () => {
    const image = cat.resolve('busybox');
    if (isPullFailure(image)) throw new Error();
    const p = cat.start({
      image,
      command: ['sh', '-c', 'wget -qO- http://web; wget -qO- http://nope'],
      env: {},
      hostname: 'client',
      podIP: '10.244.2.2',
      files: {},
      random: new Random(1),
      net: {
        http: (req: { url: string }) =>
          req.url.startsWith('http://web') ? { ok: true, status: 200, headers: {}, body: 'hi from web\n' } : { ok: false, error: 'unresolved', host: 'nope', port: 80 },
      },
    } as Parameters<typeof cat.start>[0]);
    expect(text(events(p))).toBe("hi from web\nwget: bad address 'nope'\n");
  });
});
