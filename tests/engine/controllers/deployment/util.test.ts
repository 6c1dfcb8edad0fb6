// Tables ported from upstream deployment_util_test.go (ResolveFenceposts, MaxUnavailable,
// NewRSNewReplicas) and kubectl-facts section 8, plus hashing and conditions.

import { describe, expect, it } from 'vitest';
import type { DeploymentView, IntOrString } from '../../../../src/engine/controllers/deployment/types';
import { dep, rs } from './fixtures';
import { maxSurge, maxUnavailable, newRSNewReplicas, resolveFenceposts, setNewReplicaSetAnnotations, equalIgnoreHash } from '../../../../src/engine/controllers/deployment/util';
import { computeHash, Fnv32a, safeEncodeString, utf8Bytes } from '../../../../src/engine/controllers/deployment/hash';
import { newCondition, setCondition } from '../../../../src/engine/controllers/deployment/conditions';
import type { DeploymentStatus } from '../../../../src/engine/controllers/deployment/types';

describe('resolveFenceposts', () => {
  const rows: Array<{ surge: IntOrString | undefined; unavailable: IntOrString | undefined; desired: number; want?: [number, number]; err?: boolean }> = [
    { surge: '0', unavailable: '0', desired: 0, err: true },
    { surge: '39%', unavailable: '39%', desired: 10, want: [4, 3] },
    { surge: 'oops', unavailable: '39%', desired: 10, err: true },
    { surge: '55%', unavailable: 'urg', desired: 10, err: true },
    { surge: undefined, unavailable: '39%', desired: 10, want: [0, 3] },
    { surge: '39%', unavailable: undefined, desired: 10, want: [4, 0] },
    { surge: undefined, unavailable: undefined, desired: 10, want: [0, 1] },
    // kubectl-facts section 8
    { surge: '25%', unavailable: '25%', desired: 1, want: [1, 0] },
    { surge: '25%', unavailable: '25%', desired: 3, want: [1, 0] },
    { surge: '25%', unavailable: '25%', desired: 4, want: [1, 1] },
    { surge: '25%', unavailable: '25%', desired: 10, want: [3, 2] },
    { surge: 0, unavailable: '10%', desired: 3, want: [0, 1] },
    { surge: 3, unavailable: 2, desired: 10, want: [3, 2] },
    { surge: '100%', unavailable: 0, desired: 7, want: [7, 0] },
  ];
  for (const r of rows) {
    it(`${String(r.surge)}/${String(r.unavailable)} of ${r.desired}`, () => {
      if (r.err) expect(() => resolveFenceposts(r.surge, r.unavailable, r.desired)).toThrow('invalid value for IntOrString');
      else expect(resolveFenceposts(r.surge, r.unavailable, r.desired)).toEqual(r.want);
    });
  }
});

describe('maxUnavailable / maxSurge', () => {
  const rows: Array<{ name: string; d: DeploymentView; want: number }> = [
    { name: 'less than replicas', d: dep(10, 0, 5), want: 5 },
    { name: 'equal replicas', d: dep(10, 0, 10), want: 10 },
    { name: 'greater than replicas', d: dep(5, 0, 10), want: 5 },
    { name: 'replicas is 0', d: dep(0, 0, 10), want: 0 },
    { name: 'Recreate', d: dep(10, undefined, undefined, 'Recreate'), want: 0 },
    { name: 'percent less than replicas', d: dep(10, 0, '50%'), want: 5 },
    { name: 'percent equal replicas', d: dep(10, 0, '100%'), want: 10 },
    { name: 'percent greater than replicas', d: dep(5, 0, '100%'), want: 5 },
  ];
  for (const r of rows) it(r.name, () => expect(maxUnavailable(r.d)).toBe(r.want));
  it('surge is 0 for Recreate and rounds up', () => {
    expect(maxSurge(dep(10, undefined, undefined, 'Recreate'))).toBe(0);
    expect(maxSurge(dep(10, '25%', '25%'))).toBe(3);
  });
});

