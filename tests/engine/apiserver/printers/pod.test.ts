// printPod rows, ported as facts from printers_test.go (TestPrintPod, TestPrintPodWithRestartableInitContainer,
// TestPrintPodwide, TestPrintNonTerminatedPod) and printPod's branches.
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { podPrinter } from '../../../../src/engine/apiserver/printers/pod';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const ago = (ms: number): string => new Date(NOW - ms).toISOString();
const MIN = 60_000;

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'test1', ...meta }, spec, status };
}
const two = { containers: [{ name: 'a' }, { name: 'b' }] };
const running = { running: {} };

/** NAME READY STATUS RESTARTS AGE (no creationTimestamp: AGE `<unknown>`). */
const rows: { name: string; input: KObject; want: (string | number)[] }[] = [
  {
    name: 'name, containers, restarts, ready',
    input: pod(two, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] }),
    want: ['test1', '1/2', 'podPhase', '6', '<unknown>'],
  },
  {
    name: 'container waiting reason takes precedence over phase',
    input: pod(two, { phase: 'podPhase', containerStatuses: [{ restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } }, { restartCount: 3 }] }),
    want: ['test1', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
  },
  {
    name: 'the first container overwrites the rest',
    input: pod(two, {
      phase: 'podPhase',
      containerStatuses: [
        { restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } },
        { restartCount: 3, state: { terminated: { reason: 'ContainerTerminatedReason' } } },
      ],
    }),
    want: ['test1', '0/2', 'ContainerWaitingReason', '6', '<unknown>'],
  },
  {
    name: 'ready is not enough without running',
    input: pod(two, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3 }, { ready: true, restartCount: 3 }] }),
    want: ['test1', '0/2', 'podPhase', '6', '<unknown>'],
  },
  {
    name: 'one running, one completed, no Ready condition',
    input: pod(two, {
      phase: 'Running',
      containerStatuses: [
        { ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
        { ready: true, restartCount: 3, state: running },
      ],
    }),
    want: ['test1', '1/2', 'NotReady', '3', '<unknown>'],
  },
  {
    name: 'one running, one completed, Ready condition',
    input: pod(two, {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        { ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
        { ready: true, restartCount: 3, state: running },
      ],
    }),
    want: ['test1', '1/2', 'Running', '3', '<unknown>'],
  },
  {
    name: 'scheduling gated',
    input: pod(two, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
    want: ['test1', '0/2', 'SchedulingGated', '0', '<unknown>'],
  },
  {
    name: 'pod status reason overrides phase',
    input: pod(two, { phase: 'Failed', reason: 'Evicted' }),
    want: ['test1', '0/2', 'Evicted', '0', '<unknown>'],
  },
  {
    name: 'terminated without reason: exit code',
    input: pod({ containers: [{ name: 'a' }] }, { phase: 'Running', containerStatuses: [{ state: { terminated: { exitCode: 137 } } }] }),
    want: ['test1', '0/1', 'ExitCode:137', '0', '<unknown>'],
  },
  {
    name: 'terminated without reason: signal',
    input: pod({ containers: [{ name: 'a' }] }, { phase: 'Running', containerStatuses: [{ state: { terminated: { signal: 9, exitCode: 137 } } }] }),
    want: ['test1', '0/1', 'Signal:9', '0', '<unknown>'],
  },
  {
    name: 'completed pod',
    input: pod({ containers: [{ name: 'a' }] }, { phase: 'Succeeded', containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }] }),
    want: ['test1', '0/1', 'Completed', '0', '<unknown>'],
  },
  {
    name: 'crash loop with last restart 5m ago',
    input: pod({ containers: [{ name: 'a' }] }, {
      phase: 'Running',
      containerStatuses: [{ restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(5 * MIN) } } }],
    }),
    want: ['test1', '0/1', 'CrashLoopBackOff', '4 (5m ago)', '<unknown>'],
  },
  {
    name: 'restarts use the latest finishedAt of all containers',
    input: pod(two, {
      phase: 'Running',
      containerStatuses: [
        { ready: true, restartCount: 1, state: running, lastState: { terminated: { finishedAt: ago(3 * 3600_000) } } },
        { ready: true, restartCount: 2, state: running, lastState: { terminated: { finishedAt: ago(90_000) } } },
      ],
    }),
    want: ['test1', '2/2', 'Running', '3 (90s ago)', '<unknown>'],
  },
  {
    name: 'restarts without a finishedAt print the count only',
    input: pod({ containers: [{ name: 'a' }] }, { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 2, state: running }] }),
    want: ['test1', '1/1', 'Running', '2', '<unknown>'],
  },
  {
    name: 'init container running',
    input: pod({ initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] }, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'i', state: running }],
      containerStatuses: [{ name: 'a', state: { waiting: { reason: 'PodInitializing' } } }],
    }),
    want: ['test1', '0/1', 'Init:0/1', '0', '<unknown>'],
  },
  {
    name: 'second of two init containers running',
    input: pod({ initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'a' }] }, {
      phase: 'Pending',
      initContainerStatuses: [
        { name: 'i1', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        { name: 'i2', state: running },
      ],
    }),
    want: ['test1', '0/1', 'Init:1/2', '0', '<unknown>'],
  },
  {
    name: 'init container crash looping',
    input: pod({ initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] }, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'i', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { finishedAt: ago(MIN * 2) } } }],
      containerStatuses: [{ name: 'a', restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
    }),
    want: ['test1', '0/1', 'Init:CrashLoopBackOff', '3 (2m ago)', '<unknown>'],
  },
  {
    name: 'init container failed with a reason',
    input: pod({ initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] }, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'i', state: { terminated: { exitCode: 1, reason: 'Error' } } }],
    }),
    want: ['test1', '0/1', 'Init:Error', '0', '<unknown>'],
  },
  {
    name: 'init container failed without reason',
    input: pod({ initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] }, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'i', state: { terminated: { exitCode: 2 } } }],
    }),
    want: ['test1', '0/1', 'Init:ExitCode:2', '0', '<unknown>'],
  },
  {
    name: 'init container killed by a signal',
    input: pod({ initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] }, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'i', state: { terminated: { exitCode: 2, signal: 15 } } }],
    }),
    want: ['test1', '0/1', 'Init:Signal:15', '0', '<unknown>'],
  },
  {
    name: 'init waiting on PodInitializing shows the index',
    input: pod({ initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] }, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'i', state: { waiting: { reason: 'PodInitializing' } } }],
    }),
    want: ['test1', '0/1', 'Init:0/1', '0', '<unknown>'],
  },
  {
    name: 'restartable init container started and ready counts as ready',
    input: pod({ initContainers: [{ name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'a' }] }, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'side', started: true, ready: true, restartCount: 1, state: running, lastState: { terminated: { finishedAt: ago(10 * MIN) } } }],
      containerStatuses: [{ name: 'a', ready: true, restartCount: 2, state: running }],
    }),
    want: ['test1', '2/2', 'Running', '3 (10m ago)', '<unknown>'],
  },
  {
    name: 'restartable init container not started yet',
    input: pod({ initContainers: [{ name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'a' }] }, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'side', started: false, state: running }],
      containerStatuses: [{ name: 'a', state: { waiting: { reason: 'PodInitializing' } } }],
    }),
    want: ['test1', '0/2', 'Init:0/1', '0', '<unknown>'],
  },
  {
    name: 'failed regular init container restarts are dropped once initialised',
    input: pod({ initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] }, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'i', restartCount: 5, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      containerStatuses: [{ name: 'a', ready: true, restartCount: 1, state: running }],
    }),
    want: ['test1', '1/1', 'Running', '1', '<unknown>'],
  },
  {
    name: 'terminating',
    input: pod({ containers: [{ name: 'a' }] }, { phase: 'Running', containerStatuses: [{ ready: true, state: running }] }, { deletionTimestamp: '2026-01-09T23:59:00Z' }),
    want: ['test1', '1/1', 'Terminating', '0', '<unknown>'],
  },
  {
    name: 'deleting a succeeded pod keeps its status',
    input: pod({ containers: [{ name: 'a' }] }, { phase: 'Succeeded', containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }] }, { deletionTimestamp: '2026-01-09T23:59:00Z' }),
    want: ['test1', '0/1', 'Completed', '0', '<unknown>'],
  },
  {
    name: 'deleting a failed pod keeps its status',
    input: pod({ containers: [{ name: 'a' }] }, { phase: 'Failed', containerStatuses: [{ state: { terminated: { reason: 'Error', exitCode: 1 } } }] }, { deletionTimestamp: '2026-01-09T23:59:00Z' }),
    want: ['test1', '0/1', 'Error', '0', '<unknown>'],
  },
  {
    name: 'node lost while deleting reads Unknown',
    input: pod({ containers: [{ name: 'a' }] }, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: '2026-01-09T23:59:00Z' }),
    want: ['test1', '0/1', 'Unknown', '0', '<unknown>'],
  },
  {
    name: 'image pull back-off and age',
    input: pod({ containers: [{ name: 'a' }] }, { phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ImagePullBackOff' } } }] }, { creationTimestamp: ago(42_000) }),
    want: ['test1', '0/1', 'ImagePullBackOff', '0', '42s'],
  },
  {
    name: 'empty pod',
    input: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } },
    want: ['x', '0/0', '', '0', '<unknown>'],
  },
];

