// Routing precedence: the path-matching table of the Ingress API docs (networking/ingress
// "Examples"), host selection (exact, one-label wildcard, catch-all), defaults and TLS lookup.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { hostMatches, normalizeHost, prefixMatches, routeIngress, selectServer, tlsSecretFor, DEFAULT_BACKEND_404 } from '../../../../src/engine/controllers/ingress';

type P = { path: string; type: string; svc: string; port?: number | string };

function ing(name: string, rules: Array<{ host?: string; paths: P[] }>, extra: Record<string, unknown> = {}, created = '2025-01-01T00:00:00Z', ns = 'default'): KObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: ns, creationTimestamp: created },
    spec: {
      rules: rules.map((r) => ({
        ...(r.host !== undefined ? { host: r.host } : {}),
        http: {
          paths: r.paths.map((p) => ({
            path: p.path,
            pathType: p.type,
            backend: { service: { name: p.svc, port: typeof p.port === 'string' ? { name: p.port } : { number: p.port ?? 80 } } },
          })),
        },
      })),
      ...extra,
    },
  };
}

/** Which service a request path reaches (`-` for the default backend). */
function svcFor(ings: KObject[], host: string, path: string): string {
  const r = routeIngress(ings, host, path);
  return r === 'default-backend' ? '-' : r.service;
}

