import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/engine/api/types';
import { describeObject } from '../../../src/kubectl/describe';
import { eventInterval } from '../../../src/kubectl/describe/events';
import { printUnstructuredContent, smartLabelFor } from '../../../src/kubectl/describe/generic';
import { fake } from './fake-client';
import { lines, RawWriter } from './helpers';

const now = Date.parse('2025-01-01T00:10:00Z');

describe('smartLabelFor and printUnstructuredContent (describe_test.go TestDescribeUnstructuredContent)', () => {
  const rows: Array<{ input: string; want: string }> = [
    { input: 'apiVersion', want: 'API Version' },
    { input: 'dummy-dummy', want: 'Dummy - Dummy' },
    { input: 'dummy-dummy@dummy', want: 'dummy-dummy@dummy' },
    { input: 'dummy/dummy', want: 'dummy/dummy' },
    { input: 'dummy2', want: 'dummy2' },
    { input: 'dummyDummy', want: 'Dummy Dummy' },
    { input: 'uid', want: 'UID' },
    { input: 'url', want: 'URL' },
    { input: 'creationTimestamp', want: 'Creation Timestamp' },
    { input: 'holderIdentity', want: 'Holder Identity' },
    { input: 'leaseDurationSeconds', want: 'Lease Duration Seconds' },
    { input: 'podCIDR', want: 'Pod CIDR' },
  ];
  it.each(rows)('$input', ({ input, want }) => expect(smartLabelFor(input)).toBe(want));

  it('prints the upstream test object', () => {
    const w = new RawWriter();
    printUnstructuredContent(
      w,
      0,
      {
        apiVersion: 'v1',
        kind: 'Test',
        dummyDummy: 'present',
        'dummy/dummy': 'present',
        'dummy-dummy@dummy': 'present',
        'dummy-dummy': 'present',
        dummy1: 'present',
        dummy2: 'present',
        metadata: { name: 'MyName', namespace: 'MyNamespace', creationTimestamp: '2017-04-01T00:00:00Z', resourceVersion: 123, uid: '00000000-0000-0000-0000-000000000001', dummy3: 'present' },
        items: [{ itemBool: true, itemInt: 42 }],
        url: 'http://localhost',
        status: 'ok',
      },
      '',
      new Set(['.dummy1', '.metadata.dummy3']),
    );
    expect(w.out).toBe(
      'API Version:\tv1\nDummy - Dummy:\tpresent\ndummy-dummy@dummy:\tpresent\ndummy/dummy:\tpresent\ndummy2:\tpresent\nDummy Dummy:\tpresent\n' +
        'Items:\n  Item Bool:\ttrue\n  Item Int:\t42\nKind:\tTest\nMetadata:\n  Creation Timestamp:\t2017-04-01T00:00:00Z\n  Name:\tMyName\n' +
        '  Namespace:\tMyNamespace\n  Resource Version:\t123\n  UID:\t00000000-0000-0000-0000-000000000001\nStatus:\tok\nURL:\thttp://localhost\n',
    );
  });

  it('describes a Lease with the generic describer', async () => {
    const lease: KObject = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'node-1', namespace: 'kube-node-lease', uid: 'l1', resourceVersion: '42', creationTimestamp: '2025-01-01T00:00:00Z', managedFields: [{}], ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: 'n1' }] },
      spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2025-01-01T00:09:58.000000Z' },
    };
    expect(await describeObject(lease, fake(), { now, showEvents: true })).toBe(
      lines(
        'Name:         node-1',
        'Namespace:    kube-node-lease',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  coordination.k8s.io/v1',
        'Kind:         Lease',
        'Metadata:',
        '  Creation Timestamp:  2025-01-01T00:00:00Z',
        '  Owner References:',
        '    API Version:     v1',
        '    Kind:            Node',
        '    Name:            node-1',
        '    UID:             n1',
        '  Resource Version:  42',
        '  UID:               l1',
        'Spec:',
        '  Holder Identity:         node-1',
        '  Lease Duration Seconds:  40',
        '  Renew Time:              2025-01-01T00:09:58.000000Z',
        'Events:                    <none>',
      ),
    );
  });
});

describe('event ages', () => {
  const rows: Array<{ name: string; input: Record<string, unknown>; want: string }> = [
    { name: 'single', input: { firstTimestamp: '2025-01-01T00:09:00Z', lastTimestamp: '2025-01-01T00:09:00Z', count: 1 }, want: '60s' },
    { name: 'repeated', input: { firstTimestamp: '2025-01-01T00:05:00Z', lastTimestamp: '2025-01-01T00:08:00Z', count: 3 }, want: '2m (x3 over 5m)' },
    { name: 'eventTime wins over firstTimestamp', input: { eventTime: '2025-01-01T00:09:30.000000Z', firstTimestamp: '2025-01-01T00:00:00Z' }, want: '30s' },
    { name: 'series', input: { eventTime: '2025-01-01T00:00:00.000000Z', series: { count: 4, lastObservedTime: '2025-01-01T00:09:00.000000Z' } }, want: '60s (x4 over 10m)' },
    { name: 'no time at all', input: {}, want: '<unknown>' },
    { name: 'in the future', input: { firstTimestamp: '2025-01-01T00:11:00Z' }, want: '<invalid>' },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(eventInterval(input, now)).toBe(want));
});

