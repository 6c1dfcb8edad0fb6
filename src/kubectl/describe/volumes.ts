// The Volumes section (describeVolumes and its print*VolumeSource helpers) and the PVC block
// that PersistentVolumeClaim and ephemeral volumes share (printPersistentVolumeClaim).
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, NestedPrefixWriter } from './writer';
import type { PrefixWriter } from './writer';
import { printAnnotationsMultiline, printCSIAttributesMultiline, printLabelsMultiline } from './multiline';
import { bool, goStrings, since, goValue, int, isSet, list, qstr, quantity, rec, str, strMap } from './values';
import type { J } from './values';

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function pvcClass(pvc: J): string {
  const ann = rec(pvc?.metadata?.annotations);
  if (ann && 'volume.beta.kubernetes.io/storage-class' in ann) return str(ann['volume.beta.kubernetes.io/storage-class']);
  return str(pvc?.spec?.storageClassName);
}

/** storageutil.GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order. */
export function accessModesAsString(modes: unknown): string {
  const ms = new Set(list(modes).map(str));
  const out: string[] = [];
  if (ms.has('ReadWriteOnce')) out.push('RWO');
  if (ms.has('ReadOnlyMany')) out.push('ROX');
  if (ms.has('ReadWriteMany')) out.push('RWX');
  if (ms.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** printPersistentVolumeClaim: the PVC fields; name, namespace, status, finalizers only when full. */
export function printPersistentVolumeClaim(w: PrefixWriter, pvc: J, isFull: boolean, now: number): void {
  const meta = pvc?.metadata ?? {};
  const spec = pvc?.spec ?? {};
  const status = pvc?.status ?? {};
  if (isFull) {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${pvcClass(pvc)}\n`);
  if (isFull) {
    if (isSet(meta.deletionTimestamp)) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`);
    else w.write(LEVEL_0, `Status:\t${str(status.phase)}\n`);
  }
  w.write(LEVEL_0, `Volume:\t${str(spec.volumeName)}\n`);
  printLabelsMultiline(w, 'Labels', strMap(meta.labels));
  printAnnotationsMultiline(w, 'Annotations', strMap(meta.annotations));
  if (isFull) w.write(LEVEL_0, `Finalizers:\t${goStrings(meta.finalizers)}\n`);
  let capacity = '';
  let accessModes = '';
  if (str(spec.volumeName) !== '') {
    accessModes = accessModesAsString(status.accessModes);
    capacity = qstr(rec(status.capacity)?.storage);
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
  if (isSet(spec.volumeMode)) w.write(LEVEL_0, `VolumeMode:\t${str(spec.volumeMode)}\n`);
  const ds = rec(spec.dataSource);
  if (ds) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (isSet(ds.apiGroup)) w.write(LEVEL_1, `APIGroup:\t${str(ds.apiGroup)}\n`);
    w.write(LEVEL_1, `Kind:\t${str(ds.kind)}\n`);
    w.write(LEVEL_1, `Name:\t${str(ds.name)}\n`);
  }
}

/** Lines after `Type:` of a simple source, each `    Field:\tvalue`. */
function simple(w: PrefixWriter, type: string, fields: Array<[string, string]>): void {
  w.write(LEVEL_2, `Type:\t${type}\n` + fields.map(([k, v]) => `    ${k}:\t${v}\n`).join(''));
}

function printProjected(w: PrefixWriter, p: J): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of list(p?.sources)) {
    if (rec(s?.secret)) {
      w.write(LEVEL_2, `SecretName:\t${str(s.secret.name)}\n    SecretOptionalName:\t${goValue(s.secret.optional)}\n`);
    } else if (rec(s?.downwardAPI)) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (rec(s?.configMap)) {
      w.write(LEVEL_2, `ConfigMapName:\t${str(s.configMap.name)}\n    ConfigMapOptional:\t${goValue(s.configMap.optional)}\n`);
    } else if (rec(s?.serviceAccountToken)) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${int(s.serviceAccountToken.expirationSeconds)}\n`);
    }
  }
}

/** The Type and fields of one volume source (the switch in describeVolumes). */
export function printVolumeSource(w: PrefixWriter, v: J, now: number): void {
  const optional = (x: J) => bool(x?.optional === true);
  if (rec(v.hostPath)) {
    const t = isSet(v.hostPath.type) ? str(v.hostPath.type) : '<none>';
    simple(w, 'HostPath (bare host directory volume)', [['Path', str(v.hostPath.path)], ['HostPathType', t]]);
  } else if (rec(v.emptyDir)) {
    const q = quantity(v.emptyDir.sizeLimit);
    const size = q && q.sign() > 0 ? q.toString() : '<unset>';
    simple(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [['Medium', str(v.emptyDir.medium)], ['SizeLimit', size]]);
  } else if (rec(v.gcePersistentDisk)) {
    const g = v.gcePersistentDisk;
    simple(w, 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', [['PDName', str(g.pdName)], ['FSType', str(g.fsType)], ['Partition', int(g.partition)], ['ReadOnly', bool(g.readOnly)]]);
  } else if (rec(v.awsElasticBlockStore)) {
    const a = v.awsElasticBlockStore;
    simple(w, 'AWSElasticBlockStore (a Persistent Disk resource in AWS)', [['VolumeID', str(a.volumeID)], ['FSType', str(a.fsType)], ['Partition', int(a.partition)], ['ReadOnly', bool(a.readOnly)]]);
  } else if (rec(v.gitRepo)) {
    simple(w, 'GitRepo (a volume that is pulled from git when the pod is created)', [['Repository', str(v.gitRepo.repository)], ['Revision', str(v.gitRepo.revision)]]);
  } else if (rec(v.secret)) {
    simple(w, 'Secret (a volume populated by a Secret)', [['SecretName', str(v.secret.secretName)], ['Optional', optional(v.secret)]]);
  } else if (rec(v.configMap)) {
    simple(w, 'ConfigMap (a volume populated by a ConfigMap)', [['Name', str(v.configMap.name)], ['Optional', optional(v.configMap)]]);
  } else if (rec(v.nfs)) {
    simple(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [['Server', str(v.nfs.server)], ['Path', str(v.nfs.path)], ['ReadOnly', bool(v.nfs.readOnly)]]);
  } else if (rec(v.persistentVolumeClaim)) {
    const c = v.persistentVolumeClaim;
    simple(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [['ClaimName', str(c.claimName)], ['ReadOnly', bool(c.readOnly)]]);
  } else if (rec(v.ephemeral)) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
    const t = rec(v.ephemeral.volumeClaimTemplate);
    if (t) printPersistentVolumeClaim(new NestedPrefixWriter(w, LEVEL_2), { metadata: t.metadata ?? {}, spec: t.spec ?? {} }, false, now);
  } else if (rec(v.downwardAPI)) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const m of list(v.downwardAPI.items)) {
      if (rec(m?.fieldRef)) w.write(LEVEL_3, `${str(m.fieldRef.fieldPath)} -> ${str(m.path)}\n`);
      if (rec(m?.resourceFieldRef)) w.write(LEVEL_3, `${str(m.resourceFieldRef.resource)} -> ${str(m.path)}\n`);
    }
  } else if (rec(v.projected)) {
    printProjected(w, v.projected);
  } else if (rec(v.csi)) {
    const c = v.csi;
    simple(w, 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver', str(c.driver)], ['FSType', str(c.fsType)], ['ReadOnly', bool(c.readOnly)]]);
    printCSIAttributesMultiline(w, 'VolumeAttributes', strMap(c.volumeAttributes));
  } else if (rec(v.image)) {
    simple(w, 'Image (a container image or OCI artifact)', [['Reference', str(v.image.reference)], ['PullPolicy', str(v.image.pullPolicy)]]);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** describeVolumes: `Volumes:  <none>` or each volume's name and source. */
export function describeVolumes(volumes: unknown, w: PrefixWriter, space: string, now: number): void {
  const vs = list(volumes);
  if (vs.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space.length > 0 ? ' ' : '';
  for (const v of vs) {
    w.write(LEVEL_1, `${nameIndent}${str(v?.name)}:\n`);
    printVolumeSource(w, v ?? {}, now);
  }
}
