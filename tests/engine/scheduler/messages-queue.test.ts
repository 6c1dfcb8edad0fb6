// FailedScheduling message formatting (FitError.Error), pod requests (resource.PodRequests) and the
// queue's back-off and ordering.
import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from '../../../src/engine/scheduler/fit-error';
import { status } from '../../../src/engine/scheduler/types';
import { podRequests } from '../../../src/engine/scheduler/resources';
import { backoffDuration, SchedulingQueue } from '../../../src/engine/scheduler/queue';
import { podInfoOf } from '../../../src/engine/scheduler/pod-info';
import { Clock } from '../../../src/engine/clock';
import { podObj } from './fixtures';

describe('fitErrorMessage', () => {
  const taint = status('UnschedulableAndUnresolvable', 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }');
  const cpu = status('Unschedulable', 'Insufficient cpu');
  const cpuMem = status('Unschedulable', 'Insufficient cpu', 'Insufficient memory');
  const aff = status('UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector");
  const rows: { name: string; n: number; statuses: ReturnType<typeof status>[]; pre?: string; post?: string; want: string }[] = [
    {
      name: 'mixed reasons, sorted',
      n: 4,
      statuses: [cpu, taint, cpu, cpu],
      post: 'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
      want: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    },
    {
      name: 'every reason of a node counts',
      n: 3,
      statuses: [cpuMem, cpu, aff],
      want: "0/3 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient cpu.",
    },
    {
      name: 'sorted as strings, so 10 sorts before 2',
      n: 12,
      statuses: [...Array(10).fill(cpu), aff, aff],
      want: "0/12 nodes are available: 10 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector.",
    },
    {
      name: 'PreFilter message replaces the histogram',
      n: 4,
      statuses: Array(4).fill(status('UnschedulableAndUnresolvable', 'pod has unbound immediate PersistentVolumeClaims')),
      pre: 'pod has unbound immediate PersistentVolumeClaims',
      post: 'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
      want: '0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    },
    { name: 'not eligible to preempt', n: 1, statuses: [cpu], post: 'preemption: not eligible due to preemptionPolicy=Never.', want: '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.' },
  ];
  for (const r of rows) it(r.name, () => expect(fitErrorMessage(r.n, r.statuses, r.pre, r.post)).toBe(r.want));
});

describe('podRequests', () => {
  const c = (cpu: string, mem?: string, restartPolicy?: string) => ({ name: 'x', image: 'x', ...(restartPolicy ? { restartPolicy } : {}), resources: { requests: { cpu, ...(mem ? { memory: mem } : {}) } } });
  const rows: { name: string; spec: Record<string, unknown>; nonZero?: boolean; want: { cpu: number; memory: number } }[] = [
    { name: 'containers sum', spec: { containers: [c('100m', '1Ki'), c('200m', '1Ki')] }, want: { cpu: 300, memory: 2048 } },
    { name: 'init container max wins', spec: { containers: [c('100m')], initContainers: [c('500m'), c('200m')] }, want: { cpu: 500, memory: 0 } },
    { name: 'containers win over smaller init', spec: { containers: [c('1')], initContainers: [c('500m')] }, want: { cpu: 1000, memory: 0 } },
    { name: 'sidecar adds to the sum and to later init containers', spec: { containers: [c('100m'), c('200m')], initContainers: [c('50m', undefined, 'Always'), c('500m')] }, want: { cpu: 550, memory: 0 } },
    { name: 'overhead is added', spec: { containers: [c('100m')], overhead: { cpu: '250m', memory: '120Mi' } }, want: { cpu: 350, memory: 120 * 1024 * 1024 } },
    { name: 'non-zero defaults for absent requests', spec: { containers: [{ name: 'x', image: 'x' }, c('300m')] }, nonZero: true, want: { cpu: 400, memory: 2 * 200 * 1024 * 1024 } },
    { name: 'explicit zero stays zero with non-zero defaults', spec: { containers: [c('0', '0')] }, nonZero: true, want: { cpu: 0, memory: 0 } },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const got = podRequests(r.spec, r.nonZero);
      expect({ cpu: got.cpu, memory: got.memory }).toEqual(r.want);
    });
  }
});

describe('SchedulingQueue', () => {
  it('back-off doubles from 1s to a 10s cap', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(backoffDuration)).toEqual([1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  });
  it('pops by priority, then by queue time', () => {
    const clock = new Clock(0);
    const q = new SchedulingQueue(clock, () => {});
    q.add(podInfoOf(podObj('low', { priority: 0 })));
    clock.advance(10);
    q.add(podInfoOf(podObj('high', { priority: 100 })));
    q.add(podInfoOf(podObj('low2', { priority: 0 })));
    expect([q.pop()?.info.name, q.pop()?.info.name, q.pop()?.info.name]).toEqual(['high', 'low', 'low2']);
  });
  it('an unschedulable pod waits for a move event, then for its back-off', () => {
    const clock = new Clock(0);
    const q = new SchedulingQueue(clock, () => {});
    q.add(podInfoOf(podObj('p')));
    const p = q.pop()!;
    q.failed(p, true, new Set(['NodeResourcesFit']));
    expect(q.counts().unschedulable).toBe(1);
    clock.advance(500);
    q.moveAll();
    expect(q.counts().backoff).toBe(1);
    clock.advance(499);
    expect(q.activeLength).toBe(0);
    clock.advance(1);
    expect(q.activeLength).toBe(1);
  });
  it('an event during the attempt sends the pod to back-off instead of unschedulable', () => {
    const clock = new Clock(0);
    const q = new SchedulingQueue(clock, () => {});
    q.add(podInfoOf(podObj('p')));
    const p = q.pop()!;
    q.moveAll();
    q.failed(p, true, new Set(['NodeResourcesFit']));
    expect(q.counts().backoff).toBe(1);
  });
  it('moveAll with a filter only moves pods the event can help', () => {
    const clock = new Clock(0);
    const q = new SchedulingQueue(clock, () => {});
    q.add(podInfoOf(podObj('a')));
    q.add(podInfoOf(podObj('b')));
    q.failed(q.pop()!, true, new Set(['VolumeBinding']));
    q.failed(q.pop()!, true, new Set(['NodeResourcesFit']));
    clock.advance(2000);
    q.moveAll((pl) => pl.has('VolumeBinding'));
    expect(q.counts()).toMatchObject({ active: 1, unschedulable: 1 });
  });
  it('unschedulable pods are retried after 5 minutes without events', () => {
    const clock = new Clock(0);
    const q = new SchedulingQueue(clock, () => {});
    q.add(podInfoOf(podObj('p')));
    q.failed(q.pop()!, true, new Set(['NodeResourcesFit']));
    clock.advance(5 * 60_000);
    expect(q.counts().unschedulable).toBe(1);
    clock.advance(30_000);
    expect(q.activeLength).toBe(1);
  });
});
