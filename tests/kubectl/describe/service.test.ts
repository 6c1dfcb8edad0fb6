import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/engine/api/types';
import { describeObject } from '../../../src/kubectl/describe';
import { formatEndpointSlices } from '../../../src/kubectl/describe/service';
import { fake } from './fake-client';
import { lines } from './helpers';

const opts = { now: Date.parse('2025-01-01T00:10:00Z'), showEvents: true };

function svc(extra: Record<string, unknown>): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'bar', namespace: 'foo', uid: 'svc-uid' },
    spec: {
      type: 'LoadBalancer',
      ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 9527, nodePort: 31111 }],
      selector: { blah: 'heh' },
      clusterIP: '1.2.3.4',
      ipFamilies: ['IPv4'],
      loadBalancerIP: '5.6.7.8',
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Local',
      internalTrafficPolicy: 'Cluster',
      healthCheckNodePort: 32222,
      ...extra,
    },
    status: { loadBalancer: { ingress: [{ ip: '5.6.7.8', ipMode: 'VIP' }] } },
  };
}

function slice(name: string, eps: Array<[string, boolean | undefined]>, portName = 'port-tcp'): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace: 'foo', labels: { 'kubernetes.io/service-name': 'bar' } },
    addressType: 'IPv4',
    endpoints: eps.map(([ip, ready]) => ({ addresses: [ip], conditions: ready === undefined ? {} : { ready } })),
    ports: [{ name: portName, port: 9527, protocol: 'TCP' }],
  };
}

describe('describe service (describe_test.go TestDescribeService)', () => {
  it('test1: load balancer with three ready endpoints', async () => {
    const c = fake(['discovery.k8s.io', 'endpointslices', slice('bar-abcde', [['10.244.0.1', true], ['10.244.0.2', true], ['10.244.0.3', true]])]);
    expect(await describeObject(svc({}), c, opts)).toBe(
      lines(
        'Name:                     bar',
        'Namespace:                foo',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 blah=heh',
        'Type:                     LoadBalancer',
        'IP Families:              IPv4',
        'IP:                       1.2.3.4',
        'IPs:                      <none>',
        'Desired LoadBalancer IP:  5.6.7.8',
        'LoadBalancer Ingress:     5.6.7.8 (VIP)',
        'Port:                     port-tcp  8080/TCP',
        'TargetPort:               9527/TCP',
        'NodePort:                 port-tcp  31111/TCP',
        'Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527',
        'Session Affinity:         None',
        'External Traffic Policy:  Local',
        'Internal Traffic Policy:  Cluster',
        'HealthCheck NodePort:     32222',
        'Events:                   <none>',
      ),
    );
  });

  it('test2: named target port, not-ready endpoints skipped, "+ 1 more..."', async () => {
    const s = svc({ ports: [{ name: 'port-tcp', port: 8080, protocol: 'TCP', targetPort: 'targetPort', nodePort: 31111 }], internalTrafficPolicy: 'Local' });
    (s.status as { loadBalancer: { ingress: unknown[] } }).loadBalancer.ingress = [{ ip: '5.6.7.8' }];
    const c = fake(
      ['discovery.k8s.io', 'endpointslices', slice('bar-12345', [['10.244.0.1', true], ['10.244.0.2', true]])],
      ['discovery.k8s.io', 'endpointslices', slice('bar-54321', [['10.244.0.3', false], ['10.244.0.4', true], ['10.244.0.5', true]])],
    );
    const out = await describeObject(s, c, opts);
    expect(out).toContain('LoadBalancer Ingress:     5.6.7.8\n');
    expect(out).toContain('TargetPort:               targetPort/TCP\n');
    expect(out).toContain('Endpoints:                10.244.0.1:9527,10.244.0.2:9527,10.244.0.4:9527 + 1 more...\n');
    expect(out).toContain('Internal Traffic Policy:  Local\n');
  });

  it('a ClusterIP service as kubectl create service prints it, with events', async () => {
    const s: KObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', uid: 'u-web', labels: { app: 'web' } },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'web' },
        clusterIP: '10.96.12.34',
        clusterIPs: ['10.96.12.34'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
      },
    };
    const sl: KObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-x1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }],
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
    };
    expect(await describeObject(s, fake(['discovery.k8s.io', 'endpointslices', sl]), opts)).toBe(
      lines(
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.12.34',
        'IPs:                      10.96.12.34',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'Endpoints:                10.244.1.5:80',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });
});

describe('formatEndpointSlices', () => {
  const s = (eps: Array<[string, boolean | undefined]>, port = 'p') => slice('x', eps, port);
  const rows: Array<{ name: string; input: KObject[]; ports?: string[]; want: string }> = [
    { name: 'no slices', input: [], ports: ['p'], want: '<none>' },
    { name: 'nil ready counts as ready', input: [s([['1.1.1.1', undefined]])], ports: ['p'], want: '1.1.1.1:9527' },
    { name: 'other port name', input: [s([['1.1.1.1', true]])], ports: ['q'], want: '' },
    { name: 'all ports', input: [s([['1.1.1.1', true]])], want: '1.1.1.1:9527' },
    { name: 'exactly three', input: [s([['1', true], ['2', true], ['3', true]])], ports: ['p'], want: '1:9527,2:9527,3:9527' },
    { name: 'four', input: [s([['1', true], ['2', true], ['3', true], ['4', true]])], ports: ['p'], want: '1:9527,2:9527,3:9527 + 1 more...' },
    { name: 'ipv6', input: [s([['fd00::1', true]])], ports: ['p'], want: '[fd00::1]:9527' },
  ];
  it.each(rows)('$name', ({ input, ports, want }) => {
    expect(formatEndpointSlices(input, ports ? new Set(ports) : undefined)).toBe(want);
  });

  it('headless slices without ports list addresses', () => {
    const sl = { ...slice('x', [['1.1.1.1', true], ['2.2.2.2', false]]), ports: [] } as KObject;
    expect(formatEndpointSlices([sl], new Set(['']))).toBe('1.1.1.1');
  });
});
