import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../../../src/engine/controllers/resourcequota/controller';
import type { KObject } from '../../../../src/engine/api/types';

type L = Record<string, string>;
const quota = (hard: L, spec: object = {}): KObject => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'n' }, spec: { hard, ...spec } }) as KObject;
const pod = (name: string, requests: L = {}, phase = 'Running'): KObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'n' }, spec: { containers: [{ name: 'c', resources: { requests, limits: requests } }] }, status: { phase } }) as KObject;
const cm = (name: string): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'n' } }) as KObject;

describe('computeStatus (the quota controller recount)', () => {
  const objects: Record<string, KObject[]> = {
    '/pods': [pod('a', { cpu: '200m', memory: '64Mi' }), pod('b', { cpu: '300m' }), pod('done', { cpu: '5' }, 'Succeeded'), pod('be')],
    '/configmaps': [cm('kube-root-ca.crt'), cm('x')],
    'apps/deployments': [],
  };
  const rows: { name: string; input: KObject; want: L }[] = [
    { name: 'pods and cpu', input: quota({ pods: '10', 'requests.cpu': '2' }), want: { pods: '3', 'requests.cpu': '500m' } },
    { name: 'count/pods includes terminal', input: quota({ 'count/pods': '10' }), want: { 'count/pods': '4' } },
    { name: 'memory and limits', input: quota({ 'requests.memory': '1Gi', 'limits.cpu': '4' }), want: { 'limits.cpu': '500m', 'requests.memory': '64Mi' } },
    { name: 'configmaps', input: quota({ configmaps: '5', 'count/configmaps': '5' }), want: { configmaps: '2', 'count/configmaps': '2' } },
    { name: 'none yet is 0', input: quota({ 'count/deployments.apps': '2' }), want: { 'count/deployments.apps': '0' } },
    { name: 'unknown type has no used', input: quota({ 'count/widgets.example.com': '2', pods: '1' }), want: { pods: '3' } },
    { name: 'BestEffort scope', input: quota({ pods: '5' }, { scopes: ['BestEffort'] }), want: { pods: '1' } },
    { name: 'NotBestEffort scope', input: quota({ pods: '5', 'requests.cpu': '1' }, { scopes: ['NotBestEffort'] }), want: { pods: '2', 'requests.cpu': '500m' } },
  ];
  it.each(rows)('$name', ({ input, want }) => {
    const got = computeStatus(
      input,
      (t) => `${t.group}/${t.plural}` in objects,
      (t) => objects[`${t.group}/${t.plural}`] ?? [],
      0,
    );
    expect(got.used).toEqual(want);
    expect(got.hard).toEqual((input.spec as { hard: L }).hard);
  });
});
