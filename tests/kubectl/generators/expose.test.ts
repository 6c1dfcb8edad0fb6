// exposeService against cases ported from upstream kubectl pkg/cmd/expose/expose_test.go (facts:
// source object + flags -> Service), including TestExposeOverride's merge/strategic/json overrides.
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/engine/api/types';
import { EXPOSE_FLAGS, exposeService } from '../../../src/kubectl/generators/expose';
import type { GeneratorContext } from '../../../src/kubectl/generators/types';
import { makeFlags } from './harness';

const ctx = (enforce = false): GeneratorContext => ({
  namespace: 'test', enforceNamespace: enforce, readFile: () => undefined, listDir: () => undefined,
});
const svc = (name: string, selector: Record<string, string> | undefined, ports: object[] = [], labels?: Record<string, string>): KObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'test', ...(labels ? { labels } : {}) },
  spec: { ...(selector ? { selector } : {}), ports },
});
const pod = (name: string, labels?: Record<string, string>): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'test', ...(labels ? { labels } : {}) }, spec: { containers: [] },
});
const service = (name: string, spec: object, labels?: Record<string, string>, namespace?: string): KObject => ({
  kind: 'Service', apiVersion: 'v1',
  metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null, ...(labels ? { labels } : {}) },
  spec, status: { loadBalancer: {} },
});
const base = { selector: 'func=stream', protocol: 'UDP', port: '14', name: 'foo', labels: 'svc=test' };

