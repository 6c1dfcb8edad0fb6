// Container validation (pkg/apis/core/validation validateContainers / validateContainerCommon):
// name, image, ports, env, mounts, pull policy, resources, probes, in upstream's order.

import type { FieldError } from '../strategy';
import type { Obj } from './json';
import { getObj, isObj, objs, str, sortedKeys } from './json';
import { invalid, required, notSupported, forbidden, duplicate, notFound, child, index, key } from './field';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './names';
import { validateNonnegative, IS_NEGATIVE } from './objectmeta';
import { quantityValue } from '../kinds/quantities';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/** ValidatePortNumOrName: an int port in 1-65535 or an IANA_SVC_NAME. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') {
    if (port === '') return [required(path)];
    return isValidPortName(port).map((m) => invalid(path, port, m));
  }
  return [invalid(path, port ?? '', 'must be an int or string')];
}

function validateContainerPorts(ports: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const ip = index(path, i);
    const name = str(p, 'name');
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(child(ip, 'name'), name, m));
      else if (names.has(name)) errs.push(duplicate(child(ip, 'name'), name));
      else names.add(name);
    }
    const cp = typeof p.containerPort === 'number' ? p.containerPort : 0;
    if (cp === 0) errs.push(required(child(ip, 'containerPort')));
    else for (const m of isValidPortNum(cp)) errs.push(invalid(child(ip, 'containerPort'), cp, m));
    const hp = typeof p.hostPort === 'number' ? p.hostPort : 0;
    if (hp !== 0) for (const m of isValidPortNum(hp)) errs.push(invalid(child(ip, 'hostPort'), hp, m));
    const proto = str(p, 'protocol');
    if (!proto) errs.push(required(child(ip, 'protocol')));
    else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(ip, 'protocol'), proto, PROTOCOLS));
  });
  return errs;
}

/** RelaxedEnvironmentVariableValidation (beta, on in v1.32): printable ASCII except '='. */
function envVarNameErrors(name: string): string[] {
  const ok = [...name].every((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) <= 126) && !name.includes('=');
  return ok ? [] : ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
}

function validateEnv(env: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  env.forEach((e, i) => {
    const ip = index(path, i);
    const name = str(e, 'name');
    if (!name) errs.push(required(child(ip, 'name')));
    else for (const m of envVarNameErrors(name)) errs.push(invalid(child(ip, 'name'), name, m));
    const vf = getObj(e, 'valueFrom');
    if (!vf) return;
    const vp = child(ip, 'valueFrom');
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => isObj(vf[k]));
    if (sources.length === 0) {
      errs.push(invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    } else if (sources.length > 1) {
      errs.push(invalid(vp, '', 'may not have more than one field specified at a time'));
    }
    if (sources.length && str(e, 'value') !== '') errs.push(invalid(vp, '', 'may not be specified when `value` is not empty'));
    for (const k of ['configMapKeyRef', 'secretKeyRef']) {
      const ref = getObj(vf, k);
      if (!ref) continue;
      if (!str(ref, 'name')) errs.push(required(child(vp, k, 'name')));
      if (!str(ref, 'key')) errs.push(required(child(vp, k, 'key')));
    }
    const fr = getObj(vf, 'fieldRef');
    if (fr) {
      if (!str(fr, 'apiVersion')) errs.push(required(child(vp, 'fieldRef', 'apiVersion')));
      if (!str(fr, 'fieldPath')) errs.push(required(child(vp, 'fieldRef', 'fieldPath')));
    }
  });
  return errs;
}

