// CoreDNS semantics: resolver search path and ndots, Service/headless/pod/ExternalName records.

import { describe, expect, it } from 'vitest';
import { candidates, dashedIP, isIPv4, searchPath } from '../../../src/engine/network';
import { netFixture } from './fixtures';

describe('resolver candidates (ndots:5)', () => {
  const search = searchPath('default');
  const rows: { input: string; want: string[] }[] = [
    { input: 'web', want: ['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web'] },
    { input: 'web.prod', want: ['web.prod.default.svc.cluster.local', 'web.prod.svc.cluster.local', 'web.prod.cluster.local', 'web.prod'] },
    { input: 'web.default.svc.cluster.local', want: ['web.default.svc.cluster.local.default.svc.cluster.local', 'web.default.svc.cluster.local.svc.cluster.local', 'web.default.svc.cluster.local.cluster.local', 'web.default.svc.cluster.local'] },
    { input: 'web.default.svc.cluster.local.', want: ['web.default.svc.cluster.local'] },
    { input: 'a.b.c.d.e.f', want: ['a.b.c.d.e.f', 'a.b.c.d.e.f.default.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local'] },
  ];
  for (const r of rows) it(r.input, () => expect(candidates(r.input, search)).toEqual(r.want));

  it('search path of a pod in kube-system', () => {
    expect(searchPath('kube-system')).toEqual(['kube-system.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
  });
});

describe('name helpers', () => {
  const ips: { input: string; want: boolean }[] = [
    { input: '10.96.0.1', want: true },
    { input: '255.255.255.255', want: true },
    { input: '256.1.1.1', want: false },
    { input: '10.96.0', want: false },
    { input: 'web', want: false },
    { input: '10-244-1-3', want: false },
  ];
  for (const r of ips) it(`isIPv4 ${r.input}`, () => expect(isIPv4(r.input)).toBe(r.want));
  const dashed: { input: string; want: string | undefined }[] = [
    { input: '10-244-1-3', want: '10.244.1.3' },
    { input: '10-244-1', want: undefined },
    { input: '10-244-1-300', want: undefined },
    { input: 'web', want: undefined },
  ];
  for (const r of dashed) it(`dashedIP ${r.input}`, () => expect(dashedIP(r.input)).toBe(r.want));
});

describe('cluster records', () => {
  const f = netFixture();
  f.pod('web-1', 'nginx', { labels: { app: 'web' } });
  f.pod('db-0', 'nginx', { labels: { app: 'db' }, spec: { hostname: 'db-0', subdomain: 'db' } });
  f.pod('db-1', 'nginx', { labels: { app: 'db' }, spec: { hostname: 'db-1', subdomain: 'db' } });
  f.cluster.advance(60_000);
  const web = f.service('web', { selector: { app: 'web' }, ports: [{ port: 80 }] });
  f.service('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 80 }] });
  f.service('ext', { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' });
  f.service('empty', { clusterIP: 'None', selector: { app: 'none' }, ports: [{ port: 80 }] });
  f.cluster.client.create(f.cluster.type('', 'Namespace'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } } as never);
  f.service('api', { selector: { app: 'api' }, ports: [{ port: 80 }] }, 'prod');
  f.slice('web', [{ name: 'web-1' }], [{ port: 80 }]);
  f.slice('db', [{ name: 'db-0', hostname: 'db-0' }, { name: 'db-1', hostname: 'db-1', ready: false }], [{ port: 80 }]);
  const webIP = (web.spec as { clusterIP: string }).clusterIP;
  const apiIP = (f.get('Service', 'api', 'prod').spec as { clusterIP: string }).clusterIP;
  const ip = (name: string) => (f.get('Pod', name).status as { podIP: string }).podIP;
  const dashedOf = (s: string) => s.replace(/\./g, '-');

  const rows: { input: string; ns?: string; want: unknown }[] = [
    { input: 'web', ns: 'default', want: { kind: 'A', name: 'web.default.svc.cluster.local', addresses: [webIP] } },
    { input: 'web.default', ns: 'default', want: { kind: 'A', name: 'web.default.svc.cluster.local', addresses: [webIP] } },
    { input: 'web.default.svc', ns: 'default', want: { kind: 'A', name: 'web.default.svc.cluster.local', addresses: [webIP] } },
    { input: 'web.default.svc.cluster.local', ns: 'default', want: { kind: 'A', name: 'web.default.svc.cluster.local', addresses: [webIP] } },
    { input: 'web.default.svc.cluster.local.', ns: 'prod', want: { kind: 'A', name: 'web.default.svc.cluster.local', addresses: [webIP] } },
    { input: 'WEB.Default', ns: 'prod', want: { kind: 'A', name: 'web.default.svc.cluster.local', addresses: [webIP] } },
    { input: 'web', ns: 'prod', want: { kind: 'NXDOMAIN', name: 'web' } },
    { input: 'api', ns: 'prod', want: { kind: 'A', name: 'api.prod.svc.cluster.local', addresses: [apiIP] } },
    { input: 'api.prod', ns: 'default', want: { kind: 'A', name: 'api.prod.svc.cluster.local', addresses: [apiIP] } },
    { input: 'kubernetes.default', ns: 'prod', want: { kind: 'A', name: 'kubernetes.default.svc.cluster.local', addresses: ['10.96.0.1'] } },
    { input: 'kubernetes', ns: 'default', want: { kind: 'A', name: 'kubernetes.default.svc.cluster.local', addresses: ['10.96.0.1'] } },
    // Headless: only ready endpoints; per-hostname records.
    { input: 'db', ns: 'default', want: { kind: 'A', name: 'db.default.svc.cluster.local', addresses: [ip('db-0')] } },
    { input: 'db-0.db', ns: 'default', want: { kind: 'A', name: 'db-0.db.default.svc.cluster.local', addresses: [ip('db-0')] } },
    { input: 'db-0.db.default.svc.cluster.local', ns: 'prod', want: { kind: 'A', name: 'db-0.db.default.svc.cluster.local', addresses: [ip('db-0')] } },
    { input: 'db-1.db', ns: 'default', want: { kind: 'NXDOMAIN', name: 'db-1.db' } },
    { input: 'empty', ns: 'default', want: { kind: 'NXDOMAIN', name: 'empty' } },
    // Pod A records (`pods insecure`).
    { input: `${dashedOf(ip('web-1'))}.default.pod.cluster.local`, ns: 'default', want: { kind: 'A', name: `${dashedOf(ip('web-1'))}.default.pod.cluster.local`, addresses: [ip('web-1')] } },
    { input: `${dashedOf(ip('web-1'))}.default.pod`, ns: 'prod', want: { kind: 'A', name: `${dashedOf(ip('web-1'))}.default.pod.cluster.local`, addresses: [ip('web-1')] } },
    { input: 'ext', ns: 'default', want: { kind: 'CNAME', name: 'ext.default.svc.cluster.local', target: 'web.default.svc.cluster.local' } },
    { input: 'nope', ns: 'default', want: { kind: 'NXDOMAIN', name: 'nope' } },
    { input: 'web.nope.svc.cluster.local', ns: 'default', want: { kind: 'NXDOMAIN', name: 'web.nope.svc.cluster.local' } },
    { input: 'example.com', ns: 'default', want: { kind: 'NXDOMAIN', name: 'example.com' } },
    { input: '10.1.2.3', ns: 'default', want: { kind: 'A', name: '10.1.2.3', addresses: ['10.1.2.3'] } },
    // From outside (no search path) only fully qualified cluster names answer.
    { input: 'web', want: { kind: 'NXDOMAIN', name: 'web' } },
    { input: 'web.default.svc.cluster.local', want: { kind: 'A', name: 'web.default.svc.cluster.local', addresses: [webIP] } },
  ];
  for (const r of rows) it(`${r.input} from ${r.ns ?? 'outside'}`, () => expect(f.network.lookup(r.input, r.ns)).toEqual(r.want));

  it('nslookup hook: A, CNAME followed in-cluster, NXDOMAIN', () => {
    const hooks = f.network.netHooksFor(f.get('Pod', 'web-1'));
    expect(hooks.lookup!('web')).toEqual({ server: '10.96.0.10', name: 'web.default.svc.cluster.local', addresses: [webIP] });
    expect(hooks.lookup!('ext')).toEqual({ server: '10.96.0.10', name: 'web.default.svc.cluster.local', addresses: [webIP] });
    expect(hooks.lookup!('nope')).toEqual({ server: '10.96.0.10', error: 'NXDOMAIN' });
  });

  it('a Service deleted disappears from DNS', () => {
    f.cluster.client.delete(f.cluster.type('', 'Service'), 'prod', 'api');
    f.cluster.settle();
    expect(f.network.lookup('api.prod', 'default')).toEqual({ kind: 'NXDOMAIN', name: 'api.prod' });
  });
});
