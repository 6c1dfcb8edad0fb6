// Describers of PersistentVolume, PersistentVolumeClaim and StorageClass.
import type { KObject } from '../../engine/api/types';
import { formatLabels } from '../../engine/api/labels';
import { safeList } from './client';
import type { DescribeContext } from './client';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printCSIAttributesMultiline, printLabelsMultiline } from './multiline';
import { accessModesAsString, printPersistentVolumeClaim, printVolumeSource } from './volumes';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './writer';
import type { PrefixWriter } from './writer';
import { bool, goStrings, isSet, list, printBoolPtr, qstr, rec, rfc1123z, since, str, strMap } from './values';
import type { J } from './values';

function pvClass(pv: J): string {
  const ann = rec(pv?.metadata?.annotations);
  if (ann && 'volume.beta.kubernetes.io/storage-class' in ann) return str(ann['volume.beta.kubernetes.io/storage-class']);
  return str(pv?.spec?.storageClassName);
}

function printNodeAffinity(w: PrefixWriter, affinity: J): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!rec(affinity?.required)) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = list(affinity.required.nodeSelectorTerms);
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term: J, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = list(term?.matchExpressions);
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((r: J, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      let expr = `${str(r?.key)} ${str(r?.operator).toLowerCase()}`;
      const values = list(r?.values).map(str);
      if (values.length > 0) expr += ` [${values.join(', ')}]`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

function printPVSource(w: PrefixWriter, spec: J, now: number): void {
  if (rec(spec.local)) {
    w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${str(spec.local.path)}\n`);
  } else if (rec(spec.csi)) {
    const c = spec.csi;
    w.write(
      LEVEL_2,
      'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n' +
        `    Driver:\t${str(c.driver)}\n    FSType:\t${str(c.fsType)}\n    VolumeHandle:\t${str(c.volumeHandle)}\n    ReadOnly:\t${bool(c.readOnly)}\n`,
    );
    printCSIAttributesMultiline(w, 'VolumeAttributes', strMap(c.volumeAttributes));
  } else if (rec(spec.hostPath) || rec(spec.nfs) || rec(spec.gcePersistentDisk) || rec(spec.awsElasticBlockStore)) {
    printVolumeSource(w, spec, now);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** kubectl describe persistentvolume. */
export async function describePersistentVolume(pv: KObject, ctx: DescribeContext): Promise<string> {
  const o = pv as J;
  const events = await eventsFor(ctx, pv);
  return tabbedString((w) => {
    const spec = o.spec ?? {};
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `Finalizers:\t${goStrings(o.metadata?.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${pvClass(o)}\n`);
    if (isSet(o.metadata?.deletionTimestamp)) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(o.metadata.deletionTimestamp, ctx.opts.now)})\n`);
    else w.write(LEVEL_0, `Status:\t${str(o.status?.phase)}\n`);
    const claim = rec(spec.claimRef);
    w.write(LEVEL_0, `Claim:\t${claim ? `${str(claim.namespace)}/${str(claim.name)}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${str(spec.persistentVolumeReclaimPolicy)}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesAsString(spec.accessModes)}\n`);
    if (isSet(spec.volumeMode)) w.write(LEVEL_0, `VolumeMode:\t${str(spec.volumeMode)}\n`);
    w.write(LEVEL_0, `Capacity:\t${qstr(rec(spec.capacity)?.storage)}\n`);
    printNodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${str(o.status?.message)}\n`);
    w.write(LEVEL_0, 'Source:\n');
    printPVSource(w, spec, ctx.opts.now);
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}

/** getPodsForPVC: pods mounting the claim, then owner pods not already listed. */
async function podsForPVC(ctx: DescribeContext, pvc: J): Promise<J[]> {
  const all = ((await safeList(ctx, '', 'pods', str(pvc?.metadata?.namespace))) ?? []) as J[];
  const name = str(pvc?.metadata?.name);
  const pods: J[] = [];
  for (const pod of all) {
    for (const v of list(pod?.spec?.volumes)) if (rec(v?.persistentVolumeClaim) && str(v.persistentVolumeClaim.claimName) === name) pods.push(pod);
  }
  for (const ref of list(pvc?.metadata?.ownerReferences)) {
    if (str(ref?.kind) !== 'Pod') continue;
    const owner = all.find((p) => str(p?.metadata?.uid) === str(ref?.uid));
    if (owner && !pods.some((p) => str(p?.metadata?.uid) === str(owner.metadata?.uid))) pods.push(owner);
  }
  return pods;
}

/** kubectl describe persistentvolumeclaim. */
export async function describePersistentVolumeClaim(pvc: KObject, ctx: DescribeContext): Promise<string> {
  const o = pvc as J;
  const pods = await podsForPVC(ctx, o);
  const events = await eventsFor(ctx, pvc);
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, o, true, ctx.opts.now);
    w.write(LEVEL_0, 'Used By:\t');
    const names = pods.map((p) => str(p?.metadata?.name)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0) w.writeLine('<none>');
    names.forEach((n, i) => {
      if (i !== 0) {
        w.write(LEVEL_0, '');
        w.write(LEVEL_0, '\t');
      }
      w.write(LEVEL_0, `${n}\n`);
    });
    const conds = list(o.status?.conditions);
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conds) {
        w.write(
          LEVEL_1,
          `${str(c?.type)} \t${str(c?.status)} \t${rfc1123z(c?.lastProbeTime)} \t${rfc1123z(c?.lastTransitionTime)} \t${str(c?.reason)} \t${str(c?.message)}\n`,
        );
      }
    }
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}

/** kubectl describe storageclass. */
export async function describeStorageClass(sc: KObject, ctx: DescribeContext): Promise<string> {
  const o = sc as J;
  const events = await eventsFor(ctx, sc);
  return tabbedString((w) => {
    const ann = strMap(o.metadata?.annotations);
    const isDefault = ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(ann)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${str(o.provisioner)}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(strMap(o.parameters))}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(o.allowVolumeExpansion)}\n`);
    const opts = list(o.mountOptions).map(str);
    if (opts.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const m of opts) w.write(LEVEL_1, `${m}\n`);
    }
    if (isSet(o.reclaimPolicy)) w.write(LEVEL_0, `ReclaimPolicy:\t${str(o.reclaimPolicy)}\n`);
    if (isSet(o.volumeBindingMode)) w.write(LEVEL_0, `VolumeBindingMode:\t${str(o.volumeBindingMode)}\n`);
    if (isSet(o.allowedTopologies)) {
      const terms = list(o.allowedTopologies);
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (terms.length === 0) w.writeLine('<none>');
      else {
        w.writeLine('');
        terms.forEach((term: J, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`);
          const reqs = list(term?.matchLabelExpressions);
          if (reqs.length === 0) w.writeLine('<none>');
          reqs.forEach((r: J, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            const values = list(r?.values).map(str);
            w.write(LEVEL_0, `${str(r?.key)} in${values.length > 0 ? ` [${values.join(', ')}]` : ''}\n`);
          });
        });
      }
    }
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}
