import { describe, expect, it } from 'vitest';
import { checkQuotas } from '../../../../src/engine/apiserver/admission/resource-quota';
import type { KObject } from '../../../../src/engine/api/types';

type L = Record<string, string>;
const quota = (name: string, hard: L, used?: L, spec: object = {}): KObject =>
  ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: 'n', resourceVersion: '5' }, spec: { hard, ...spec }, status: { hard, ...(used ? { used } : {}) } }) as KObject;
const ctr = (name: string, requests?: L, limits?: L) => ({ name, image: 'nginx', resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } });
const pod = (containers: object[], spec: object = {}): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'n' }, spec: { containers, ...spec } }) as KObject;
const PODS = { group: '', plural: 'pods' };

describe('checkQuotas refusals (CheckRequest)', () => {
  const rows: { name: string; type?: { group: string; plural: string }; input: KObject; quotas: KObject[]; want: string }[] = [
    {
      name: 'exceeded requests.cpu',
      input: pod([ctr('nginx', { cpu: '600m' }, { cpu: '600m' })]),
      quotas: [quota('compute-quota', { 'requests.cpu': '1500m' }, { 'requests.cpu': '1' })],
      want: 'exceeded quota: compute-quota, requested: requests.cpu=600m, used: requests.cpu=1, limited: requests.cpu=1500m',
    },
    {
      name: 'only exceeded names are listed',
      input: pod([ctr('nginx', { cpu: '600m', memory: '1Gi' }, { cpu: '600m', memory: '1Gi' })]),
      quotas: [quota('q', { 'requests.cpu': '1', 'requests.memory': '2Gi', 'limits.memory': '1536Mi' }, { 'requests.cpu': '500m', 'requests.memory': '1Gi', 'limits.memory': '1Gi' })],
      want: 'exceeded quota: q, requested: limits.memory=1Gi,requests.cpu=600m, used: limits.memory=1Gi,requests.cpu=500m, limited: limits.memory=1536Mi,requests.cpu=1',
    },
    {
      name: 'pod count',
      input: pod([ctr('nginx')]),
      quotas: [quota('pods-max', { pods: '2' }, { pods: '2' })],
      want: 'exceeded quota: pods-max, requested: pods=1, used: pods=2, limited: pods=2',
    },
    {
      name: 'missing requests',
      input: pod([ctr('nginx')]),
      quotas: [quota('compute-quota', { 'requests.cpu': '1', 'limits.cpu': '2', pods: '10' }, { 'requests.cpu': '0', 'limits.cpu': '0', pods: '0' })],
      want: 'failed quota: compute-quota: must specify limits.cpu for: nginx; requests.cpu for: nginx',
    },
    {
      name: 'status not computed yet',
      input: pod([ctr('nginx')]),
      quotas: [quota('fresh', { pods: '10', 'count/pods': '5' })],
      want: 'status unknown for quota: fresh, resources: count/pods,pods',
    },
    {
      name: 'object count of a group',
      type: { group: 'apps', plural: 'deployments' },
      input: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } } as KObject,
      quotas: [quota('objects', { 'count/deployments.apps': '1', pods: '4' }, { 'count/deployments.apps': '1', pods: '0' })],
      want: 'exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    },
    {
      name: 'legacy configmaps',
      type: { group: '', plural: 'configmaps' },
      input: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } as KObject,
      quotas: [quota('objects', { configmaps: '1' }, { configmaps: '1' })],
      want: 'exceeded quota: objects, requested: configmaps=1, used: configmaps=1, limited: configmaps=1',
    },
    {
      name: 'nodeports',
      type: { group: '', plural: 'services' },
      input: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }, { port: 81 }] } } as KObject,
      quotas: [quota('svc', { 'services.nodeports': '2', services: '5' }, { 'services.nodeports': '1', services: '1' })],
      want: 'exceeded quota: svc, requested: services.nodeports=2, used: services.nodeports=1, limited: services.nodeports=2',
    },
    {
      name: 'first quota by name wins',
      input: pod([ctr('nginx')]),
      quotas: [quota('b', { pods: '1' }, { pods: '1' }), quota('a', { pods: '1' }, { pods: '1' })],
      want: 'exceeded quota: a, requested: pods=1, used: pods=1, limited: pods=1',
    },
  ];
  it.each(rows)('$name', ({ type, input, quotas, want }) => expect(checkQuotas(type ?? PODS, input, quotas, 0)).toEqual({ ok: false, message: want }));
});

describe('checkQuotas admits and charges', () => {
  const rows: { name: string; type?: { group: string; plural: string }; input: KObject; quotas: KObject[]; want: L[] }[] = [
    {
      name: 'charges used',
      input: pod([ctr('nginx', { cpu: '500m' }, { cpu: '1' })]),
      quotas: [quota('q', { 'requests.cpu': '1500m', 'limits.cpu': '2', pods: '3' }, { 'requests.cpu': '1', 'limits.cpu': '1', pods: '1' })],
      want: [{ 'limits.cpu': '2', pods: '2', 'requests.cpu': '1500m' }],
    },
    {
      name: 'exactly at hard is fine',
      input: pod([ctr('nginx')]),
      quotas: [quota('q', { pods: '2' }, { pods: '1' })],
      want: [{ pods: '2' }],
    },
    { name: 'unrelated quota', input: pod([ctr('nginx')]), quotas: [quota('q', { configmaps: '1' }, { configmaps: '1' })], want: [] },
    {
      name: 'zero usage is not charged (ClusterIP vs nodeports)',
      type: { group: '', plural: 'services' },
      input: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'ClusterIP', ports: [{ port: 80 }] } } as KObject,
      quotas: [quota('svc', { 'services.nodeports': '0' }, { 'services.nodeports': '0' })],
      want: [],
    },
    {
      name: 'BestEffort scope skips a pod with requests',
      input: pod([ctr('nginx', { cpu: '1' }, { cpu: '1' })]),
      quotas: [quota('be', { pods: '0' }, { pods: '0' }, { scopes: ['BestEffort'] })],
      want: [],
    },
    {
      name: 'BestEffort scope charges a pod without',
      input: pod([ctr('nginx')]),
      quotas: [quota('be', { pods: '3' }, { pods: '0' }, { scopes: ['BestEffort'] })],
      want: [{ pods: '1' }],
    },
    {
      name: 'scoped quota never charges other kinds',
      type: { group: '', plural: 'configmaps' },
      input: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } as KObject,
      quotas: [quota('be', { configmaps: '0' }, { configmaps: '0' }, { scopes: ['NotTerminating'] })],
      want: [],
    },
    {
      name: 'priority class selector',
      input: pod([ctr('nginx')], { priorityClassName: 'high' }),
      quotas: [
        quota('high', { pods: '5' }, { pods: '1' }, { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } }),
        quota('low', { pods: '5' }, { pods: '1' }, { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['low'] }] } }),
      ],
      want: [{ pods: '2' }],
    },
  ];
  it.each(rows)('$name', ({ type, input, quotas, want }) => {
    const res = checkQuotas(type ?? PODS, input, quotas, 0);
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.updates.map((q) => (q.status as { used: L }).used)).toEqual(want);
  });
});
