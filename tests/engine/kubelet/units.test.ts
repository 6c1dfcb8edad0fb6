import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../src/engine/kubelet/backoff';
import { IpAllocator } from '../../../src/engine/kubelet/ids';
import { LogStore, MAX_LINES_PER_INSTANCE, pickLogInstance, renderLogs, rfc3339Nano, type LogLine } from '../../../src/engine/kubelet/logs';
import { normalizeRef, pullErrorMessage } from '../../../src/engine/kubelet/pull';
import { expand, resolveEnv } from '../../../src/engine/kubelet/env';
import { podPhase, type ContainerView, type PodView } from '../../../src/engine/kubelet/status';
import type { KObject } from '../../../src/engine/api/types';

describe('Backoff', () => {
  it('doubles from 10 s to 5 min and resets after 10 idle minutes', () => {
    const b = new Backoff();
    const got = [0, 1, 2, 3, 4, 5, 6].map((i) => b.next('k', i * 1000));
    expect(got).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(b.next('k', 6000 + 600_001)).toBe(10_000);
  });
  const rows = [
    { since: 0, now: 9_999, want: true },
    { since: 0, now: 10_000, want: false },
    { since: 5_000, now: 14_000, want: true },
  ];
  for (const r of rows) {
    it(`inBackoffSince(${r.since}, ${r.now}) = ${r.want}`, () => {
      const b = new Backoff();
      b.next('k', 0);
      expect(b.inBackoffSince('k', r.since, r.now)).toBe(r.want);
    });
  }
});

describe('IpAllocator', () => {
  it('hands out .2 upward, skips used addresses, reuses released ones after wrapping', () => {
    const a = new IpAllocator('10.244.3.0/24');
    expect([a.allocate(), a.allocate()]).toEqual(['10.244.3.2', '10.244.3.3']);
    a.release('10.244.3.2');
    expect(a.allocate()).toBe('10.244.3.4');
    const small = new IpAllocator('10.0.0.0/30');
    expect([small.allocate(), small.allocate()]).toEqual(['10.0.0.2', undefined]);
  });
});

