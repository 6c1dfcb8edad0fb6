import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { admitPod, podQOSClass, prepareForCreate } from '../../../../src/engine/api/kinds/index';
import { defaulted, errorsOnCreate, errorsOnUpdate } from './helpers';

const pod = (spec: Record<string, unknown>, name = 'p') => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });
const c = (extra: Record<string, unknown> = {}) => ({ name: 'app', image: 'nginx:1.27', ...extra });

describe('Pod defaults + admission + PrepareForCreate', () => {
  it('matches what a v1.32 cluster stores for a minimal pod', () => {
    const o = defaulted('', pod({ containers: [c()] }));
    admitPod(o);
    prepareForCreate('', 'Pod', o);
    expect(o.spec).toEqual({
      containers: [{ ...c(), imagePullPolicy: 'IfNotPresent', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(o.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });
  it('requests default to limits, canonical', () => {
    const o = defaulted('', pod({ containers: [c({ resources: { limits: { cpu: '0.5', memory: '128Mi' }, requests: { cpu: '100m' } } })] }));
    expect((o.spec as any).containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
  });
  it('keeps a user toleration and adds only the missing default', () => {
    const o = defaulted('', pod({ containers: [c()], tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }] }));
    admitPod(o);
    expect((o.spec as any).tolerations.map((t: any) => t.key)).toEqual(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);
  });
  it('a serviceAccountName is kept', () => {
    const o = defaulted('', pod({ containers: [c()], serviceAccountName: 'builder' }));
    admitPod(o);
    expect([(o.spec as any).serviceAccountName, (o.spec as any).serviceAccount]).toEqual(['builder', 'builder']);
  });
});

describe('podQOSClass', () => {
  const rows: { input: unknown[]; want: string }[] = [
    { input: [{}], want: 'BestEffort' },
    { input: [{ requests: { cpu: '100m' } }], want: 'Burstable' },
    { input: [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } }], want: 'Guaranteed' },
    { input: [{ limits: { cpu: '1', memory: '1Gi' } }], want: 'Guaranteed' },
    { input: [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } }], want: 'Burstable' },
    { input: [{ limits: { cpu: '1', memory: '1Gi' } }, {}], want: 'Burstable' },
    { input: [{ limits: { cpu: '1' } }], want: 'Burstable' },
    { input: [{ requests: { 'example.com/gpu': '1' } }], want: 'BestEffort' },
  ];
  rows.forEach(({ input, want }, i) =>
    it(`row ${i} -> ${want}`, () => {
      const o = defaulted('', pod({ containers: input.map((r, j) => c({ name: `c${j}`, resources: r })) })) as KObject;
      expect(podQOSClass(o.spec as any)).toBe(want);
    }),
  );
});

describe('Pod validation', () => {
  const rows: { input: Record<string, unknown>; want: string[] }[] = [
    { input: pod({ containers: [c()] }), want: [] },
    { input: pod({ containers: [c()], restartPolicy: 'Sometimes' }), want: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'] },
    {
      input: pod({ containers: [c()], dnsPolicy: 'Foo' }),
      want: ['spec.dnsPolicy: Unsupported value: "Foo": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    },
    { input: pod({ containers: [c({ imagePullPolicy: 'Sometimes' })] }), want: ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'] },
    { input: pod({ containers: [c({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })] }), want: ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'] },
    { input: pod({ containers: [c({ ports: [{ containerPort: 0 }] })] }), want: ['spec.containers[0].ports[0].containerPort: Required value'] },
    {
      input: pod({ containers: [c({ ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] })] }),
      want: ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    },
    {
      input: pod({ containers: [c({ name: 'App' })] }),
      want: [
        "spec.containers[0].name: Invalid value: \"App\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
    { input: pod({ containers: [c({ volumeMounts: [{ name: 'data', mountPath: '/d' }] })] }), want: ['spec.containers[0].volumeMounts[0].name: Not found: "data"'] },
    { input: pod({ containers: [c()], volumes: [{ name: 'v', configMap: {} }] }), want: ['spec.volumes[0].configMap.name: Required value'] },
    { input: pod({ containers: [c()], volumes: [{ name: 'v', emptyDir: {}, secret: { secretName: 's' } }] }), want: ['spec.volumes[0].secret: Forbidden: may not specify more than 1 volume type'] },
    { input: pod({ containers: [c()], volumes: [{ name: 'v' }, { name: 'v' }] }), want: ['spec.volumes[1].name: Duplicate value: "v"'] },
    { input: pod({ containers: [c({ env: [{ name: '' }] })] }), want: ['spec.containers[0].env[0].name: Required value'] },
    {
      input: pod({ containers: [c({ env: [{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] })] }),
      want: ['spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'],
    },
    { input: pod({ containers: [c({ livenessProbe: { periodSeconds: 5 } })] }), want: ['spec.containers[0].livenessProbe: Required value: must specify a handler type'] },
    { input: pod({ containers: [c({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } })] }), want: ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'] },
    { input: pod({ containers: [c({ readinessProbe: { httpGet: { port: 0 } } })] }), want: ['spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive'] },
    {
      input: pod({ containers: [c()], tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule', tolerationSeconds: 5 }] }),
      want: ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"],
    },
    { input: pod({ containers: [c()], activeDeadlineSeconds: 0 }), want: ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'] },
    { input: pod({ containers: [c()], initContainers: [c()] }), want: ['spec.initContainers[0].name: Duplicate value: "app"'] },
    { input: pod({ containers: [c({ image: ' nginx' })] }), want: ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace'] },
    { input: pod({ containers: [c({ resources: { requests: { cpu: '-1' } } })] }), want: ['spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0'] },
    { input: { ...pod({ containers: [c()] }), metadata: { name: 'p' } }, want: ['metadata.namespace: Required value'] },
    {
      input: { ...pod({ containers: [c()] }), metadata: { name: 'p', namespace: 'default', labels: { 'a b': 'x' } } },
      want: [
        "metadata.labels: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    },
    {
      input: { ...pod({ containers: [c()] }), metadata: { name: 'p', namespace: 'default', annotations: { a: 'x'.repeat(256 * 1024) } } },
      want: ['metadata.annotations: Too long: may not be more than 262144 bytes'],
    },
  ];
  rows.forEach(({ input, want }, i) => it(`row ${i}: ${want[0] ?? 'valid'}`, () => expect(errorsOnCreate('', input)).toEqual(want)));

  it('only images may change on update', () => {
    expect(errorsOnUpdate('', pod({ containers: [c({ image: 'nginx:2' })] }), pod({ containers: [c()] }))).toEqual([]);
    const errs = errorsOnUpdate('', pod({ containers: [c({ ports: [{ containerPort: 80 }] })] }), pod({ containers: [c()] }));
    expect(errs).toHaveLength(1);
    expect(errs[0].startsWith('spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,')).toBe(true);
  });
});
