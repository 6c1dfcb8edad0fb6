// printService / formatEndpoints / printEndpointSlice rows, ported as facts from printers_test.go
// (TestPrintService, TestPrintServiceLoadBalancer, TestPrintEndpoint, TestPrintEndpointSlice).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import {
  endpointSlicePrinter,
  endpointsPrinter,
  formatEndpoints,
  serviceCells,
  servicePrinter,
} from '../../../../src/engine/apiserver/printers/network';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'test1' },
  spec,
  status,
});
const tcp = (port: number, nodePort?: number) => ({ protocol: 'TCP', port, ...(nodePort ? { nodePort } : {}) });

describe('servicePrinter', () => {
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'ClusterIP with one port',
      input: svc({ type: 'ClusterIP', ports: [tcp(2233)], clusterIPs: ['10.9.8.7'] }),
      want: ['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/TCP', '<unknown>', '<none>'],
    },
    {
      name: 'NodePort with node port',
      input: svc({ type: 'NodePort', ports: [tcp(8888, 9999)], clusterIPs: ['10.9.8.7'] }),
      want: ['test1', 'NodePort', '10.9.8.7', '<none>', '8888:9999/TCP', '<unknown>', '<none>'],
    },
    {
      name: 'LoadBalancer pending',
      input: svc({ type: 'LoadBalancer', ports: [tcp(8888)], clusterIPs: ['10.9.8.7'] }),
      want: ['test1', 'LoadBalancer', '10.9.8.7', '<pending>', '8888/TCP', '<unknown>', '<none>'],
    },
    {
      name: 'LoadBalancer with ingress IP and external IPs',
      input: svc({ type: 'LoadBalancer', ports: [tcp(8888)], clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] }, { loadBalancer: { ingress: [{ ip: '3.4.5.6', hostname: 'test.cluster.com' }] } }),
      want: ['test1', 'LoadBalancer', '10.9.8.7', '3.4.5.6,80.11.12.10', '8888/TCP', '<unknown>', '<none>'],
    },
    {
      name: 'LoadBalancer with only external IPs',
      input: svc({ type: 'LoadBalancer', ports: [tcp(8888)], clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] }),
      want: ['test1', 'LoadBalancer', '10.9.8.7', '80.11.12.10', '8888/TCP', '<unknown>', '<none>'],
    },
    {
      name: 'ExternalName',
      input: svc({ type: 'ExternalName', externalName: 'my.database.example.com' }),
      want: ['test1', 'ExternalName', '<none>', 'my.database.example.com', '<none>', '<unknown>', '<none>'],
    },
    {
      name: 'headless with several ports and a selector',
      input: svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [tcp(80), { protocol: 'UDP', port: 53 }], selector: { b: '2', a: '1' } }),
      want: ['test1', 'ClusterIP', 'None', '<none>', '80/TCP,53/UDP', '<unknown>', 'a=1,b=2'],
    },
    {
      name: 'ClusterIP with external IPs',
      input: svc({ type: 'ClusterIP', clusterIPs: ['10.0.0.1'], externalIPs: ['1.1.1.1', '2.2.2.2'], ports: [tcp(80)] }),
      want: ['test1', 'ClusterIP', '10.0.0.1', '1.1.1.1,2.2.2.2', '80/TCP', '<unknown>', '<none>'],
    },
    {
      name: 'clusterIP only (undefaulted)',
      input: svc({ type: 'ClusterIP', clusterIP: '10.96.0.1', ports: [tcp(443)] }),
      want: ['test1', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '<unknown>', '<none>'],
    },
    {
      name: 'unknown type',
      input: svc({ clusterIPs: ['10.0.0.1'] }),
      want: ['test1', '', '10.0.0.1', '<unknown>', '<none>', '<unknown>', '<none>'],
    },
    {
      name: 'long LB hostname is not clipped (the server renders wide)',
      input: svc({ type: 'LoadBalancer', clusterIPs: ['10.0.0.1'], ports: [tcp(80, 30080)] }, { loadBalancer: { ingress: [{ hostname: 'a1234567890.elb.amazonaws.com' }] } }),
      want: ['test1', 'LoadBalancer', '10.0.0.1', 'a1234567890.elb.amazonaws.com', '80:30080/TCP', '<unknown>', '<none>'],
    },
    {
      name: 'LB ingress deduplicated and sorted',
      input: svc({ type: 'LoadBalancer', clusterIPs: ['10.0.0.1'], ports: [tcp(80)] }, { loadBalancer: { ingress: [{ ip: '5.5.5.5' }, { ip: '1.1.1.1' }, { ip: '5.5.5.5' }] } }),
      want: ['test1', 'LoadBalancer', '10.0.0.1', '1.1.1.1,5.5.5.5', '80/TCP', '<unknown>', '<none>'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(servicePrinter.cells(input, NOW)).toEqual(want));

  it('clips EXTERNAL-IP to 16 characters when not wide', () => {
    const s = svc({ type: 'LoadBalancer', clusterIPs: ['10.0.0.1'] }, { loadBalancer: { ingress: [{ ip: '100.100.100.100' }, { ip: '200.200.200.200' }] } });
    expect(serviceCells(s, NOW, false)[3]).toBe('100.100.100.1...');
    expect(serviceCells(s, NOW, true)[3]).toBe('100.100.100.100,200.200.200.200');
  });
});

