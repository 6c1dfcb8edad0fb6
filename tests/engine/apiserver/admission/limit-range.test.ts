import { describe, expect, it } from 'vitest';
import { aggregate, applyPodDefaults, containerDefaults, validatePod, validatePVC, LIMIT_RANGER_ANNOTATION } from '../../../../src/engine/apiserver/admission/limit-range';
import type { KObject } from '../../../../src/engine/api/types';

type L = Record<string, string>;
const lr = (...limits: object[]): KObject => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr' }, spec: { limits } }) as KObject;
const ctr = (name: string, requests?: L, limits?: L) => ({ name, image: 'nginx', resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } });
const pod = (containers: object[], initContainers: object[] = []): KObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers, ...(initContainers.length ? { initContainers } : {}) } }) as KObject;

describe('containerDefaults (defaultContainerResourceRequirements + SetDefaults_LimitRangeItem)', () => {
  const rows: { input: KObject; want: { requests: L; limits: L } }[] = [
    { input: lr({ type: 'Container', default: { cpu: '200m' }, defaultRequest: { cpu: '100m' } }), want: { requests: { cpu: '100m' }, limits: { cpu: '200m' } } },
    { input: lr({ type: 'Container', max: { cpu: '1' } }), want: { requests: { cpu: '1' }, limits: { cpu: '1' } } },
    { input: lr({ type: 'Container', min: { memory: '10Mi' } }), want: { requests: { memory: '10Mi' }, limits: {} } },
    { input: lr({ type: 'Container', min: { cpu: '50m' }, default: { cpu: '300m' } }), want: { requests: { cpu: '300m' }, limits: { cpu: '300m' } } },
    { input: lr({ type: 'Pod', max: { cpu: '2' } }), want: { requests: {}, limits: {} } },
    { input: lr({ type: 'Container', default: { cpu: '1' } }, { type: 'Container', default: { memory: '1Gi' } }), want: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } },
  ];
  it.each(rows)('$want', ({ input, want }) => expect(containerDefaults(input)).toEqual(want));
});

