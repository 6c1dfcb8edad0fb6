import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { BEHAVIOR_ANNOTATION, CONDITIONS_ANNOTATION, METRIC_SPECS_ANNOTATION, METRIC_STATUSES_ANNOTATION, hpaFromV1, hpaToV1 } from '../../../../src/engine/api/conversion/hpa-v1';
import { conversionFor, convertIn, convertOut } from '../../../../src/engine/api/conversion';

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' };
const cpu = (n: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: n } } });
const v2 = (spec: object, status: object = { desiredReplicas: 0, currentMetrics: null }, annotations?: Record<string, string>): KObject => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'h', namespace: 'default', ...(annotations ? { annotations } : {}) },
  spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, ...spec },
  status,
});

describe('hpaToV1', () => {
  const rows: { name: string; in: KObject; spec: object; status: object; annotations?: Record<string, string> }[] = [
    { name: 'cpu utilization only', in: v2({ metrics: [cpu(50)] }), spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 }, status: { currentReplicas: 0, desiredReplicas: 0 } },
    {
      name: 'memory metric goes to the annotation',
      in: v2({ metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }, cpu(60)] }),
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 60 },
      status: { currentReplicas: 0, desiredReplicas: 0 },
      annotations: { [METRIC_SPECS_ANNOTATION]: '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]' },
    },
    {
      name: 'status with cpu metric and conditions',
      in: v2(
        { metrics: [cpu(50)] },
        {
          lastScaleTime: '2025-01-01T00:00:00Z',
          currentReplicas: 4,
          desiredReplicas: 4,
          currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '101m', averageUtilization: 50 } } }],
          conditions: [{ type: 'AbleToScale', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'ReadyForNewScale', message: 'recommended size matches current size' }],
        },
      ),
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
      status: { lastScaleTime: '2025-01-01T00:00:00Z', currentReplicas: 4, desiredReplicas: 4, currentCPUUtilizationPercentage: 50 },
      annotations: {
        [METRIC_STATUSES_ANNOTATION]: '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":50,"currentAverageValue":"101m"}}]',
        [CONDITIONS_ANNOTATION]: '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-01-01T00:00:00Z","reason":"ReadyForNewScale","message":"recommended size matches current size"}]',
      },
    },
    {
      name: 'failed metric status keeps an empty entry',
      in: v2({ metrics: [cpu(50)] }, { desiredReplicas: 0, currentMetrics: [{ type: '' }] }),
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 0, desiredReplicas: 0 },
      annotations: { [METRIC_STATUSES_ANNOTATION]: '[{"type":""}]' },
    },
    {
      name: 'behavior as the internal type',
      in: v2({ metrics: [cpu(50)], behavior: { scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] } } }),
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 0, desiredReplicas: 0 },
      annotations: { [BEHAVIOR_ANNOTATION]: '{"ScaleUp":null,"ScaleDown":{"StabilizationWindowSeconds":60,"SelectPolicy":"Max","Policies":[{"Type":"Percent","Value":100,"PeriodSeconds":15}]}}' },
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const got = hpaToV1(r.in);
      expect(got.apiVersion).toBe('autoscaling/v1');
      expect(got.spec).toEqual(r.spec);
      expect(got.status).toEqual(r.status);
      expect(got.metadata.annotations).toEqual(r.annotations);
      // Round trip back to v2 gives the original.
      expect(hpaFromV1(got)).toEqual({ ...r.in, status: { currentMetrics: null, ...(r.in.status as object) } });
    });
  }
});

describe('hpaFromV1', () => {
  const v1 = (spec: object, annotations?: Record<string, string>): KObject => ({
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'h', ...(annotations ? { annotations } : {}) },
    spec: { scaleTargetRef: ref, maxReplicas: 10, ...spec },
  });
  const rows: { name: string; in: KObject; metrics: unknown[]; annotations?: Record<string, string> }[] = [
    { name: 'target cpu', in: v1({ targetCPUUtilizationPercentage: 50 }), metrics: [cpu(50)] },
    { name: 'no target: the 80% default', in: v1({}), metrics: [cpu(80)] },
    {
      name: 'annotation metrics first, cpu after',
      in: v1({ targetCPUUtilizationPercentage: 70 }, { [METRIC_SPECS_ANNOTATION]: '[{"type":"Pods","pods":{"metricName":"qps","targetAverageValue":"10"}}]', keep: 'me' }),
      metrics: [{ type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } }, cpu(70)],
      annotations: { keep: 'me' },
    },
    {
      name: 'external with a value target',
      in: v1({}, { [METRIC_SPECS_ANNOTATION]: '[{"type":"External","external":{"metricName":"queue","targetValue":"30"}}]' }),
      metrics: [{ type: 'External', external: { metric: { name: 'queue' }, target: { type: 'Value', value: '30' } } }],
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const got = hpaFromV1(r.in);
      expect((got.spec as { metrics: unknown[] }).metrics).toEqual(r.metrics);
      expect(got.metadata.annotations).toEqual(r.annotations);
    });
  }
  it('a bad annotation is an error', () => {
    expect(() => hpaFromV1(v1({}, { [METRIC_SPECS_ANNOTATION]: '{' }))).toThrow('annotation');
  });
});

describe('convertIn / convertOut', () => {
  const c = conversionFor({ group: 'autoscaling', version: 'v1', kind: 'HorizontalPodAutoscaler' })!;
  it('is only for autoscaling/v1 HPAs', () => {
    expect(c.storageVersion).toBe('v2');
    expect(conversionFor({ group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' })).toBeUndefined();
  });
  it('converts lists, tables and objects; passes Status', () => {
    const obj = v2({ metrics: [cpu(50)] });
    expect((convertOut(c, { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscalerList', metadata: {}, items: [obj] }) as { apiVersion: string; items: KObject[] }).items[0].spec).toMatchObject({ targetCPUUtilizationPercentage: 50 });
    expect((convertOut(c, { kind: 'Table', rows: [{ cells: [], object: obj }] }) as { rows: { object: KObject }[] }).rows[0].object.apiVersion).toBe('autoscaling/v1');
    const status = { kind: 'Status', apiVersion: 'v1', code: 404 };
    expect(convertOut(c, status)).toBe(status);
    expect((convertIn(c, { kind: 'HorizontalPodAutoscaler', metadata: { name: 'x' }, spec: { scaleTargetRef: ref, maxReplicas: 3, targetCPUUtilizationPercentage: 5 } }) as KObject).apiVersion).toBe('autoscaling/v2');
  });
});