describe('formatEndpoints', () => {
  const rows: { name: string; input: unknown; want: string }[] = [
    { name: 'no subsets', input: [], want: '<none>' },
    { name: 'missing subsets', input: undefined, want: '<none>' },
    { name: 'one address one port', input: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 8888 }] }], want: '127.0.0.1:8888' },
    {
      name: 'two ports',
      input: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 8888 }, { port: 9999 }] }],
      want: '127.0.0.1:8888,127.0.0.1:9999',
    },
    {
      name: 'more than three',
      input: [
        { addresses: [{ ip: '127.0.0.1' }, { ip: '127.0.0.2' }], ports: [{ port: 8888 }] },
        { addresses: [{ ip: '127.0.0.3' }, { ip: '127.0.0.4' }, { ip: '127.0.0.5' }], ports: [{ port: 9999 }] },
      ],
      want: '127.0.0.1:8888,127.0.0.2:8888,127.0.0.3:9999 + 2 more...',
    },
    { name: 'headless without ports', input: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }] }], want: '10.0.0.1,10.0.0.2' },
    { name: 'ipv6 bracketed', input: [{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }], want: '[fd00::1]:80' },
    { name: 'subset with ports but no ready addresses', input: [{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }], want: '' },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(formatEndpoints(input)).toBe(want));

  it('endpoints row', () => {
    const ep: KObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80 }] }] };
    expect(endpointsPrinter.cells(ep, NOW)).toEqual(['web', '10.244.1.5:80', '<unknown>']);
  });
});

describe('endpointSlicePrinter', () => {
  const slice = (rest: Record<string, unknown>): KObject => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'abcslice.123' }, ...rest });
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'IPv4 slice',
      input: slice({ addressType: 'IPv4', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }], endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }] }),
      want: ['abcslice.123', 'IPv4', '80,443', '10.1.2.3,2001:db8::1234:5678', '<unknown>'],
    },
    {
      name: 'more than three ports and endpoints',
      input: slice({
        addressType: 'IPv6',
        ports: [{ port: 80 }, { port: 443 }, { port: 8080 }, { port: 8443 }, { port: 9000 }],
        endpoints: [{ addresses: ['fd00::1'] }, { addresses: ['fd00::2'] }, { addresses: ['fd00::3'] }, { addresses: ['fd00::4'] }],
      }),
      want: ['abcslice.123', 'IPv6', '80,443,8080 + 2 more...', 'fd00::1,fd00::2,fd00::3 + 1 more...', '<unknown>'],
    },
    {
      name: 'empty slice',
      input: slice({ addressType: 'IPv4', endpoints: [] }),
      want: ['abcslice.123', 'IPv4', '<unset>', '<unset>', '<unknown>'],
    },
    {
      name: 'port name and all-ports',
      input: slice({ addressType: 'FQDN', ports: [{ name: 'dns' }, {}] }),
      want: ['abcslice.123', 'FQDN', 'dns,*', '<unset>', '<unknown>'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(endpointSlicePrinter.cells(input, NOW)).toEqual(want));
});