describe('path matching (the Ingress docs examples table)', () => {
  // Each row: the paths of one Ingress (service = path label), the request, the expected service.
  const rows: Array<{ paths: P[]; req: string; want: string }> = [
    { paths: [{ path: '/', type: 'Prefix', svc: 'root' }], req: '/anything/at/all', want: 'root' },
    { paths: [{ path: '/', type: 'Prefix', svc: 'root' }], req: '/', want: 'root' },
    { paths: [{ path: '/foo', type: 'Exact', svc: 'foo' }], req: '/foo', want: 'foo' },
    { paths: [{ path: '/foo', type: 'Exact', svc: 'foo' }], req: '/bar', want: '-' },
    { paths: [{ path: '/foo', type: 'Exact', svc: 'foo' }], req: '/foo/', want: '-' },
    { paths: [{ path: '/foo/', type: 'Exact', svc: 'foo' }], req: '/foo', want: '-' },
    { paths: [{ path: '/foo', type: 'Prefix', svc: 'foo' }], req: '/foo', want: 'foo' },
    { paths: [{ path: '/foo', type: 'Prefix', svc: 'foo' }], req: '/foo/', want: 'foo' },
    { paths: [{ path: '/foo/', type: 'Prefix', svc: 'foo' }], req: '/foo', want: 'foo' },
    { paths: [{ path: '/foo/', type: 'Prefix', svc: 'foo' }], req: '/foo/', want: 'foo' },
    { paths: [{ path: '/aaa/bb', type: 'Prefix', svc: 'bb' }], req: '/aaa/bbb', want: '-' },
    { paths: [{ path: '/aaa/bbb', type: 'Prefix', svc: 'bbb' }], req: '/aaa/bbb', want: 'bbb' },
    { paths: [{ path: '/aaa/bbb/', type: 'Prefix', svc: 'bbb' }], req: '/aaa/bbb', want: 'bbb' },
    { paths: [{ path: '/aaa/bbb', type: 'Prefix', svc: 'bbb' }], req: '/aaa/bbb/', want: 'bbb' },
    { paths: [{ path: '/aaa/bbb', type: 'Prefix', svc: 'bbb' }], req: '/aaa/bbb/ccc', want: 'bbb' },
    { paths: [{ path: '/aaa/bbb', type: 'Prefix', svc: 'bbb' }], req: '/aaa/bbbxyz', want: '-' },
    { paths: [{ path: '/', type: 'Prefix', svc: 'root' }, { path: '/aaa', type: 'Prefix', svc: 'aaa' }], req: '/aaa/ccc', want: 'aaa' },
    {
      paths: [
        { path: '/', type: 'Prefix', svc: 'root' },
        { path: '/aaa', type: 'Prefix', svc: 'aaa' },
        { path: '/aaa/bbb', type: 'Prefix', svc: 'bbb' },
      ],
      req: '/aaa/bbb',
      want: 'bbb',
    },
    {
      paths: [
        { path: '/', type: 'Prefix', svc: 'root' },
        { path: '/aaa', type: 'Prefix', svc: 'aaa' },
        { path: '/aaa/bbb', type: 'Prefix', svc: 'bbb' },
      ],
      req: '/ccc',
      want: 'root',
    },
    { paths: [{ path: '/aaa', type: 'Prefix', svc: 'aaa' }], req: '/ccc', want: '-' },
    { paths: [{ path: '/foo', type: 'Prefix', svc: 'prefix' }, { path: '/foo', type: 'Exact', svc: 'exact' }], req: '/foo', want: 'exact' },
    { paths: [{ path: '/foo', type: 'Exact', svc: 'exact' }, { path: '/foo', type: 'Prefix', svc: 'prefix' }], req: '/foo/x', want: 'prefix' },
    // Exact wins even over a longer-listed Prefix; the longest Prefix wins regardless of order.
    { paths: [{ path: '/a/b', type: 'Prefix', svc: 'ab' }, { path: '/a/b', type: 'Exact', svc: 'exact' }], req: '/a/b', want: 'exact' },
    { paths: [{ path: '/a/b', type: 'Prefix', svc: 'ab' }, { path: '/a', type: 'Prefix', svc: 'a' }], req: '/a/b/c', want: 'ab' },
    { paths: [{ path: '/a', type: 'Prefix', svc: 'a' }, { path: '/a/b', type: 'Prefix', svc: 'ab' }], req: '/a/bc', want: 'a' },
    // ImplementationSpecific behaves as Prefix.
    { paths: [{ path: '/api', type: 'ImplementationSpecific', svc: 'api' }], req: '/api/v1', want: 'api' },
    { paths: [{ path: '/api', type: 'ImplementationSpecific', svc: 'api' }], req: '/apiv1', want: '-' },
    { paths: [{ path: '/', type: 'ImplementationSpecific', svc: 'root' }, { path: '/api', type: 'Prefix', svc: 'api' }], req: '/api', want: 'api' },
    // The query string and fragment do not take part.
    { paths: [{ path: '/foo', type: 'Exact', svc: 'foo' }], req: '/foo?x=1', want: 'foo' },
    { paths: [{ path: '/', type: 'Prefix', svc: 'root' }], req: '', want: 'root' },
  ];
  for (const { paths, req, want } of rows) {
    it(`${paths.map((p) => `${p.type}:${p.path}`).join(',')} ${JSON.stringify(req)} -> ${want}`, () => {
      expect(svcFor([ing('i', [{ paths }])], 'example.com', req)).toBe(want);
    });
  }
});

describe('prefixMatches', () => {
  const rows: Array<{ prefix: string; path: string; want: boolean }> = [
    { prefix: '/', path: '/', want: true },
    { prefix: '/', path: '/x/y', want: true },
    { prefix: '/x', path: '/', want: false },
    { prefix: '/x/y', path: '/x', want: false },
    { prefix: '/x//y', path: '/x/y', want: true },
    { prefix: '/x', path: '/X', want: false },
  ];
  for (const { prefix, path, want } of rows) it(`${prefix} ~ ${path}`, () => expect(prefixMatches(prefix, path)).toBe(want));
});