describe('logs', () => {
  const rows: { ms: number; nanos: number; want: string }[] = [
    { ms: Date.UTC(2025, 0, 1), nanos: 0, want: '2025-01-01T00:00:00Z' },
    { ms: Date.UTC(2025, 0, 1) + 1500, nanos: 0, want: '2025-01-01T00:00:01.5Z' },
    { ms: Date.UTC(2025, 0, 1) + 1, nanos: 234567, want: '2025-01-01T00:00:00.001234567Z' },
    { ms: Date.UTC(2025, 0, 1) + 999, nanos: 100, want: '2025-01-01T00:00:00.9990001Z' },
  ];
  for (const r of rows) it(`rfc3339Nano -> ${r.want}`, () => expect(rfc3339Nano(r.ms, r.nanos)).toBe(r.want));

  it('renders with tailLines, sinceSeconds and limitBytes', () => {
    const s = new LogStore();
    s.append('c1', 'stdout', 'a\nb\n', 1000);
    s.append('c1', 'stdout', 'c\n', 5000);
    const lines = s.lines('c1');
    const cases: { opts: object; want: string }[] = [
      { opts: {}, want: 'a\nb\nc\n' },
      { opts: { tailLines: 2 }, want: 'b\nc\n' },
      { opts: { tailLines: 0 }, want: '' },
      { opts: { sinceSeconds: 2 }, want: 'c\n' },
      { opts: { limitBytes: 3 }, want: 'a\nb' },
    ];
    for (const c of cases) expect(renderLogs(lines, c.opts, 6000)).toBe(c.want);
  });

  it('LogStore keeps the last MAX_LINES_PER_INSTANCE lines, each as its follower saw it', () => {
    const s = new LogStore();
    const seen: LogLine[] = [];
    s.follow('c1', (l) => seen.push(l));
    for (let i = 0; i < MAX_LINES_PER_INSTANCE + 7; i++) s.append('c1', i % 3 ? 'stdout' : 'stderr', `line ${i}\n`, 1000 + i);
    const lines = s.lines('c1');
    expect(lines).toHaveLength(MAX_LINES_PER_INSTANCE);
    expect(lines[0].text).toBe('line 7\n');
    expect(lines).toEqual(seen.slice(7));
    expect(new Set(lines.map((l) => l.nanos)).size).toBeGreaterThan(MAX_LINES_PER_INSTANCE - 10);
  });

  const view = (state: ContainerView['state'], last?: ContainerView['last']): ContainerView => ({ name: 'c', specImage: 'x', state, last, restartCount: 0, started: false, ready: false, containerID: 'containerd://run' });
  const term = { exitCode: 1, reason: 'Error', startedAt: 0, finishedAt: 1, containerID: 'containerd://old' };
  const picks: { name: string; v: ContainerView | undefined; previous: boolean; want: string }[] = [
    { name: 'running', v: view({ kind: 'running', startedAt: 0 }), previous: false, want: 'containerd://run' },
    { name: 'previous missing', v: view({ kind: 'running', startedAt: 0 }), previous: true, want: 'previous terminated container "c" in pod "p" not found' },
    { name: 'previous', v: view({ kind: 'running', startedAt: 0 }, term), previous: true, want: 'containerd://old' },
    { name: 'crash loop reads last', v: view({ kind: 'waiting', reason: 'CrashLoopBackOff' }, term), previous: false, want: 'containerd://old' },
    { name: 'creating', v: view({ kind: 'waiting', reason: 'ContainerCreating' }), previous: false, want: 'container "c" in pod "p" is waiting to start: ContainerCreating' },
    { name: 'config error', v: view({ kind: 'waiting', reason: 'CreateContainerConfigError' }), previous: false, want: 'container "c" in pod "p" is waiting to start: CreateContainerConfigError' },
    { name: 'unknown', v: undefined, previous: false, want: 'container "c" in pod "p" is not available' },
  ];
  for (const r of picks) {
    it(`pickLogInstance: ${r.name}`, () => {
      const got = pickLogInstance('p', r.v, 'c', r.previous);
      expect(got.ok ? got.containerID : got.message).toBe(r.want);
    });
  }
});

describe('image references', () => {
  const rows = [
    { input: 'ngnix', want: 'docker.io/library/ngnix:latest' },
    { input: 'nginx:1.27', want: 'docker.io/library/nginx:1.27' },
    { input: 'bitnami/redis', want: 'docker.io/bitnami/redis:latest' },
    { input: 'registry.k8s.io/echoserver:1.4', want: 'registry.k8s.io/echoserver:1.4' },
    { input: 'localhost:5000/app', want: 'localhost:5000/app:latest' },
    { input: 'nginx@sha256:abc', want: 'docker.io/library/nginx@sha256:abc' },
  ];
  for (const r of rows) it(`${r.input} -> ${r.want}`, () => expect(normalizeRef(r.input)).toBe(r.want));
  it('wraps a registry answer as containerd does', () => {
    expect(pullErrorMessage('ngnix', 'pull access denied')).toBe('failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied');
  });
});

