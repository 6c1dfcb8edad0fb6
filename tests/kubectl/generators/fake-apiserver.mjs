// A tiny stand-in API server for capture.sh: legacy discovery plus GETs of canned objects from
// golden/fixtures/objects/<ns>/<plural>/<name>.json, so that real kubectl can run `run`, `expose`
// and `create job --from` with --dry-run=client (they need a RESTMapper and a GET, nothing else).
// Usage: node fake-apiserver.mjs PORT FIXTURES_DIR
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const port = Number(process.argv[2] ?? 18080);
const root = process.argv[3] ?? '.';

const res = (name, kind, namespaced, shortNames = []) => ({
  name, singularName: '', namespaced, kind, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames,
});
const groups = {
  '/api/v1': [
    res('pods', 'Pod', true, ['po']), res('services', 'Service', true, ['svc']),
    res('replicationcontrollers', 'ReplicationController', true, ['rc']),
    res('namespaces', 'Namespace', false, ['ns']), res('configmaps', 'ConfigMap', true, ['cm']),
    res('secrets', 'Secret', true), res('serviceaccounts', 'ServiceAccount', true, ['sa']),
    res('resourcequotas', 'ResourceQuota', true, ['quota']),
  ],
  '/apis/apps/v1': [
    res('deployments', 'Deployment', true, ['deploy']), res('replicasets', 'ReplicaSet', true, ['rs']),
    res('statefulsets', 'StatefulSet', true, ['sts']), res('daemonsets', 'DaemonSet', true, ['ds']),
  ],
  '/apis/batch/v1': [res('jobs', 'Job', true), res('cronjobs', 'CronJob', true, ['cj'])],
  '/apis/networking.k8s.io/v1': [res('ingresses', 'Ingress', true, ['ing'])],
};
const groupList = {
  kind: 'APIGroupList', apiVersion: 'v1',
  groups: ['apps', 'batch', 'networking.k8s.io'].map((g) => ({
    name: g, versions: [{ groupVersion: `${g}/v1`, version: 'v1' }],
    preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' },
  })),
};

function send(w, code, body) {
  w.writeHead(code, { 'Content-Type': 'application/json' });
  w.end(JSON.stringify(body));
}

http.createServer((req, w) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const p = url.pathname;
  if (p === '/api') return send(w, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
  if (p === '/apis') return send(w, 200, groupList);
  if (p === '/version') return send(w, 200, { major: '1', minor: '32', gitVersion: 'v1.32.4' });
  if (groups[p]) return send(w, 200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: p.replace(/^\/apis?\//, ''), resources: groups[p] });
  const m = /^\/apis?\/(?:[^/]+\/)?v1\/namespaces\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(p);
  if (m && req.method === 'GET') {
    const file = path.join(root, 'objects', m[1], m[2], `${m[3]}.json`);
    if (fs.existsSync(file)) return send(w, 200, JSON.parse(fs.readFileSync(file, 'utf8')));
    return send(w, 404, {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404,
      message: `${m[2]}${m[2] === 'cronjobs' || m[2] === 'jobs' ? '.batch' : ['deployments', 'replicasets'].includes(m[2]) ? '.apps' : ''} "${m[3]}" not found`,
      details: { name: m[3], kind: m[2] },
    });
  }
  send(w, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
}).listen(port, '127.0.0.1');
