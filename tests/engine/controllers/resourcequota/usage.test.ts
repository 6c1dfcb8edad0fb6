import { describe, expect, it } from 'vitest';
import { fromUsage, matchingResources, objectUsage, podConstraints, podUsage, prettyPrint, toUsage, typeForResource } from '../../../../src/engine/controllers/resourcequota/usage';
import type { KObject } from '../../../../src/engine/api/types';

type L = Record<string, string>;
const ctr = (name: string, requests?: L, limits?: L, extra: object = {}) => ({ name, image: 'nginx', resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) }, ...extra });
const pod = (containers: object[], more: { init?: object[]; phase?: string; meta?: object; overhead?: L } = {}): KObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'n', ...(more.meta ?? {}) },
    spec: { containers, ...(more.init ? { initContainers: more.init } : {}), ...(more.overhead ? { overhead: more.overhead } : {}) },
    status: more.phase ? { phase: more.phase } : {},
  }) as KObject;

describe('podUsage (PodUsageFunc)', () => {
  const rows: { name: string; input: KObject; want: L }[] = [
    { name: 'no resources', input: pod([ctr('a')]), want: { 'count/pods': '1', pods: '1' } },
    {
      name: 'requests and limits',
      input: pod([ctr('a', { cpu: '100m', memory: '1Gi' }, { cpu: '200m', memory: '2Gi' })]),
      want: { 'count/pods': '1', pods: '1', cpu: '100m', 'requests.cpu': '100m', 'limits.cpu': '200m', memory: '1Gi', 'requests.memory': '1Gi', 'limits.memory': '2Gi' },
    },
    {
      name: 'sum of containers',
      input: pod([ctr('a', { cpu: '100m' }), ctr('b', { cpu: '250m' })]),
      want: { 'count/pods': '1', pods: '1', cpu: '350m', 'requests.cpu': '350m' },
    },
    {
      name: 'init container larger than sum',
      input: pod([ctr('a', { cpu: '100m' }), ctr('b', { cpu: '200m' })], { init: [ctr('i', { cpu: '500m' })] }),
      want: { 'count/pods': '1', pods: '1', cpu: '500m', 'requests.cpu': '500m' },
    },
    {
      name: 'sidecar adds',
      input: pod([ctr('a', { cpu: '100m' })], { init: [ctr('s', { cpu: '50m' }, undefined, { restartPolicy: 'Always' })] }),
      want: { 'count/pods': '1', pods: '1', cpu: '150m', 'requests.cpu': '150m' },
    },
    { name: 'overhead', input: pod([ctr('a', { cpu: '100m' })], { overhead: { cpu: '10m' } }), want: { 'count/pods': '1', pods: '1', cpu: '110m', 'requests.cpu': '110m' } },
    { name: 'succeeded is not charged', input: pod([ctr('a', { cpu: '1' })], { phase: 'Succeeded' }), want: { 'count/pods': '1' } },
    { name: 'failed is not charged', input: pod([ctr('a', { cpu: '1' })], { phase: 'Failed' }), want: { 'count/pods': '1' } },
    {
      name: 'past deletion grace is not charged',
      input: pod([ctr('a', { cpu: '1' })], { meta: { deletionTimestamp: '2025-01-01T00:00:00Z', deletionGracePeriodSeconds: 30 } }),
      want: { 'count/pods': '1' },
    },
    {
      name: 'extended and hugepages',
      input: pod([ctr('a', { 'example.com/gpu': '1', 'hugepages-2Mi': '4Mi' })]),
      want: { 'count/pods': '1', pods: '1', 'requests.example.com/gpu': '1', 'hugepages-2Mi': '4Mi', 'requests.hugepages-2Mi': '4Mi' },
    },
  ];
  const now = Date.parse('2025-01-01T00:01:00Z');
  it.each(rows)('$name', ({ input, want }) => expect(fromUsage(podUsage(input, now))).toEqual(Object.fromEntries(Object.entries(want).sort())));
});

