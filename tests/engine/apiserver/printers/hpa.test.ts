// formatHPAMetrics / printHorizontalPodAutoscaler rows, ported as facts from printers_test.go TestPrintHPA.
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { formatHPAMetrics, hpaPrinter } from '../../../../src/engine/apiserver/printers/hpa';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const res = (name: string, target: Record<string, unknown>) => ({ type: 'Resource', resource: { name, target } });
const resCur = (name: string, current: Record<string, unknown>) => ({ type: 'Resource', resource: { name, current } });

describe('formatHPAMetrics', () => {
  const rows: { name: string; specs: unknown; statuses: unknown; want: string }[] = [
    { name: 'no metrics', specs: [], statuses: [], want: '<none>' },
    { name: 'missing metrics', specs: undefined, statuses: undefined, want: '<none>' },
    {
      name: 'pods metric, no status',
      specs: [{ type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, target: { type: 'AverageValue', averageValue: '100m' } } }],
      statuses: [],
      want: '<unknown>/100m',
    },
    {
      name: 'pods metric with status',
      specs: [{ type: 'Pods', pods: { metric: { name: 'm' }, target: { type: 'AverageValue', averageValue: '100m' } } }],
      statuses: [{ type: 'Pods', pods: { metric: { name: 'm' }, current: { averageValue: '50m' } } }],
      want: '50m/100m',
    },
    {
      name: 'external value metric, no status',
      specs: [{ type: 'External', external: { metric: { name: 'q' }, target: { type: 'Value', value: '100m' } } }],
      statuses: [],
      want: '<unknown>/100m',
    },
    {
      name: 'external average metric with status',
      specs: [{ type: 'External', external: { metric: { name: 'q' }, target: { type: 'AverageValue', averageValue: '100m' } } }],
      statuses: [{ type: 'External', external: { metric: { name: 'q' }, current: { averageValue: '66m' } } }],
      want: '66m/100m (avg)',
    },
    {
      name: 'object value metric with status',
      specs: [{ type: 'Object', object: { metric: { name: 'hits' }, target: { type: 'Value', value: '10' } } }],
      statuses: [{ type: 'Object', object: { metric: { name: 'hits' }, current: { value: '7' } } }],
      want: '7/10',
    },
    {
      name: 'resource utilization, no status',
      specs: [res('cpu', { type: 'Utilization', averageUtilization: 80 })],
      statuses: [],
      want: 'cpu: <unknown>/80%',
    },
    {
      name: 'resource utilization with status',
      specs: [res('cpu', { type: 'Utilization', averageUtilization: 80 })],
      statuses: [resCur('cpu', { averageUtilization: 50, averageValue: '10m' })],
      want: 'cpu: 50%/80%',
    },
    {
      name: 'resource average value with status',
      specs: [res('memory', { type: 'AverageValue', averageValue: '100Mi' })],
      statuses: [resCur('memory', { averageValue: '50Mi' })],
      want: 'memory: 50Mi/100Mi',
    },
    {
      name: 'resource without utilization target',
      specs: [res('cpu', { type: 'Utilization' })],
      statuses: [],
      want: 'cpu: <unknown>/<auto>',
    },
    {
      name: 'container resource utilization',
      specs: [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 60 } } }],
      statuses: [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', current: { averageUtilization: 12 } } }],
      want: 'cpu: 12%/60%',
    },
    {
      name: 'more than two metrics',
      specs: [
        res('cpu', { type: 'Utilization', averageUtilization: 80 }),
        res('memory', { type: 'Utilization', averageUtilization: 70 }),
        { type: 'Pods', pods: { metric: { name: 'm' }, target: { type: 'AverageValue', averageValue: '1' } } },
      ],
      statuses: [resCur('cpu', { averageUtilization: 50 }), resCur('memory', { averageUtilization: 20 })],
      want: 'cpu: 50%/80%, memory: 20%/70% + 1 more...',
    },
    { name: 'unknown type', specs: [{ type: 'Bogus' }], statuses: [], want: '<unknown type>' },
  ];
  it.each(rows)('$name', ({ specs, statuses, want }) => expect(formatHPAMetrics(specs, statuses)).toBe(want));
});

describe('hpaPrinter', () => {
  it('row with reference, min, max, replicas', () => {
    const hpa: KObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, metrics: [res('cpu', { type: 'Utilization', averageUtilization: 50 })] },
      status: { currentReplicas: 4 },
    };
    expect(hpaPrinter.cells(hpa, NOW)).toEqual(['web', 'Deployment/web', 'cpu: <unknown>/50%', '1', 10, 4, '<unknown>']);
  });
  it('unset min replicas', () => {
    const hpa: KObject = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'ReplicationController', name: 'some-rc' }, maxReplicas: 10 } };
    expect(hpaPrinter.cells(hpa, NOW)).toEqual(['h', 'ReplicationController/some-rc', '<none>', '<unset>', 10, 0, '<unknown>']);
  });
});
