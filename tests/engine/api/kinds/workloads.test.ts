import { describe, expect, it } from 'vitest';
import { prepareForCreate } from '../../../../src/engine/api/kinds/index';
import { cronScheduleError } from '../../../../src/engine/api/kinds/cronjob';
import { defaulted, errorsOnCreate } from './helpers';

const tpl = (labels: Record<string, string>, restartPolicy?: string) => ({
  metadata: { labels },
  spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'c', image: 'busybox:1.36' }] },
});
const obj = (apiVersion: string, kind: string, spec: Record<string, unknown>, name = 'w') => ({ apiVersion, kind, metadata: { name, namespace: 'default' }, spec });

describe('ReplicaSet / StatefulSet / DaemonSet defaults', () => {
  it('ReplicaSet: replicas 1', () => expect((defaulted('apps', obj('apps/v1', 'ReplicaSet', { selector: { matchLabels: { a: 'b' } }, template: tpl({ a: 'b' }) })).spec as any).replicas).toBe(1));
  it('StatefulSet', () => {
    const s = defaulted('apps', obj('apps/v1', 'StatefulSet', { selector: { matchLabels: { a: 'b' } }, template: tpl({ a: 'b' }), volumeClaimTemplates: [{ metadata: { name: 'd' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Mi' } } } }] })).spec as any;
    expect([s.replicas, s.podManagementPolicy, s.updateStrategy, s.revisionHistoryLimit, s.persistentVolumeClaimRetentionPolicy]).toEqual([
      1,
      'OrderedReady',
      { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      10,
      { whenDeleted: 'Retain', whenScaled: 'Retain' },
    ]);
    expect(s.volumeClaimTemplates[0]).toEqual({ metadata: { name: 'd' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
  });
  it('DaemonSet', () => {
    const s = defaulted('apps', obj('apps/v1', 'DaemonSet', { selector: { matchLabels: { a: 'b' } }, template: tpl({ a: 'b' }) })).spec as any;
    expect([s.updateStrategy, s.revisionHistoryLimit]).toEqual([{ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, 10]);
  });
});

describe('Job / CronJob defaults', () => {
  it('Job', () => {
    const o = defaulted('batch', obj('batch/v1', 'Job', { template: tpl({ x: 'y' }, 'Never') }));
    const s = o.spec as any;
    expect([s.completions, s.parallelism, s.backoffLimit, s.completionMode, s.suspend, s.podReplacementPolicy, o.metadata.labels]).toEqual([1, 1, 6, 'NonIndexed', false, 'TerminatingOrFailed', { x: 'y' }]);
  });
  it('Job with parallelism only keeps completions unset', () => {
    const s = defaulted('batch', obj('batch/v1', 'Job', { parallelism: 3, template: tpl({}, 'Never') })).spec as any;
    expect([s.completions, s.parallelism]).toEqual([undefined, 3]);
  });
  it('Job PrepareForCreate generates the selector from the uid', () => {
    const o = defaulted('batch', obj('batch/v1', 'Job', { template: tpl({}, 'Never') }));
    o.metadata.uid = 'u-1';
    prepareForCreate('batch', 'Job', o);
    expect((o.spec as any).selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
    expect((o.spec as any).template.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': 'u-1',
      'controller-uid': 'u-1',
      'batch.kubernetes.io/job-name': 'w',
      'job-name': 'w',
    });
    expect([o.status, o.metadata.generation]).toEqual([{}, 1]);
  });
  it('CronJob', () => {
    const s = defaulted('batch', obj('batch/v1', 'CronJob', { schedule: '*/1 * * * *', jobTemplate: { spec: { template: tpl({}, 'OnFailure') } } })).spec as any;
    expect([s.concurrencyPolicy, s.suspend, s.successfulJobsHistoryLimit, s.failedJobsHistoryLimit, s.jobTemplate.spec.template.spec.dnsPolicy]).toEqual(['Allow', false, 3, 1, 'ClusterFirst']);
  });
});

describe('workload validation', () => {
  const rows: { group: string; input: Record<string, unknown>; want: string[] }[] = [
    { group: 'batch', input: obj('batch/v1', 'Job', { template: tpl({}) }), want: ['spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"'] },
    { group: 'batch', input: obj('batch/v1', 'Job', { template: tpl({}, 'Never'), backoffLimit: -1 }), want: ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'] },
    { group: 'batch', input: obj('batch/v1', 'Job', { manualSelector: true, template: tpl({}, 'Never') }), want: ['spec.selector: Required value'] },
    { group: 'batch', input: obj('batch/v1', 'CronJob', { schedule: 'bad', jobTemplate: { spec: { template: tpl({}, 'Never') } } }), want: ['spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]'] },
    { group: 'batch', input: obj('batch/v1', 'CronJob', { jobTemplate: { spec: { template: tpl({}, 'Never') } } }), want: ['spec.schedule: Required value'] },
    { group: 'batch', input: obj('batch/v1', 'CronJob', { schedule: '@hourly', jobTemplate: { spec: { template: tpl({}, 'Never') } } }, 'c'.repeat(53)), want: [`metadata.name: Invalid value: "${'c'.repeat(53)}": must be no more than 52 characters`] },
    { group: 'apps', input: obj('apps/v1', 'ReplicaSet', { selector: { matchLabels: { a: 'b' } }, template: tpl({ a: 'b' }), replicas: -2 }), want: ['spec.replicas: Invalid value: -2: must be greater than or equal to 0'] },
    { group: 'apps', input: obj('apps/v1', 'StatefulSet', { selector: { matchLabels: { a: 'b' } }, template: tpl({ a: 'c' }) }), want: ['spec.template.metadata.labels: Invalid value: map[string]string{"a":"c"}: `selector` does not match template `labels`'] },
    { group: 'apps', input: obj('apps/v1', 'DaemonSet', { selector: { matchLabels: { a: 'b' } }, template: tpl({ a: 'b' }, 'OnFailure') }), want: ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'] },
    {
      group: 'apps',
      input: obj('apps/v1', 'Deployment', { selector: { matchExpressions: [{ key: 'a', operator: 'In' }] }, template: tpl({ a: 'b' }) }),
      want: [
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"a", Operator:"In", Values:[]string(nil)}}}: invalid label selector',
      ],
    },
  ];
  rows.forEach(({ group, input, want }, i) => it(`row ${i}: ${want[0]}`, () => expect(errorsOnCreate(group, input)).toEqual(want)));

  const cron: { input: string; want: string | undefined }[] = [
    { input: '*/1 * * * *', want: undefined },
    { input: '@daily', want: undefined },
    { input: 'TZ=UTC 0 0 * * *', want: undefined },
    { input: '* * * *', want: 'expected exactly 5 fields, found 4: [* * * *]' },
    { input: '@sometimes', want: 'unrecognized descriptor: @sometimes' },
  ];
  cron.forEach(({ input, want }) => it(`cron ${input}`, () => expect(cronScheduleError(input)).toBe(want)));
});
