// Status viewer tables ported from kubectl polymorphichelpers/rollout_status_test.go (as facts).
import { describe, expect, it } from 'vitest';
import { daemonSetStatus, deploymentStatus, statefulSetStatus, statusViewerFor, RolloutStatusError } from '../../../src/kubectl/rollout/status';

const dep = (generation: number, specReplicas: number, st: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  metadata: { name: 'foo', generation, annotations: { 'deployment.kubernetes.io/revision': '1' } },
  spec: { replicas: specReplicas },
  status: { observedGeneration: 1, ...st },
  ...extra,
});

describe('deploymentStatus', () => {
  const rows: Array<{ gen: number; spec: number; st: Record<string, number>; msg: string; done: boolean }> = [
    { gen: 0, spec: 1, st: { replicas: 1, updatedReplicas: 0, availableReplicas: 1, unavailableReplicas: 0 }, msg: 'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...\n', done: false },
    { gen: 1, spec: 1, st: { replicas: 2, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 0 }, msg: 'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...\n', done: false },
    { gen: 1, spec: 2, st: { replicas: 2, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 1 }, msg: 'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...\n', done: false },
    { gen: 1, spec: 2, st: { replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 }, msg: 'deployment "foo" successfully rolled out\n', done: true },
    { gen: 2, spec: 2, st: { replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 }, msg: 'Waiting for deployment spec update to be observed...\n', done: false },
    { gen: 1, spec: 3, st: { replicas: 3, updatedReplicas: 1, availableReplicas: 3 }, msg: 'Waiting for deployment "foo" rollout to finish: 1 out of 3 new replicas have been updated...\n', done: false },
    { gen: 1, spec: 0, st: { replicas: 0, updatedReplicas: 0, availableReplicas: 0 }, msg: 'deployment "foo" successfully rolled out\n', done: true },
  ];
  for (const r of rows) {
    it(r.msg.trim(), () => {
      expect(deploymentStatus(dep(r.gen, r.spec, r.st), 0)).toEqual({ message: r.msg, done: r.done });
    });
  }
  it('progress deadline exceeded is an error', () => {
    const d = dep(1, 2, { replicas: 2, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(() => deploymentStatus(d, 0)).toThrow('deployment "foo" exceeded its progress deadline');
  });
  it('pinned revision', () => {
    const d = dep(1, 1, { replicas: 1, updatedReplicas: 1, availableReplicas: 1 });
    expect(() => deploymentStatus(d, 2)).toThrow('desired revision (2) is different from the running revision (1)');
    expect(deploymentStatus(d, 1).done).toBe(true);
  });
});

describe('daemonSetStatus', () => {
  const ds = (generation: number, st: Record<string, number>, type = 'RollingUpdate') => ({ metadata: { name: 'foo', generation }, spec: { updateStrategy: { type } }, status: { observedGeneration: 1, ...st } });
  const rows = [
    { input: ds(0, { updatedNumberScheduled: 0, desiredNumberScheduled: 1, numberAvailable: 0 }), want: 'Waiting for daemon set "foo" rollout to finish: 0 out of 1 new pods have been updated...\n', done: false },
    { input: ds(1, { updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 1 }), want: 'Waiting for daemon set "foo" rollout to finish: 1 of 2 updated pods are available...\n', done: false },
    { input: ds(1, { updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 }), want: 'daemon set "foo" successfully rolled out\n', done: true },
    { input: ds(2, { updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 }), want: 'Waiting for daemon set spec update to be observed...\n', done: false },
  ];
  for (const r of rows) it(r.want.trim(), () => expect(daemonSetStatus(r.input)).toEqual({ message: r.want, done: r.done }));
  it('OnDelete strategy', () => {
    expect(() => daemonSetStatus(ds(1, {}, 'OnDelete'))).toThrow('rollout status is only available for RollingUpdate strategy type');
  });
});

describe('statefulSetStatus', () => {
  const sts = (generation: number, replicas: number, st: Record<string, unknown>, strategy: Record<string, unknown> = { type: 'RollingUpdate' }) => ({
    metadata: { name: 'foo', generation },
    spec: { replicas, updateStrategy: strategy },
    status: st,
  });
  const rows = [
    { input: sts(1, 3, { observedGeneration: 0 }), want: 'Waiting for statefulset spec update to be observed...\n', done: false },
    { input: sts(2, 3, { observedGeneration: 1, readyReplicas: 3 }), want: 'Waiting for statefulset spec update to be observed...\n', done: false },
    { input: sts(1, 3, { observedGeneration: 1, readyReplicas: 2 }), want: 'Waiting for 1 pods to be ready...\n', done: false },
    { input: sts(1, 3, { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1 }, { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }), want: 'partitioned roll out complete: 1 new pods have been updated...\n', done: true },
    { input: sts(1, 3, { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 0 }, { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }), want: 'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...\n', done: false },
    { input: sts(1, 3, { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 3 }, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }), want: 'partitioned roll out complete: 3 new pods have been updated...\n', done: true },
    { input: sts(1, 3, { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 2, currentRevision: 'foo-1', updateRevision: 'foo-2' }), want: 'waiting for statefulset rolling update to complete 2 pods at revision foo-2...\n', done: false },
    { input: sts(1, 3, { observedGeneration: 1, readyReplicas: 3, currentReplicas: 3, currentRevision: 'foo-2', updateRevision: 'foo-2' }), want: 'statefulset rolling update complete 3 pods at revision foo-2...\n', done: true },
  ];
  for (const r of rows) it(r.want.trim(), () => expect(statefulSetStatus(r.input)).toEqual({ message: r.want, done: r.done }));
  it('OnDelete strategy', () => expect(() => statefulSetStatus(sts(1, 1, {}, { type: 'OnDelete' }))).toThrow(RolloutStatusError));
});

describe('statusViewerFor', () => {
  const rows = [
    { group: 'apps', kind: 'ReplicaSet', want: 'no status viewer has been implemented for ReplicaSet.apps' },
    { group: '', kind: 'Pod', want: 'no status viewer has been implemented for Pod' },
    { group: 'batch', kind: 'Job', want: 'no status viewer has been implemented for Job.batch' },
  ];
  for (const r of rows) it(r.want, () => expect(() => statusViewerFor(r.group, r.kind)).toThrow(r.want));
  it('knows the workload kinds', () => {
    for (const k of ['Deployment', 'DaemonSet', 'StatefulSet']) expect(typeof statusViewerFor('apps', k)).toBe('function');
  });
});
