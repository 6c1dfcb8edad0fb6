// Service: defaults (v1 SetDefaults_Service + the single-stack IP family the registry picks),
// validation (ValidateService: DNS-1035 names, ports, types, policies) and clusterIP on update.
// Allocation of clusterIP and nodePorts happens elsewhere.

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { ensureObj, getObj, isObj, objs, setDefault, setDefaultStr, str } from '../validation/json';
import { invalid, required, notSupported, forbidden, duplicate, goText, child, index } from '../validation/field';
import { goValue } from '../validation/field-error';
import { goQuote } from '../../codec/go-quote';
import { isDNS1123Label, isValidPortNum, nameIsDNS1035Label, isDNS1123Subdomain } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate, validateLabels } from '../validation/objectmeta';
import { validatePortNumOrName } from '../validation/container';

import { asObj } from './common';
import type { KindBehaviour } from './types';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** SetDefaults_Service, plus ipFamilyPolicy/ipFamilies SingleStack IPv4 (set by the registry upstream). */
export function defaultService(svc: Obj): void {
  const spec = ensureObj(svc, 'spec');
  setDefaultStr(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = ensureObj(ensureObj(spec, 'sessionAffinityConfig'), 'clientIP');
    setDefault(cfg, 'timeoutSeconds', 10800);
  }
  setDefaultStr(spec, 'type', 'ClusterIP');
  for (const p of objs(spec, 'ports')) {
    setDefaultStr(p, 'protocol', 'TCP');
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const type = spec.type;
  if (type === 'NodePort' || type === 'LoadBalancer') setDefaultStr(spec, 'externalTrafficPolicy', 'Cluster');
  if (type !== 'ExternalName') {
    setDefaultStr(spec, 'internalTrafficPolicy', 'Cluster');
    setDefaultStr(spec, 'ipFamilyPolicy', 'SingleStack');
    if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  }
  if (type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
}

function goServicePortKey(p: Obj): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(str(p, 'protocol'))}, AppProtocol:(*string)(nil), Port:${typeof p.port === 'number' ? p.port : 0}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function validatePorts(spec: Obj, headless: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ports = objs(spec, 'ports');
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const pp = index('spec.ports', i);
    const name = str(p, 'name');
    if (ports.length > 1 && !name) errs.push(required(child(pp, 'name')));
    else if (name) {
      for (const m of isDNS1123Label(name)) errs.push(invalid(child(pp, 'name'), name, m));
      if (names.has(name)) errs.push(duplicate(child(pp, 'name'), name));
      else names.add(name);
    }
    const port = typeof p.port === 'number' ? p.port : 0;
    for (const m of isValidPortNum(port)) errs.push(invalid(child(pp, 'port'), port, m));
    const proto = str(p, 'protocol');
    if (!proto) errs.push(required(child(pp, 'protocol')));
    else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(child(pp, 'protocol'), proto, PROTOCOLS));
    if (!(headless && (p.targetPort === undefined || p.targetPort === 0))) errs.push(...validatePortNumOrName(p.targetPort ?? 0, child(pp, 'targetPort')));
  });
  return errs;
}

/** ValidateService. */
export function validateServiceSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(spec, 'type');
  const headless = str(spec, 'clusterIP') === 'None';
  if (type === 'ExternalName') {
    const en = str(spec, 'externalName');
    if (!en) errs.push(required('spec.externalName'));
    else for (const m of isDNS1123Subdomain(en.replace(/\.$/, ''))) errs.push(invalid('spec.externalName', en, m));
  }
  const ports = objs(spec, 'ports');
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  if (type === 'LoadBalancer') {
    ports.forEach((p, i) => {
      if (str(p, 'protocol') === 'SCTP') errs.push(notSupported(`spec.ports[${i}].protocol`, 'SCTP', ['TCP', 'UDP']));
    });
  }
  errs.push(...validatePorts(spec, headless));
  if (isObj(spec.selector)) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const sa = str(spec, 'sessionAffinity');
  if (!sa) errs.push(required('spec.sessionAffinity'));
  else if (sa !== 'ClientIP' && sa !== 'None') errs.push(notSupported('spec.sessionAffinity', sa, ['ClientIP', 'None']));
  if (!type) errs.push(required('spec.type'));
  else if (!TYPES.includes(type)) errs.push(notSupported('spec.type', type, TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (typeof p.nodePort === 'number' && p.nodePort !== 0) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  ports.forEach((p, i) => {
    if (typeof p.nodePort === 'number' && p.nodePort !== 0) for (const m of isValidPortNum(p.nodePort)) errs.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort, m));
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${str(p, 'protocol')}/${p.port}`;
    if (seen.has(k)) errs.push(duplicate(`spec.ports[${i}]`, goText(goServicePortKey(p))));
    seen.add(k);
  });
  const etp = str(spec, 'externalTrafficPolicy');
  if (type === 'NodePort' || type === 'LoadBalancer') {
    if (!etp) errs.push(required('spec.externalTrafficPolicy'));
    else if (etp !== 'Cluster' && etp !== 'Local') errs.push(notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  } else if (etp) {
    errs.push(invalid('spec.externalTrafficPolicy', etp, "may only be set when `type` is 'NodePort' or 'LoadBalancer'"));
  }
  const itp = str(spec, 'internalTrafficPolicy');
  if (type !== 'ExternalName') {
    if (!itp) errs.push(required('spec.internalTrafficPolicy'));
    else if (itp !== 'Cluster' && itp !== 'Local') errs.push(notSupported('spec.internalTrafficPolicy', itp, ['Cluster', 'Local']));
  }
  if (type !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null) {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', 'may only be used when `type` is \'LoadBalancer\''));
  }
  return errs;
}

export const serviceStrategy: KindBehaviour = {
  defaults(obj) {
    defaultService(asObj(obj));
  },
  validate(obj) {
    const o = asObj(obj);
    return [...validateObjectMeta(o.metadata, true, nameIsDNS1035Label), ...validateServiceSpec(getObj(o, 'spec') ?? {})];
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    const spec = getObj(o, 'spec') ?? {};
    const oldSpec = getObj(p, 'spec') ?? {};
    const errs = [...validateObjectMetaUpdate(o.metadata, p.metadata), ...validateServiceSpec(spec)];
    const oldIP = str(oldSpec, 'clusterIP');
    const newIP = str(spec, 'clusterIP');
    const externalName = str(spec, 'type') === 'ExternalName' || str(oldSpec, 'type') === 'ExternalName';
    if (!externalName && oldIP && newIP && oldIP !== newIP) {
      const ips = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length ? spec.clusterIPs : [newIP];
      errs.push(invalid('spec.clusterIPs[0]', goText(goValue(ips, '[]string')), 'may not change once set'));
    }
    return errs;
  },
  prepareForCreate(obj) {
    asObj(obj).status = { loadBalancer: {} };
  },
  prepareForUpdate(obj, old) {
    const p = asObj(old);
    asObj(obj).status = p.status === undefined ? { loadBalancer: {} } : JSON.parse(JSON.stringify(p.status));
  },
};

