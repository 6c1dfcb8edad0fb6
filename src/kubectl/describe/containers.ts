// The Containers sections of describe (describeContainers and helpers): image, ports, command,
// state, resources, probes, environment and mounts of each container.
import { goQuote } from '../../engine/codec/go-quote';
import { Quantity } from '../../engine/api/quantity';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './writer';
import type { PrefixWriter } from './writer';
import { goStrings, int, intOrString, list, printBool, qstr, quantity, rec, resourceNames, rfc1123z, str, stringOrNone } from './values';
import type { J } from './values';

/** Resolves an env var's fieldRef against a pod (EnvValueRetriever); absent for templates. */
export type EnvResolver = (fieldPath: string, apiVersion: string) => string;

/**
 * EnvValueRetriever: kubectl's scheme only converts the field labels metadata.name and
 * metadata.namespace for pods, so every other field path resolves to ''.
 */
export function envValueRetriever(pod: J): EnvResolver {
  return (fieldPath) => {
    if (fieldPath === 'metadata.name') return str(pod?.metadata?.name);
    if (fieldPath === 'metadata.namespace') return str(pod?.metadata?.namespace);
    return '';
  };
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

// Go's url.URL.EscapedPath for the characters a probe path may carry.
function escapePath(p: string): string {
  let out = '';
  for (const ch of p) {
    if (/[A-Za-z0-9\-_.~$&+,/:;=@]/.test(ch)) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: J): string {
  const attrs =
    `delay=${int(probe?.initialDelaySeconds)}s timeout=${int(probe?.timeoutSeconds)}s period=${int(probe?.periodSeconds)}s ` +
    `#success=${int(probe?.successThreshold)} #failure=${int(probe?.failureThreshold)}`;
  if (rec(probe?.exec)) return `exec ${goStrings(probe.exec.command)} ${attrs}`;
  if (rec(probe?.httpGet)) {
    const h = probe.httpGet;
    const scheme = str(h.scheme).toLowerCase();
    const port = intOrString(h.port);
    const host = port.length > 0 ? joinHostPort(str(h.host), port) : str(h.host);
    let path = str(h.path);
    if (path !== '' && !path.startsWith('/') && host !== '') path = '/' + path;
    let url = scheme !== '' ? `${scheme}:` : '';
    if (scheme !== '' || host !== '') url += host !== '' || path !== '' ? '//' + host : '';
    url += escapePath(path);
    return `http-get ${url} ${attrs}`;
  }
  if (rec(probe?.tcpSocket)) return `tcp-socket ${str(probe.tcpSocket.host)}:${intOrString(probe.tcpSocket.port)} ${attrs}`;
  if (rec(probe?.grpc)) return `grpc <pod>:${int(probe.grpc.port)} ${str(probe.grpc.service)} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeResources: Limits then Requests, each sorted by resource name. */
export function describeResources(resources: J, w: PrefixWriter, level: number): void {
  if (!rec(resources)) return;
  const limits = rec(resources.limits) ?? {};
  const requests = rec(resources.requests) ?? {};
  const ln = resourceNames(limits);
  if (ln.length > 0) w.write(level, 'Limits:\n');
  for (const n of ln) w.write(level + 1, `${n}:\t${qstr(limits[n])}\n`);
  const rn = resourceNames(requests);
  if (rn.length > 0) w.write(level, 'Requests:\n');
  for (const n of rn) w.write(level + 1, `${n}:\t${qstr(requests[n])}\n`);
}

function describeStatus(stateName: string, state: J, w: PrefixWriter): void {
  if (rec(state?.running)) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (rec(state?.waiting)) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (str(state.waiting.reason) !== '') w.write(LEVEL_3, `Reason:\t${str(state.waiting.reason)}\n`);
  } else if (rec(state?.terminated)) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (str(t.reason) !== '') w.write(LEVEL_3, `Reason:\t${str(t.reason)}\n`);
    if (str(t.message) !== '') w.write(LEVEL_3, `Message:\t${str(t.message)}\n`);
    w.write(LEVEL_3, `Exit Code:\t${int(t.exitCode)}\n`);
    if (Number(int(t.signal)) > 0) w.write(LEVEL_3, `Signal:\t${int(t.signal)}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function ports(cPorts: J[], field: 'containerPort' | 'hostPort'): string {
  return cPorts.map((p) => `${int(p?.[field])}/${str(p?.protocol)}`).join(', ');
}

function describeBasicInfo(c: J, status: J | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${str(c?.name)}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${str(status.containerID)}\n`);
  w.write(LEVEL_2, `Image:\t${str(c?.image)}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${str(status.imageID)}\n`);
  const cPorts = list(c?.ports);
  const p = ports(cPorts, 'containerPort');
  w.write(LEVEL_2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${stringOrNone(p)}\n`);
  const hp = ports(cPorts, 'hostPort');
  w.write(LEVEL_2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${stringOrNone(hp)}\n`);
  const sp = rec(c?.securityContext?.seccompProfile);
  if (sp) {
    w.write(LEVEL_2, `SeccompProfile:\t${str(sp.type)}\n`);
    if (str(sp.type) === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${str(sp.localhostProfile)}\n`);
  }
}

function describeCommand(c: J, w: PrefixWriter): void {
  for (const [field, title] of [['command', 'Command'], ['args', 'Args']] as const) {
    const items = list(c?.[field]);
    if (items.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of items) for (const s of str(item).split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

function describeProbes(c: J, w: PrefixWriter): void {
  if (rec(c?.livenessProbe)) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (rec(c?.readinessProbe)) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (rec(c?.startupProbe)) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

/** resourcehelper.ExtractContainerResourceValue; undefined for an unsupported resource. */
export function containerResourceValue(ref: J, c: J): string | undefined {
  const res = str(ref?.resource);
  const div0 = quantity(ref?.divisor);
  const divisor = div0 && !div0.isZero() ? div0 : Quantity.parse('1');
  const [kind, name] = res.split('.', 2) as [string, string | undefined];
  if ((kind !== 'limits' && kind !== 'requests') || !name) return undefined;
  const q = quantity(rec(c?.resources?.[kind])?.[name]) ?? Quantity.zero();
  if (name === 'cpu') return String(Math.ceil(q.milliValue() / divisor.milliValue()));
  if (name === 'memory' || name === 'ephemeral-storage') return String(Math.ceil(q.value() / divisor.value()));
  return undefined;
}

function describeEnvVars(c: J, resolve: EnvResolver | undefined, w: PrefixWriter): void {
  const env = list(c?.env);
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const name = str(e?.name);
    const vf = rec(e?.valueFrom);
    if (!vf) {
      str(e?.value)
        .split('\n')
        .forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    if (rec(vf.fieldRef)) {
      const value = resolve ? resolve(str(vf.fieldRef.fieldPath), str(vf.fieldRef.apiVersion)) : '';
      w.write(LEVEL_3, `${name}:\t${value} (${str(vf.fieldRef.apiVersion)}:${str(vf.fieldRef.fieldPath)})\n`);
    } else if (rec(vf.resourceFieldRef)) {
      const resource = str(vf.resourceFieldRef.resource);
      let value = containerResourceValue(vf.resourceFieldRef, c) ?? '';
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(LEVEL_3, `${name}:\t${value} (${resource})\n`);
    } else if (rec(vf.secretKeyRef)) {
      const r = vf.secretKeyRef;
      w.write(LEVEL_3, `${name}:\t<set to the key '${str(r.key)}' in secret '${str(r.name)}'>\tOptional: ${r.optional === true}\n`);
    } else if (rec(vf.configMapKeyRef)) {
      const r = vf.configMapKeyRef;
      w.write(LEVEL_3, `${name}:\t<set to the key '${str(r.key)}' of config map '${str(r.name)}'>\tOptional: ${r.optional === true}\n`);
    }
  }
}

function describeEnvFrom(c: J, w: PrefixWriter): void {
  const envFrom = list(c?.envFrom);
  w.write(LEVEL_2, `Environment Variables from:${envFrom.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of envFrom) {
    let from = '';
    let name = '';
    let optional = false;
    if (rec(e?.configMapRef)) {
      from = 'ConfigMap';
      name = str(e.configMapRef.name);
      optional = e.configMapRef.optional === true;
    } else if (rec(e?.secretRef)) {
      from = 'Secret';
      name = str(e.secretRef.name);
      optional = e.secretRef.optional === true;
    }
    const prefix = str(e?.prefix);
    w.write(LEVEL_3, prefix === '' ? `${name}\t${from}\tOptional: ${optional}\n` : `${name}\t${from} with prefix '${prefix}'\tOptional: ${optional}\n`);
  }
}

function byKey<T>(key: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function describeMounts(c: J, w: PrefixWriter): void {
  const mounts = list(c?.volumeMounts);
  const none = mounts.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of [...mounts].sort(byKey((x: J) => str(x?.mountPath)))) {
    const flags = [m?.readOnly === true ? 'ro' : 'rw'];
    if (str(m?.subPath) !== '') flags.push(`path=${goQuote(str(m.subPath))}`);
    w.write(LEVEL_3, `${str(m?.mountPath)} from ${str(m?.name)} (${flags.join(',')})\n`);
  }
  const devices = list(c?.volumeDevices);
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of [...devices].sort(byKey((x: J) => str(x?.devicePath)))) {
      w.write(LEVEL_3, `${str(d?.devicePath)} from ${str(d?.name)}\n`);
    }
  }
}

/** describeContainers: the `Containers:` (or Init/Ephemeral) section; statuses only for pods. */
export function describeContainers(
  label: string,
  containers: unknown,
  statuses: unknown,
  resolve: EnvResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map<string, J>();
  for (const s of list(statuses)) byName.set(str(s?.name), s);
  const cs = list(containers);
  w.write(LEVEL_0, `${space}${label}:${cs.length === 0 ? ' <none>' : ''}\n`);
  for (const c of cs) {
    const status = byName.get(str(c?.name));
    describeBasicInfo(c, status, space, w);
    describeCommand(c, w);
    if (status) {
      describeStatus('State', status.state, w);
      if (rec(status.lastState?.terminated)) describeStatus('Last State', status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${int(status.restartCount)}\n`);
    }
    describeResources(c?.resources ?? {}, w, LEVEL_2);
    describeProbes(c, w);
    if (list(c?.envFrom).length > 0) describeEnvFrom(c, w);
    describeEnvVars(c, resolve, w);
    describeMounts(c, w);
  }
}