describe('hosts', () => {
  const rows: Array<{ pattern: string; host: string; want: boolean }> = [
    { pattern: 'foo.bar.com', host: 'foo.bar.com', want: true },
    { pattern: 'foo.bar.com', host: 'bar.com', want: false },
    { pattern: '*.foo.com', host: 'bar.foo.com', want: true },
    { pattern: '*.foo.com', host: 'baz.bar.foo.com', want: false },
    { pattern: '*.foo.com', host: 'foo.com', want: false },
    { pattern: '*.foo.com', host: '.foo.com', want: false },
  ];
  for (const { pattern, host, want } of rows) it(`${pattern} serves ${host}: ${want}`, () => expect(hostMatches(pattern, host)).toBe(want));

  const norm: Array<{ input: string; want: string }> = [
    { input: 'Foo.Bar.com', want: 'foo.bar.com' },
    { input: 'foo.bar.com:8080', want: 'foo.bar.com' },
    { input: 'foo.bar.com.', want: 'foo.bar.com' },
    { input: ' foo.com ', want: 'foo.com' },
  ];
  for (const { input, want } of norm) it(`normalizeHost(${JSON.stringify(input)})`, () => expect(normalizeHost(input)).toBe(want));

  // The docs' name-based virtual hosting example, plus a wildcard and a catch-all rule.
  const vhosts = [
    ing('name-virtual-host-ingress', [
      { host: 'foo.bar.com', paths: [{ path: '/', type: 'Prefix', svc: 'service1' }] },
      { host: 'bar.foo.com', paths: [{ path: '/', type: 'Prefix', svc: 'service2' }] },
      { host: '*.foo.com', paths: [{ path: '/', type: 'Prefix', svc: 'wild' }] },
      { paths: [{ path: '/', type: 'Prefix', svc: 'service3' }] },
    ]),
  ];
  const hostRows: Array<{ host: string; want: string; server: string }> = [
    { host: 'foo.bar.com', want: 'service1', server: 'foo.bar.com' },
    { host: 'FOO.bar.com:80', want: 'service1', server: 'foo.bar.com' },
    { host: 'bar.foo.com', want: 'service2', server: 'bar.foo.com' },
    { host: 'baz.foo.com', want: 'wild', server: '*.foo.com' },
    { host: 'a.baz.foo.com', want: 'service3', server: '' },
    { host: 'foo.com', want: 'service3', server: '' },
    { host: '203.0.113.5', want: 'service3', server: '' },
    { host: '', want: 'service3', server: '' },
  ];
  for (const { host, want, server } of hostRows) {
    it(`Host ${JSON.stringify(host)} -> ${want}`, () => {
      expect(svcFor(vhosts, host, '/')).toBe(want);
      expect(selectServer(vhosts, host)).toBe(server);
    });
  }

  it('a host server does not fall back to the catch-all rules when no path matches', () => {
    const ings = [ing('a', [{ host: 'foo.com', paths: [{ path: '/api', type: 'Prefix', svc: 'api' }] }, { paths: [{ path: '/', type: 'Prefix', svc: 'any' }] }])];
    expect(svcFor(ings, 'foo.com', '/web')).toBe('-');
    expect(svcFor(ings, 'other.com', '/web')).toBe('any');
  });
});

