// Address choices of the in-app browser and how a typed address becomes a request.
import { describe, expect, it } from 'vitest';
import { addressChoices, parsePorts, resolveAddress } from '../../../src/ui/browser/addresses';
import { ingress, node, pod, service } from '../map/fixtures';

describe('parsePorts', () => {
  const rows: [string, unknown][] = [
    ['80/TCP', [{ port: 80 }]],
    ['80:31234/TCP', [{ port: 80, nodePort: 31234 }]],
    ['80:30080/TCP,443:30443/TCP', [{ port: 80, nodePort: 30080 }, { port: 443, nodePort: 30443 }]],
    ['<none>', []],
    ['', []],
  ];
  for (const [text, want] of rows) it(JSON.stringify(text), () => expect(parsePorts(text)).toEqual(want));
});

describe('addressChoices', () => {
  const objects = [
    node('control-plane', { controlPlane: true, internalIP: '172.18.0.2' }),
    node('worker2', { internalIP: '172.18.0.4' }),
    node('worker1', { internalIP: '172.18.0.3' }),
    pod('noise'),
    service('kubernetes', { clusterIP: '10.96.0.1', ports: '443/TCP' }),
    service('web', { type: 'LoadBalancer', externalAddress: '172.18.255.200', ports: '80:31000/TCP' }),
    service('alt', { type: 'LoadBalancer', externalAddress: '172.18.255.201', ports: '8080:31001/TCP' }),
    service('lb-pending', { type: 'LoadBalancer', ports: '80:31002/TCP' }),
    service('np', { type: 'NodePort', externalAddress: '172.18.0.3:30080', ports: '80:30080/TCP' }),
    service('ingress-nginx-controller', { namespace: 'ingress-nginx', type: 'NodePort', ports: '80:32080/TCP' }),
    ingress('site', { address: '172.18.255.210', rules: [{ host: 'shop.local', path: '/', service: 'web', port: '80' }, { host: 'shop.local', path: '/', service: 'web', port: '80' }, { host: 'api.local', path: '/v1', service: 'alt', port: '8080' }] }),
    ingress('catchall', { address: '172.18.255.211', rules: [{ path: '/', service: 'web', port: '80' }] }),
    ingress('no-address', { rules: [{ host: 'later.local', path: '/', service: 'web', port: '80' }] }),
  ];
  const choices = addressChoices(objects);

  it('lists LoadBalancer IPs, NodePorts (on the first Ready worker when unassigned) and Ingress hosts', () => {
    expect(choices.map((c) => [c.label, c.url, c.host ?? null])).toEqual([
      // LoadBalancers first (the pending one by NodePort), then NodePorts, then add-ons' Services.
      ['http://172.18.0.3:31002/', 'http://172.18.0.3:31002/', null],
      ['http://172.18.255.200/', 'http://172.18.255.200/', null],
      ['http://172.18.255.201:8080/', 'http://172.18.255.201:8080/', null],
      ['http://172.18.0.3:30080/', 'http://172.18.0.3:30080/', null],
      ['http://172.18.0.3:32080/', 'http://172.18.0.3:32080/', null],
      ['http://172.18.255.211/', 'http://172.18.255.211/', null],
      ['http://api.local/v1', 'http://172.18.255.210/v1', 'api.local'],
      ['http://later.local/', 'http://later.local/', 'later.local'],
      ['http://shop.local/', 'http://172.18.255.210/', 'shop.local'],
    ]);
    expect(choices.find((c) => c.label === 'http://shop.local/')!.source).toBe('ingress default/site');
  });

  const rows: [string, { url: string; host?: string }][] = [
    ['http://shop.local/', { url: 'http://172.18.255.210/', host: 'shop.local' }],
    ['shop.local', { url: 'http://172.18.255.210/', host: 'shop.local' }],
    ['http://shop.local/cart?id=3', { url: 'http://172.18.255.210/cart?id=3', host: 'shop.local' }],
    ['http://172.18.255.200/', { url: 'http://172.18.255.200/' }],
    ['172.18.255.200/healthz', { url: 'http://172.18.255.200/healthz' }],
    ['http://unknown.example/', { url: 'http://unknown.example/' }],
    ['http://[bad', { url: 'http://[bad' }],
  ];
  for (const [typed, want] of rows) it(`resolves ${typed}`, () => expect(resolveAddress(typed, choices)).toEqual(want));
});
