// pods/exec and pods/attach served from the engine over WebSocket (v5 and v4 channel protocols):
// output frames, the kubelet's exit Status, stdin, tty, and the refusals answered before upgrading.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Status } from '../../src/engine/api/types';
import { startServer, type RunningServer } from '../../src/server/server';
import { CLOSE_SIGNAL, ERROR, STDERR, STDIN, STDOUT } from '../../src/server/streams';
import { wsConnect } from './ws-client';

let srv: RunningServer;

function createPod(name: string, spec: Record<string, unknown>): void {
  const ans = srv.cluster.server.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec } });
  expect(ans.status).toBe(201);
  srv.cluster.settle();
}

const busybox = (name: string, script: string) => ({ name, image: 'busybox:1.36', command: ['sh', '-c', script] });

beforeAll(async () => {
  srv = await startServer({ port: 0, speed: 0, startTime: Date.UTC(2025, 0, 15, 9, 30, 0) });
  createPod('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
  createPod('two', { containers: [{ name: 'nginx', image: 'nginx:1.27' }, busybox('side', 'sleep 3600')] });
  createPod('nowhere', { nodeSelector: { disk: 'none' }, containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
  srv.cluster.advance(30_000);
});
afterAll(async () => {
  await srv.close();
});

const execPath = (pod: string, q: string) => `/api/v1/namespaces/default/pods/${pod}/exec?${q}`;
const cmd = (...args: string[]) => args.map((a) => `command=${encodeURIComponent(a)}`).join('&');
const status = (text: string) => JSON.parse(text) as Status;

describe('exec without stdin', () => {
  const rows: { name: string; pod: string; query: string; protocol?: string; want: [number, string][]; code: number }[] = [
    { name: 'echo on stdout', pod: 'web', query: `${cmd('echo', 'hello')}&stdout=true&stderr=true`, want: [[STDOUT, ''], [STDOUT, 'hello\n']], code: 0 },
    { name: 'stderr and exit code', pod: 'web', query: `${cmd('sh', '-c', 'echo out; echo err >&2; exit 3')}&stdout=true&stderr=true`, want: [[STDOUT, ''], [STDOUT, 'out\n'], [STDERR, 'err\n']], code: 3 },
    { name: 'v4 protocol', pod: 'web', query: `${cmd('echo', 'v4')}&stdout=true&stderr=true`, protocol: 'v4.channel.k8s.io', want: [[STDOUT, ''], [STDOUT, 'v4\n']], code: 0 },
    { name: 'named container', pod: 'two', query: `${cmd('hostname')}&container=side&stdout=true&stderr=true`, want: [[STDOUT, ''], [STDOUT, 'two\n']], code: 0 },
    { name: 'stdout not asked for', pod: 'web', query: `${cmd('sh', '-c', 'echo out; echo err >&2')}&stderr=true`, want: [[STDERR, ''], [STDERR, 'err\n']], code: 0 },
    { name: 'tty merges stderr and ends lines with CRLF', pod: 'web', query: `${cmd('sh', '-c', 'echo a; echo b >&2')}&stdout=true&tty=true`, want: [[STDOUT, ''], [STDOUT, 'a\r\nb\r\n']], code: 0 },
  ];
  for (const r of rows) {
    it(r.name, async () => {
      const c = await wsConnect(srv.port, execPath(r.pod, r.query), r.protocol);
      expect(c.head).toMatch(/^HTTP\/1.1 101/);
      await c.closed;
      const texts = c.texts();
      expect(texts.slice(0, -1)).toEqual(r.want);
      const [ch, last] = texts[texts.length - 1];
      expect(ch).toBe(ERROR);
      if (r.code === 0) expect(status(last)).toEqual({ metadata: {}, status: 'Success' });
      else expect(status(last)).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: String(r.code) }] } });
    });
  }
});

