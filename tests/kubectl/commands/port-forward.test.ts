// kubectl port-forward: port parsing and mapping tables (client-go parsePorts, kubectl
// translateServicePortToTargetPort / convertPodNamedPortToNumber), and full-cluster sessions
// where a forward carries `curl http://localhost:PORT/` to nginx, plus upstream's errors.

import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import { loadAllOpenApi } from '../../../src/engine/api/openapi';
import { ROOT, runKubectl } from '../../../src/kubectl/root';
import { defaultKubeconfig } from '../../../src/kubectl/env';
import { inProcessTransport } from '../../../src/kubectl/transport';
import { CmdError } from '../../../src/kubectl/errors';
import { convertNamedPorts, forwardingLines, parsePorts, translateServicePorts, type ForwardHost } from '../../../src/kubectl/commands/port-forward';
import { portForwardCommand } from '../../../src/kubectl/commands/port-forward-command';
import { curlWithForwards, Forwards } from '../../../src/headless/forwards';

const err = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CmdError);
    return (e as Error).message;
  }
  return 'no error';
};

describe('parsePorts (client-go)', () => {
  const rows: { input: string[]; want: unknown }[] = [
    { input: ['5000'], want: [{ local: 5000, remote: 5000 }] },
    { input: ['8888:5000'], want: [{ local: 8888, remote: 5000 }] },
    { input: [':5000'], want: [{ local: 0, remote: 5000 }] },
    { input: ['0:5000'], want: [{ local: 0, remote: 5000 }] },
    { input: ['5000', '6000'], want: [{ local: 5000, remote: 5000 }, { local: 6000, remote: 6000 }] },
    { input: ['a:b:c'], want: "invalid port format 'a:b:c'" },
    { input: ['abc:5000'], want: `error parsing local port 'abc': strconv.ParseUint: parsing "abc": invalid syntax` },
    { input: ['8080:abc'], want: `error parsing remote port 'abc': strconv.ParseUint: parsing "abc": invalid syntax` },
    { input: ['70000:80'], want: `error parsing local port '70000': strconv.ParseUint: parsing "70000": value out of range` },
    { input: ['-1:80'], want: `error parsing local port '-1': strconv.ParseUint: parsing "-1": invalid syntax` },
    { input: ['8080:0'], want: 'remote port must be > 0' },
    { input: ['0'], want: 'remote port must be > 0' },
    { input: ['8080:'], want: `error parsing remote port '': strconv.ParseUint: parsing "": invalid syntax` },
  ];
  for (const { input, want } of rows) {
    it(input.join(' '), () => {
      if (typeof want === 'string') expect(err(() => parsePorts(input))).toBe(want);
      else expect(parsePorts(input)).toEqual(want);
    });
  }
});

const pod = {
  metadata: { name: 'mypod' },
  spec: {
    containers: [{ name: 'a', ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }] }],
    initContainers: [{ name: 'i', ports: [{ name: 'init', containerPort: 7070 }] }],
  },
};

describe('convertPodNamedPortToNumber', () => {
  const rows: { input: string[]; want: string[] | string }[] = [
    { input: ['80'], want: ['80'] },
    { input: ['8000:80'], want: ['8000:80'] },
    { input: ['http'], want: ['8080'] },
    { input: ['9000:metrics'], want: ['9000:9090'] },
    { input: ['init'], want: ['7070'] },
    { input: ['http', '8000:80'], want: ['8080', '8000:80'] },
    { input: ['8000:'], want: 'remote port cannot be empty' },
    { input: ['nope'], want: "Pod 'mypod' does not have a named port 'nope'" },
  ];
  for (const { input, want } of rows) {
    it(input.join(' '), () => {
      if (typeof want === 'string') expect(err(() => convertNamedPorts(input, pod))).toBe(want);
      else expect(convertNamedPorts(input, pod)).toEqual(want);
    });
  }
});

