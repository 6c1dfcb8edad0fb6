import { describe, expect, it } from 'vitest';
import { defaulted, errorsOnCreate, errorsOnUpdate } from './helpers';

const CONTAINER_DEFAULTS = {
  imagePullPolicy: 'IfNotPresent',
  resources: {},
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
};
const POD_SPEC_DEFAULTS = {
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};

function deploy(spec: Record<string, unknown>, name = 'web'): Record<string, unknown> {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' }, spec };
}
const template = (labels: Record<string, string> | undefined, containers: unknown[] = [{ name: 'nginx', image: 'nginx:1.27' }]) => ({
  metadata: labels ? { labels } : {},
  spec: { containers },
});
const valid = { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) };

describe('Deployment defaults', () => {
  it('fills replicas, strategy, history, deadline and the pod template', () => {
    expect(defaulted('apps', deploy(valid)).spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { ...POD_SPEC_DEFAULTS, containers: [{ name: 'nginx', image: 'nginx:1.27', ...CONTAINER_DEFAULTS }] },
      },
    });
  });
  const rows: { input: Record<string, unknown>; path: (s: Record<string, any>) => unknown; want: unknown }[] = [
    { input: { ...valid, strategy: { type: 'Recreate' } }, path: (s) => s.strategy, want: { type: 'Recreate' } },
    { input: { ...valid, replicas: 0 }, path: (s) => s.replicas, want: 0 },
    { input: { ...valid, strategy: { rollingUpdate: { maxSurge: 2 } } }, path: (s) => s.strategy, want: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: '25%' } } },
    { input: { ...valid, revisionHistoryLimit: 0 }, path: (s) => s.revisionHistoryLimit, want: 0 },
    { input: { ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'nginx' }]) }, path: (s) => s.template.spec.containers[0].imagePullPolicy, want: 'Always' },
    { input: { ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'nginx:latest' }]) }, path: (s) => s.template.spec.containers[0].imagePullPolicy, want: 'Always' },
    { input: { ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'localhost:5000/nginx' }]) }, path: (s) => s.template.spec.containers[0].imagePullPolicy, want: 'Always' },
    { input: { ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'nginx@sha256:abc' }]) }, path: (s) => s.template.spec.containers[0].imagePullPolicy, want: 'IfNotPresent' },
    { input: { ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'nginx', imagePullPolicy: 'Never' }]) }, path: (s) => s.template.spec.containers[0].imagePullPolicy, want: 'Never' },
    {
      input: { ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'x:1', ports: [{ containerPort: 80 }] }]) },
      path: (s) => s.template.spec.containers[0].ports,
      want: [{ containerPort: 80, protocol: 'TCP' }],
    },
    {
      input: { ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'x:1', livenessProbe: { httpGet: { port: 80 } } }]) },
      path: (s) => s.template.spec.containers[0].livenessProbe,
      want: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
    },
    {
      input: { ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'x:1', env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }]) },
      path: (s) => s.template.spec.containers[0].env[0].valueFrom.fieldRef,
      want: { fieldPath: 'metadata.name', apiVersion: 'v1' },
    },
    {
      input: { ...valid, template: { ...template({ app: 'web' }), spec: { containers: [{ name: 'a', image: 'x:1' }], volumes: [{ name: 'c', configMap: { name: 'cm' } }, { name: 's', secret: { secretName: 's' } }, { name: 'e' }] } } },
      path: (s) => s.template.spec.volumes,
      want: [{ name: 'c', configMap: { name: 'cm', defaultMode: 420 } }, { name: 's', secret: { secretName: 's', defaultMode: 420 } }, { name: 'e', emptyDir: {} }],
    },
    {
      input: { ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'x:1', resources: { limits: { cpu: '0.5', memory: '1024Mi' } } }]) },
      path: (s) => s.template.spec.containers[0].resources,
      want: { limits: { cpu: '500m', memory: '1Gi' } },
    },
  ];
  rows.forEach(({ input, path, want }, i) => it(`row ${i}`, () => expect(path(defaulted('apps', deploy(input)).spec as Record<string, any>)).toEqual(want)));
});

describe('Deployment validation', () => {
  const rows: { input: Record<string, unknown>; want: string[] }[] = [
    { input: deploy(valid), want: [] },
    { input: deploy({ ...valid, replicas: -1 }), want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'] },
    {
      input: deploy({ template: template({ app: 'web' }) }),
      want: ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    },
    {
      input: deploy({ ...valid, template: template({ app: 'x' }) }),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`'],
    },
    {
      input: deploy({ ...valid, template: template(undefined) }),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`'],
    },
    {
      input: deploy({ ...valid, selector: {} }),
      want: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    },
    {
      input: deploy({ ...valid, template: { ...template({ app: 'web' }), spec: { restartPolicy: 'Never', containers: [{ name: 'a', image: 'x:1' }] } } }),
      want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    { input: deploy({ ...valid, template: template({ app: 'web' }, []) }), want: ['spec.template.spec.containers: Required value'] },
    { input: deploy({ ...valid, template: template({ app: 'web' }, [{ name: 'a' }]) }), want: ['spec.template.spec.containers[0].image: Required value'] },
    {
      input: deploy({ ...valid, template: template({ app: 'web' }, [{ image: 'x:1' }]) }),
      want: ['spec.template.spec.containers[0].name: Required value'],
    },
    {
      input: deploy({ ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'x:1' }, { name: 'a', image: 'y:1' }]) }),
      want: ['spec.template.spec.containers[1].name: Duplicate value: "a"'],
    },
    {
      input: deploy({ ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'x:1', ports: [{ containerPort: 70000 }] }]) }),
      want: ['spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    },
    {
      input: deploy({ ...valid, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    },
    {
      input: deploy({ ...valid, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '150%' } } }),
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%'],
    },
    {
      input: deploy({ ...valid, strategy: { type: 'Recreate', rollingUpdate: {} } }),
      want: ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    },
    { input: deploy({ ...valid, progressDeadlineSeconds: 5, minReadySeconds: 10 }), want: ['spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds'] },
    {
      input: deploy(valid, 'Web'),
      want: [
        "metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
    { input: deploy(valid, ''), want: ['metadata.name: Required value: name or generateName is required'] },
    {
      input: deploy({ ...valid, template: template({ app: 'web' }, [{ name: 'a', image: 'x:1', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }]) }),
      want: ['spec.template.spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    },
  ];
  rows.forEach(({ input, want }, i) => it(`row ${i}: ${want[0] ?? 'valid'}`, () => expect(errorsOnCreate('apps', input)).toEqual(want)));

  it('selector is immutable on update', () => {
    const next = deploy({ selector: { matchLabels: { app: 'y' } }, template: template({ app: 'y' }) });
    expect(errorsOnUpdate('apps', next, deploy(valid))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"y"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
  it('a scale on update is fine', () => expect(errorsOnUpdate('apps', deploy({ ...valid, replicas: 5 }), deploy(valid))).toEqual([]));
});
