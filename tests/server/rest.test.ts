// The HTTP front over fetch: discovery (plain and aggregated), OpenAPI v3, CRUD verbs, Tables,
// kubeplay clock endpoints, and the 404/400/413/415 Status answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server';
import { AGGREGATED_DISCOVERY_V2 } from '../../src/engine/apiserver/aggregated-discovery';

let srv: RunningServer;
beforeAll(async () => {
  srv = await startServer({ port: 0, speed: 0, startTime: Date.UTC(2025, 0, 1) });
});
afterAll(async () => {
  await srv.close();
});

async function call(method: string, path: string, init: { body?: string; contentType?: string; accept?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.contentType) headers['content-type'] = init.contentType;
  if (init.accept) headers.accept = init.accept;
  const r = await fetch(srv.url + path, { method, body: init.body, headers });
  const text = await r.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: r.status, contentType: r.headers.get('content-type'), json, text };
}

const deployment = (name: string, replicas = 1) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  });

describe('discovery', () => {
  const rows: { path: string; want: (j: any) => unknown; equals: unknown }[] = [
    { path: '/version', want: (j) => j.gitVersion, equals: 'v1.32.4' },
    { path: '/api', want: (j) => [j.kind, j.versions], equals: ['APIVersions', ['v1']] },
    { path: '/apis', want: (j) => j.kind, equals: 'APIGroupList' },
    { path: '/apis', want: (j) => j.groups.some((g: any) => g.name === 'apps'), equals: true },
    { path: '/apis/apps', want: (j) => [j.kind, j.name], equals: ['APIGroup', 'apps'] },
    { path: '/api/v1', want: (j) => [j.kind, j.groupVersion], equals: ['APIResourceList', 'v1'] },
    { path: '/apis/apps/v1', want: (j) => j.resources.find((r: any) => r.name === 'deployments').shortNames, equals: ['deploy'] },
    { path: '/apis/apps/v1', want: (j) => j.resources.find((r: any) => r.name === 'deployments/scale').kind, equals: 'Scale' },
  ];
  for (const { path, want, equals } of rows) {
    it(`GET ${path}`, async () => {
      const r = await call('GET', path);
      expect(r.status).toBe(200);
      expect(r.contentType).toBe('application/json');
      expect(want(r.json)).toEqual(equals);
    });
  }

  const kubectlAccept = `${AGGREGATED_DISCOVERY_V2},application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json`;
  it('answers aggregated discovery for /apis with its content type', async () => {
    const r = await call('GET', '/apis', { accept: kubectlAccept });
    expect(r.status).toBe(200);
    expect(r.contentType).toBe(AGGREGATED_DISCOVERY_V2);
    expect(r.json.kind).toBe('APIGroupDiscoveryList');
    expect(r.json.apiVersion).toBe('apidiscovery.k8s.io/v2');
    const apps = r.json.items.find((i: any) => i.metadata.name === 'apps');
    const deploy = apps.versions[0].resources.find((x: any) => x.resource === 'deployments');
    expect(deploy).toMatchObject({ scope: 'Namespaced', singularResource: 'deployment', responseKind: { kind: 'Deployment' } });
    expect(deploy.subresources.find((s: any) => s.subresource === 'scale').responseKind).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
  });
  it('answers aggregated discovery for /api with the core group only', async () => {
    const r = await call('GET', '/api', { accept: kubectlAccept });
    expect(r.json.items).toHaveLength(1);
    expect(r.json.items[0].metadata.name).toBeUndefined();
    expect(r.json.items[0].versions[0].resources.find((x: any) => x.resource === 'nodes').scope).toBe('Cluster');
  });
  it('falls back to the legacy document when aggregated discovery is not asked for', async () => {
    const r = await call('GET', '/apis', { accept: 'application/json' });
    expect(r.json.kind).toBe('APIGroupList');
  });
});