describe('objectUsage', () => {
  const obj = (spec: object = {}) => ({ apiVersion: 'v1', kind: 'X', metadata: { name: 'x' }, spec }) as KObject;
  const rows: { name: string; type: { group: string; plural: string }; input: KObject; want: L }[] = [
    { name: 'configmap', type: { group: '', plural: 'configmaps' }, input: obj(), want: { configmaps: '1', 'count/configmaps': '1' } },
    { name: 'deployment', type: { group: 'apps', plural: 'deployments' }, input: obj(), want: { 'count/deployments.apps': '1' } },
    { name: 'job', type: { group: 'batch', plural: 'jobs' }, input: obj(), want: { 'count/jobs.batch': '1' } },
    { name: 'clusterip service', type: { group: '', plural: 'services' }, input: obj({ type: 'ClusterIP', ports: [{ port: 80 }] }), want: { services: '1', 'count/services': '1', 'services.loadbalancers': '0', 'services.nodeports': '0' } },
    { name: 'nodeport service', type: { group: '', plural: 'services' }, input: obj({ type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] }), want: { services: '1', 'count/services': '1', 'services.loadbalancers': '0', 'services.nodeports': '2' } },
    { name: 'lb service', type: { group: '', plural: 'services' }, input: obj({ type: 'LoadBalancer', ports: [{ port: 80 }] }), want: { services: '1', 'count/services': '1', 'services.loadbalancers': '1', 'services.nodeports': '1' } },
    {
      name: 'pvc',
      type: { group: '', plural: 'persistentvolumeclaims' },
      input: obj({ storageClassName: 'gold', resources: { requests: { storage: '5Gi' } } }),
      want: {
        persistentvolumeclaims: '1',
        'count/persistentvolumeclaims': '1',
        'requests.storage': '5Gi',
        'gold.storageclass.storage.k8s.io/persistentvolumeclaims': '1',
        'gold.storageclass.storage.k8s.io/requests.storage': '5Gi',
      },
    },
  ];
  it.each(rows)('$name', ({ type, input, want }) => expect(fromUsage(objectUsage(type, input, 0))).toEqual(Object.fromEntries(Object.entries(want).sort())));
});

describe('typeForResource', () => {
  const rows: { input: string; want: { group: string; plural: string } | undefined }[] = [
    { input: 'pods', want: { group: '', plural: 'pods' } },
    { input: 'requests.cpu', want: { group: '', plural: 'pods' } },
    { input: 'limits.memory', want: { group: '', plural: 'pods' } },
    { input: 'cpu', want: { group: '', plural: 'pods' } },
    { input: 'requests.nvidia.com/gpu', want: { group: '', plural: 'pods' } },
    { input: 'requests.storage', want: { group: '', plural: 'persistentvolumeclaims' } },
    { input: 'gold.storageclass.storage.k8s.io/requests.storage', want: { group: '', plural: 'persistentvolumeclaims' } },
    { input: 'count/deployments.apps', want: { group: 'apps', plural: 'deployments' } },
    { input: 'count/cronjobs.batch', want: { group: 'batch', plural: 'cronjobs' } },
    { input: 'count/pods', want: { group: '', plural: 'pods' } },
    { input: 'services.nodeports', want: { group: '', plural: 'services' } },
    { input: 'secrets', want: { group: '', plural: 'secrets' } },
    { input: 'widgets', want: undefined },
  ];
  it.each(rows)('$input', ({ input, want }) => expect(typeForResource(input)).toEqual(want));
  it('matchingResources keeps the names of one type, sorted', () => {
    expect(matchingResources({ group: '', plural: 'pods' }, ['services', 'requests.cpu', 'pods', 'count/deployments.apps', 'count/pods'])).toEqual(['count/pods', 'pods', 'requests.cpu']);
  });
});

describe('podConstraints', () => {
  const rows: { name: string; input: KObject; required: string[]; want: string | undefined }[] = [
    { name: 'nothing required', input: pod([ctr('nginx')]), required: ['pods'], want: undefined },
    {
      name: 'requests and limits cpu missing',
      input: pod([ctr('nginx')]),
      required: ['limits.cpu', 'pods', 'requests.cpu'],
      want: 'must specify limits.cpu for: nginx; requests.cpu for: nginx',
    },
    {
      name: 'two containers',
      input: pod([ctr('b', { memory: '1Gi' }), ctr('a')]),
      required: ['requests.memory'],
      want: 'must specify requests.memory for: a',
    },
    {
      name: 'both missing sorted',
      input: pod([ctr('web'), ctr('db')]),
      required: ['memory'],
      want: 'must specify memory for: db,web',
    },
    { name: 'all present', input: pod([ctr('a', { cpu: '1' }, { cpu: '1' })]), required: ['requests.cpu', 'limits.cpu'], want: undefined },
    { name: 'init container counted', input: pod([ctr('a', { cpu: '1' })], { init: [ctr('i')] }), required: ['requests.cpu'], want: 'must specify requests.cpu for: i' },
    { name: 'storage not forced', input: pod([ctr('a')]), required: ['requests.ephemeral-storage'], want: undefined },
  ];
  it.each(rows)('$name', ({ input, required, want }) => expect(podConstraints(input, required)).toBe(want));
});

describe('prettyPrint', () => {
  const rows: { input: L; want: string }[] = [
    { input: { 'requests.cpu': '600m' }, want: 'requests.cpu=600m' },
    { input: { 'requests.memory': '1Gi', 'requests.cpu': '1' }, want: 'requests.cpu=1,requests.memory=1Gi' },
    { input: {}, want: '' },
  ];
  it.each(rows)('$want', ({ input, want }) => expect(prettyPrint(toUsage(input))).toBe(want));
});
