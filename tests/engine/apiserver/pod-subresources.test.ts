import { describe, expect, it } from 'vitest';
import { followPodLog, podExec, podLog, resolveContainer } from '../../../src/engine/apiserver/handlers/pod-subresources';
import { ApiError } from '../../../src/engine/apiserver/status';
import type { KObject } from '../../../src/engine/api/types';
import { harness, podSpec } from '../kubelet/harness';

function err(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return `${e.status.code} ${e.status.message}`;
    throw e;
  }
  return 'no error';
}

const pod = (containers: string[], init: string[] = []): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
  spec: { containers: containers.map((name) => ({ name })), initContainers: init.map((name) => ({ name })) },
});

describe('resolveContainer', () => {
  const rows: { pod: KObject; container?: string; want: string }[] = [
    { pod: pod(['a']), want: 'a' },
    { pod: pod(['a', 'b']), container: 'b', want: 'b' },
    { pod: pod(['a'], ['i']), container: 'i', want: 'i' },
    { pod: pod(['a', 'b']), want: '400 a container name must be specified for pod p, choose one of: [a b]' },
    { pod: pod(['a', 'b'], ['i', 'j']), want: '400 a container name must be specified for pod p, choose one of: [a b] or one of the init containers: [i j]' },
    { pod: pod(['a']), container: 'x', want: '400 container x is not valid for pod p' },
    { pod: pod([]), want: '400 a container name must be specified for pod p' },
  ];
  for (const r of rows) {
    it(`${r.container ?? '(none)'} -> ${r.want}`, () => {
      let got: string;
      try {
        got = resolveContainer(r.pod, r.container);
      } catch (e) {
        got = `${(e as ApiError).status.code} ${(e as ApiError).status.message}`;
      }
      expect(got).toBe(r.want);
    });
  }
});

describe('pods/log and pods/exec', () => {
  it('serves logs with upstream errors before the container runs and after', () => {
    const h = harness();
    const ctx = h.cluster.server.ctx;
    h.create(podSpec('crash', { image: 'busybox', command: ['sh', '-c', 'echo hi; exit 1'] }));
    expect(err(() => podLog(ctx, h.agents, 'default', 'crash', {}))).toBe('400 container "main" in pod "crash" is waiting to start: ContainerCreating');
    expect(err(() => podLog(ctx, h.agents, 'default', 'nope', {}))).toBe('404 pods "nope" not found');
    expect(err(() => podLog(ctx, h.agents, 'default', 'crash', { previous: 'true' }))).toBe('400 previous terminated container "main" in pod "crash" not found');
    h.cluster.advance(6500);
    expect(podLog(ctx, h.agents, 'default', 'crash', {})).toBe('hi\n');
    expect(podLog(ctx, h.agents, 'default', 'crash', { previous: 'true' })).toBe('hi\n');
    expect(podLog(ctx, h.agents, 'default', 'crash', { timestamps: 'true' })).toMatch(/^2025-01-01T00:00:01\.\d+Z hi\n$/);
    expect(podLog(ctx, h.agents, 'default', 'crash', { tailLines: '0' })).toBe('');
    expect(podLog(ctx, h.agents, 'default', 'crash', { limitBytes: '1' })).toBe('h');
    expect(err(() => podLog(ctx, h.agents, 'default', 'crash', { tailLines: '-1' }))).toBe('400 tailLines: Invalid value: -1: must be greater than or equal to 0');
  });

  it('a typo\'d image says it cannot be pulled', () => {
    const h = harness();
    h.create(podSpec('typo', { image: 'ngnix' }));
    h.cluster.advance(2000);
    expect(err(() => podLog(h.cluster.server.ctx, h.agents, 'default', 'typo', {}))).toBe('400 container "main" in pod "typo" is waiting to start: image can\'t be pulled');
    h.cluster.advance(1000);
    expect(err(() => podLog(h.cluster.server.ctx, h.agents, 'default', 'typo', {}))).toBe('400 container "main" in pod "typo" is waiting to start: trying and failing to pull image');
  });

  it('follows new lines', () => {
    const h = harness();
    h.create(podSpec('f', { image: 'busybox', command: ['sh', '-c', 'echo one; sleep 5; echo two; sleep 100'] }));
    h.cluster.advance(2000);
    const got: string[] = [];
    const handle = followPodLog(h.cluster.server.ctx, h.agents, 'default', 'f', {}, (t) => got.push(t));
    expect(got).toEqual(['one\n']);
    h.cluster.advance(6000);
    expect(got).toEqual(['one\n', 'two\n']);
    handle.stop();
  });

  it('execs in a running container only', () => {
    const h = harness();
    const ctx = h.cluster.server.ctx;
    h.create(podSpec('web', { image: 'nginx:1.27' }));
    expect(err(() => podExec(ctx, h.agents, 'default', 'web', { command: ['cat', '/etc/hosts'] }))).toBe('400 unable to upgrade connection: container not found ("main")');
    h.cluster.advance(5000);
    const r = podExec(ctx, h.agents, 'default', 'web', { command: ['cat', '/etc/hosts'] });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n');
    expect(r.stdout).toContain('10.244.1.2\tweb\n');
    expect(podExec(ctx, h.agents, 'default', 'web', { command: ['cat', '/etc/resolv.conf'] }).stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });
});
