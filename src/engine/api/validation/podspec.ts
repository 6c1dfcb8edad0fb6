// PodSpec and PodTemplateSpec validation (pkg/apis/core/validation ValidatePodSpec,
// ValidatePodTemplateSpec), in upstream's order so multi-error messages list causes as it does.

import type { FieldError } from '../strategy';
import type { Obj } from './json';
import { getObj, isObj, objs, str } from './json';
import { invalid, required, notSupported, forbidden, child, index } from './field';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, inclusiveRangeError } from './names';
import { validateLabels, validateAnnotations } from './objectmeta';
import { validateContainers, validateInitContainers } from './container';
import { validateVolumes } from './volumes';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;

/** ValidateTolerations. */
export function validateTolerations(tolerations: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const ip = index(path, i);
    const k = str(t, 'key');
    const op = str(t, 'operator');
    if (k) for (const m of isQualifiedName(k)) errs.push(invalid(child(ip, 'key'), k, m));
    if (!k && op !== 'Exists') {
      errs.push(invalid(child(ip, 'operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && str(t, 'effect') !== 'NoExecute') {
      errs.push(invalid(child(ip, 'effect'), str(t, 'effect'), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === '' || op === 'Equal') {
      for (const m of isValidLabelValue(str(t, 'value'))) errs.push(invalid(child(ip, 'operator'), str(t, 'value'), m));
    } else if (op === 'Exists') {
      if (str(t, 'value')) errs.push(invalid(child(ip, 'operator'), str(t, 'value'), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(child(ip, 'operator'), op, ['Equal', 'Exists']));
    }
    const effect = str(t, 'effect');
    if (effect && !TAINT_EFFECTS.includes(effect)) errs.push(notSupported(child(ip, 'effect'), effect, TAINT_EFFECTS));
  });
  return errs;
}

/** ValidatePodSpec. */
export function validatePodSpec(spec: Obj | undefined, path: string): FieldError[] {
  const s = spec ?? {};
  const { errors: errs, names: volumes } = validateVolumes(objs(s, 'volumes'), child(path, 'volumes'));
  const containers = objs(s, 'containers');
  errs.push(...validateContainers(containers, volumes, child(path, 'containers')));
  const containerNames = new Set(containers.map((c) => str(c, 'name')));
  errs.push(...validateInitContainers(objs(s, 'initContainers'), containerNames, volumes, child(path, 'initContainers')));
  const rp = str(s, 'restartPolicy');
  if (!rp) errs.push(required(child(path, 'restartPolicy')));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(notSupported(child(path, 'restartPolicy'), rp, RESTART_POLICIES));
  const dp = str(s, 'dnsPolicy');
  if (!dp) errs.push(required(child(path, 'dnsPolicy')));
  else if (!DNS_POLICIES.includes(dp)) errs.push(notSupported(child(path, 'dnsPolicy'), dp, DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, child(path, 'nodeSelector')));
  objs(s, 'imagePullSecrets').forEach((ref, i) => {
    if (!str(ref, 'name')) errs.push(required(child(index(child(path, 'imagePullSecrets'), i), 'name')));
  });
  if (dp === 'None') {
    const ns = getObj(s, 'dnsConfig');
    if (!ns) errs.push(required(child(path, 'dnsConfig'), 'must provide `dnsConfig` when `dnsPolicy` is None'));
    else if (!Array.isArray(ns.nameservers) || ns.nameservers.length === 0) {
      errs.push(required(child(path, 'dnsConfig', 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None'));
    }
  }
  const sa = str(s, 'serviceAccountName');
  if (sa) for (const m of isDNS1123Subdomain(sa)) errs.push(invalid(child(path, 'serviceAccountName'), sa, m));
  const node = str(s, 'nodeName');
  if (node) for (const m of isDNS1123Subdomain(node)) errs.push(invalid(child(path, 'nodeName'), node, m));
  if (typeof s.activeDeadlineSeconds === 'number' && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(invalid(child(path, 'activeDeadlineSeconds'), s.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)));
  }
  for (const f of ['hostname', 'subdomain']) {
    const v = str(s, f);
    if (v) for (const m of isDNS1123Label(v)) errs.push(invalid(child(path, f), v, m));
  }
  errs.push(...validateTolerations(objs(s, 'tolerations'), child(path, 'tolerations')));
  const pc = str(s, 'priorityClassName');
  if (pc) for (const m of isDNS1123Subdomain(pc)) errs.push(invalid(child(path, 'priorityClassName'), pc, m));
  return errs;
}

/** ValidatePodTemplateSpec: labels/annotations (at `<path>.labels`, as upstream spells it), then the spec. */
export function validatePodTemplateSpec(template: unknown, path: string): FieldError[] {
  const t = isObj(template) ? template : {};
  const meta = getObj(t, 'metadata') ?? {};
  const errs = validateLabels(meta.labels, child(path, 'labels'));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validatePodSpec(getObj(t, 'spec'), child(path, 'spec')));
  if (objs(getObj(t, 'spec'), 'ephemeralContainers').length > 0) {
    errs.push(forbidden(child(path, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
