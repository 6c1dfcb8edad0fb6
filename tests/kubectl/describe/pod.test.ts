import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/engine/api/types';
import { describeObject } from '../../../src/kubectl/describe';
import { containerResourceValue, describeProbe } from '../../../src/kubectl/describe/containers';
import { podQOS } from '../../../src/kubectl/describe/resources';
import { fake } from './fake-client';
import { lines } from './helpers';

const now = Date.parse('2025-01-01T00:01:00Z');

function runningPod(): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-5d8f7c9b4-abcde',
      namespace: 'default',
      uid: 'p-uid',
      labels: { app: 'web', 'pod-template-hash': '5d8f7c9b4' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f7c9b4', uid: 'rs', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      nodeName: 'node-1',
      priority: 0,
      serviceAccountName: 'default',
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          env: [
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'secret', key: 'password' } } },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
          ],
          volumeMounts: [{ name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
        },
      ],
      volumes: [
        {
          name: 'kube-api-access-x7k2p',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
          },
        },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: '2025-01-01T00:00:00Z',
      qosClass: 'BestEffort',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' })),
      containerStatuses: [
        {
          name: 'nginx',
          containerID: 'containerd://abc',
          image: 'nginx:1.27',
          imageID: 'docker.io/library/nginx@sha256:123',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: '2025-01-01T00:00:05Z' } },
        },
      ],
    },
  };
}

describe('describe pod', () => {
  it('prints a running pod of a ReplicaSet with events', async () => {
    const ev: KObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web-5d8f7c9b4-abcde', namespace: 'default', uid: 'p-uid' },
      type: 'Normal',
      reason: 'Scheduled',
      message: 'Successfully assigned default/web-5d8f7c9b4-abcde to node-1',
      source: {},
      reportingComponent: 'default-scheduler',
      eventTime: '2025-01-01T00:00:00.000000Z',
    };
    expect(await describeObject(runningPod(), fake(['', 'events', ev]), { now, showEvents: true })).toBe(
      lines(
        'Name:             web-5d8f7c9b4-abcde',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node-1/172.18.0.3',
        'Start Time:       Wed, 01 Jan 2025 00:00:00 +0000',
        'Labels:           app=web',
        '                  pod-template-hash=5d8f7c9b4',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web-5d8f7c9b4',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://abc',
        '    Image:          nginx:1.27',
        '    Image ID:       docker.io/library/nginx@sha256:123',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:00:05 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Readiness:      http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:',
        "      PASSWORD:  <set to the key 'password' in secret 'secret'>  Optional: false",
        '      POD_NAME:  web-5d8f7c9b4-abcde (v1:metadata.name)',
        '      POD_IP:     (v1:status.podIP)',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  kube-api-access-x7k2p:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    ConfigMapOptional:       <nil>',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  60s   default-scheduler  Successfully assigned default/web-5d8f7c9b4-abcde to node-1',
      ),
    );
  });

  it('searches pod events without a kind, by the mirror annotation UID when present', async () => {
    const p = runningPod();
    p.metadata.annotations = { 'kubernetes.io/config.mirror': 'mirror-uid' };
    const c = fake();
    await describeObject(p, c, { now, showEvents: true });
    const evCall = c.calls.find((x) => x.plural === 'events');
    expect(evCall?.fieldSelector).toBe('involvedObject.name=web-5d8f7c9b4-abcde,involvedObject.namespace=default,involvedObject.uid=mirror-uid');
  });

  it('pending, terminating and terminated containers', async () => {
    const p = runningPod();
    const st = p.status as Record<string, unknown>;
    st.phase = 'Pending';
    p.metadata.deletionTimestamp = '2025-01-01T00:00:30Z';
    p.metadata.deletionGracePeriodSeconds = 30;
    st.containerStatuses = [
      {
        name: 'nginx',
        ready: false,
        restartCount: 2,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { reason: 'Error', exitCode: 1, startedAt: '2025-01-01T00:00:10Z', finishedAt: '2025-01-01T00:00:20Z' } },
      },
    ];
    const out = await describeObject(p, fake(), { now, showEvents: false });
    expect(out).toContain('Status:                    Terminating (lasts 30s)\nTermination Grace Period:  30s\n');
    expect(out).toContain(
      [
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Wed, 01 Jan 2025 00:00:10 +0000',
        '      Finished:     Wed, 01 Jan 2025 00:00:20 +0000',
        '    Ready:          False',
        '    Restart Count:  2',
      ].join('\n'),
    );
  });
});

