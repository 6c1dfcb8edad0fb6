// What a container sees before it starts: its environment from env/envFrom (Secrets, ConfigMaps,
// the downward API) and its files from ConfigMap/Secret volumes, resolved as the kubelet's
// makeEnvironmentVariables and volume plugins do. Missing references give upstream's messages,
// which become CreateContainerConfigError (env) or FailedMount (volumes).

import type { KObject } from '../api/types';
import { quantityValue } from '../api/kinds/quantities';
import { decodeBase64, utf8Decode } from '../util/base64';

type Json = Record<string, unknown>;

/** Reads Secrets and ConfigMaps of the pod's namespace (undefined when missing). */
export interface ConfigSource {
  secret(ns: string, name: string): KObject | undefined;
  configMap(ns: string, name: string): KObject | undefined;
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; message: string };

/** What the downward API reads that is not in the pod object yet. */
export interface PodRuntimeFields {
  podIP: string;
  hostIP: string;
  /** Node allocatable, the default for resourceFieldRef limits without a limit. */
  nodeAllocatable: { cpu: number; memory: number };
}

const o = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const a = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const s = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The key/value data of a ConfigMap (data + binaryData) or a Secret (base64-decoded). */
export function dataOf(obj: KObject, secret: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o(obj.data))) {
    if (!secret) out[k] = s(v);
    else {
      const bytes = decodeBase64(s(v));
      out[k] = bytes ? utf8Decode(bytes) : '';
    }
  }
  if (!secret) {
    for (const [k, v] of Object.entries(o(obj.binaryData))) {
      const bytes = decodeBase64(s(v));
      out[k] = bytes ? utf8Decode(bytes) : '';
    }
  }
  return out;
}

/** A downward-API field path (`metadata.name`, `metadata.labels['app']`, `status.podIP`, ...). */
export function fieldRefValue(pod: KObject, path: string, rt: PodRuntimeFields): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return s(o(pod.metadata[m[1]])[m[2]]);
  const spec = o(pod.spec);
  switch (path) {
    case 'metadata.name':
      return s(pod.metadata.name);
    case 'metadata.namespace':
      return s(pod.metadata.namespace);
    case 'metadata.uid':
      return s(pod.metadata.uid);
    case 'metadata.labels':
    case 'metadata.annotations':
      return Object.entries(o(pod.metadata[path.slice(9)]))
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
        .map(([k, v]) => `${k}="${s(v)}"`)
        .join('\n');
    case 'spec.nodeName':
      return s(spec.nodeName);
    case 'spec.serviceAccountName':
      return s(spec.serviceAccountName);
    case 'status.hostIP':
    case 'status.hostIPs':
      return rt.hostIP;
    case 'status.podIP':
    case 'status.podIPs':
      return rt.podIP;
  }
  return '';
}

/**
 * A resourceFieldRef value: the container's limit or request divided by the divisor and rounded
 * up (cpu limit 500m with divisor 1 -> "1"; memory limit 64Mi with divisor 1Mi -> "64"); a missing
 * limit falls back to node allocatable, a missing request to 0 (cpu) as upstream.
 */
export function resourceFieldValue(container: Json, ref: Json, rt: PodRuntimeFields): string {
  const res = o(container.resources);
  const [kind, name] = s(ref.resource).split('.', 2) as [string, string];
  const divisor = ref.divisor !== undefined ? quantityValue(ref.divisor) : 1;
  let v = quantityValue(o(res[kind])[name]);
  if (Number.isNaN(v)) {
    if (kind === 'limits') v = name === 'cpu' ? rt.nodeAllocatable.cpu : name === 'memory' ? rt.nodeAllocatable.memory : 0;
    else v = kind === 'requests' && name === 'cpu' ? 0 : quantityValue(o(o(res.limits))[name]) || 0;
  }
  const d = divisor > 0 ? divisor : 1;
  return String(Math.ceil(v / d - 1e-9));
}