describe('describe job, cronjob, hpa, ingress', () => {
  const tmpl = { metadata: { labels: { 'job-name': 'pi' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl', command: ['perl', '-e', 'print 1'] }] } };

  it('job', async () => {
    const job: KObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', namespace: 'default', uid: 'j1', labels: { 'job-name': 'pi' } },
      spec: { parallelism: 1, completions: 1, completionMode: 'NonIndexed', suspend: false, backoffLimit: 6, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'j1' } }, template: tmpl },
      status: { startTime: '2025-01-01T00:00:00Z', completionTime: '2025-01-01T00:00:42Z', succeeded: 1, ready: 0 },
    };
    const out = await describeObject(job, fake(), { now, showEvents: false });
    expect(out).toContain(
      lines(
        'Name:             pi',
        'Namespace:        default',
        'Selector:         batch.kubernetes.io/controller-uid=j1',
        'Labels:           job-name=pi',
        'Annotations:      <none>',
        'Parallelism:      1',
        'Completions:      1',
        'Completion Mode:  NonIndexed',
        'Suspend:          false',
        'Backoff Limit:    6',
        'Start Time:       Wed, 01 Jan 2025 00:00:00 +0000',
        'Completed At:     Wed, 01 Jan 2025 00:00:42 +0000',
        'Duration:         42s',
        'Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed',
        'Pod Template:',
      ),
    );
    expect(out).toContain('    Command:\n      perl\n      -e\n      print 1\n');
  });

  it('cronjob', async () => {
    const cj: KObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello', namespace: 'default', uid: 'c1' },
      spec: { schedule: '*/1 * * * *', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, jobTemplate: { spec: { template: tmpl } } },
      status: { active: [{ name: 'hello-1' }, { name: 'hello-2' }] },
    };
    const out = await describeObject(cj, fake(), { now, showEvents: true });
    expect(out.startsWith(
      lines(
        'Name:                          hello',
        'Namespace:                     default',
        'Labels:                        <none>',
        'Annotations:                   <none>',
        'Schedule:                      */1 * * * *',
        'Concurrency Policy:            Allow',
        'Suspend:                       False',
        'Successful Job History Limit:  3',
        'Failed Job History Limit:      1',
        'Starting Deadline Seconds:     <unset>',
        'Selector:                      <unset>',
        'Parallelism:                   <unset>',
        'Completions:                   <unset>',
        'Pod Template:',
      ),
    )).toBe(true);
    expect(out).toContain('Last Schedule Time:  <unset>\nActive Jobs:         hello-1, hello-2\nEvents:              <none>\n');
  });

  it('hpa metrics lines', async () => {
    const hpa: KObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default', uid: 'h1', creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } },
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
        ],
      },
      status: { currentReplicas: 1, desiredReplicas: 1, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12, averageValue: '6m' } } }] },
    };
    expect(await describeObject(hpa, fake(), { now, showEvents: true })).toBe(
      lines(
        'Name:                                                  web',
        'Namespace:                                             default',
        'Labels:                                                <none>',
        'Annotations:                                           <none>',
        'CreationTimestamp:                                     Wed, 01 Jan 2025 00:00:00 +0000',
        'Reference:                                             Deployment/web',
        'Metrics:                                               ( current / target )',
        '  resource cpu on pods  (as a percentage of request):  12% (6m) / 50%',
        '  resource memory on pods:                             <unknown> / 100Mi',
        '  "qps" on pods:                                       <unknown> / 10',
        'Min replicas:                                          1',
        'Max replicas:                                          10',
        'Deployment pods:                                       1 current / 1 desired',
        'Events:                                                <none>',
      ),
    );
  });

  it('ingress with a service backend and endpoints', async () => {
    const ing: KObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'default', uid: 'i1' },
      spec: { ingressClassName: 'nginx', rules: [{ host: 'web.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    };
    const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { ports: [{ name: 'http', port: 80 }] } };
    const slice: KObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-a', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    };
    expect(await describeObject(ing, fake(['', 'services', svc], ['discovery.k8s.io', 'endpointslices', slice]), { now, showEvents: true })).toBe(
      lines(
        'Name:             web',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          ',
        'Ingress Class:    nginx',
        'Default backend:  <default>',
        'Rules:',
        '  Host             Path  Backends',
        '  ----             ----  --------',
        '  web.example.com  ',
        '                   /   web:80 (10.244.1.5:8080)',
        'Annotations:       <none>',
        'Events:            <none>',
      ),
    );
  });
});