describe('applyPodDefaults (mergePodResourceRequirements)', () => {
  const range = lr({ type: 'Container', default: { cpu: '200m', memory: '64Mi' }, defaultRequest: { cpu: '100m', memory: '32Mi' } });
  const rows: { input: KObject; want: { annotation?: string; resources: object[] } }[] = [
    {
      input: pod([ctr('nginx')]),
      want: {
        annotation: 'LimitRanger plugin set: cpu, memory request for container nginx; cpu, memory limit for container nginx',
        resources: [{ requests: { cpu: '100m', memory: '32Mi' }, limits: { cpu: '200m', memory: '64Mi' } }],
      },
    },
    {
      input: pod([ctr('a', { cpu: '150m' }, { cpu: '150m' })]),
      want: {
        annotation: 'LimitRanger plugin set: memory request for container a; memory limit for container a',
        resources: [{ requests: { cpu: '150m', memory: '32Mi' }, limits: { cpu: '150m', memory: '64Mi' } }],
      },
    },
    {
      input: pod([ctr('a', { cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })]),
      want: { resources: [{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }] },
    },
    {
      input: pod([ctr('a', { cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })], [ctr('init')]),
      want: {
        annotation: 'LimitRanger plugin set: cpu, memory request for init container init; cpu, memory limit for init container init',
        resources: [{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }],
      },
    },
    {
      input: pod([ctr('a'), ctr('b', { memory: '10Mi' })]),
      want: {
        annotation:
          'LimitRanger plugin set: cpu, memory request for container a; cpu, memory limit for container a; cpu request for container b; cpu, memory limit for container b',
        resources: [
          { requests: { cpu: '100m', memory: '32Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
          { requests: { memory: '10Mi', cpu: '100m' }, limits: { cpu: '200m', memory: '64Mi' } },
        ],
      },
    },
  ];
  it.each(rows)('$want.annotation', ({ input, want }) => {
    applyPodDefaults(input, range);
    expect(input.metadata.annotations?.[LIMIT_RANGER_ANNOTATION]).toBe(want.annotation);
    expect((input.spec as { containers: { resources: object }[] }).containers.map((c) => c.resources)).toEqual(want.resources);
  });
});

describe('validatePod (PodValidateLimitFunc)', () => {
  const rows: { name: string; range: KObject; input: KObject; want: string[] }[] = [
    { name: 'max limit', range: lr({ type: 'Container', max: { cpu: '1' } }), input: pod([ctr('a', { cpu: '1' }, { cpu: '2' })]), want: ['maximum cpu usage per Container is 1, but limit is 2'] },
    { name: 'max request', range: lr({ type: 'Container', max: { cpu: '1' } }), input: pod([ctr('a', { cpu: '2' }, { cpu: '500m' })]), want: ['maximum cpu usage per Container is 1, but request is 2'] },
    { name: 'max no limit', range: lr({ type: 'Container', max: { memory: '1Gi' } }), input: pod([ctr('a', { memory: '10Mi' })]), want: ['maximum memory usage per Container is 1Gi.  No limit is specified'] },
    { name: 'min request', range: lr({ type: 'Container', min: { cpu: '100m' } }), input: pod([ctr('a', { cpu: '50m' }, { cpu: '50m' })]), want: ['minimum cpu usage per Container is 100m, but request is 50m'] },
    { name: 'min no request', range: lr({ type: 'Container', min: { memory: '4Mi' } }), input: pod([ctr('a')]), want: ['minimum memory usage per Container is 4Mi.  No request is specified'] },
    { name: 'within', range: lr({ type: 'Container', min: { cpu: '100m' }, max: { cpu: '1' } }), input: pod([ctr('a', { cpu: '200m' }, { cpu: '1' })]), want: [] },
    {
      name: 'ratio',
      range: lr({ type: 'Container', maxLimitRequestRatio: { cpu: '2' } }),
      input: pod([ctr('a', { cpu: '100m' }, { cpu: '500m' })]),
      want: ['cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000'],
    },
    { name: 'ratio ok', range: lr({ type: 'Container', maxLimitRequestRatio: { cpu: '2' } }), input: pod([ctr('a', { cpu: '100m' }, { cpu: '200m' })]), want: [] },
    {
      name: 'ratio no limit',
      range: lr({ type: 'Container', maxLimitRequestRatio: { memory: '3' } }),
      input: pod([ctr('a', { memory: '1Gi' })]),
      want: ['memory max limit to request ratio per Container is 3, but no limit is specified or limit is 0'],
    },
    {
      name: 'ratio no request',
      range: lr({ type: 'Container', maxLimitRequestRatio: { memory: '3' } }),
      input: pod([ctr('a')]),
      want: ['memory max limit to request ratio per Container is 3, but no request is specified or request is 0'],
    },
    {
      name: 'pod max sums containers',
      range: lr({ type: 'Pod', max: { cpu: '1' } }),
      input: pod([ctr('a', { cpu: '600m' }, { cpu: '600m' }), ctr('b', { cpu: '600m' }, { cpu: '600m' })]),
      want: ['maximum cpu usage per Pod is 1, but limit is 1200m'],
    },
    {
      name: 'two containers, two resources',
      range: lr({ type: 'Container', max: { cpu: '1', memory: '1Gi' } }),
      input: pod([ctr('a', {}, { cpu: '2', memory: '2Gi' }), ctr('b', {}, { cpu: '500m', memory: '512Mi' })]),
      want: ['maximum cpu usage per Container is 1, but limit is 2', 'maximum memory usage per Container is 1Gi, but limit is 2Gi'],
    },
  ];
  it.each(rows)('$name', ({ range, input, want }) => expect(validatePod(input, range)).toEqual(want));
});

describe('validatePVC', () => {
  const pvc = (storage?: string): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { resources: storage ? { requests: { storage } } : {} } }) as KObject;
  const range = lr({ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '2Gi' } });
  const rows: { input: KObject; want: string[] }[] = [
    { input: pvc('1500Mi'), want: [] },
    { input: pvc('500Mi'), want: ['minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi'] },
    { input: pvc('5Gi'), want: ['maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi'] },
    {
      input: pvc(),
      want: ['minimum storage usage per PersistentVolumeClaim is 1Gi.  No request is specified', 'maximum storage usage per PersistentVolumeClaim is 2Gi.  No request is specified'],
    },
  ];
  it.each(rows)('$want', ({ input, want }) => expect(validatePVC(input, range)).toEqual(want));
});

describe('aggregate (utilerrors aggregate text)', () => {
  const rows: { input: string[]; want: string }[] = [
    { input: ['a'], want: 'a' },
    { input: ['a', 'b'], want: '[a, b]' },
    { input: ['a', 'a'], want: 'a' },
    { input: ['a', 'b', 'a', 'c'], want: '[a, b, c]' },
  ];
  it.each(rows)('$want', ({ input, want }) => expect(aggregate(input)).toBe(want));
});