describe('several Ingresses and default backends', () => {
  it('merges rules of one host across Ingresses', () => {
    const ings = [
      ing('web', [{ host: 'shop.com', paths: [{ path: '/', type: 'Prefix', svc: 'web' }] }]),
      ing('api', [{ host: 'shop.com', paths: [{ path: '/api', type: 'Prefix', svc: 'api', port: 8080 }] }], {}, '2025-01-01T00:01:00Z'),
    ];
    expect(routeIngress(ings, 'shop.com', '/api/items')).toEqual({ namespace: 'default', ingress: 'api', service: 'api', port: 8080 });
    expect(routeIngress(ings, 'shop.com', '/cart')).toEqual({ namespace: 'default', ingress: 'web', service: 'web', port: 80 });
  });

  it('the oldest Ingress wins the same path', () => {
    const newer = ing('newer', [{ paths: [{ path: '/', type: 'Prefix', svc: 'new' }] }], {}, '2025-01-02T00:00:00Z');
    const older = ing('older', [{ paths: [{ path: '/', type: 'Prefix', svc: 'old' }] }], {}, '2025-01-01T00:00:00Z');
    expect(svcFor([newer, older], 'x', '/')).toBe('old');
    expect(svcFor([older, newer], 'x', '/')).toBe('old');
  });

  it('names the port by name and keeps the namespace', () => {
    const i = ing('n', [{ paths: [{ path: '/', type: 'Prefix', svc: 'web', port: 'http' }] }], {}, undefined, 'shop');
    expect(routeIngress([i], 'x', '/')).toEqual({ namespace: 'shop', ingress: 'n', service: 'web', port: 'http' });
  });

  const withDefault = (name: string, rules: Array<{ host?: string; paths: P[] }>) =>
    ing(name, rules, { defaultBackend: { service: { name: `${name}-default`, port: { number: 8080 } } } });

  it('an Ingress with only a defaultBackend takes every request', () => {
    const only: KObject = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'test-ingress', namespace: 'default' }, spec: { defaultBackend: { service: { name: 'test', port: { number: 80 } } } } };
    expect(routeIngress([only], 'anything.com', '/x/y')).toEqual({ namespace: 'default', ingress: 'test-ingress', service: 'test', port: 80 });
  });

  const rows: Array<{ host: string; path: string; want: string }> = [
    { host: 'foo.com', path: '/api', want: 'api' },
    { host: 'foo.com', path: '/other', want: 'a-default' },
    { host: 'nohost.com', path: '/x', want: 'a-default' },
    { host: 'bar.com', path: '/other', want: 'b-default' },
  ];
  const ings = [
    withDefault('a', [{ host: 'foo.com', paths: [{ path: '/api', type: 'Prefix', svc: 'api' }] }]),
    { ...withDefault('b', [{ host: 'bar.com', paths: [{ path: '/b', type: 'Prefix', svc: 'b' }] }]), metadata: { name: 'b', namespace: 'default', creationTimestamp: '2025-01-03T00:00:00Z' } },
  ];
  for (const { host, path, want } of rows) it(`defaultBackend: ${host}${path} -> ${want}`, () => expect(svcFor(ings, host, path)).toBe(want));

  it('a resource backend is not served (default backend)', () => {
    const r: KObject = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'r', namespace: 'default' }, spec: { defaultBackend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static-assets' } } } };
    expect(routeIngress([r], 'x', '/')).toBe('default-backend');
  });

  it('no Ingress at all: the default backend', () => {
    expect(routeIngress([], 'x', '/')).toBe('default-backend');
  });
});

describe('tlsSecretFor', () => {
  const tlsIng = ing('t', [{ host: 'https-example.foo.com', paths: [{ path: '/', type: 'Prefix', svc: 's' }] }], {
    tls: [{ hosts: ['https-example.foo.com'], secretName: 'testsecret-tls' }, { hosts: ['*.wild.com'], secretName: 'wild-tls' }, { hosts: ['nosecret.com'] }],
  });
  const rows: Array<{ host: string; want: string | undefined }> = [
    { host: 'https-example.foo.com', want: 'default/testsecret-tls' },
    { host: 'HTTPS-example.foo.com:443', want: 'default/testsecret-tls' },
    { host: 'a.wild.com', want: 'default/wild-tls' },
    { host: 'nosecret.com', want: undefined },
    { host: 'other.com', want: undefined },
  ];
  for (const { host, want } of rows) it(`${host} -> ${want}`, () => expect(tlsSecretFor([tlsIng], host)).toBe(want));
});

it('the default backend page is nginx 404 with CRLF line ends', () => {
  expect(DEFAULT_BACKEND_404.split('\r\n')).toEqual([
    '<html>',
    '<head><title>404 Not Found</title></head>',
    '<body>',
    '<center><h1>404 Not Found</h1></center>',
    '<hr><center>nginx</center>',
    '</body>',
    '</html>',
    '',
  ]);
});