describe('exec with stdin', () => {
  it('v5: collects stdin until the close signal, then runs', async () => {
    const c = await wsConnect(srv.port, execPath('web', `${cmd('cat')}&stdin=true&stdout=true&stderr=true`));
    c.send(STDIN, 'hel');
    c.send(STDIN, 'lo\n');
    c.send(CLOSE_SIGNAL, Buffer.from([STDIN]));
    await c.closed;
    expect(c.texts()).toEqual([[STDOUT, ''], [STDOUT, 'hello\n'], [ERROR, '{"metadata":{},"status":"Success"}']]);
  });
  it('v5: nothing runs before stdin ends', async () => {
    const c = await wsConnect(srv.port, execPath('web', `${cmd('cat')}&stdin=true&stdout=true`));
    c.send(STDIN, 'x');
    await new Promise((r) => setTimeout(r, 400));
    expect(c.texts()).toEqual([[STDOUT, '']]);
    c.send(CLOSE_SIGNAL, Buffer.from([STDIN]));
    await c.closed;
    expect(c.texts()[1]).toEqual([STDOUT, 'x']);
  });
  it('v4: stdin ends once it has been quiet for a moment', async () => {
    const c = await wsConnect(srv.port, execPath('web', `${cmd('wc', '-c')}&stdin=true&stdout=true`), 'v4.channel.k8s.io');
    c.send(STDIN, 'abcd');
    await c.closed;
    expect(c.texts().map(([ch, t]) => [ch, t.trim()])).toEqual([[STDOUT, ''], [STDOUT, '4'], [ERROR, '{"metadata":{},"status":"Success"}']]);
  });
});

describe('exec refused before the upgrade', () => {
  const rows: { name: string; path: string; code: number; reason: string; message: string }[] = [
    { name: 'missing pod', path: execPath('nope', `${cmd('ls')}&stdout=true`), code: 404, reason: 'NotFound', message: 'pods "nope" not found' },
    { name: 'bad container', path: execPath('web', `${cmd('ls')}&container=bad&stdout=true`), code: 400, reason: 'BadRequest', message: 'container bad is not valid for pod web' },
    { name: 'container needed', path: execPath('two', `${cmd('ls')}&stdout=true`), code: 400, reason: 'BadRequest', message: 'a container name must be specified for pod two, choose one of: [nginx side]' },
    { name: 'no node yet', path: execPath('nowhere', `${cmd('ls')}&stdout=true`), code: 400, reason: 'BadRequest', message: 'pod nowhere does not have a host assigned' },
    { name: 'no command', path: execPath('web', 'stdout=true'), code: 400, reason: 'BadRequest', message: 'you must specify at least 1 command' },
    { name: 'attach to a missing pod', path: '/api/v1/namespaces/default/pods/nope/attach?stdout=true', code: 404, reason: 'NotFound', message: 'pods "nope" not found' },
  ];
  for (const r of rows) {
    it(r.name, async () => {
      const c = await wsConnect(srv.port, r.path);
      await c.closed;
      expect(c.head).toMatch(new RegExp(`^HTTP/1.1 ${r.code} `));
      expect(JSON.parse(c.body())).toMatchObject({ kind: 'Status', status: 'Failure', code: r.code, reason: r.reason, message: r.message });
    });
  }
});

describe('attach', () => {
  it('refuses a container that is not running yet, as the log does', async () => {
    createPod('later', { restartPolicy: 'Never', containers: [busybox('t', 'sleep 60')] });
    const c = await wsConnect(srv.port, '/api/v1/namespaces/default/pods/later/attach?container=t&stdout=true');
    await c.closed;
    expect(c.head).toMatch(/^HTTP\/1.1 400 /);
    expect(JSON.parse(c.body())).toMatchObject({ reason: 'BadRequest', message: 'container "t" in pod "later" is waiting to start: ContainerCreating' });
  });
  it('streams what the container writes from now on and ends with it', async () => {
    createPod('ticker', { restartPolicy: 'Never', containers: [busybox('t', 'echo early; sleep 10; echo a; sleep 2; echo b')] });
    srv.cluster.advance(8_000);
    const c = await wsConnect(srv.port, '/api/v1/namespaces/default/pods/ticker/attach?container=t&stdout=true&stderr=true');
    expect(c.head + c.body()).toMatch(/^HTTP\/1.1 101/);
    // What it wrote before the attach is in the log, not on the attached stream.
    expect(srv.cluster.server.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/ticker/log' }).body).toBe('early\n');
    for (let i = 0; i < 8; i++) srv.cluster.advance(1_000);
    await c.closed;
    const texts = c.texts();
    expect(texts.slice(0, -1).map(([ch, t]) => [ch, t]).filter(([, t]) => t !== '')).toEqual([[STDOUT, 'a\n'], [STDOUT, 'b\n']]);
    expect(texts[texts.length - 1]).toEqual([ERROR, '{"metadata":{},"status":"Success"}']);
  });
});
