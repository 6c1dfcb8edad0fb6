// Pod chip colours and motion from kubectl's STATUS column, phase and readiness.
import { describe, expect, it } from 'vitest';
import { nodeTone, podLook, podTitle } from '../../../src/ui/map/status';
import { node, pod } from './fixtures';

describe('podLook', () => {
  const rows: { name: string; p: Parameters<typeof pod>[1]; tone: string; motion?: string }[] = [
    { name: 'running and ready', p: { phase: 'Running', status: 'Running', isReady: true }, tone: 'ok' },
    { name: 'running, not ready', p: { phase: 'Running', status: 'Running', isReady: false, ready: '0/1' }, tone: 'warn' },
    { name: 'pending unscheduled', p: { phase: 'Pending', status: 'Pending', isReady: false }, tone: 'pending' },
    { name: 'container creating', p: { phase: 'Pending', status: 'ContainerCreating', isReady: false }, tone: 'pending', motion: 'creating' },
    { name: 'pod initializing', p: { phase: 'Pending', status: 'PodInitializing', isReady: false }, tone: 'pending', motion: 'creating' },
    { name: 'init containers running', p: { phase: 'Pending', status: 'Init:0/2', isReady: false }, tone: 'pending', motion: 'creating' },
    { name: 'crash loop while Running', p: { phase: 'Running', status: 'CrashLoopBackOff', isReady: false }, tone: 'bad' },
    { name: 'image pull back-off', p: { phase: 'Pending', status: 'ImagePullBackOff', isReady: false }, tone: 'bad' },
    { name: 'err image pull', p: { phase: 'Pending', status: 'ErrImagePull', isReady: false }, tone: 'bad' },
    { name: 'init crash loop', p: { phase: 'Pending', status: 'Init:CrashLoopBackOff', isReady: false }, tone: 'bad' },
    { name: 'failed phase', p: { phase: 'Failed', status: 'Error', isReady: false }, tone: 'bad' },
    { name: 'oom killed', p: { phase: 'Running', status: 'OOMKilled', isReady: false }, tone: 'bad' },
    { name: 'evicted', p: { phase: 'Failed', status: 'Evicted', isReady: false }, tone: 'bad' },
    { name: 'create container config error', p: { phase: 'Pending', status: 'CreateContainerConfigError', isReady: false }, tone: 'bad' },
    { name: 'succeeded', p: { phase: 'Succeeded', status: 'Completed', isReady: false }, tone: 'done' },
    { name: 'terminating ready pod', p: { phase: 'Running', status: 'Terminating', isReady: true, deleting: true }, tone: 'ok', motion: 'terminating' },
    { name: 'deleting flag alone', p: { phase: 'Running', status: 'Running', isReady: false, deleting: true }, tone: 'warn', motion: 'terminating' },
    { name: 'unknown phase', p: { phase: 'Unknown', status: 'Unknown', isReady: false }, tone: 'warn' },
  ];
  for (const r of rows) {
    it(r.name, () => {
      expect(podLook(pod('p', r.p))).toEqual({ tone: r.tone, motion: r.motion });
    });
  }
});

describe('nodeTone and podTitle', () => {
  it('colours nodes by the Ready condition', () => {
    expect(nodeTone(node('a'))).toBe('ok');
    expect(nodeTone(node('a', { ready: 'False', status: 'NotReady' }))).toBe('bad');
    expect(nodeTone(node('a', { ready: 'Unknown', status: 'NotReady' }))).toBe('bad');
  });
  it('names the pod, its status, readiness, restarts and node', () => {
    expect(podTitle(pod('web-1', { restarts: 3, node: 'worker-1', status: 'CrashLoopBackOff', ready: '0/1' }))).toBe(
      'default/web-1 · CrashLoopBackOff · ready 0/1 · 3 restarts · on worker-1',
    );
    expect(podTitle(pod('web-1', { restarts: 1 }))).toBe('default/web-1 · Running · ready 1/1 · 1 restart');
  });
});