describe('newRSNewReplicas', () => {
  const rows = [
    { name: 'can not scale up - to newRSReplicas', type: 'RollingUpdate', dep: 1, newRS: 5, surge: 1, want: 5 },
    { name: 'scale up - to depReplicas', type: 'RollingUpdate', dep: 6, newRS: 2, surge: 10, want: 6 },
    { name: 'Recreate - to depReplicas', type: 'Recreate', dep: 3, newRS: 1, surge: 1, want: 3 },
    { name: '10 replicas surge 3: first step', type: 'RollingUpdate', dep: 10, newRS: 0, surge: 3, want: 3, old: 10 },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const d = dep(r.dep, r.surge, 1, r.type);
      const newRS = rs('new', r.newRS);
      expect(newRSNewReplicas(d, [rs('rs5', r.old ?? 5)], newRS)).toBe(r.want);
    });
  }
});

describe('pod-template-hash', () => {
  it('SafeEncodeString maps digits as upstream', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
  const fnvRows = [
    { input: '', want: 0x811c9dc5 },
    { input: 'a', want: 0xe40c292c },
    { input: 'foobar', want: 0xbf9cf968 },
  ];
  for (const r of fnvRows) it(`fnv32a(${JSON.stringify(r.input)})`, () => expect(new Fnv32a().write(utf8Bytes(r.input)).sum32()).toBe(r.want));
  it('is stable, key-order independent, and changes with the template and the collision count', () => {
    const a = computeHash({ metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const b = computeHash({ spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { app: 'x' } } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash({ spec: { containers: [{ name: 'c', image: 'httpd' }] }, metadata: { labels: { app: 'x' } } })).not.toBe(a);
    expect(computeHash({ metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, 1)).not.toBe(a);
  });
  it('equalIgnoreHash ignores only the pod-template-hash label', () => {
    expect(equalIgnoreHash({ metadata: { labels: { a: 'b', 'pod-template-hash': 'x' } } }, { metadata: { labels: { a: 'b' } } })).toBe(true);
    expect(equalIgnoreHash({ metadata: { labels: { a: 'b' } }, spec: { x: [] } }, { metadata: { labels: { a: 'b' } } })).toBe(true);
    expect(equalIgnoreHash({ metadata: { labels: { a: 'c' } } }, { metadata: { labels: { a: 'b' } } })).toBe(false);
  });
});

describe('revision annotations', () => {
  it('raising an existing revision records the old one in revision-history (rollback)', () => {
    const d = dep(3, 1, 0);
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'kubectl set image', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    const r = rs('foo-1', 0);
    r.metadata.annotations = { 'deployment.kubernetes.io/revision': '1' };
    expect(setNewReplicaSetAnnotations(d, r, '3', true, 2000)).toBe(true);
    expect(r.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
      'kubernetes.io/change-cause': 'kubectl set image',
    });
    setNewReplicaSetAnnotations(d, r, '5', true, 2000);
    expect(r.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1,3');
    // Trimmed from the front to stay within the limit.
    setNewReplicaSetAnnotations(d, r, '7', true, 4);
    expect(r.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('3,5');
  });
  it('a new ReplicaSet gets desired and max replicas', () => {
    const r = rs('foo-1', 0);
    setNewReplicaSetAnnotations(dep(10, '25%', '25%'), r, '1', false, 2000);
    expect(r.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '10',
      'deployment.kubernetes.io/max-replicas': '13',
    });
  });
});

describe('conditions', () => {
  it('the condition that changed last moves to the end; same status keeps lastTransitionTime', () => {
    const s: DeploymentStatus = {};
    setCondition(s, newCondition('Progressing', 'True', 'NewReplicaSetCreated', 'm1', 1000));
    setCondition(s, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'm2', 2000));
    setCondition(s, newCondition('Progressing', 'True', 'ReplicaSetUpdated', 'm3', 3000));
    expect(s.conditions!.map((c) => c.type)).toEqual(['Available', 'Progressing']);
    expect(s.conditions![1]).toMatchObject({ reason: 'ReplicaSetUpdated', lastUpdateTime: '1970-01-01T00:00:03Z', lastTransitionTime: '1970-01-01T00:00:01Z' });
    // Same status and reason: no change at all.
    setCondition(s, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'other', 9000));
    expect(s.conditions![0]).toMatchObject({ message: 'm2', lastUpdateTime: '1970-01-01T00:00:02Z' });
  });
});