describe('openapi v3', () => {
  it('lists documents with hashes that serve the documents', async () => {
    const idx = await call('GET', '/openapi/v3');
    expect(idx.status).toBe(200);
    const url: string = idx.json.paths['apis/apps/v1'].serverRelativeURL;
    expect(url).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
    expect(idx.json.paths['api/v1']).toBeDefined();
    const doc = await call('GET', url);
    expect(doc.status).toBe(200);
    expect(doc.json.components.schemas['io.k8s.api.apps.v1.Deployment']).toBeDefined();
    const patch = doc.json.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch.parameters.map((p: any) => p.name)).toContain('fieldValidation');
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', kind: 'Deployment', version: 'v1' });
  });
  it('answers 404 Status for unknown documents, and an empty /openapi/v2 document', async () => {
    const r = await call('GET', '/openapi/v3/apis/nope/v1');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
    // kubectl falls back to v2 for unknown kinds; an empty document lets it report the mapping error.
    const v2 = await call('GET', '/openapi/v2');
    expect(v2.status).toBe(200);
  });
});

describe('resources', () => {
  const base = '/apis/apps/v1/namespaces/default/deployments';
  it('creates, gets, lists, patches and deletes', async () => {
    const created = await call('POST', base, { body: deployment('crud'), contentType: 'application/json' });
    expect(created.status).toBe(201);
    expect(created.json.metadata.uid).toBeTruthy();
    const got = await call('GET', `${base}/crud`);
    expect(got.json.spec.replicas).toBe(1);
    const list = await call('GET', base);
    expect(list.json.kind).toBe('DeploymentList');
    expect(list.json.items.map((d: any) => d.metadata.name)).toContain('crud');
    const patched = await call('PATCH', `${base}/crud`, { body: '{"spec":{"replicas":4}}', contentType: 'application/merge-patch+json' });
    expect(patched.status).toBe(200);
    expect(patched.json.spec.replicas).toBe(4);
    const strategic = await call('PATCH', `${base}/crud`, { body: '{"metadata":{"labels":{"x":"y"}}}', contentType: 'application/strategic-merge-patch+json' });
    expect(strategic.json.metadata.labels).toEqual({ x: 'y' });
    const jsonPatch = await call('PATCH', `${base}/crud`, { body: '[{"op":"replace","path":"/spec/replicas","value":2}]', contentType: 'application/json-patch+json' });
    expect(jsonPatch.json.spec.replicas).toBe(2);
    const scale = await call('GET', `${base}/crud/scale`);
    expect(scale.json).toMatchObject({ kind: 'Scale', spec: { replicas: 2 } });
    const del = await call('DELETE', `${base}/crud`);
    expect(del.status).toBe(200);
    const gone = await call('GET', `${base}/crud`);
    expect(gone.status).toBe(404);
    expect(gone.json.message).toBe('deployments.apps "crud" not found');
  });
  it('accepts YAML bodies', async () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  a: "1"\n';
    const r = await call('POST', '/api/v1/namespaces/default/configmaps', { body: yaml, contentType: 'application/yaml' });
    expect(r.status).toBe(201);
    expect(r.json.data).toEqual({ a: '1' });
  });
  it('honours dryRun=All', async () => {
    const r = await call('POST', `${base}?dryRun=All`, { body: deployment('dry'), contentType: 'application/json' });
    expect(r.status).toBe(200);
    expect((await call('GET', `${base}/dry`)).status).toBe(404);
  });
  it('answers Conflict for a duplicate create', async () => {
    await call('POST', base, { body: deployment('dup'), contentType: 'application/json' });
    const r = await call('POST', base, { body: deployment('dup'), contentType: 'application/json' });
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ reason: 'AlreadyExists', message: 'deployments.apps "dup" already exists' });
  });
  it('serves Tables when asked', async () => {
    const r = await call('GET', '/api/v1/nodes', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(r.status).toBe(200);
    expect(r.json.kind).toBe('Table');
    expect(r.json.columnDefinitions[0].name).toBe('Name');
    expect(r.json.rows).toHaveLength(4);
  });
  it('filters with labelSelector and paginates with limit/continue', async () => {
    const all = await call('GET', '/api/v1/nodes?labelSelector=node-role.kubernetes.io%2Fcontrol-plane');
    expect(all.json.items).toHaveLength(1);
    const page = await call('GET', '/api/v1/nodes?limit=2');
    expect(page.json.items).toHaveLength(2);
    expect(page.json.metadata.continue).toBeTruthy();
    const next = await call('GET', `/api/v1/nodes?limit=2&continue=${encodeURIComponent(page.json.metadata.continue)}`);
    expect(next.json.items).toHaveLength(2);
  });
});

