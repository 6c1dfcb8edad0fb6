// PodSpec defaulting as the apiserver applies it to pods and to every pod template
// (pkg/apis/core/v1/defaults.go SetDefaults_PodSpec, _Container, _Probe, _Volume, ... + zz_generated).

import type { Obj } from '../validation/json';
import { ensureObj, isObj, objs, setDefault, setDefaultStr, getObj } from '../validation/json';
import { canonicalizeResourceList } from './quantities';

/** SetDefaults_Container's pull policy: Always for `:latest` or no tag, IfNotPresent otherwise (digest included). */
export function defaultPullPolicy(image: string): string {
  // An unparsable (e.g. empty) reference yields no tag upstream, hence IfNotPresent.
  if (image.trim() === '' || image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  const tag = lastColon > lastSlash ? image.slice(lastColon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: unknown): void {
  if (!isObj(p)) return;
  setDefault(p, 'timeoutSeconds', 1);
  setDefault(p, 'periodSeconds', 10);
  setDefault(p, 'successThreshold', 1);
  setDefault(p, 'failureThreshold', 3);
  defaultHandler(p);
}

/** ProbeHandler / LifecycleHandler parts: httpGet path "/" and scheme HTTP. */
function defaultHandler(h: Obj): void {
  const http = getObj(h, 'httpGet');
  if (http) {
    setDefaultStr(http, 'path', '/');
    setDefaultStr(http, 'scheme', 'HTTP');
  }
}

function defaultEnv(env: Obj[]): void {
  for (const e of env) {
    const fieldRef = getObj(getObj(e, 'valueFrom'), 'fieldRef');
    if (fieldRef) setDefaultStr(fieldRef, 'apiVersion', 'v1');
  }
}

/** Container defaults (regular, init and ephemeral containers alike). */
export function defaultContainer(c: Obj, hostNetwork: boolean): void {
  setDefaultStr(c, 'imagePullPolicy', defaultPullPolicy(typeof c.image === 'string' ? c.image : ''));
  setDefaultStr(c, 'terminationMessagePath', '/dev/termination-log');
  setDefaultStr(c, 'terminationMessagePolicy', 'File');
  const resources = ensureObj(c, 'resources');
  canonicalizeResourceList(resources.limits);
  canonicalizeResourceList(resources.requests);
  for (const port of objs(c, 'ports')) {
    setDefaultStr(port, 'protocol', 'TCP');
    // defaultHostNetworkPorts: with hostNetwork the host port is the container port.
    if (hostNetwork && (port.hostPort === undefined || port.hostPort === 0)) port.hostPort = port.containerPort;
  }
  defaultEnv(objs(c, 'env'));
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  const lifecycle = getObj(c, 'lifecycle');
  if (lifecycle) {
    for (const k of ['postStart', 'preStop']) {
      const h = getObj(lifecycle, k);
      if (h) defaultHandler(h);
    }
  }
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

/** The volume source keys upstream knows, in its declaration order. */
export function volumeSourceKeys(v: Obj): string[] {
  return VOLUME_SOURCES.filter((k) => v[k] !== undefined && v[k] !== null);
}

function defaultItemsMode(src: Obj): void {
  setDefault(src, 'defaultMode', 420);
}

/** SetDefaults_Volume and the per-source defaults (modes 420, hostPath type "", iscsi/rbd bits...). */
export function defaultVolume(v: Obj): void {
  if (volumeSourceKeys(v).length === 0) v.emptyDir = {};
  const secret = getObj(v, 'secret');
  if (secret) defaultItemsMode(secret);
  const configMap = getObj(v, 'configMap');
  if (configMap) defaultItemsMode(configMap);
  const downward = getObj(v, 'downwardAPI');
  if (downward) {
    defaultItemsMode(downward);
    for (const item of objs(downward, 'items')) {
      const fr = getObj(item, 'fieldRef');
      if (fr) setDefaultStr(fr, 'apiVersion', 'v1');
    }
  }
  const projected = getObj(v, 'projected');
  if (projected) {
    defaultItemsMode(projected);
    for (const s of objs(projected, 'sources')) {
      const sat = getObj(s, 'serviceAccountToken');
      if (sat) setDefault(sat, 'expirationSeconds', 3600);
      const da = getObj(s, 'downwardAPI');
      for (const item of objs(da, 'items')) {
        const fr = getObj(item, 'fieldRef');
        if (fr) setDefaultStr(fr, 'apiVersion', 'v1');
      }
    }
  }
  const hostPath = getObj(v, 'hostPath');
  if (hostPath) setDefault(hostPath, 'type', '');
  const iscsi = getObj(v, 'iscsi');
  if (iscsi) setDefaultStr(iscsi, 'iscsiInterface', 'default');
  const rbd = getObj(v, 'rbd');
  if (rbd) {
    setDefaultStr(rbd, 'pool', 'rbd');
    setDefaultStr(rbd, 'user', 'admin');
    setDefaultStr(rbd, 'keyring', '/etc/ceph/keyring');
  }
  const azureDisk = getObj(v, 'azureDisk');
  if (azureDisk) {
    setDefault(azureDisk, 'cachingMode', 'ReadWrite');
    setDefault(azureDisk, 'fsType', 'ext4');
    setDefault(azureDisk, 'readOnly', false);
    setDefault(azureDisk, 'kind', 'Shared');
  }
  const eph = getObj(getObj(getObj(v, 'ephemeral'), 'volumeClaimTemplate'), 'spec');
  if (eph) setDefaultStr(eph, 'volumeMode', 'Filesystem');
}

/** SetDefaults_PodSpec plus everything nested in it. */
export function defaultPodSpec(spec: Obj): void {
  setDefaultStr(spec, 'dnsPolicy', 'ClusterFirst');
  setDefaultStr(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefaultStr(spec, 'schedulerName', 'default-scheduler');
  const hostNetwork = spec.hostNetwork === true;
  for (const k of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of objs(spec, k)) defaultContainer(c, hostNetwork);
  }
  for (const v of objs(spec, 'volumes')) defaultVolume(v);
  const overhead = getObj(spec, 'overhead');
  if (overhead) canonicalizeResourceList(overhead);
}

/** SetDefaults_Pod: requests default to limits (per resource), enableServiceLinks true. Then the PodSpec defaults. */
export function defaultPod(pod: Obj): void {
  const spec = ensureObj(pod, 'spec');
  for (const k of ['initContainers', 'containers']) {
    for (const c of objs(spec, k)) {
      const res = getObj(c, 'resources');
      const limits = getObj(res, 'limits');
      if (!res || !limits || Object.keys(limits).length === 0) continue;
      const requests = ensureObj(res, 'requests');
      for (const r of Object.keys(limits)) if (requests[r] === undefined) requests[r] = limits[r];
    }
  }
  setDefault(spec, 'enableServiceLinks', true);
  defaultPodSpec(spec);
}

/** The pod template of a workload (`spec.template`), defaulted as a PodSpec. */
export function defaultPodTemplate(template: unknown): void {
  if (!isObj(template)) return;
  defaultPodSpec(ensureObj(template, 'spec'));
}
