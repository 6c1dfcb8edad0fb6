// kube-proxy routing through the simulated network: ClusterIP, NodePort, LoadBalancer, pod IPs,
// ready endpoints only, spreading, session affinity, and curl/wget's texts on failure.

import { describe, expect, it } from 'vitest';
import { curl, wget } from '../../../src/engine/kubelet/shell/net';
import type { NetHooks } from '../../../src/engine/kubelet/shell/state';
import { curlLine } from '../../../src/headless/curl';
import { netFixture, NODES, type NetFixture } from './fixtures';

const HELLO = 'gcr.io/google-samples/hello-app:1.0';

function setup(): { f: NetFixture; client: NetHooks; clusterIP: string } {
  const f = netFixture();
  f.pod('hello-a', HELLO, { labels: { app: 'hello' }, node: NODES[0] });
  f.pod('hello-b', HELLO, { labels: { app: 'hello' }, node: NODES[1] });
  f.pod('hello-c', HELLO, { labels: { app: 'hello' }, node: NODES[1] });
  f.pod('client', 'nginx');
  f.cluster.advance(60_000);
  const svc = f.service('hello', { selector: { app: 'hello' }, ports: [{ port: 80, targetPort: 8080 }] });
  f.slice('hello', [{ name: 'hello-a' }, { name: 'hello-b' }, { name: 'hello-c' }], [{ port: 8080 }]);
  return { f, client: f.network.netHooksFor(f.get('Pod', 'client')), clusterIP: (svc.spec as { clusterIP: string }).clusterIP };
}

const hostOf = (body: string) => /Hostname: (\S+)/.exec(body)?.[1];

describe('ClusterIP routing', () => {
  it('spreads requests over every ready endpoint, resolving targetPort', () => {
    const { client } = setup();
    const seen = new Set<string>();
    for (let k = 0; k < 60; k++) seen.add(hostOf(curl(['-s', 'http://hello'], client).out ?? '')!);
    expect([...seen].sort()).toEqual(['hello-a', 'hello-b', 'hello-c']);
  });

  it('every DNS form and the ClusterIP itself reach the Service', () => {
    const { client, clusterIP } = setup();
    for (const url of ['http://hello', 'hello', 'http://hello.default', 'http://hello.default.svc:80/', 'http://hello.default.svc.cluster.local', `http://${clusterIP}`]) {
      expect(curl(['-s', url], client).out).toMatch(/^Hello, world!\nVersion: 1\.0\.0\nHostname: hello-[abc]\n$/);
    }
  });

  it('a not-ready endpoint gets no traffic', () => {
    const { f, client } = setup();
    f.slice('hello', [{ name: 'hello-a', ready: false }, { name: 'hello-b' }, { name: 'hello-c', ready: false }], [{ port: 8080 }]);
    for (let k = 0; k < 30; k++) expect(hostOf(curl(['-s', 'http://hello'], client).out ?? '')).toBe('hello-b');
  });

  it('no ready endpoints: refused with curl and wget texts', () => {
    const { f, client, clusterIP } = setup();
    f.slice('hello', [{ name: 'hello-a', ready: false }], [{ port: 8080 }]);
    const rows: { args: string[]; tool: 'curl' | 'wget'; want: { err: string; status: number } }[] = [
      { tool: 'curl', args: ['http://hello'], want: { err: "curl: (7) Failed to connect to hello port 80 after 0 ms: Couldn't connect to server\n", status: 7 } },
      { tool: 'curl', args: ['-s', 'http://hello'], want: { err: '', status: 7 } },
      { tool: 'curl', args: ['-sS', 'http://hello:80/x'], want: { err: "curl: (7) Failed to connect to hello port 80 after 0 ms: Couldn't connect to server\n", status: 7 } },
      { tool: 'curl', args: ['http://hello:8080'], want: { err: "curl: (7) Failed to connect to hello port 8080 after 0 ms: Couldn't connect to server\n", status: 7 } },
      { tool: 'wget', args: ['-qO-', 'http://hello'], want: { err: `wget: can't connect to remote host (${clusterIP}): Connection refused\n`, status: 1 } },
      { tool: 'curl', args: ['http://nope'], want: { err: 'curl: (6) Could not resolve host: nope\n', status: 6 } },
      { tool: 'wget', args: ['-qO-', 'http://nope'], want: { err: "wget: bad address 'nope'\n", status: 1 } },
    ];
    for (const r of rows) {
      const got = (r.tool === 'curl' ? curl : wget)(r.args, client);
      expect({ err: got.err ?? '', status: got.status }).toEqual(r.want);
    }
  });

  it('a Service with no EndpointSlice at all is refused', () => {
    const { f, client } = setup();
    f.service('lonely', { selector: { app: 'nothing' }, ports: [{ port: 80 }] });
    expect(curl(['http://lonely'], client).status).toBe(7);
  });

  it('sessionAffinity ClientIP pins a client until the timeout', () => {
    const f = netFixture(5);
    for (const n of ['a', 'b', 'c']) f.pod(`hello-${n}`, HELLO, { labels: { app: 'hello' } });
    f.pod('client', 'nginx');
    f.cluster.advance(60_000);
    f.service('sticky', { selector: { app: 'hello' }, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } }, ports: [{ port: 80, targetPort: 8080 }] });
    f.slice('sticky', [{ name: 'hello-a' }, { name: 'hello-b' }, { name: 'hello-c' }], [{ port: 8080 }]);
    const hooks = f.network.netHooksFor(f.get('Pod', 'client'));
    const first = hostOf(curl(['-s', 'http://sticky'], hooks).out ?? '');
    for (let k = 0; k < 20; k++) expect(hostOf(curl(['-s', 'http://sticky'], hooks).out ?? '')).toBe(first);
    // Other clients are spread; after the timeout the pin is redrawn.
    const others = new Set<string>();
    for (let k = 0; k < 30; k++) {
      const r = f.network.request('http://sticky', { fromPod: { namespace: 'default', ip: `10.0.0.${k}` } });
      others.add(r.ok ? hostOf(r.body)! : 'error');
    }
    expect(others.size).toBe(3);
    const redrawn = new Set<string>();
    for (let k = 0; k < 10; k++) {
      f.cluster.advance(61_000);
      redrawn.add(hostOf(curl(['-s', 'http://sticky'], hooks).out ?? '')!);
    }
    expect(redrawn.size).toBeGreaterThan(1);
  });

  it('a pod IP answers directly, even without a Service', () => {
    const { f, client } = setup();
    const ip = (f.get('Pod', 'hello-a').status as { podIP: string }).podIP;
    expect(curl(['-s', `http://${ip}:8080`], client).out).toBe('Hello, world!\nVersion: 1.0.0\nHostname: hello-a\n');
    expect(curl([`http://${ip}:9999`], client).err).toBe(`curl: (7) Failed to connect to ${ip} port 9999 after 0 ms: Couldn't connect to server\n`);
  });

  it("nginx's welcome page through a Service, and the request is in nginx's access log", () => {
    const { f, client } = setup();
    f.pod('web', 'nginx', { labels: { app: 'web' } });
    f.cluster.advance(30_000);
    f.service('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 8080, targetPort: 'http' }] });
    f.slice('web', [{ name: 'web' }], [{ name: 'http', port: 80 }]);
    const r = curl(['-s', 'http://web:8080'], client);
    expect(r.out).toContain('<title>Welcome to nginx!</title>');
    const wg = wget(['-qO-', 'http://web.default:8080'], client);
    expect(wg.out).toBe(r.out);
  });
});