describe('translateServicePortToTargetPort', () => {
  const svc = {
    metadata: { name: 'mysvc' },
    spec: {
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'web', port: 80, targetPort: 8080 },
        { name: 'https', port: 443, targetPort: 'http' },
        { port: 81 },
        { name: 'bad', port: 82, targetPort: 'nope' },
      ],
    },
  };
  const headless = { metadata: { name: 'hl' }, spec: { clusterIP: 'None', ports: [{ port: 80, targetPort: 8080 }] } };
  const rows: { svc: unknown; input: string[]; want: string[] | string }[] = [
    { svc, input: ['80'], want: ['80:8080'] },
    { svc, input: ['8080:80'], want: ['8080'] },
    { svc, input: ['9000:80'], want: ['9000:8080'] },
    { svc, input: ['443'], want: ['443:8080'] },
    { svc, input: ['https'], want: ['443:8080'] },
    { svc, input: ['8443:https'], want: ['8443:8080'] },
    { svc, input: ['web'], want: ['80:8080'] },
    { svc, input: ['81'], want: ['81'] },
    { svc, input: ['82'], want: "Pod 'mypod' does not have a named port 'nope'" },
    { svc, input: ['83'], want: 'Service mysvc does not have a service port 83' },
    { svc, input: ['ftp'], want: "Service 'mysvc' does not have a named port 'ftp'" },
    { svc: headless, input: ['80'], want: ['80'] },
    { svc: headless, input: ['9999'], want: ['9999'] },
  ];
  for (const { svc: s, input, want } of rows) {
    it(`${(s as { metadata: { name: string } }).metadata.name} ${input.join(' ')}`, () => {
      if (typeof want === 'string') expect(err(() => translateServicePorts(input, s as never, pod))).toBe(want);
      else expect(translateServicePorts(input, s as never, pod)).toEqual(want);
    });
  }
});

describe('Forwarding from lines', () => {
  const rows = [
    { input: { a: ['localhost'], l: 8080, r: 80 }, want: 'Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n' },
    { input: { a: ['0.0.0.0'], l: 8888, r: 5000 }, want: 'Forwarding from 0.0.0.0:8888 -> 5000\n' },
    { input: { a: ['localhost', '10.19.21.23'], l: 8888, r: 5000 }, want: 'Forwarding from 127.0.0.1:8888 -> 5000\nForwarding from [::1]:8888 -> 5000\nForwarding from 10.19.21.23:8888 -> 5000\n' },
    { input: { a: ['::'], l: 1, r: 2 }, want: 'Forwarding from [::]:1 -> 2\n' },
  ];
  for (const { input, want } of rows) it(input.a.join(','), () => expect(forwardingLines(input.a, input.l, input.r)).toBe(want));
});

/** A kubectl session on a full cluster whose host implements the forward hook. */
function session(cluster: Cluster) {
  const forwards = new Forwards(cluster);
  const config = defaultKubeconfig();
  const cache = new Map<string, unknown>();
  let interrupt: (() => void) | undefined;
  let out = '';
  const run = (line: string) => {
    let bg!: () => void;
    const background = new Promise<void>((r) => (bg = r));
    const host: ForwardHost = {
      now: () => cluster.clock.now(),
      wait: async (ms) => void cluster.clock.runUntil(cluster.clock.now() + ms),
      untilInterrupted: () => new Promise<void>((r) => ((interrupt = r), bg())),
      forward: (l, t, o, lost) => forwards.listen(l, t, o, lost),
    };
    const done = runKubectl(line.split(' '), {
      transport: inProcessTransport(cluster.server, () => cluster.settle()),
      io: { out: (s) => (out += s), err: (s) => (out += s) },
      files: { read: () => undefined, exists: () => false, isDir: () => false, list: () => [] },
      config,
      cache,
      host,
    });
    return Promise.race([done.then((c) => ({ code: c as number | 'bg' })), background.then(() => ({ code: 'bg' as const }))]).then((r) => ({ ...r, done }));
  };
  const take = () => {
    const s = out;
    out = '';
    return s;
  };
  const curl = (url: string, ...flags: string[]) => curlWithForwards([...flags, url], cluster.network!, forwards).output;
  const stop = () => interrupt?.();
  return { run, take, curl, stop, forwards };
}

