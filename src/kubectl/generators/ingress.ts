// `kubectl create ingress`: rules `host/path=svc:port[,tls[=secret]]` (a trailing `*` makes the path
// a Prefix), --default-backend, --class, --annotation (kubectl pkg/cmd/create/create_ingress.go).
import { flagArray, flagString } from '../cli/flags';
import { enforcedNamespace, fail, nameFromArgs, objectMeta, ok } from './common';
import type { GeneratorCommand } from './types';
import { CREATE_INGRESS_SPEC } from './specs';

// Go's `\w` is ASCII-only, like JS's without the u flag. Anchored at the start only, as upstream.
const RULE_RE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

type Backend = { service: { name: string; port: { name?: string; number?: number } } };

/** intstr.Parse then ServiceBackendPort: a number when it parses as one, else a port name. */
function backend(svc: string): Backend {
  const [name, port] = svc.split(':');
  const n = /^[+-]?[0-9]+$/.test(port) ? Number(port) : NaN;
  return { service: { name, port: Number.isNaN(n) ? { name: port } : { number: n } } };
}

function httpPath(pathsvc: string): Record<string, unknown> {
  const [p, svc] = pathsvc.split('=');
  let path = '/' + p;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(svc) };
}

/** buildTLSRules: one entry per secret, gathering hosts; a host is listed once. */
function tlsRules(rules: string[]): Record<string, unknown>[] {
  const seenHost = new Set<string>();
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const sec = parts[1].split('=');
    const secret = sec.length > 1 ? sec[1] : '';
    if (seenHost.has(host)) continue;
    seenHost.add(host);
    const idx = tls.findIndex((t) => (t.secretName ?? '') === secret);
    if (idx > -1) {
      tls[idx].hosts = [...(tls[idx].hosts ?? []), host];
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host !== '') entry.hosts = [host];
    if (secret !== '') entry.secretName = secret;
    if (entry.hosts || entry.secretName) tls.push(entry);
  }
  return tls;
}

/** buildIngressRules: paths of the same host are merged into one rule. */
function ingressRules(rules: string[]): Record<string, unknown>[] {
  const out: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of rules) {
    const noTls = rule.split(',')[0];
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const path = httpPath(noTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) {
      existing.http.paths.push(path);
      continue;
    }
    out.push(host !== '' ? { host, http: { paths: [path] } } : { http: { paths: [path] } });
  }
  return out;
}

const PATH = CREATE_INGRESS_SPEC.path;

/** `create ingress NAME --rule=host/path=service:port[,tls[=secret]]`. */
export const createIngress: GeneratorCommand = {
  ...CREATE_INGRESS_SPEC,
  build(args, _rest, flags, ctx) {
    const named = nameFromArgs(args, PATH);
    if ('error' in named) return fail(named.error);
    const rules = flagArray(flags, 'rule');
    const annotationArgs = flagArray(flags, 'annotation');
    const defaultBackend = flagString(flags, 'default-backend') ?? '';
    const ingressClass = flagString(flags, 'class') ?? '';
    if (defaultBackend === '' && rules.length === 0) {
      return fail('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
    }
    for (const rule of rules) {
      if (!RULE_RE.test(rule)) return fail(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    }
    const annotations: Record<string, string> = {};
    for (const a of annotationArgs) {
      const eq = a.indexOf('=');
      if (eq < 0) return fail(`annotation ${a} is invalid and should be in format key=[value]`);
      annotations[a.slice(0, eq)] = a.slice(eq + 1);
    }
    if (defaultBackend !== '' && defaultBackend.split(':').length !== 2) {
      return fail('default-backend should be in format servicename:serviceport');
    }
    const spec: Record<string, unknown> = {};
    if (ingressClass !== '') spec.ingressClassName = ingressClass;
    if (defaultBackend !== '') spec.defaultBackend = backend(defaultBackend);
    const tls = tlsRules(rules);
    if (tls.length > 0) spec.tls = tls;
    const built = ingressRules(rules);
    if (built.length > 0) spec.rules = built;
    return ok({
      kind: 'Ingress',
      apiVersion: 'networking.k8s.io/v1',
      metadata: objectMeta({ name: named.name, namespace: enforcedNamespace(ctx), annotations }),
      spec,
      status: { loadBalancer: {} },
    });
  },
};
