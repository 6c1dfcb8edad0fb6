// The pure parts of the controller: which Ingresses are its own, which addresses it publishes,
// when it writes status, and its TLS log lines.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { controllerAddresses, ingressStatusUpdate, isOurIngress, nodeAddress, tlsProblems, type LBIngress } from '../../../../src/engine/controllers/ingress';

const classes: Record<string, KObject> = {
  nginx: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } },
  traefik: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'traefik' }, spec: { controller: 'traefik.io/ingress-controller' } },
};

function ing(spec: Record<string, unknown>, annotations?: Record<string, string>, status?: unknown): KObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default', ...(annotations ? { annotations } : {}) }, spec, ...(status ? { status } : {}) };
}

describe('isOurIngress', () => {
  const rows: Array<{ name: string; input: KObject; withoutClass?: boolean; want: boolean }> = [
    { name: 'class nginx', input: ing({ ingressClassName: 'nginx' }), want: true },
    { name: 'class of another controller', input: ing({ ingressClassName: 'traefik' }), want: false },
    { name: 'class that does not exist', input: ing({ ingressClassName: 'missing' }), want: false },
    { name: 'no class, watch-ingress-without-class', input: ing({}), want: true },
    { name: 'no class, not watching class-less', input: ing({}), withoutClass: false, want: false },
    { name: 'annotation nginx', input: ing({}, { 'kubernetes.io/ingress.class': 'nginx' }), want: true },
    { name: 'annotation other wins over class', input: ing({ ingressClassName: 'nginx' }, { 'kubernetes.io/ingress.class': 'gce' }), want: false },
    { name: 'annotation nginx wins over other class', input: ing({ ingressClassName: 'traefik' }, { 'kubernetes.io/ingress.class': 'nginx' }), want: true },
  ];
  for (const { name, input, withoutClass, want } of rows) {
    it(name, () => {
      const cfg = { className: 'nginx', controller: 'k8s.io/ingress-nginx', watchWithoutClass: withoutClass ?? true };
      expect(isOurIngress(input, (n) => classes[n], cfg)).toBe(want);
    });
  }
});

describe('controllerAddresses', () => {
  const svc = (type: string, ingress?: LBIngress[], externalIPs?: string[]): KObject => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' },
    spec: { type, ...(externalIPs ? { externalIPs } : {}) },
    status: { loadBalancer: ingress ? { ingress } : {} },
  });
  const rows: Array<{ name: string; svc: KObject | undefined; nodes: string[]; want: LBIngress[] }> = [
    { name: 'NodePort: the node of the pod', svc: svc('NodePort'), nodes: ['172.18.0.3'], want: [{ ip: '172.18.0.3' }] },
    { name: 'NodePort: nodes sorted and deduplicated', svc: svc('NodePort'), nodes: ['172.18.0.4', '172.18.0.3', '172.18.0.4'], want: [{ ip: '172.18.0.3' }, { ip: '172.18.0.4' }] },
    { name: 'no Service: node IPs', svc: undefined, nodes: ['172.18.0.2'], want: [{ ip: '172.18.0.2' }] },
    { name: 'LoadBalancer assigned', svc: svc('LoadBalancer', [{ ip: '203.0.113.10' }]), nodes: ['172.18.0.3'], want: [{ ip: '203.0.113.10' }] },
    { name: 'LoadBalancer hostname', svc: svc('LoadBalancer', [{ hostname: 'lb.example.com' }]), nodes: ['172.18.0.3'], want: [{ hostname: 'lb.example.com' }] },
    { name: 'LoadBalancer pending: nothing yet', svc: svc('LoadBalancer'), nodes: ['172.18.0.3'], want: [] },
    { name: 'externalIPs join', svc: svc('ClusterIP', undefined, ['198.51.100.7']), nodes: ['172.18.0.3'], want: [{ ip: '172.18.0.3' }, { ip: '198.51.100.7' }] },
    { name: 'no pods: nothing', svc: svc('NodePort'), nodes: [], want: [] },
  ];
  for (const { name, svc: s, nodes, want } of rows) it(name, () => expect(controllerAddresses(s, nodes)).toEqual(want));
});

describe('ingressStatusUpdate', () => {
  const rows: Array<{ name: string; input: KObject; addrs: LBIngress[]; want: unknown }> = [
    { name: 'empty -> address', input: ing({}), addrs: [{ ip: '172.18.0.3' }], want: { loadBalancer: { ingress: [{ ip: '172.18.0.3' }] } } },
    { name: 'same address: no write', input: ing({}, undefined, { loadBalancer: { ingress: [{ ip: '172.18.0.3' }] } }), addrs: [{ ip: '172.18.0.3' }], want: undefined },
    { name: 'same set, other order: no write', input: ing({}, undefined, { loadBalancer: { ingress: [{ ip: '10.0.0.2' }, { ip: '10.0.0.1' }] } }), addrs: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], want: undefined },
    { name: 'changed address', input: ing({}, undefined, { loadBalancer: { ingress: [{ ip: '172.18.0.3' }] } }), addrs: [{ ip: '203.0.113.10' }], want: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } },
    { name: 'address gone: cleared', input: ing({}, undefined, { loadBalancer: { ingress: [{ ip: '172.18.0.3' }] } }), addrs: [], want: { loadBalancer: {} } },
    { name: 'nothing to nothing: no write', input: ing({}, undefined, { loadBalancer: {} }), addrs: [], want: undefined },
  ];
  for (const { name, input, addrs, want } of rows) it(name, () => expect(ingressStatusUpdate(input, addrs)).toEqual(want));
});

describe('nodeAddress', () => {
  const node = (addresses: unknown[]): KObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { addresses } });
  const rows: Array<{ input: KObject | undefined; want: string | undefined }> = [
    { input: node([{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'n' }]), want: '172.18.0.3' },
    { input: node([{ type: 'ExternalIP', address: '198.51.100.1' }, { type: 'InternalIP', address: '10.0.0.1' }]), want: '10.0.0.1' },
    { input: node([{ type: 'ExternalIP', address: '198.51.100.1' }]), want: '198.51.100.1' },
    { input: node([{ type: 'Hostname', address: 'n' }]), want: undefined },
    { input: undefined, want: undefined },
  ];
  rows.forEach(({ input, want }, i) => it(`row ${i}`, () => expect(nodeAddress(input)).toBe(want)));
});

describe('tlsProblems', () => {
  const secrets: Record<string, KObject> = {
    'default/good': { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'good', namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'Y3J0', 'tls.key': 'a2V5' } },
    'default/opaque': { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'opaque', namespace: 'default' }, data: { password: 'cA==' } },
  };
  const lookup = (ns: string, n: string) => secrets[`${ns}/${n}`];
  const missing = (k: string) => `Error getting SSL certificate "${k}": local SSL certificate ${k} was not found. Using default certificate`;
  const rows: Array<{ name: string; tls: unknown[]; want: string[] }> = [
    { name: 'present', tls: [{ hosts: ['a.com'], secretName: 'good' }], want: [] },
    { name: 'missing', tls: [{ hosts: ['a.com'], secretName: 'nope' }], want: [missing('default/nope')] },
    { name: 'without certificate keys', tls: [{ hosts: ['a.com'], secretName: 'opaque' }], want: [missing('default/opaque')] },
    { name: 'no secretName: default certificate, no complaint', tls: [{ hosts: ['a.com'] }], want: [] },
    { name: 'no tls', tls: [], want: [] },
  ];
  for (const { name, tls, want } of rows) it(name, () => expect(tlsProblems(ing({ tls }), lookup)).toEqual(want));
});