describe('port-forward on a cluster', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    await loadAllOpenApi();
    const subs = ROOT.subcommands!;
    const i = subs.findIndex((c) => c.name === 'port-forward');
    subs[i] = portForwardCommand;
    cluster = createCluster({ seed: 3 });
    const s = session(cluster);
    await (await s.run('create deployment web --image=nginx --port=80')).done;
    await (await s.run('expose deployment web --port=8000 --target-port=80')).done;
    await (await s.run('run waiting --image=nginx --overrides={"spec":{"nodeSelector":{"none":"x"}}}')).done;
    cluster.advance(60_000);
  }, 60_000);

  it('forwards a pod port and curl localhost reaches nginx', async () => {
    const s = session(cluster);
    const pods = cluster.client.list(cluster.type('', 'Pod'), 'default').items.filter((p) => p.metadata.name!.startsWith('web-'));
    const r = await s.run(`port-forward pod/${pods[0].metadata.name} 8080:80`);
    expect(r.code).toBe('bg');
    expect(s.take()).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    const page = s.curl('http://localhost:8080/');
    expect(page).toContain('<title>Welcome to nginx!</title>');
    expect(s.take()).toBe('Handling connection for 8080\n');
    expect(s.curl('http://127.0.0.1:8081/')).toBe("curl: (7) Failed to connect to 127.0.0.1 port 8081 after 0 ms: Couldn't connect to server\n");
    s.stop();
    expect(await r.done).toBe(0);
    expect(s.forwards.ports()).toEqual([]);
    expect(s.curl('http://localhost:8080/')).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n");
  });

  it('maps a Service port to its targetPort and deploy/ picks a pod', async () => {
    for (const [line, want] of [
      ['port-forward svc/web 8000', 'Forwarding from 127.0.0.1:8000 -> 80\nForwarding from [::1]:8000 -> 80\n'],
      ['port-forward deployment/web 9000:80', 'Forwarding from 127.0.0.1:9000 -> 80\nForwarding from [::1]:9000 -> 80\n'],
      ['port-forward deploy/web :80', 'Forwarding from 127.0.0.1:40000 -> 80\nForwarding from [::1]:40000 -> 80\n'],
      ['port-forward --address 0.0.0.0 svc/web 7000:8000', 'Forwarding from 0.0.0.0:7000 -> 80\n'],
    ]) {
      const s = session(cluster);
      const r = await s.run(line);
      expect(s.take()).toBe(want);
      const port = /:(\d+) ->/.exec(want)![1];
      expect(s.curl(`http://localhost:${port}/`, '-s')).toContain('Welcome to nginx!');
      s.stop();
      expect(await r.done).toBe(0);
    }
  });

  it('fails as upstream', async () => {
    const rows = [
      { input: 'port-forward', want: "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n" },
      { input: 'port-forward nope 80', want: 'Error from server (NotFound): pods "nope" not found\n' },
      { input: 'port-forward waiting 80', want: 'error: unable to forward port because pod is not running. Current status=Pending\n' },
      { input: 'port-forward svc/web 81', want: 'error: Service web does not have a service port 81\n' },
      { input: 'port-forward svc/web http', want: "error: Service 'web' does not have a named port 'http'\n" },
      { input: 'port-forward deploy/web 8080:x', want: "error: Pod 'PODNAME' does not have a named port 'x'\n" },
      { input: 'port-forward deploy/web 99999', want: `error: error parsing local port '99999': strconv.ParseUint: parsing "99999": value out of range\n` },
      { input: 'port-forward --address=foo deploy/web 80', want: 'error: foo is not a valid IP\n' },
    ];
    const podName = cluster.client.list(cluster.type('', 'Pod'), 'default').items.find((p) => p.metadata.name!.startsWith('web-'))!.metadata.name!;
    for (const { input, want } of rows) {
      const s = session(cluster);
      const r = await s.run(input);
      expect(r.code, input).toBe(1);
      expect(s.take(), input).toBe(want.replace('PODNAME', podName));
    }
  });

  it('treats A:B:C as port A for pods, as kubectl splitPort does', async () => {
    const s = session(cluster);
    const r = await s.run('port-forward deploy/web 6001:2:3');
    expect(s.take()).toBe('Forwarding from 127.0.0.1:6001 -> 6001\nForwarding from [::1]:6001 -> 6001\n');
    // nginx does not listen on 6001: the forwarded connection closes empty.
    expect(s.curl('http://localhost:6001/')).toBe('curl: (52) Empty reply from server\n');
    expect(s.curl('http://localhost:6001/', '-s')).toBe('');
    s.stop();
    expect(await r.done).toBe(0);
  });

  it('reports a port in use and ends when the pod is gone', async () => {
    const s = session(cluster);
    const first = await s.run('port-forward deploy/web 8080:80');
    s.take();
    const second = await s.run('port-forward deploy/web 8080:80');
    expect(second.code).toBe(1);
    expect(s.take()).toBe(
      'Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\n' +
        'error: unable to listen on any of the requested ports: [{8080 80}]\n',
    );
    const name = cluster.client.list(cluster.type('', 'Pod'), 'default').items.find((p) => p.metadata.name!.startsWith('web-'))!.metadata.name!;
    const s2 = session(cluster);
    const fwd = await s2.run(`port-forward ${name} 5555:80`);
    await (await s2.run(`delete pod ${name} --grace-period=0 --force`)).done;
    cluster.advance(5_000);
    s2.take();
    expect(s2.curl('http://localhost:5555/')).toBe('curl: (52) Empty reply from server\n');
    expect(await fwd.done).toBe(1);
    expect(s2.take()).toBe('Handling connection for 5555\nerror: lost connection to pod\n');
    s.stop();
    expect(await first.done).toBe(0);
  });
});
