// The claim memo: a kept pod is remembered for one ReplicaSet spec (and uid) and one pod state.

import { describe, expect, it } from 'vitest';
import { selectorFromSet } from '../../../../src/engine/api/labels';
import { ClaimMemo } from '../../../../src/engine/controllers/replicaset/claim-memo';
import type { PodView, ReplicaSetView } from '../../../../src/engine/controllers/replicaset/pods';

function rs(uid: string, labels: Record<string, string>): ReplicaSetView {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels } } } };
}

function pod(ready: boolean): PodView {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web', v: '1' } },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

describe('ClaimMemo', () => {
  it('answers for the same pod object and the same ReplicaSet spec and uid only', () => {
    const memo = new ClaimMemo();
    const r = rs('u1', { app: 'web', v: '1' });
    const p = pod(true);
    expect(memo.get(r, p)).toBeUndefined();
    expect(memo.keep(r, selectorFromSet(r.spec.template!.metadata!.labels), p)).toMatchObject({ fully: true, ready: true });
    expect(memo.get(r, p)).toMatchObject({ fully: true, ready: true });
    // A status write keeps the spec object: still known.
    expect(memo.get({ ...r, status: { replicas: 1 } }, p)).toBeDefined();
    // A new spec, another ReplicaSet with the same spec object, or a new pod state: unknown.
    expect(memo.get({ ...r, spec: { ...r.spec } }, p)).toBeUndefined();
    expect(memo.get({ ...r, metadata: { ...r.metadata, uid: 'u2' } }, p)).toBeUndefined();
    expect(memo.get(r, pod(true))).toBeUndefined();
    memo.forget(p);
    expect(memo.get(r, p)).toBeUndefined();
  });

  it('records the template match and readiness of the pod', () => {
    const memo = new ClaimMemo();
    const r = rs('u1', { app: 'web', v: '2' });
    expect(memo.keep(r, selectorFromSet(r.spec.template!.metadata!.labels), pod(false))).toMatchObject({ fully: false, ready: false });
  });
});