function validateEnvFrom(envFrom: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  envFrom.forEach((e, i) => {
    const ip = index(path, i);
    const prefix = str(e, 'prefix');
    if (prefix) for (const m of envVarNameErrors(prefix)) errs.push(invalid(child(ip, 'prefix'), prefix, m));
    const refs = ['configMapRef', 'secretRef'].filter((k) => isObj(e[k]));
    if (refs.length === 0) errs.push(invalid(ip, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (refs.length > 1) errs.push(invalid(ip, '', 'may not have more than one field specified at a time'));
    for (const k of refs) if (!str(getObj(e, k), 'name')) errs.push(required(child(ip, k, 'name')));
  });
  return errs;
}

function validateVolumeMounts(mounts: Obj[], volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  mounts.forEach((m, i) => {
    const ip = index(path, i);
    const name = str(m, 'name');
    if (!name) errs.push(required(child(ip, 'name')));
    else if (!volumes.has(name)) errs.push(notFound(child(ip, 'name'), name));
    const mp = str(m, 'mountPath');
    if (!mp) errs.push(required(child(ip, 'mountPath')));
    else if (paths.has(mp)) errs.push(invalid(child(ip, 'mountPath'), mp, 'must be unique'));
    paths.add(mp);
    const sub = str(m, 'subPath');
    if (sub) {
      if (sub.startsWith('/')) errs.push(invalid(child(ip, 'subPath'), sub, 'must be a relative path'));
      else if (sub.split('/').includes('..')) errs.push(invalid(child(ip, 'subPath'), sub, "must not contain '..'"));
    }
  });
  return errs;
}

const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage']);
const INTEGER_RESOURCES = new Set(['pods', 'services', 'replicationcontrollers']);

function validateResourceName(name: string, path: string): FieldError[] {
  // A name without a domain must be a standard container resource; with one it is an extended resource.
  if (!name.includes('/') && !STANDARD_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
    return [invalid(path, name, 'must be a standard resource for containers')];
  }
  return [];
}

/** ValidateResourceRequirements: names, non-negative values, requests <= limits. */
export function validateResources(res: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = getObj(res, 'limits') ?? {};
  const requests = getObj(res, 'requests') ?? {};
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  for (const r of sortedKeys(limits)) {
    const p = key(limPath, r);
    errs.push(...validateResourceName(r, p));
    if (quantityValue(limits[r]) < 0) errs.push(invalid(p, String(limits[r]), IS_NEGATIVE));
  }
  for (const r of sortedKeys(requests)) {
    const p = key(reqPath, r);
    errs.push(...validateResourceName(r, p));
    const q = quantityValue(requests[r]);
    if (q < 0) errs.push(invalid(p, String(requests[r]), IS_NEGATIVE));
    if (limits[r] !== undefined) {
      const l = quantityValue(limits[r]);
      const overcommit = STANDARD_RESOURCES.has(r) || INTEGER_RESOURCES.has(r);
      if (q !== l && !overcommit) {
        errs.push(invalid(reqPath, String(requests[r]), `must be equal to ${r} limit of ${String(limits[r])}`));
      } else if (q > l) {
        errs.push(invalid(reqPath, String(requests[r]), `must be less than or equal to ${r} limit of ${String(limits[r])}`));
      }
    }
  }
  return errs;
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

function validateHandler(h: Obj, path: string, handlers: string[]): FieldError[] {
  const present = handlers.filter((k) => isObj(h[k]));
  const errs: FieldError[] = [];
  if (present.length === 0) return [required(path, 'must specify a handler type')];
  for (const k of present.slice(1)) errs.push(forbidden(child(path, k), 'may not specify more than 1 handler type'));
  const exec = getObj(h, 'exec');
  if (exec && !(Array.isArray(exec.command) && exec.command.length > 0)) errs.push(required(child(path, 'exec', 'command')));
  const http = getObj(h, 'httpGet');
  if (http) {
    const hp = child(path, 'httpGet');
    if (!str(http, 'path')) errs.push(required(child(hp, 'path')));
    errs.push(...validatePortNumOrName(http.port, child(hp, 'port')));
    const scheme = str(http, 'scheme');
    if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(child(hp, 'scheme'), scheme, ['HTTP', 'HTTPS']));
  }
  const tcp = getObj(h, 'tcpSocket');
  if (tcp) errs.push(...validatePortNumOrName(tcp.port, child(path, 'tcpSocket', 'port')));
  const grpc = getObj(h, 'grpc');
  if (grpc) {
    const port = typeof grpc.port === 'number' ? grpc.port : 0;
    for (const m of isValidPortNum(port)) errs.push(invalid(child(path, 'grpc', 'port'), port, m));
  }
  return errs;
}

function validateProbe(probe: unknown, path: string): FieldError[] {
  if (!isObj(probe)) return [];
  const errs = validateHandler(probe, path, HANDLERS);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonnegative(probe[f], child(path, f)));
  }
  if (typeof probe.terminationGracePeriodSeconds === 'number' && probe.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  return errs;
}

function validateContainerCommon(c: Obj, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c, 'name');
  if (!name) errs.push(required(child(path, 'name')));
  else for (const m of isDNS1123Label(name)) errs.push(invalid(child(path, 'name'), name, m));
  if (!str(c, 'image')) errs.push(required(child(path, 'image')));
  const tmp = str(c, 'terminationMessagePolicy');
  if (!tmp) errs.push(required(child(path, 'terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(child(path, 'terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(objs(c, 'ports'), child(path, 'ports')));
  errs.push(...validateEnv(objs(c, 'env'), child(path, 'env')));
  errs.push(...validateEnvFrom(objs(c, 'envFrom'), child(path, 'envFrom')));
  errs.push(...validateVolumeMounts(objs(c, 'volumeMounts'), volumes, child(path, 'volumeMounts')));
  const pp = str(c, 'imagePullPolicy');
  if (!pp) errs.push(required(child(path, 'imagePullPolicy')));
  else if (!PULL_POLICIES.includes(pp)) errs.push(notSupported(child(path, 'imagePullPolicy'), pp, PULL_POLICIES));
  errs.push(...validateResources(getObj(c, 'resources'), child(path, 'resources')));
  return errs;
}

/** validateContainers: at least one, each valid, names unique, probes, host ports. */
export function validateContainers(containers: Obj[], volumes: Set<string>, path: string): FieldError[] {
  if (containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const ip = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, ip));
    const name = str(c, 'name');
    if (names.has(name)) errs.push(duplicate(child(ip, 'name'), name));
    else names.add(name);
    const lifecycle = getObj(c, 'lifecycle');
    if (lifecycle) {
      for (const k of ['postStart', 'preStop']) {
        const h = getObj(lifecycle, k);
        if (h) errs.push(...validateHandler(h, child(ip, 'lifecycle', k), ['exec', 'httpGet', 'tcpSocket', 'sleep']));
      }
    }
    errs.push(...validateProbe(c.livenessProbe, child(ip, 'livenessProbe')));
    errs.push(...validateProbe(c.readinessProbe, child(ip, 'readinessProbe')));
    errs.push(...validateProbe(c.startupProbe, child(ip, 'startupProbe')));
    for (const k of ['livenessProbe', 'startupProbe']) {
      const p = getObj(c, k);
      if (p && p.successThreshold !== undefined && p.successThreshold !== 1) {
        errs.push(invalid(child(ip, k, 'successThreshold'), p.successThreshold, 'must be 1'));
      }
    }
    const rp = getObj(c, 'readinessProbe');
    if (rp && rp.terminationGracePeriodSeconds !== undefined) {
      errs.push(invalid(child(ip, 'readinessProbe', 'terminationGracePeriodSeconds'), rp.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
    }
    if (c.restartPolicy !== undefined) errs.push(forbidden(child(ip, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

/** checkHostPortConflicts: the same hostPort/protocol/hostIP used twice in a pod. */
function checkHostPortConflicts(containers: Obj[], path: string): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  for (const c of containers) {
    for (const p of objs(c, 'ports')) {
      if (typeof p.hostPort !== 'number' || p.hostPort === 0) continue;
      const k = `${str(p, 'protocol')}/${str(p, 'hostIP')}/${p.hostPort}`;
      if (seen.has(k)) errs.push(duplicate(path, k));
      seen.add(k);
    }
  }
  return errs;
}

/** validateInitContainers: the common rules; names unique across init and regular containers. */
export function validateInitContainers(containers: Obj[], otherNames: Set<string>, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(otherNames);
  containers.forEach((c, i) => {
    const ip = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, ip));
    const name = str(c, 'name');
    if (names.has(name)) errs.push(duplicate(child(ip, 'name'), name));
    else names.add(name);
    const rp = str(c, 'restartPolicy');
    if (rp && rp !== 'Always') errs.push(notSupported(child(ip, 'restartPolicy'), rp, ['Always']));
    if (rp !== 'Always') {
      for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[k] !== undefined) errs.push(forbidden(child(ip, k), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}