/** Resolves a container's env and envFrom into final strings (later entries win), or the first error. */
export function resolveEnv(pod: KObject, container: Json, src: ConfigSource, rt: PodRuntimeFields): Resolved<Record<string, string>> {
  const ns = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = {};
  for (const from of a(container.envFrom)) {
    const prefix = s(from.prefix);
    const isSecret = from.secretRef !== undefined;
    const ref = o(isSecret ? from.secretRef : from.configMapRef);
    const name = s(ref.name);
    const obj = isSecret ? src.secret(ns, name) : src.configMap(ns, name);
    if (!obj) {
      if (ref.optional === true) continue;
      return { ok: false, message: `${isSecret ? 'secret' : 'configmap'} "${name}" not found` };
    }
    for (const [k, v] of Object.entries(dataOf(obj, isSecret))) env[prefix + k] = v;
  }
  for (const e of a(container.env)) {
    const name = s(e.name);
    if (e.value !== undefined || e.valueFrom === undefined) {
      env[name] = expand(s(e.value), env);
      continue;
    }
    const vf = o(e.valueFrom);
    if (vf.fieldRef !== undefined) env[name] = fieldRefValue(pod, s(o(vf.fieldRef).fieldPath), rt);
    else if (vf.resourceFieldRef !== undefined) env[name] = resourceFieldValue(container, o(vf.resourceFieldRef), rt);
    else {
      const isSecret = vf.secretKeyRef !== undefined;
      const ref = o(isSecret ? vf.secretKeyRef : vf.configMapKeyRef);
      const objName = s(ref.name);
      const key = s(ref.key);
      const obj = isSecret ? src.secret(ns, objName) : src.configMap(ns, objName);
      if (!obj) {
        if (ref.optional === true) continue;
        return { ok: false, message: `${isSecret ? 'secret' : 'configmap'} "${objName}" not found` };
      }
      const data = dataOf(obj, isSecret);
      if (!(key in data)) {
        if (ref.optional === true) continue;
        return { ok: false, message: `couldn't find key ${key} in ${isSecret ? 'Secret' : 'ConfigMap'} ${ns}/${objName}` };
      }
      env[name] = data[key];
    }
  }
  return { ok: true, value: env };
}

/** `$(VAR)` expansion of env values against the variables defined before (`$$` escapes). */
export function expand(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    return name !== undefined && name in env ? env[name] : m;
  });
}

/**
 * The files a container sees from its ConfigMap/Secret volume mounts (mountPath/key -> content,
 * honouring items and subPath), or upstream's FailedMount message for a missing source.
 */
export function resolveVolumeFiles(pod: KObject, container: Json, src: ConfigSource): Resolved<Record<string, string>> {
  const ns = pod.metadata.namespace ?? 'default';
  const volumes = new Map(a(o(pod.spec).volumes).map((v) => [s(v.name), v] as const));
  const files: Record<string, string> = {};
  for (const mount of a(container.volumeMounts)) {
    const vol = volumes.get(s(mount.name));
    if (!vol) continue;
    const isSecret = vol.secret !== undefined;
    if (!isSecret && vol.configMap === undefined) continue;
    const ref = o(isSecret ? vol.secret : vol.configMap);
    const objName = s(isSecret ? ref.secretName : ref.name);
    const obj = isSecret ? src.secret(ns, objName) : src.configMap(ns, objName);
    if (!obj) {
      if (ref.optional === true) continue;
      const what = isSecret ? 'secret' : 'configmap';
      return { ok: false, message: `MountVolume.SetUp failed for volume "${s(vol.name)}" : ${what} "${objName}" not found` };
    }
    const data = dataOf(obj, isSecret);
    const items = a(ref.items);
    const entries: [string, string][] = items.length
      ? items.filter((it) => s(it.key) in data).map((it) => [s(it.path), data[s(it.key)]])
      : Object.entries(data);
    const base = s(mount.mountPath).replace(/\/+$/, '');
    const sub = s(mount.subPath);
    for (const [path, content] of entries) {
      if (sub) {
        if (path === sub) files[base] = content;
      } else files[`${base}/${path}`] = content;
    }
  }
  return { ok: true, value: files };
}

/** The kubelet-managed /etc/hosts of a pod. */
export function etcHosts(podIP: string, hostname: string): string {
  return [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    `${podIP}\t${hostname}`,
    '',
  ].join('\n');
}

/** /etc/resolv.conf for dnsPolicy ClusterFirst (kube-dns at 10.96.0.10). */
export function resolvConf(namespace: string): string {
  return `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`;
}