describe('describeProbe', () => {
  const base = { initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
  const attrs = 'delay=5s timeout=1s period=10s #success=1 #failure=3';
  const rows: Array<{ input: Record<string, unknown>; want: string }> = [
    { input: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' } }, want: `http-get http://:8080/healthz ${attrs}` },
    { input: { httpGet: { path: '/', port: 'http', host: 'example.com', scheme: 'HTTPS' } }, want: `http-get https://example.com:http/ ${attrs}` },
    { input: { httpGet: { path: 'x', port: 80, host: '::1', scheme: 'HTTP' } }, want: `http-get http://[::1]:80/x ${attrs}` },
    { input: { httpGet: { path: '/a b', port: 80, scheme: 'HTTP' } }, want: `http-get http://:80/a%20b ${attrs}` },
    { input: { tcpSocket: { port: 5432 } }, want: `tcp-socket :5432 ${attrs}` },
    { input: { exec: { command: ['cat', '/tmp/healthy'] } }, want: `exec [cat /tmp/healthy] ${attrs}` },
    { input: { grpc: { port: 9000, service: 'svc' } }, want: `grpc <pod>:9000 svc ${attrs}` },
    { input: {}, want: `unknown ${attrs}` },
  ];
  it.each(rows)('$want', ({ input, want }) => expect(describeProbe({ ...base, ...input })).toBe(want));
});

describe('podQOS and resource env values', () => {
  const c = (requests?: Record<string, string>, limits?: Record<string, string>) => ({ resources: { requests, limits } });
  const rows: Array<{ name: string; containers: unknown[]; want: string }> = [
    { name: 'no resources', containers: [c()], want: 'BestEffort' },
    { name: 'requests only', containers: [c({ cpu: '100m' })], want: 'Burstable' },
    { name: 'limits equal requests', containers: [c({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })], want: 'Guaranteed' },
    { name: 'limits only, requests not defaulted', containers: [c(undefined, { cpu: '1', memory: '1Gi' })], want: 'Burstable' },
    { name: 'cpu limit only', containers: [c(undefined, { cpu: '1' })], want: 'Burstable' },
    { name: 'one guaranteed, one best effort', containers: [c({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' }), c()], want: 'Burstable' },
    { name: 'different values', containers: [c({ cpu: '500m', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })], want: 'Burstable' },
    { name: 'zero quantities ignored', containers: [c({ cpu: '0' })], want: 'BestEffort' },
  ];
  it.each(rows)('$name', ({ containers, want }) => expect(podQOS({ spec: { containers } })).toBe(want));

  it('status.qosClass wins', () => expect(podQOS({ spec: { containers: [c()] }, status: { qosClass: 'Guaranteed' } })).toBe('Guaranteed'));

  const envRows: Array<{ ref: Record<string, unknown>; want: string | undefined }> = [
    { ref: { resource: 'limits.cpu' }, want: '0' },
    { ref: { resource: 'requests.cpu' }, want: '1' },
    { ref: { resource: 'requests.cpu', divisor: '1m' }, want: '250' },
    { ref: { resource: 'limits.memory', divisor: '1Mi' }, want: '128' },
    { ref: { resource: 'requests.nvidia.com/gpu' }, want: undefined },
  ];
  it.each(envRows)('resourceFieldRef $ref.resource', ({ ref, want }) => {
    expect(containerResourceValue(ref, c({ cpu: '250m' }, { memory: '128Mi' }))).toBe(want);
  });
});
