import { describe, expect, it } from 'vitest';
import { fakeCatalog } from './fake-catalog';
import { harness, NODE, podSpec } from './harness';
import { base64OfString } from '../../../src/engine/util/base64';

const samples = (h: ReturnType<typeof harness>, name: string, seconds: number, f: () => string): string[] => {
  const seen: string[] = [];
  let last = '';
  for (let t = 0; t < seconds; t++) {
    const s = f();
    if (s !== last) seen.push(`${t}s ${s}`);
    last = s;
    h.cluster.advance(1000);
  }
  return seen;
};

describe('probes', () => {
  it('readiness gates Ready: not ready until the first successful check after initialDelaySeconds', () => {
    const h = harness();
    h.create(podSpec('r', { image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5, periodSeconds: 5 } }));
    const seen = samples(h, 'r', 12, () => `${h.status('r')} ready=${(h.pod('r')!.status as any).containerStatuses[0].ready}`);
    // Running at 2.74 s; first probe at 7.74 s.
    expect(seen).toEqual(['0s ContainerCreating ready=false', '3s Running ready=false', '8s Running ready=true']);
  });

  it('a failing liveness probe restarts the container with upstream events', () => {
    const h = harness();
    h.create(podSpec('l', { image: 'nginx:1.27', livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 3, failureThreshold: 2 } }));
    // Running at 2.74 s: checks at 2.74 (nothing listens yet) and 5.74 (404) reach failureThreshold 2.
    h.cluster.advance(8000);
    const ev = h.events('l');
    expect(ev).toContain('Unhealthy Liveness probe failed: Get "http://10.244.1.2:80/healthz": dial tcp 10.244.1.2:80: connect: connection refused (x2)');
    expect(ev).toContain('Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404');
    expect(ev).toContain('Killing Container main failed liveness probe, will be restarted');
    const cs = (h.pod('l')!.status as any).containerStatuses[0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('probe failure messages for refused connections name the pod IP', () => {
    const h = harness();
    h.create(podSpec('t', { image: 'nginx:1.27', readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1 } }));
    h.cluster.advance(5000);
    // Checks every second from 2.74 s: five failures by 5 s, aggregated into one event.
    expect(h.events('t')).toContain('Unhealthy Readiness probe failed: dial tcp 10.244.1.2:8080: connect: connection refused (x3)');
    expect(h.status('t')).toBe('Running');
    expect(h.pod('t')!.status).toMatchObject({ conditions: expect.arrayContaining([expect.objectContaining({ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [main]' })]) });
  });
});

describe('graceful termination', () => {
  it('nginx stops at once; the kubelet deletes the pod after tearing the sandbox down', () => {
    const h = harness();
    h.create(podSpec('g', { image: 'nginx:1.27' }));
    h.cluster.advance(5000);
    h.cluster.client.delete(h.cluster.type('', 'Pod'), 'default', 'g');
    h.cluster.settle();
    expect(h.events('g')).toContain('Killing Stopping container main');
    expect(h.status('g')).toBe('Terminating');
    h.cluster.advance(200);
    // The container has exited; the sandbox teardown (TEARDOWN_MS) keeps it Terminating a moment.
    expect(h.status('g')).toBe('Terminating');
    h.cluster.advance(2000);
    expect(h.pod('g')).toBeUndefined();
  });

  it('a shell that ignores SIGTERM is killed when terminationGracePeriodSeconds ends', () => {
    const h = harness();
    h.create(podSpec('s', { image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }, { terminationGracePeriodSeconds: 5 }));
    h.cluster.advance(3000);
    h.cluster.client.delete(h.cluster.type('', 'Pod'), 'default', 's');
    const seen = samples(h, 's', 8, () => h.status('s'));
    expect(seen).toEqual(['0s Terminating', '7s <gone>']);
  });
});

describe('config errors', () => {
  it('a missing secret gives CreateContainerConfigError until it exists', () => {
    const h = harness();
    h.create(podSpec('cfg', { image: 'nginx:1.27', env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] }));
    h.cluster.advance(5000);
    expect(h.status('cfg')).toBe('CreateContainerConfigError');
    expect((h.pod('cfg')!.status as any).containerStatuses[0].state.waiting.message).toBe('secret "db" not found');
    expect(h.events('cfg')).toContain('Failed Error: secret "db" not found');
    h.cluster.client.create(h.cluster.type('', 'Secret'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: base64OfString('s3cret') } });
    h.cluster.advance(10_000);
    expect(h.status('cfg')).toBe('Running');
    expect(h.kubelet.exec('default', 'cfg', 'main', ['env'])).toMatchObject({ ok: true });
    const r = h.kubelet.exec('default', 'cfg', 'main', ['env']);
    expect(r.ok && r.value.stdout).toContain('PW=s3cret\n');
  });

  it('imagePullPolicy Never with an absent image is ErrImageNeverPull', () => {
    const h = harness();
    h.create(podSpec('never', { image: 'nginx:1.27', imagePullPolicy: 'Never' }));
    h.cluster.advance(3000);
    expect(h.status('never')).toBe('ErrImageNeverPull');
    expect(h.events('never')).toContain('ErrImageNeverPull Container image "nginx:1.27" is not present with pull policy of Never');
  });

  it('a container over its memory limit is OOMKilled', () => {
    const h = harness();
    // The hog uses 1 KB per ms: 20 MB after 20 s, past a 16Mi limit at the 20 s usage sample.
    h.create(podSpec('oom', { image: 'hog', resources: { limits: { memory: '16Mi' } } }, { restartPolicy: 'Never' }));
    h.cluster.advance(25_000);
    expect(h.status('oom')).toBe('OOMKilled');
    expect((h.pod('oom')!.status as any).containerStatuses[0].state.terminated.exitCode).toBe(137);
  });
});

describe('node', () => {
  it('creates and renews its Lease every 10 s, and stops when the node fails', () => {
    const h = harness(fakeCatalog());
    const leaseType = h.cluster.type('coordination.k8s.io', 'Lease');
    const lease = () => h.cluster.client.get(leaseType, 'kube-node-lease', NODE)!;
    expect(lease().spec).toEqual({ holderIdentity: NODE, leaseDurationSeconds: 40, renewTime: '2025-01-01T00:00:00.000000Z' });
    expect(lease().metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: NODE });
    h.cluster.advance(10_000);
    expect((lease().spec as any).renewTime).toBe('2025-01-01T00:00:10.000000Z');
    h.kubelet.fail();
    h.cluster.advance(60_000);
    expect((lease().spec as any).renewTime).toBe('2025-01-01T00:00:10.000000Z');
    h.kubelet.recover();
    h.cluster.settle();
    expect((lease().spec as any).renewTime).toBe('2025-01-01T00:01:10.000000Z');
  });

  it('reports pulled images in node status', () => {
    const h = harness();
    h.create(podSpec('web', { image: 'nginx:1.27' }));
    h.cluster.advance(15_000);
    const node = h.cluster.client.get(h.cluster.type('', 'Node'), undefined, NODE)!;
    expect((node.status as any).images).toEqual([{ names: [`docker.io/library/nginx@sha256:${'a'.repeat(64)}`, 'docker.io/library/nginx:1.27'], sizeBytes: 72_100_000 }]);
    expect((node.status as any).conditions.find((c: any) => c.type === 'Ready').lastHeartbeatTime).toBe('2025-01-01T00:00:10Z');
  });

  it('a failed node does no pod work and serves no exec', () => {
    const h = harness();
    h.kubelet.fail();
    h.create(podSpec('x', { image: 'nginx:1.27' }));
    h.cluster.advance(10_000);
    expect(h.status('x')).toBe('Pending');
    h.kubelet.recover();
    h.cluster.advance(5_000);
    expect(h.status('x')).toBe('Running');
  });

  it('same seed, same inputs: same IPs, container IDs and times', () => {
    const run = () => {
      const h = harness();
      h.create(podSpec('a', { image: 'nginx:1.27' }));
      h.create(podSpec('b', { image: 'busybox', command: ['sh', '-c', 'echo hi; exit 1'] }));
      h.cluster.advance(30_000);
      return JSON.stringify([h.pod('a')!.status, h.pod('b')!.status]);
    };
    expect(run()).toBe(run());
  });
});
