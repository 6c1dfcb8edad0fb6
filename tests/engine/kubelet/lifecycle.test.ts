import { describe, expect, it } from 'vitest';
import { harness, podSpec } from './harness';

describe('kubelet pod lifecycle', () => {
  it('nginx: ContainerCreating -> Running -> Ready, with upstream events and status', () => {
    const h = harness();
    h.create(podSpec('web', { image: 'nginx:1.27' }));
    const timeline: string[] = [];
    for (let i = 0; i < 6; i++) {
      timeline.push(`${i}s ${h.status('web')}`);
      h.cluster.advance(1000);
    }
    expect(timeline).toEqual(['0s ContainerCreating', '1s ContainerCreating', '2s ContainerCreating', '3s Running', '4s Running', '5s Running']);
    const pod = h.pod('web')!;
    const st = pod.status as Record<string, any>;
    expect(st.phase).toBe('Running');
    expect(st.podIP).toBe('10.244.1.2');
    expect(st.hostIP).toBe('172.18.0.3');
    expect(st.qosClass).toBe('BestEffort');
    expect(st.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    const cs = st.containerStatuses[0];
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.image).toBe('docker.io/library/nginx:1.27');
    expect(cs.imageID).toBe(`docker.io/library/nginx@sha256:${'a'.repeat(64)}`);
    expect(cs.ready).toBe(true);
    expect(cs.started).toBe(true);
    expect(Object.keys(cs.state)).toEqual(['running']);
    expect(h.events('web')).toEqual([
      'Pulling Pulling image "nginx:1.27"',
      'Pulled Successfully pulled image "nginx:1.27" in 1.742s (1.742s including waiting). Image size: 72100000 bytes.',
      'Created Created container: main',
      'Started Started container main',
    ]);
  });

  it('a second pod with the image cached says "already present on machine"', () => {
    const h = harness();
    h.create(podSpec('a', { image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }));
    h.cluster.advance(5000);
    h.create(podSpec('b', { image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }));
    h.cluster.advance(2000);
    expect(h.events('b')[0]).toBe('Pulled Container image "nginx:1.27" already present on machine');
    expect((h.pod('b')!.status as any).podIP).toBe('10.244.1.3');
  });

  it('a typo sits in ErrImagePull / ImagePullBackOff with a growing back-off', () => {
    const h = harness();
    h.create(podSpec('typo', { image: 'ngnix' , imagePullPolicy: 'Always'}));
    const seen: string[] = [];
    let last = '';
    for (let t = 0; t < 120; t++) {
      const s = h.status('typo');
      if (s !== last) seen.push(`${t}s ${s}`);
      last = s;
      h.cluster.advance(1000);
    }
    // A registry miss answers after 0.6 s: the first attempt (sandbox ready at 1 s) fails at 1.6 s;
    // the next ones start when each back-off (10 s, 20 s, 40 s) ends: 11.6 -> 12.2, 32.2 -> 32.8, 72.8 -> 73.4.
    expect(seen).toEqual([
      '0s ContainerCreating', '2s ErrImagePull', '3s ImagePullBackOff', '13s ErrImagePull', '14s ImagePullBackOff',
      '33s ErrImagePull', '34s ImagePullBackOff', '74s ErrImagePull', '75s ImagePullBackOff',
    ]);
    const w = (h.pod('typo')!.status as any).containerStatuses[0].state.waiting;
    expect(w.message).toBe('Back-off pulling image "ngnix": ErrImagePull: failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
    const ev = h.events('typo');
    expect(ev).toContain('Failed Error: ErrImagePull (x4)');
    expect(ev).toContain('BackOff Back-off pulling image "ngnix" (x4)');
    expect(ev.some((e) => e.startsWith('Failed Failed to pull image "ngnix": failed to pull and unpack image'))).toBe(true);
  });

  it('busybox "echo hi; exit 1" crash-loops with 10s, 20s, 40s back-off and logs --previous shows hi', () => {
    const h = harness();
    h.create(podSpec('crash', { image: 'busybox', command: ['sh', '-c', 'echo hi; exit 1'] }));
    const seen: string[] = [];
    let last = '';
    for (let t = 0; t < 100; t++) {
      const p = h.pod('crash')!;
      const s = `${h.status('crash')}/${(p.status as any).containerStatuses[0].restartCount}`;
      if (s !== last) seen.push(`${t}s ${s}`);
      last = s;
      h.cluster.advance(1000);
    }
    // busybox:latest is pulled on every start (policy Always, 0.34 s) and exits 10 ms later, so each
    // CrashLoopBackOff shows ~0.35 s after the back-off (10 s, 20 s, 40 s) that began at the previous exit.
    expect(seen).toEqual(['0s ContainerCreating/0', '2s CrashLoopBackOff/1', '13s CrashLoopBackOff/2', '33s CrashLoopBackOff/3', '73s CrashLoopBackOff/4']);
    const st = (h.pod('crash')!.status as any).containerStatuses[0];
    expect(st.state.waiting.message).toMatch(/^back-off 1m20s restarting failed container=main pod=crash_default\(.+\)$/);
    expect(st.lastState.terminated.exitCode).toBe(1);
    expect(st.lastState.terminated.reason).toBe('Error');
    expect((h.pod('crash')!.status as any).phase).toBe('Running');
    const logs = h.kubelet.logs('default', 'crash', 'main', { previous: true });
    expect(logs).toEqual({ ok: true, value: 'hi\n' });
    expect(h.events('crash').some((e) => /^BackOff Back-off restarting failed container main in pod crash_default\(.+\)/.test(e))).toBe(true);
  });

  it('a restartPolicy Never pod that exits 0 is Completed and Succeeded', () => {
    const h = harness();
    h.create(podSpec('once', { image: 'busybox', command: ['sh', '-c', 'echo done'] }, { restartPolicy: 'Never' }));
    h.cluster.advance(5000);
    expect(h.status('once')).toBe('Completed');
    const st = h.pod('once')!.status as any;
    expect(st.phase).toBe('Succeeded');
    expect(st.conditions.find((c: any) => c.type === 'Ready').reason).toBe('PodCompleted');
  });

  it('init containers run in order (Init:0/2, Init:1/2, then Running)', () => {
    const h = harness();
    h.create({
      metadata: { name: 'init' },
      spec: {
        initContainers: [
          { name: 'i1', image: 'busybox', command: ['sh', '-c', 'sleep 3'] },
          { name: 'i2', image: 'busybox', command: ['sh', '-c', 'sleep 3'] },
        ],
        containers: [{ name: 'web', image: 'nginx:1.27' }],
      },
    });
    const seen: string[] = [];
    let last = '';
    for (let t = 0; t < 15; t++) {
      const s = h.status('init');
      if (s !== last) seen.push(`${t}s ${s}`);
      last = s;
      h.cluster.advance(1000);
    }
    expect(seen).toEqual(['0s Init:0/2', '5s Init:1/2', '8s PodInitializing', '10s Running']);
  });
});
