// The read-only apiserver over a restored store answers every read exactly as the full ApiServer
// does, and refuses (NotServedHere) what only the full one serves.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster';
import { snapshotCluster } from '../../../src/engine/snapshot';
import { Clock } from '../../../src/engine/clock';
import { Registry } from '../../../src/engine/api/registry';
import { Store } from '../../../src/engine/store/store';
import { NotServedHere, ReadApiServer } from '../../../src/engine/apiserver/read-server';
import type { ApiRequest } from '../../../src/engine/apiserver/request';
import { EngineClient } from '../../../src/engine/client/client';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

function setup() {
  const c = createCluster({ seed: 11, nodes: 2 });
  c.advance(30_000);
  const snap = JSON.parse(JSON.stringify(snapshotCluster(c)));
  const store = new Store();
  store.load(snap.objects, snap.rv);
  const read = new ReadApiServer({ clock: new Clock(snap.now), store, registry: new Registry(), printerFor: c.server.ctx.printerFor });
  return { c, read };
}

const READS: ApiRequest[] = [
  { method: 'GET', path: '/version' },
  { method: 'GET', path: '/api' },
  { method: 'GET', path: '/apis' },
  { method: 'GET', path: '/apis/apps' },
  { method: 'GET', path: '/api/v1' },
  { method: 'GET', path: '/api/v1/nodes', accept: TABLE },
  { method: 'GET', path: '/api/v1/pods', accept: TABLE, query: { includeObject: 'Object' } },
  { method: 'GET', path: '/api/v1/namespaces/kube-system/pods', query: { labelSelector: 'k8s-app=kube-dns' } },
  { method: 'GET', path: '/api/v1/namespaces/kube-system/pods', query: { limit: '2' } },
  { method: 'GET', path: '/apis/apps/v1/namespaces/kube-system/deployments/coredns', accept: TABLE },
  { method: 'GET', path: '/apis/apps/v1/namespaces/kube-system/deployments/nope' },
  { method: 'GET', path: '/api/v1/namespaces/default/services' },
  { method: 'GET', path: '/api/v1/nonsense' },
  { method: 'GET', path: '/api/v1/namespaces/default/nodes' },
];

describe('ReadApiServer', () => {
  it('answers reads byte for byte as the full server does', () => {
    const { c, read } = setup();
    for (const req of READS) expect(JSON.stringify(read.handle(req)), req.path).toBe(JSON.stringify(c.server.handle(req)));
  });

  it('starts watches with the same initial events (also as Tables)', () => {
    const { c, read } = setup();
    const events = (server: Pick<ReadApiServer, 'watch'>, accept?: string) => {
      const got: string[] = [];
      const h = server.watch({ method: 'GET', path: '/api/v1/pods', accept, query: { watch: 'true' } }, { onEvent: (e) => got.push(JSON.stringify(e)), onClose: () => {} });
      h.stop();
      return got;
    };
    const full = events(c.server);
    expect(full.length).toBeGreaterThan(5);
    expect(events(read)).toEqual(full);
    expect(events(read, TABLE)).toEqual(events(c.server, TABLE));
    // The engine client (the change feed's source) works over it too.
    const client = new EngineClient(read);
    expect(client.list(c.type('', 'Node'), undefined).items.map((n) => n.metadata.name)).toEqual(c.client.list(c.type('', 'Node'), undefined).items.map((n) => n.metadata.name));
  });

  it('refuses writes, subresources, metrics and converted versions for the full server to answer', () => {
    const { c, read } = setup();
    const pod = c.client.list(c.type('', 'Pod'), 'kube-system').items[0].metadata.name!;
    const refused: ApiRequest[] = [
      { method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } },
      { method: 'DELETE', path: `/api/v1/namespaces/kube-system/pods/${pod}` },
      { method: 'GET', path: `/api/v1/namespaces/kube-system/pods/${pod}/log` },
      { method: 'GET', path: '/apis/apps/v1/namespaces/kube-system/deployments/coredns/scale' },
      { method: 'GET', path: '/apis/metrics.k8s.io/v1beta1/nodes' },
      { method: 'GET', path: '/apis/autoscaling/v1/horizontalpodautoscalers' },
    ];
    for (const req of refused) expect(() => read.handle(req), req.path).toThrow(NotServedHere);
    expect(() => read.watch({ method: 'GET', path: '/apis/autoscaling/v1/horizontalpodautoscalers', query: { watch: 'true' } }, { onEvent: () => {}, onClose: () => {} })).toThrow(NotServedHere);
    // The full server still answers them.
    for (const req of refused.slice(2)) expect(c.server.handle(req).status, req.path).toBeLessThan(500);
  });
});