describe('podPrinter cells', () => {
  it.each(rows)('$name', ({ input, want }) => {
    expect(podPrinter.cells(input, NOW).slice(0, 5)).toEqual(want);
  });
});

describe('podPrinter wide cells', () => {
  const rows: { name: string; input: KObject; want: string[] }[] = [
    {
      name: 'ip, node, nominated node, readiness gates',
      input: pod(
        { nodeName: 'test1', readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }], containers: [{ name: 'a' }, { name: 'b' }] },
        {
          phase: 'podPhase',
          podIPs: [{ ip: '1.1.1.1' }, { ip: 'fd00::1' }],
          nominatedNodeName: 'node1',
          conditions: [{ type: 'condition1', status: 'True' }],
          containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }],
        },
      ),
      want: ['1.1.1.1', 'test1', 'node1', '1/2'],
    },
    {
      name: 'all missing',
      input: pod({ containers: [{ name: 'a' }] }, { phase: 'Pending' }),
      want: ['<none>', '<none>', '<none>', '<none>'],
    },
    {
      name: 'status.podIP alone is not shown',
      input: pod({ containers: [{ name: 'a' }], nodeName: 'n' }, { phase: 'Running', podIP: '10.0.0.1' }),
      want: ['<none>', 'n', '<none>', '<none>'],
    },
    {
      name: 'readiness gate without a condition',
      input: pod({ containers: [{ name: 'a' }], readinessGates: [{ conditionType: 'x' }] }, { phase: 'Running', conditions: [{ type: 'x', status: 'False' }] }),
      want: ['<none>', '<none>', '<none>', '0/1'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => {
    expect(podPrinter.cells(input, NOW).slice(5)).toEqual(want);
  });

  it('defines upstream columns, wide ones at priority 1', () => {
    expect(podPrinter.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Ready', 'string', 0],
      ['Status', 'string', 0],
      ['Restarts', 'string', 0],
      ['Age', 'string', 0],
      ['IP', 'string', 1],
      ['Node', 'string', 1],
      ['Nominated Node', 'string', 1],
      ['Readiness Gates', 'string', 1],
    ]);
    expect(podPrinter.columns[0].format).toBe('name');
  });
});