describe('from outside the cluster (headless curl)', () => {
  it('NodePort on any node IP, and the errors of a wrong port', () => {
    const { f } = setup();
    const svc = f.service('hello-np', { type: 'NodePort', selector: { app: 'hello' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
    expect((svc.spec as { ports: { nodePort: number }[] }).ports[0].nodePort).toBe(30080);
    f.slice('hello-np', [{ name: 'hello-a' }], [{ port: 8080 }]);
    const nodeIP = (name: string) => ((f.get('Node', name, '').status as { addresses: { type: string; address: string }[] }).addresses.find((a) => a.type === 'InternalIP')!.address);
    for (const n of NODES) expect(curlLine([`http://${nodeIP(n)}:30080`], f.network)).toEqual({ output: 'Hello, world!\nVersion: 1.0.0\nHostname: hello-a\n', status: 0 });
    expect(curlLine([`http://${nodeIP(NODES[0])}:30081`], f.network)).toEqual({ output: `curl: (7) Failed to connect to ${nodeIP(NODES[0])} port 30081 after 0 ms: Couldn't connect to server\n`, status: 7 });
    expect(curlLine(['http://hello-np'], f.network)).toEqual({ output: 'curl: (6) Could not resolve host: hello-np\n', status: 6 });
    expect(curlLine(['-s', 'http://hello-np'], f.network)).toEqual({ output: '', status: 6 });
    const head = curlLine(['-i', `http://${nodeIP(NODES[1])}:30080/`], f.network).output;
    expect(head.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
  });

  it('externalTrafficPolicy Local: only nodes with a local endpoint answer', () => {
    const { f } = setup();
    f.service('local', { type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'hello' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30090 }] });
    f.slice('local', [{ name: 'hello-b' }], [{ port: 8080 }]);
    const nodeIP = (name: string) => ((f.get('Node', name, '').status as { addresses: { type: string; address: string }[] }).addresses.find((a) => a.type === 'InternalIP')!.address);
    expect(curlLine([`http://${nodeIP(NODES[1])}:30090`], f.network).output).toContain('Hostname: hello-b');
    expect(curlLine([`http://${nodeIP(NODES[0])}:30090`], f.network).status).toBe(7);
  });

  it('LoadBalancer ingress IP:port reaches the pods; unknown addresses time out', () => {
    const { f } = setup();
    const t = f.cluster.type('', 'Service');
    const svc = f.service('lb', { type: 'LoadBalancer', selector: { app: 'hello' }, ports: [{ port: 8080, targetPort: 8080 }] });
    f.slice('lb', [{ name: 'hello-a' }, { name: 'hello-b' }, { name: 'hello-c' }], [{ port: 8080 }]);
    expect(curlLine(['-s', 'http://203.0.113.10:8080'], f.network).status).toBe(28);
    f.cluster.client.updateStatus(t, { ...svc, status: { loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] } } });
    f.cluster.settle();
    const seen = new Set<string>();
    for (let k = 0; k < 40; k++) seen.add(hostOf(curlLine(['http://203.0.113.10:8080'], f.network).output)!);
    expect([...seen].sort()).toEqual(['hello-a', 'hello-b', 'hello-c']);
    expect(curlLine(['http://203.0.113.10:80'], f.network).status).toBe(7);
  });
});