describe('env', () => {
  const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'prod', uid: 'u1', labels: { app: 'web' } }, spec: { nodeName: 'n1' } };
  const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { MODE: 'fast', 'bad key': 'x' } };
  const src = { secret: () => undefined, configMap: (_ns: string, name: string) => (name === 'cfg' ? cm : undefined) };
  const rt = { podIP: '10.244.1.9', hostIP: '172.18.0.3', nodeAllocatable: { cpu: 2, memory: 4 * 1024 ** 3 } };
  const rows: { env: unknown; want: unknown }[] = [
    { env: [{ name: 'A', value: 'x' }, { name: 'B', value: '$(A)-y' }], want: { A: 'x', B: 'x-y' } },
    { env: [{ name: 'A', value: '$$(A)' }], want: { A: '$(A)' } },
    { env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }, { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }], want: { N: 'prod', IP: '10.244.1.9' } },
    { env: [{ name: 'L', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }, { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }], want: { L: 'web', NODE: 'n1' } },
    { env: [{ name: 'M', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MODE' } } }], want: { M: 'fast' } },
    { env: [{ name: 'M', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'NOPE' } } }], want: "couldn't find key NOPE in ConfigMap prod/cfg" },
    { env: [{ name: 'M', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'NOPE', optional: true } } }], want: {} },
    { env: [{ name: 'S', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } }], want: 'secret "db" not found' },
    { env: [{ name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }], want: { C: '2' } },
  ];
  for (const r of rows) {
    it(JSON.stringify(r.env), () => {
      const got = resolveEnv(pod, { name: 'c', env: r.env }, src, rt);
      expect(got.ok ? got.value : got.message).toEqual(r.want);
    });
  }
  it('envFrom with a prefix, and a missing ConfigMap', () => {
    const got = resolveEnv(pod, { name: 'c', envFrom: [{ prefix: 'P_', configMapRef: { name: 'cfg' } }] }, src, rt);
    expect(got.ok && got.value.P_MODE).toBe('fast');
    const missing = resolveEnv(pod, { name: 'c', envFrom: [{ configMapRef: { name: 'other' } }] }, src, rt);
    expect(missing).toEqual({ ok: false, message: 'configmap "other" not found' });
  });
  it('expand leaves unknown references', () => expect(expand('$(X) $(Y)', { X: '1' })).toBe('1 $(Y)'));
});

describe('podPhase', () => {
  const c = (state: ContainerView['state'], last?: boolean): ContainerView => ({
    name: 'c', specImage: 'x', state, restartCount: 0, started: false, ready: false,
    last: last ? { exitCode: 1, reason: 'Error', startedAt: 0, finishedAt: 1, containerID: 'x' } : undefined,
  });
  const v = (containers: ContainerView[], init: ContainerView[] = [], terminal = false): PodView => ({ hostIP: '', sandboxReady: true, init, containers, terminal });
  const done = (code: number) => c({ kind: 'terminated', t: { exitCode: code, reason: code ? 'Error' : 'Completed', startedAt: 0, finishedAt: 1, containerID: 'x' } });
  const rows: { name: string; policy: string; view: PodView; want: string }[] = [
    { name: 'creating', policy: 'Always', view: v([c({ kind: 'waiting', reason: 'ContainerCreating' })]), want: 'Pending' },
    { name: 'running', policy: 'Always', view: v([c({ kind: 'running', startedAt: 0 })]), want: 'Running' },
    { name: 'crash loop', policy: 'Always', view: v([c({ kind: 'waiting', reason: 'CrashLoopBackOff' }, true)]), want: 'Running' },
    { name: 'done ok, Never', policy: 'Never', view: v([done(0)]), want: 'Succeeded' },
    { name: 'done failed, Never', policy: 'Never', view: v([done(1)]), want: 'Failed' },
    { name: 'done failed, OnFailure', policy: 'OnFailure', view: v([done(1)]), want: 'Running' },
    { name: 'done ok, Always', policy: 'Always', view: v([done(0)]), want: 'Running' },
    { name: 'init running', policy: 'Always', view: v([c({ kind: 'waiting', reason: 'PodInitializing' })], [c({ kind: 'running', startedAt: 0 })]), want: 'Pending' },
    { name: 'init failed, Never', policy: 'Never', view: v([c({ kind: 'waiting', reason: 'PodInitializing' })], [done(1)]), want: 'Failed' },
    { name: 'deleted, exited 0', policy: 'Always', view: v([done(0)], [], true), want: 'Succeeded' },
    { name: 'deleted, killed', policy: 'Always', view: v([done(137)], [], true), want: 'Failed' },
  ];
  for (const r of rows) it(`${r.name} -> ${r.want}`, () => expect(podPhase(r.policy, r.view)).toBe(r.want));
});
