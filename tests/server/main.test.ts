// The serve command line, the kubeconfig it writes, body decoding and the clock driver.
import { describe, expect, it } from 'vitest';
import { decodeBody, goJsonError, mediaType } from '../../src/server/body';
import { ClockDriver } from '../../src/server/clock-driver';
import { kubeconfigYaml } from '../../src/server/kubeconfig';
import { parseServeArgs } from '../../src/server/main';
import { createCluster } from '../../src/engine/cluster';
import { parseManifestStream } from '../../src/engine/codec/yaml-parse';

describe('parseServeArgs', () => {
  const defaults = { port: 6443, address: '127.0.0.1', speed: 1, kubeconfig: './.kubeplay/kubeconfig' };
  const rows: { input: string[]; want: object | string }[] = [
    { input: [], want: defaults },
    { input: ['--port', '0'], want: { ...defaults, port: 0 } },
    { input: ['--port=8080', '--seed', '7'], want: { ...defaults, port: 8080, seed: 7 } },
    { input: ['--nodes', '10', '--speed', '2.5'], want: { ...defaults, nodes: 10, speed: 2.5 } },
    { input: ['--speed', '0'], want: { ...defaults, speed: 0 } },
    { input: ['--address', '0.0.0.0', '--kubeconfig', '/tmp/k'], want: { ...defaults, address: '0.0.0.0', kubeconfig: '/tmp/k' } },
    { input: ['--port', 'x'], want: 'invalid argument "x" for "--port" flag' },
    { input: ['--port', '70000'], want: 'invalid argument "70000" for "--port" flag' },
    { input: ['--nodes', '1.5'], want: 'invalid argument "1.5" for "--nodes" flag' },
    { input: ['--speed', '-1'], want: 'invalid argument "-1" for "--speed" flag' },
    { input: ['--seed'], want: 'flag needs an argument: --seed' },
    { input: ['--bogus'], want: 'unknown flag: --bogus' },
  ];
  for (const { input, want } of rows) {
    it(JSON.stringify(input), () => {
      const r = parseServeArgs(input);
      if (typeof want === 'string') {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.split('\n')[0]).toBe(want);
      } else {
        expect(r).toEqual({ ok: true, args: want });
      }
    });
  }
});

describe('kubeconfigYaml', () => {
  it('names cluster, user and context kubeplay and parses as YAML', () => {
    const text = kubeconfigYaml('http://127.0.0.1:6443');
    const parsed = parseManifestStream(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.docs[0]).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ cluster: { server: 'http://127.0.0.1:6443' }, name: 'kubeplay' }],
      contexts: [{ context: { cluster: 'kubeplay', namespace: 'default', user: 'kubeplay' }, name: 'kubeplay' }],
      'current-context': 'kubeplay',
      preferences: {},
      users: [{ name: 'kubeplay', user: {} }],
    });
  });
});

describe('body decoding', () => {
  const rows: { input: [string, string | undefined]; want: unknown; code?: number }[] = [
    { input: ['', 'application/json'], want: undefined },
    { input: ['{"a":1}', 'application/json'], want: { a: 1 } },
    { input: ['{"a":1}', 'application/json; charset=utf-8'], want: { a: 1 } },
    { input: ['{"a":1}', undefined], want: { a: 1 } },
    { input: ['[{"op":"remove","path":"/a"}]', 'application/json-patch+json'], want: [{ op: 'remove', path: '/a' }] },
    { input: ['{"b":null}', 'application/merge-patch+json'], want: { b: null } },
    { input: ['{"b":2}', 'application/strategic-merge-patch+json'], want: { b: 2 } },
    { input: ['a: 1\nb: [x]\n', 'application/yaml'], want: { a: 1, b: ['x'] } },
    { input: ['a: 1\n', 'application/apply-patch+yaml'], want: 'a: 1\n' },
    { input: ['{"a":', 'application/json'], want: "couldn't get version/kind; json parse error: unexpected end of JSON input", code: 400 },
    { input: ['xyz', 'application/json'], want: "couldn't get version/kind; json parse error: invalid character 'x' looking for beginning of value", code: 400 },
    { input: ['k8s\u0000', 'application/vnd.kubernetes.protobuf'], want: `Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:"", Kind:""}'`, code: 400 },
  ];
  for (const { input, want, code } of rows) {
    it(`${input[1]}: ${JSON.stringify(input[0])}`, () => {
      const r = decodeBody(Buffer.from(input[0]), input[1]);
      if (code) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect([r.status.code, r.status.message]).toEqual([code, want]);
      } else {
        expect(r).toEqual({ ok: true, body: want });
      }
    });
  }
  it('reads media types without parameters', () => {
    expect(mediaType('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaType(undefined)).toBe('');
  });
  it('keeps unrecognised JSON errors as they are', () => {
    expect(goJsonError(new Error('something else'))).toBe('something else');
  });
});

describe('ClockDriver', () => {
  it('advances by wall time x speed, carries fractions, pauses at 0 and jumps on advance', () => {
    const cluster = createCluster({ startTime: 1_000_000 });
    let wall = 0;
    const d = new ClockDriver(cluster, 2, () => wall);
    wall = 100;
    d.tick();
    expect(cluster.clock.now()).toBe(1_000_200);
    d.setSpeed(0.5);
    wall = 101;
    d.tick();
    expect(cluster.clock.now()).toBe(1_000_200);
    wall = 102;
    d.tick();
    expect(cluster.clock.now()).toBe(1_000_201);
    d.setSpeed(0);
    wall = 10_000;
    d.tick();
    expect(cluster.clock.now()).toBe(1_000_201);
    d.advance(30_000);
    expect(d.report()).toEqual({ now: new Date(1_030_201).toISOString().replace(/\.\d+Z$/, 'Z'), nowMs: 1_030_201, speed: 0 });
  });
});