const cases: { name: string; input: KObject; flags: Record<string, string>; want: KObject | string; enforce?: boolean }[] = [
  {
    name: 'expose-service-from-service-no-selector-defined', input: svc('baz', { app: 'go' }),
    flags: { protocol: 'UDP', port: '14', name: 'foo', labels: 'svc=test' },
    want: service('foo', { ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }], selector: { app: 'go' } }, { svc: 'test' }),
  },
  {
    name: 'expose-service-from-service', input: svc('baz', { app: 'go' }), flags: base,
    want: service('foo', { ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }], selector: { func: 'stream' } }, { svc: 'test' }),
  },
  {
    name: 'no-name-passed-from-the-cli', input: svc('mayor', { run: 'this' }),
    flags: { selector: 'run=this', port: '80', labels: 'runas=amayor' },
    want: service('mayor', { ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }], selector: { run: 'this' } }, { runas: 'amayor' }),
  },
  {
    name: 'expose-service (LoadBalancer)', input: svc('baz', { app: 'go' }), flags: { ...base, type: 'LoadBalancer' },
    want: service('foo', { ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }], selector: { func: 'stream' }, type: 'LoadBalancer' }, { svc: 'test' }),
  },
  {
    name: 'expose-affinity-service', input: svc('baz', { app: 'go' }), flags: { ...base, type: 'LoadBalancer', 'session-affinity': 'ClientIP' },
    want: service('foo', { ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }], selector: { func: 'stream' }, type: 'LoadBalancer', sessionAffinity: 'ClientIP' }, { svc: 'test' }),
  },
  {
    name: 'expose-service-cluster-ip', input: svc('baz', { app: 'go' }), flags: { ...base, 'cluster-ip': '10.10.10.10' },
    want: service('foo', { ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }], selector: { func: 'stream' }, clusterIP: '10.10.10.10' }, { svc: 'test' }),
  },
  {
    name: 'expose-headless-service', input: svc('baz', { app: 'go' }), flags: { ...base, 'cluster-ip': 'None' },
    want: service('foo', { ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }], selector: { func: 'stream' }, clusterIP: 'None' }, { svc: 'test' }),
  },
  {
    name: 'expose-headless-service-no-port', input: svc('baz', { app: 'go' }),
    flags: { selector: 'func=stream', name: 'foo', labels: 'svc=test', 'cluster-ip': 'None' },
    want: service('foo', { selector: { func: 'stream' }, clusterIP: 'None' }, { svc: 'test' }),
  },
  {
    name: 'truncate-name', input: pod('a-name-that-is-toooo-big-for-a-service-because-it-can-only-handle-63-characters'),
    flags: { selector: 'svc=frompod', port: '90', labels: 'svc=frompod' },
    want: service('a-name-that-is-toooo-big-for-a-service-because-it-can-only-hand', { ports: [{ protocol: 'TCP', port: 90, targetPort: 90 }], selector: { svc: 'frompod' } }, { svc: 'frompod' }),
  },
  {
    name: 'expose-multiport-object',
    input: svc('foo', undefined, [{ protocol: 'TCP', port: 80, targetPort: 80 }, { protocol: 'TCP', port: 443, targetPort: 443 }], { svc: 'multiport' }),
    flags: { selector: 'svc=fromfoo', name: 'fromfoo' },
    want: service('fromfoo', {
      ports: [{ name: 'port-1', protocol: 'TCP', port: 80, targetPort: 80 }, { name: 'port-2', protocol: 'TCP', port: 443, targetPort: 443 }],
      selector: { svc: 'fromfoo' },
    }, { svc: 'multiport' }),
  },
  {
    name: 'expose-multiprotocol-object',
    input: svc('foo', undefined, [{ protocol: 'TCP', port: 80 }, { protocol: 'UDP', port: 8080 }, { protocol: 'UDP', port: 8081 }, { protocol: 'SCTP', port: 8082 }], { svc: 'multiport' }),
    flags: { selector: 'svc=fromfoo', name: 'fromfoo' },
    want: service('fromfoo', {
      ports: [
        { name: 'port-1', protocol: 'TCP', port: 80, targetPort: 80 }, { name: 'port-2', protocol: 'UDP', port: 8080, targetPort: 8080 },
        { name: 'port-3', protocol: 'UDP', port: 8081, targetPort: 8081 }, { name: 'port-4', protocol: 'SCTP', port: 8082, targetPort: 8082 },
      ],
      selector: { svc: 'fromfoo' },
    }, { svc: 'multiport' }),
  },
  {
    name: 'expose-service-from-service-sctp', input: svc('baz', { app: 'go' }), flags: { ...base, protocol: 'SCTP' },
    want: service('foo', { ports: [{ protocol: 'SCTP', port: 14, targetPort: 14 }], selector: { func: 'stream' } }, { svc: 'test' }),
  },
  {
    name: 'namespace-yaml (explicit -n)', input: svc('baz', { app: 'go' }), flags: { ...base, type: 'LoadBalancer' }, enforce: true,
    want: service('foo', { ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }], selector: { func: 'stream' }, type: 'LoadBalancer' }, { svc: 'test' }, 'test'),
  },
  {
    name: 'override merge replaces the whole ports list and drops unknown top-level fields', input: svc('baz', { app: 'go' }), enforce: true,
    flags: { ...base, selector: 'app=go', overrides: '{"spec": {"ports": [{"protocol": "TCP", "port": 1111, "targetPort": 2222}]}, "selector": {"app": "go"}}', 'override-type': 'merge' },
    want: service('foo', { ports: [{ protocol: 'TCP', port: 1111, targetPort: 2222 }], selector: { app: 'go' } }, { svc: 'test' }, 'test'),
  },
  {
    name: 'override strategic adds the port before the existing one', input: svc('baz', { app: 'go' }), enforce: true,
    flags: { ...base, selector: 'app=go', overrides: '{"spec": {"ports": [{"protocol": "TCP", "port": 1111, "targetPort": 2222}]}}', 'override-type': 'strategic' },
    want: service('foo', { ports: [{ protocol: 'TCP', port: 1111, targetPort: 2222 }, { protocol: 'UDP', port: 14, targetPort: 14 }], selector: { app: 'go' } }, { svc: 'test' }, 'test'),
  },
  {
    name: 'override json adds the port after the existing one', input: svc('baz', { app: 'go' }), enforce: true,
    flags: { ...base, selector: 'app=go', overrides: '[{"op": "add", "path": "/spec/ports/1", "value": {"port": 1111, "protocol": "TCP", "targetPort": 2222}}]', 'override-type': 'json' },
    want: service('foo', { ports: [{ protocol: 'UDP', port: 14, targetPort: 14 }, { protocol: 'TCP', port: 1111, targetPort: 2222 }], selector: { app: 'go' } }, { svc: 'test' }, 'test'),
  },
  { name: 'cannot expose a StatefulSet', input: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' } }, flags: { port: '80' }, want: 'cannot expose a StatefulSet.apps' },
  { name: 'cannot expose a Job', input: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' } }, flags: {}, want: 'cannot expose a Job.batch' },
  { name: 'pod without labels', input: pod('p'), flags: { port: '80' }, want: "couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed" },
  { name: 'pod without ports', input: pod('p', { a: 'b' }), flags: {}, want: "couldn't find port via --port flag or introspection" },
  {
    name: 'deployment without selector', input: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: {} }, flags: { port: '80' },
    want: "couldn't retrieve selectors via --selector flag or introspection: invalid deployment: no selectors, therefore cannot be exposed",
  },
  {
    name: 'replicaset with expressions',
    input: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { selector: { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'x', operator: 'In', values: ['1', '2'] }, { key: 'y', operator: 'Exists' }] } } },
    flags: { port: '80' },
    want: 'couldn\'t retrieve selectors via --selector flag or introspection: couldn\'t convert expressions - "[{Key:x Operator:In Values:[1 2]} {Key:y Operator:Exists Values:[]}]" to map-based selector format',
  },
  { name: 'rc with empty selector', input: { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { selector: {} } }, flags: { port: '80' }, want: 'selector must be specified' },
  { name: 'bad --selector', input: pod('p', { a: 'b' }), flags: { port: '80', selector: 'a=b=c' }, want: 'unexpected label spec: a=b=c' },
  { name: 'empty label key', input: pod('p', { a: 'b' }), flags: { port: '80', labels: '=x' }, want: 'unexpected empty label key' },
  { name: 'bad override type', input: pod('p', { a: 'b' }), flags: { port: '80', overrides: '{}', 'override-type': 'yaml' }, want: 'invalid override type: yaml' },
];

describe('exposeService (upstream expose_test.go facts)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = exposeService(c.input, makeFlags(EXPOSE_FLAGS, c.flags), ctx(c.enforce));
      if (typeof c.want === 'string') expect(got).toEqual({ ok: false, error: c.want });
      else {
        expect(got.ok).toBe(true);
        // Key order matters: compare the serialized forms.
        if (got.ok) expect(JSON.stringify(got.object, null, 4)).toBe(JSON.stringify(c.want, null, 4));
      }
    });
  }
});
