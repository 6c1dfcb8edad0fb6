import { describe, expect, it } from 'vitest';
import { prepareForCreate } from '../../../../src/engine/api/kinds/index';
import { defaulted, errorsOnCreate, errorsOnUpdate } from './helpers';

const svc = (spec: Record<string, unknown>, name = 'web') => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec });

describe('Service defaults', () => {
  const rows: { input: Record<string, unknown>; want: Record<string, unknown> }[] = [
    {
      input: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      want: {
        selector: { app: 'web' },
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
    },
    {
      input: { type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] },
      want: {
        type: 'NodePort',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }],
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
    },
    {
      input: { type: 'LoadBalancer', ports: [{ port: 443, targetPort: 8443 }] },
      want: {
        type: 'LoadBalancer',
        ports: [{ port: 443, protocol: 'TCP', targetPort: 8443 }],
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
        allocateLoadBalancerNodePorts: true,
      },
    },
    { input: { type: 'ExternalName', externalName: 'example.com' }, want: { type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' } },
    {
      input: { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] },
      want: {
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
    },
  ];
  rows.forEach(({ input, want }, i) => it(`row ${i}`, () => expect(defaulted('', svc(input)).spec).toEqual(want)));
  it('status starts as an empty loadBalancer', () => {
    const o = defaulted('', svc({ ports: [{ port: 80 }] }));
    prepareForCreate('', 'Service', o);
    expect(o.status).toEqual({ loadBalancer: {} });
  });
});

describe('Service validation', () => {
  const rows: { input: Record<string, unknown>; want: string[] }[] = [
    { input: svc({ ports: [{ port: 80 }] }), want: [] },
    {
      input: svc({ ports: [{ port: 80 }] }, '1web'),
      want: [
        "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
    { input: svc({}), want: ['spec.ports: Required value'] },
    { input: svc({ clusterIP: 'None' }), want: [] },
    { input: svc({ ports: [{ port: 80 }, { port: 81 }] }), want: ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'] },
    { input: svc({ ports: [{ name: 'a', port: 80 }, { name: 'a', port: 81 }] }), want: ['spec.ports[1].name: Duplicate value: "a"'] },
    { input: svc({ ports: [{ port: 0 }] }), want: ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', 'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive'] },
    { input: svc({ ports: [{ port: 70000 }] }), want: ['spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive', 'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive'] },
    { input: svc({ type: 'Foo', ports: [{ port: 80 }] }), want: ['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'] },
    { input: svc({ ports: [{ port: 80, nodePort: 30080 }] }), want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"] },
    { input: svc({ type: 'ExternalName' }), want: ['spec.externalName: Required value'] },
    {
      input: svc({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }),
      want: ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    },
    { input: svc({ ports: [{ port: 80, targetPort: 'Http' }] }), want: ['spec.ports[0].targetPort: Invalid value: "Http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'] },
  ];
  rows.forEach(({ input, want }, i) => it(`row ${i}: ${want[0] ?? 'valid'}`, () => expect(errorsOnCreate('', input)).toEqual(want)));

  it('clusterIP may not change once set', () => {
    expect(errorsOnUpdate('', svc({ clusterIP: '10.96.0.20', ports: [{ port: 80 }] }), svc({ clusterIP: '10.96.0.10', ports: [{ port: 80 }] }))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set',
    ]);
  });
});
