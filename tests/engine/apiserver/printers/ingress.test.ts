// printIngress / printIngressClass rows (facts from printers_test.go TestPrintIngress, TestPrintIngressClass).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { formatHosts, ingressClassPrinter, ingressPrinter } from '../../../../src/engine/apiserver/printers/ingress';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const TEN_Y = new Date(NOW - 10 * 365 * 86400_000).toISOString();

describe('ingressPrinter', () => {
  const ing = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'test1', creationTimestamp: TEN_Y },
    spec,
    status,
  });
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'TestPrintIngress row',
      input: ing({ ingressClassName: 'foo', defaultBackend: { service: { name: 'default-backend', port: { name: 'default-backend' } } } }, { loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'localhost.localdomain' }] } }),
      want: ['test1', 'foo', '*', '2.3.4.5', '80', '10y'],
    },
    {
      name: 'no class, hosts and tls',
      input: ing({ rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }], tls: [{ hosts: ['a.example.com'], secretName: 's' }] }),
      want: ['test1', '<none>', 'a.example.com,b.example.com', '', '80, 443', '10y'],
    },
    {
      name: 'hostname address',
      input: ing({ ingressClassName: 'nginx', rules: [{ host: 'web.local' }] }, { loadBalancer: { ingress: [{ hostname: 'localhost' }] } }),
      want: ['test1', 'nginx', 'web.local', 'localhost', '80', '10y'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(ingressPrinter.cells(input, NOW)).toEqual(want));
});

describe('formatHosts', () => {
  const rows: { input: unknown; want: string }[] = [
    { input: undefined, want: '*' },
    { input: [{}], want: '*' },
    { input: [{ host: 'a' }], want: 'a' },
    { input: [{ host: 'a' }, {}, { host: 'b' }], want: 'a,b' },
    { input: [{ host: 'a' }, { host: 'b' }, { host: 'c' }], want: 'a,b,c' },
    { input: [{ host: 'a' }, { host: 'b' }, { host: 'c' }, { host: 'd' }], want: 'a,b,c + 1 more...' },
    { input: [{ host: 'a' }, { host: 'b' }, { host: 'c' }, { host: 'd' }, {}], want: 'a,b,c + 2 more...' },
  ];
  it.each(rows)('$want', ({ input, want }) => expect(formatHosts(input)).toBe(want));
});

describe('ingressClassPrinter', () => {
  const cls = (spec: Record<string, unknown>): KObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'test1', creationTimestamp: TEN_Y },
    spec,
  });
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'parameters with apiGroup',
      input: cls({ controller: 'example.com/controller', parameters: { kind: 'customgroup', apiGroup: 'example.com', name: 'example' } }),
      want: ['test1', 'example.com/controller', 'customgroup.example.com/example', '10y'],
    },
    {
      name: 'parameters without apiGroup',
      input: cls({ controller: 'example.com/controller', parameters: { kind: 'customgroup', name: 'example' } }),
      want: ['test1', 'example.com/controller', 'customgroup/example', '10y'],
    },
    {
      name: 'no parameters',
      input: cls({ controller: 'k8s.io/ingress-nginx' }),
      want: ['test1', 'k8s.io/ingress-nginx', '<none>', '10y'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(ingressClassPrinter.cells(input, NOW)).toEqual(want));
});