describe('errors', () => {
  const rows: { method: string; path: string; body?: string; contentType?: string; code: number; reason: string; message?: string }[] = [
    { method: 'GET', path: '/nope', code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' },
    { method: 'GET', path: '/apis/nope/v1/things', code: 404, reason: 'NotFound' },
    { method: 'GET', path: '/api/v1/namespaces/default/pods/missing', code: 404, reason: 'NotFound', message: 'pods "missing" not found' },
    { method: 'GET', path: '/kubeplay/v1/nope', code: 404, reason: 'NotFound' },
    { method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: '{"kind":', contentType: 'application/json', code: 400, reason: 'BadRequest', message: "couldn't get version/kind; json parse error: unexpected end of JSON input" },
    // Protobuf bodies are decoded (src/server/protobuf); this one is not a valid envelope.
    { method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: 'k8s\u0000xx', contentType: 'application/vnd.kubernetes.protobuf', code: 400, reason: 'BadRequest' },
    { method: 'PATCH', path: '/api/v1/namespaces/default/services/kubernetes', body: 'a: [1', contentType: 'application/apply-patch+yaml', code: 400, reason: 'BadRequest' },
    { method: 'OPTIONS', path: '/api/v1/nodes', code: 405, reason: 'MethodNotAllowed' },
    { method: 'POST', path: '/kubeplay/v1/advance?by=soon', code: 400, reason: 'BadRequest' },
    { method: 'GET', path: '/kubeplay/v1/advance?by=1s', code: 405, reason: 'MethodNotAllowed' },
  ];
  for (const row of rows) {
    it(`${row.method} ${row.path} -> ${row.code}`, async () => {
      const r = await call(row.method, row.path, { body: row.body, contentType: row.contentType });
      expect(r.status).toBe(row.code);
      expect(r.json).toMatchObject({ kind: 'Status', status: 'Failure', reason: row.reason, code: row.code });
      if (row.message) expect(r.json.message).toBe(row.message);
    });
  }
  it('refuses bodies over 3 MiB with 413 and upstream message', async () => {
    const big = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { a: 'x'.repeat(3 * 1024 * 1024) } });
    const r = await call('POST', '/api/v1/namespaces/default/configmaps', { body: big, contentType: 'application/json' });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ reason: 'RequestEntityTooLarge', message: 'Request entity too large: limit is 3145728', code: 413 });
  });
});

describe('kubeplay clock', () => {
  it('reports, advances and changes speed', async () => {
    const before = await call('GET', '/kubeplay/v1/clock');
    expect(before.json.speed).toBe(0);
    const adv = await call('POST', '/kubeplay/v1/advance?by=30s');
    expect(adv.json.nowMs - before.json.nowMs).toBe(30000);
    expect(adv.json.now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const sp = await call('POST', '/kubeplay/v1/speed?value=10');
    expect(sp.json.speed).toBe(10);
    // The driver ticks on real time: give it until it has ticked (slow machines tick late).
    let after = await call('GET', '/kubeplay/v1/clock');
    for (let waited = 0; after.json.nowMs <= adv.json.nowMs && waited < 10_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      after = await call('GET', '/kubeplay/v1/clock');
    }
    expect(after.json.nowMs).toBeGreaterThan(adv.json.nowMs);
    await call('POST', '/kubeplay/v1/speed?value=0');
  });
});
